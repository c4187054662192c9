"""/klussen/ on every install: the one helper that creates the klussen index under the home page.

`ensure_klus_index(apps)` takes an app registry, so the data migration (klussen.0002, historical models) and
the site setup (`home.site_setup.ensure_klus_index`, run by `load_demo` and the tests) share it.
"""

from kern.index_pages import ensure_index_page

TITLE = "Klussen"
SLUG = "klussen"
INTRO = "<p>Tijdelijke klussen bij deelnemende werkgevers, voor hun medewerkers.</p>"


def ensure_klus_index(apps):
    """The KlusIndexPage (created under the first home page if there is none); None without a home page."""
    return ensure_index_page(apps, "klussen", "KlusIndexPage", TITLE, SLUG, intro=INTRO)
