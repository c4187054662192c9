"""import_inspiratie against the real file and against bad files (all or nothing)."""

import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Revision

from conftest import seed_path
from projecten.models import ProjectPage
from taxonomie.models import Organisatie, Thema

# Written here from reading the source: each spelling variant -> the theme it means.
THEME_VARIANTS = {
    "leren & ontwikkelen": "Leren en ontwikkelen",
    "samenwerking": "Samenwerken",
    "samnwerking intern": "Samenwerken",
    "arbeidsmarktvraagstukken": "Arbeidsmarkt",
    "boeien en behouden van jongeren": "Jongeren",
}


@pytest.fixture
def seed():
    """The real inspiration file in ../shared/seeds; without it the test is skipped (fails with REQUIRE_SEEDS=1)."""
    return seed_path("aeno-inspiratie-subsidieprojecten.txt")


def themes_named_in_source(seed):
    """The themes the source names, read from its Thema/Domein/Beleidsthema lines (value may follow)."""
    lines = seed.read_text(encoding="utf-8").splitlines()
    names = set()
    for i, line in enumerate(lines):
        m = re.match(r"^(Thema|Domein|Beleidsthema)\s*:\s*(.*)$", line.strip())
        if not m:
            continue
        value = m.group(2).strip() or lines[i + 1].strip()
        names.add(THEME_VARIANTS.get(value.lower(), value[:1].upper() + value[1:]))
    return names


def snapshot():
    return (ProjectPage.objects.count(), Revision.objects.count(), Organisatie.objects.count(), Thema.objects.count())


@pytest.mark.django_db
def test_real_library_imports_completely_and_a_second_run_changes_nothing(capsys, seed):
    call_command("import_inspiratie", str(seed))
    first = capsys.readouterr().out
    assert "141 projecten gelezen: 141 aangemaakt, 0 bijgewerkt, 0 ongewijzigd" in first

    pages = ProjectPage.objects.all()
    assert pages.count() == 141
    assert pages.live().count() == 141
    assert pages.filter(looptijd_start__isnull=False).count() >= 130
    assert len({p.url_path for p in pages}) == 141  # repeated titles get distinct URLs
    assert {t.naam for t in Thema.objects.all()} == themes_named_in_source(seed)

    # One body, one record: the variants of the source are merged.
    names = set(Organisatie.objects.values_list("naam", flat=True))
    assert "'s-Hertogenbosch" in names and "‘s-Hertogenbosch" not in names
    assert "Bernheze" in names and "Bernheeze" not in names
    assert "Borger-Odoorn" in names and "Borger-Odoon" not in names
    assert set(Organisatie.objects.get(naam="1Stroom").leden.values_list("naam", flat=True)) == {
        "Duiven", "Westervoort",
    }
    # Every organisation named before the colon of an entry heading exists and has a project.
    headings = re.findall(r"^\*{0,2}([^:\n]{2,60}):", seed.read_text(encoding="utf-8"), flags=re.M)
    for heading_org in {"Aalten", "Amersfoort", "Alkmaar", "Almere", "Altena", "Assen"} & set(headings):
        assert Organisatie.objects.get(naam=heading_org).projecten.exists(), heading_org
    # URLs were lost in the export: material is kept and flagged.
    with_material = [p for p in pages if p.materiaal.exists()]
    assert with_material and all(m.url_ontbreekt for p in with_material for m in p.materiaal.all())

    before = snapshot()
    call_command("import_inspiratie", str(seed))
    second = capsys.readouterr().out
    assert "0 aangemaakt, 0 bijgewerkt, 141 ongewijzigd" in second
    assert snapshot() == before


@pytest.mark.django_db
def test_dry_run_saves_nothing(capsys, library, seed):
    before = snapshot()
    call_command("import_inspiratie", str(seed), "--dry-run")
    out = capsys.readouterr().out
    assert "[proefrun, niets opgeslagen]" in out and "141 aangemaakt" in out
    assert "zou aanmaken:" in out
    assert snapshot() == before


ENTRY = """Testdorp: Een proef

Gemeente Testdorp

Project: Een proef
Contactpersoon gemeente: A. Tester
Contactgegevens: a.tester@testdorp.example
Thema: Vitaliteit
Looptijd: januari 2020 - december 2020

Het project in het kort
Een korte omschrijving.
"""


@pytest.mark.parametrize(
    "content,message",
    [
        ("", "leeg"),
        ("naam;thema;looptijd\nProef;Vitaliteit;2020\n", "Geen projecten"),
        (ENTRY + "\nTweede: Afgebroken\n\nGemeente Tweede\n", "regel"),
        ("Kop zonder meer\n\nProject:\n", "regel"),
    ],
    ids=["empty", "wrong-format", "truncated-entry", "project-without-title"],
)
@pytest.mark.django_db
def test_bad_files_fail_with_a_line_and_leave_the_database_untouched(tmp_path, make_project, content, message):
    make_project("Bestaand project")
    before = snapshot()
    path = tmp_path / "bron.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("import_inspiratie", str(path))
    assert snapshot() == before


@pytest.mark.django_db
def test_failure_halfway_rolls_everything_back(tmp_path, make_project):
    """The second entry's URL is already taken by another page: nothing of the first may remain."""
    second = ENTRY.replace("Een proef", "Botsing").replace("Testdorp", "Ander")
    path = tmp_path / "bron.txt"
    path.write_text(ENTRY + "\n" + second, encoding="utf-8")
    make_project("Botsing", slug="botsing-ander")
    before = snapshot()
    with pytest.raises(CommandError, match="niets opgeslagen"):
        call_command("import_inspiratie", str(path))
    assert snapshot() == before
    assert not ProjectPage.objects.filter(title="Een proef").exists()


@pytest.mark.django_db
def test_binary_file_is_refused_clearly(tmp_path, library):
    path = tmp_path / "bron.pdf"
    path.write_bytes(b"%PDF-1.4\xff\xfe\x00\x01")
    with pytest.raises(CommandError, match="geen UTF-8"):
        call_command("import_inspiratie", str(path))
