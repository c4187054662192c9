"""Make sure the site has its home page and library. Used by load_demo and the importer.

Also the one address of the site: Wagtail's default Site gets the host and port of `settings.SITE_URL`
(after every `migrate`, see home/apps.py, and in load_demo), so every absolute link Wagtail builds
(sitemap, API `html_url`, JSON-LD, feed, admin exports) starts with it.
"""

from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from agenda.models import AgendaIndexPage
from agenda.roles import ensure_agenda_editors
from home.groups import scope_default_groups
from home.models import HomePage
from klussen import setup as klussen_setup
from klussen.models import KlusIndexPage
from opleidingen.models import OpleidingenIndexPage
from projecten.models import InspiratieIndexPage
from vacatures.models import VacatureIndexPage, WerkgeversIndexPage
from verhalen.models import VerhalenIndexPage
from verhalen.roles import ensure_story_editors

EVALUATIE_COLLECTIE = "Evaluatierapporten"


@transaction.atomic
def ensure_home():
    home = HomePage.objects.first()
    if home:
        sync_site_address()
        return home
    home = ensure_roots().add_child(
        instance=HomePage(
            title="In Beweging",
            slug="in-beweging",
            intro=(
                "<p>Inspiratie en vacatures voor medewerkers van gemeenten en andere publieke werkgevers: "
                "leer van projecten die elders werkten en vind je volgende stap.</p>"
            ),
        )
    )
    site = Site.objects.filter(is_default_site=True).first()
    if site:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "In Beweging"
        site.save()
        # The welcome page Wagtail creates on a new install is a plain Page with no children.
        if old_root.specific_class is Page and not old_root.get_children().exists():
            old_root.delete()
    else:
        hostname, port = site_address()
        Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True,
                            site_name="In Beweging")
    sync_site_address()
    klussen_setup.ensure_klus_index(apps)  # /klussen/ comes with every home page (also klussen.0002)
    home.refresh_from_db()  # the helper added a child outside treebeard: numchild changed
    return home


def site_address(url=None):
    """(hostname, port) of SITE_URL, as Wagtail's Site stores them (port 443 means https)."""
    parts = urlsplit(url or settings.SITE_URL)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/"):
        raise ImproperlyConfigured(f"SITE_URL must look like https://www.example.nl, not {url or settings.SITE_URL!r}")
    if parts.scheme == "https" and parts.port not in (None, 443):
        raise ImproperlyConfigured("Wagtail's Site can only express https on port 443; set SITE_URL accordingly")
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def sync_site_address():
    """Give the default Site the host and port of SITE_URL. Returns True when it changed."""
    site = Site.objects.filter(is_default_site=True).first()
    hostname, port = site_address()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    site.save()  # Wagtail clears its cached site root paths on save
    return True


def ensure_roots():
    """What Wagtail's migrations create (default locale, root page, root collection), if a flush removed it."""
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))


def ensure_collection(name):
    ensure_roots()
    return Collection.objects.filter(name=name).first() or Collection.get_first_root_node().add_child(name=name)


@transaction.atomic
def ensure_library():
    """The library at /inspiratie/, the document collection for its evaluation reports, and Wagtail's
    Editors and Moderators on the library (only there: home/groups.py)."""
    ensure_collection(EVALUATIE_COLLECTIE)
    library = InspiratieIndexPage.objects.first()
    if library is None:
        library = create_library()
    scope_default_groups(apps)
    return library


def create_library():
    return ensure_home().add_child(
        instance=InspiratieIndexPage(
            title="Inspiratie",
            slug="inspiratie",
            intro=(
                "<p>Projecten die gemeenten met subsidie van het A&amp;O fonds Gemeenten uitvoerden. "
                "Filter op gemeente, thema, status of subsidieronde.</p>"
            ),
        )
    )


@transaction.atomic
def ensure_vacancy_pages():
    """/werkgevers/ and /vacatures/ under the home page."""
    home = ensure_home()
    werkgevers = WerkgeversIndexPage.objects.first() or home.add_child(
        instance=WerkgeversIndexPage(
            title="Werkgevers", slug="werkgevers",
            intro="<p>De publieke werkgevers die hun vacatures in het netwerk delen, per regio.</p>",
        )
    )
    vacatures = VacatureIndexPage.objects.first() or home.add_child(
        instance=VacatureIndexPage(
            title="Vacatures", slug="vacatures",
            intro="<p>Vacatures van deelnemende publieke werkgevers. Zoek op werkgever, regio, soort en uren.</p>",
        )
    )
    scope_default_groups(apps)  # Wagtail's default groups never reach the employers
    return werkgevers, vacatures


@transaction.atomic
def ensure_klus_index():
    """/klussen/ under the home page: temporary assignments, for signed-in employees only. The same helper as
    the data migration klussen.0002 (klussen/setup.py), so every install has it."""
    ensure_home()
    return KlusIndexPage.objects.get(pk=klussen_setup.ensure_klus_index(apps).pk)


def ensure_training_pages():
    """/opleidingen/ (the Twentse School) under the home page."""
    return OpleidingenIndexPage.objects.first() or ensure_home().add_child(
        instance=OpleidingenIndexPage(
            title="Opleidingen", slug="opleidingen",
            intro="<p>De Twentse School: opleidingen voor medewerkers van de deelnemende werkgevers. "
            "Filter op thema, vorm, maand en plaats.</p>",
        )
    )


def ensure_agenda_page():
    """/agenda/ under the home page, edited by the network coordinators."""
    agenda = AgendaIndexPage.objects.first() or ensure_home().add_child(
        instance=AgendaIndexPage(
            title="Agenda", slug="agenda",
            intro="<p>Bijeenkomsten, workshops en themaweken van het netwerk. Neem ze op in je eigen agenda.</p>",
        )
    )
    ensure_agenda_editors(agenda)
    scope_default_groups(apps)  # Wagtail's default groups stay in the library
    return agenda


VERHALEN_INTRO = (
    "<p>Ervaringen van medewerkers en teams die in beweging kwamen: een andere baan, een klus, een opleiding, "
    "een ruil of een project. Filter op soort verhaal, werkgever en waar het verhaal over gaat.</p>"
)


def ensure_story_index():
    """/verhalen/ under the home page (also made by the data migration verhalen 0002), edited by the network
    coordinators."""
    index = VerhalenIndexPage.objects.first() or ensure_home().add_child(
        instance=VerhalenIndexPage(title="Verhalen", slug="verhalen", intro=VERHALEN_INTRO)
    )
    ensure_story_editors(index)
    scope_default_groups(apps)  # Wagtail's default groups stay in the library
    return index
