"""/klussen/ on every install: the one helper that creates the klussen index under the home page.

`ensure_klus_index(apps)` takes an app registry, so the data migration (klussen.0002, historical models) and
the site setup (`home.site_setup.ensure_klus_index`, run by `load_demo` and the tests) share it. Historical
models have no treebeard methods, so the page's tree path is computed here as `add_child` would: the next step
after the home page's last child. Idempotent: with a klussen index anywhere, or without a home page, nothing
is created.
"""

from django.utils import timezone
from wagtail.models import Page as TreePage

TITLE = "Klussen"
SLUG = "klussen"
INTRO = "<p>Tijdelijke klussen bij deelnemende werkgevers, voor hun medewerkers.</p>"


def ensure_klus_index(apps):
    """The KlusIndexPage (created under the first home page if there is none); None without a home page."""
    KlusIndexPage = apps.get_model("klussen", "KlusIndexPage")  # noqa: N806 - model classes
    HomePage = apps.get_model("home", "HomePage")  # noqa: N806
    Page = apps.get_model("wagtailcore", "Page")  # noqa: N806
    ContentType = apps.get_model("contenttypes", "ContentType")  # noqa: N806

    existing = KlusIndexPage.objects.order_by("path").first()
    if existing is not None:
        return existing
    home = HomePage.objects.order_by("path").first()
    if home is None:
        return None
    slug = SLUG
    siblings = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
    taken = set(siblings.values_list("slug", flat=True))
    number = 1
    while slug in taken:  # a page called "klussen" already there: number it, as the admin would
        number += 1
        slug = f"{SLUG}-{number}"
    last = siblings.order_by("-path").values_list("path", flat=True).first()
    step = TreePage._str2int(last[-TreePage.steplen:]) + 1 if last else 1  # noqa: SLF001 - treebeard's path arithmetic
    path = TreePage._get_path(home.path, home.depth + 1, step)  # noqa: SLF001
    content_type, _ = ContentType.objects.get_or_create(app_label="klussen", model="klusindexpage")
    now = timezone.now()
    page = KlusIndexPage.objects.create(
        title=TITLE, draft_title=TITLE, slug=slug, intro=INTRO, content_type_id=content_type.pk,
        path=path, depth=home.depth + 1, numchild=0, url_path=f"{home.url_path}{slug}/",
        locale_id=home.locale_id, live=True, has_unpublished_changes=False,
        first_published_at=now, last_published_at=now,
    )
    Page.objects.filter(pk=home.pk).update(numchild=siblings.count())
    return page
