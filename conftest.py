"""Shared fixtures: the site tree, a factory for project pages, and the path of the real source file."""

import os
from pathlib import Path

import pytest

from home.site_setup import ensure_library
from projecten.models import ProjectMateriaal, ProjectOrganisatie, ProjectPage
from taxonomie.models import Organisatie, Thema

# Fixtures of the vacancy exchange (a small network of employers, vacancies in every phase),
# used by the vacancy, employee, reaction, search and report tests alike.
pytest_plugins = ["vacatures.tests.fixtures", "outbox.tests.fixtures"]


SEEDS_DIR = Path(__file__).resolve().parent.parent / "shared" / "seeds"
INSPIRATIE_SEED = "aeno-inspiratie-subsidieprojecten.txt"


def seed_file(name: str = INSPIRATIE_SEED) -> Path:
    """A source file from ../shared/seeds (read only, never copied).

    Missing, the test is skipped with the reason; with REQUIRE_SEEDS=1 (CI) it fails instead.
    The one place that decides, so CI can turn these skips into failures.
    """
    path = SEEDS_DIR / name
    if not path.is_file():
        reason = f"bronbestand ontbreekt: {path} (verwacht in ../shared/seeds naast de projectmap)"
        if os.environ.get("REQUIRE_SEEDS") == "1":
            pytest.fail(f"{reason}; REQUIRE_SEEDS=1 eist het", pytrace=False)
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The real inspiration file (aeno-inspiratie-subsidieprojecten.txt), or a skip with the reason."""
    return seed_file()


@pytest.fixture
def library(db):
    return ensure_library()


@pytest.fixture
def make_project(library):
    """Create and publish a project: make_project("Titel", orgs=["Ede"], thema="Vitaliteit", ...)."""

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


def make_text_pdf(text, password=None):
    """A real one-page PDF whose text layer says `text` (Helvetica), made here with pypdf."""
    import io

    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
    }))
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
    )
    content = DecodedStreamObject()
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    content.set_data(f"BT /F1 12 Tf 72 760 Td ({escaped}) Tj ET".encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(content)
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
