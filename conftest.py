"""Shared fixtures and helpers: the site tree, a factory for project pages, data shared by a module's
tests (`module_db`), the real source files (`seed_file`, `seed_path`), signing in as an employee, and real PDFs."""

import copy
import io
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.test import Client
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from home.site_setup import ensure_library
from projecten.models import ProjectMateriaal, ProjectOrganisatie, ProjectPage
from taxonomie.models import Organisatie, Thema

# Fixtures of the vacancy exchange (a small network of employers, vacancies in every phase),
# used by the vacancy, employee, reaction, search and report tests alike.
pytest_plugins = ["vacatures.tests.fixtures", "outbox.tests.fixtures"]


# -- data shared by the tests of a module -----------------------------------------------------------------


@pytest.fixture(scope="module")
def module_db(django_db_setup, django_db_blocker):
    """Rows that every test of a module only reads are made once, like Django's setUpTestData: a module-scoped
    fixture that requests this one writes inside a transaction that stays open for the module and is rolled back
    after its last test. Each test still runs in its own savepoint inside it (pytest_collection_modifyitems
    gives it the django_db mark), so what a test writes is gone before the next one.

    Every test of the module sees the shared rows, also one that does not ask for them: share only what every
    test of the module can live with. A page that tests add children to, or an object a test changes in memory,
    goes to each test as a deep copy (the *_from_module fixtures, `network = network_from_module` in the module),
    as setUpTestData does; otherwise the rollback would leave, say, a parent's child count behind.
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic._from_testcase = True  # as Django's TestCase: a durable atomic block inside still works
        with atomic:
            yield
            transaction.set_rollback(True)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """A test using module_db gets the django_db mark: its own savepoint inside the module's transaction.

    (Before pytest-django's own hook, which puts transaction tests last by that mark.) pytest-xdist's default
    distribution hands each worker consecutive tests, so a module's shared rows are made at most once per worker.
    """
    for item in items:
        if "module_db" in getattr(item, "fixturenames", ()) and not item.get_closest_marker("django_db"):
            item.add_marker(pytest.mark.django_db)


@pytest.fixture
def library(db):
    return ensure_library()


@pytest.fixture(scope="module")
def module_library(module_db):
    return ensure_library()


@pytest.fixture
def library_from_module(module_library):
    """In a module that assigns `library = library_from_module`: the library, made once for the module."""
    return copy.deepcopy(module_library)


def project_factory(library):
    """make("Titel", orgs=["Ede"], thema="Vitaliteit", ...): create and publish a project in `library`."""

    def make(title, orgs=("Ede",), thema=None, ronde="", start=None, start_p="", end=None, end_p="",
             samenvatting="", materiaal=(), live=True, **extra):
        page = ProjectPage(
            title=title, subsidieronde=ronde, samenvatting=samenvatting,
            looptijd_start=start, looptijd_start_precisie=start_p or ("dag" if start else ""),
            looptijd_eind=end, looptijd_eind_precisie=end_p or ("dag" if end else ""),
            thema=Thema.objects.get_or_create(naam=thema)[0] if thema else None, **extra,
        )
        for name in orgs:
            page.organisaties.add(ProjectOrganisatie(organisatie=Organisatie.objects.get_or_create(naam=name)[0]))
        for soort, titel in materiaal:
            page.materiaal.add(ProjectMateriaal(soort=soort, titel=titel))
        library.add_child(instance=page)
        if live:
            page.save_revision().publish()
        else:
            page.unpublish()
        return page

    return make


@pytest.fixture
def make_project(library):
    """Create and publish a project: make_project("Titel", orgs=["Ede"], thema="Vitaliteit", ...)."""
    return project_factory(library)


@pytest.fixture
def admin_client(client, db):
    """A client signed in as a superuser."""
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_superuser("beheer", "beheer@example.org", "x"))
    return client


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits and the listing cache live in the cache: every test starts with an empty one."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


# -- the real source documents --------------------------------------------------------------------------

SEEDS_DIR = (Path(__file__).resolve().parent / os.environ.get("SEEDS", "../shared/seeds")).resolve()
INSPIRATIE_SEED = "aeno-inspiratie-subsidieprojecten.txt"


def seed_file(name: str = INSPIRATIE_SEED) -> Path:
    """A file of ../shared/seeds (the real source documents; read, never copied into the project).

    A fresh clone has no ../shared beside it: the test is then skipped and says why. With REQUIRE_SEEDS=1 (as
    .ci/run sets it) a missing file fails the test instead, so CI always runs these tests. SEEDS=<map> reads
    the files from elsewhere. The one place that decides.
    """
    path = SEEDS_DIR / name
    if not path.is_file():
        message = (f"bronbestand ontbreekt: {path}; de echte bronbestanden staan in ../shared/seeds naast het "
                   "project (of zet SEEDS=<map>)")
        if os.environ.get("REQUIRE_SEEDS", "") not in ("", "0"):
            pytest.fail(f"{message}; REQUIRE_SEEDS={os.environ['REQUIRE_SEEDS']} eist het bestand", pytrace=False)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The real inspiration file (aeno-inspiratie-subsidieprojecten.txt), or a skip with the reason."""
    return seed_file()


@pytest.fixture
def live_site(live_server, settings):
    """The live server as the site's one address (SITE_URL), so that links in mails lead to it."""
    settings.SITE_URL = live_server.url
    return live_server


# -- signing in as an employee --------------------------------------------------------------------------


def link_in_mail(body, path=r"/\S+"):
    """The path of the site's link in a mail's text: links in mails start with the site's address (SITE_URL)."""
    match = re.search(re.escape(settings.SITE_URL) + f"({path})", body)
    assert match, f"no link {path} on {settings.SITE_URL} in the mail"
    return match.group(1)


def sign_in_link():
    """The path of the one-time link in the only mail of the outbox."""
    assert len(mail.outbox) == 1
    return link_in_mail(mail.outbox[0].body, r"/medewerkers/inloggen/[\w-]+/")


def sign_in(email, client=None):
    """Sign in through the real flow (form, mail with a one-time link, the confirm button); returns the client.

    The outbox is empty afterwards, so a test counts only its own mails."""
    client = client or Client()
    mail.outbox.clear()
    client.post("/medewerkers/inloggen/", {"email": email})
    assert client.post(sign_in_link()).status_code == 302
    mail.outbox.clear()
    return client


@pytest.fixture
def employee(network):
    """employee("alfa"): a new client, signed in as an employee of that employer of the network."""
    return lambda employer: sign_in(f"iemand@{employer}.example")


# -- PDFs ------------------------------------------------------------------------------------------------


def make_pdf(text="", pages=1, padding=0, password=None):
    """A real PDF, made here with pypdf: `pages` A4 pages, the first with a text layer saying `text`
    (Helvetica); `padding` adds that many bytes of metadata (to reach a size); `password` encrypts it."""
    writer = PdfWriter()
    first = writer.add_blank_page(width=595, height=842)
    for _ in range(pages - 1):
        writer.add_blank_page(width=595, height=842)
    if text:
        font = writer._add_object(DictionaryObject({
            NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }))
        first[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
        content = DecodedStreamObject()
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        content.set_data(f"BT /F1 12 Tf 72 760 Td ({escaped}) Tj ET".encode("latin-1"))
        first[NameObject("/Contents")] = writer._add_object(content)
    if padding:
        writer.add_metadata({"/Opvulling": "x" * padding})
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
