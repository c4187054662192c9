"""import_inspiratie on invented files: all or nothing, refusals that change nothing, warnings kept per
project. (The real file: test_import_seed.py.)"""

import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Revision

from projecten.models import ImportRun, ImportWarning, ProjectPage
from taxonomie.models import Organisatie, Thema

FOOTER = "\nNieuwsbrief\n\nMeld je aan voor de nieuwsbrief.\n"

# ENTRY is lines 1-14 of a file; an entry appended after a blank line starts on line 16.

ENTRY = """Testdorp: Een proef

Gemeente Testdorp

Project: Een proef
Contactpersoon gemeente: A. Tester
Contactgegevens: a.tester@testdorp.example
Thema: Vitaliteit
Looptijd: januari 2020 - december 2020

Het project in het kort
Een korte omschrijving van een proef met gezond werken, met genoeg tekst om te tellen.

De proef liep een jaar en iedereen deed mee; de resultaten staan in het rapport.
"""

SECOND = """Heuvelrade: Fietsplan

Gemeente Heuvelrade

Project: Fietsplan
Contactpersoon gemeente: B. Fietser
Budget: € 12.000
Thema: Samnwerking
Looptijd: 2021

Het project in het kort
Medewerkers fietsen vaker naar het werk.
"""


def snapshot():
    return (
        ProjectPage.objects.count(), Revision.objects.count(), Organisatie.objects.count(), Thema.objects.count(),
        ImportRun.objects.count(), ImportWarning.objects.count(),
    )


def write(tmp_path, content, name="bron.txt"):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


@pytest.fixture
def existing(make_project):
    make_project("Bestaand project")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "regel 1: Het bestand is leeg"),
        ("naam;thema;looptijd\nProef;Vitaliteit;2020\n", "regel 1: Geen projecten gevonden"),
        (ENTRY + "\nTweede: Afgebroken\n\nGemeente Tweede\n" + FOOTER, "regel 16: Onvolledig project"),
        ("Kop zonder meer\n\nProject:\n" + FOOTER, "regel 3: Project zonder titel"),
        # no page footer: the file stops in the middle of its last entry
        (ENTRY, "regel 14: Het bestand stopt midden in het project 'Een proef' (vanaf regel 1)"),
        (ENTRY + "\n" + SECOND.split("Het project")[0], "regel 24: Het bestand stopt midden in het project 'Fietsplan'"),
        # a NUL byte, and another control character
        (ENTRY.replace("Een korte", "Een\x00korte") + FOOTER, "regel 12: Ongeldig teken U+0000 in kolom 4"),
        (ENTRY + FOOTER.replace("Meld", "\x1bMeld"), "regel 18: Ongeldig teken U+001B in kolom 1"),
        # one block twice: the same import key
        (ENTRY + "\n" + ENTRY + FOOTER, "regel 16: project 'Een proef' staat al in het bestand (regel 1)"),
    ],
    ids=["empty", "wrong-format", "truncated-entry", "project-without-title", "no-footer", "cut-in-fields",
         "nul", "escape", "repeated-block"],
)
@pytest.mark.django_db
def test_bad_files_are_refused_with_a_line_and_change_nothing(tmp_path, existing, content, message):
    before = snapshot()
    with pytest.raises(CommandError) as raised:
        call_command("import_inspiratie", str(write(tmp_path, content)))
    assert message in str(raised.value)
    assert "Er is niets opgeslagen." in str(raised.value)
    assert snapshot() == before


def test_refused_files_exit_with_a_non_zero_code(tmp_path):
    """The command as an operator runs it: the damaged files never reach the database."""
    files = {
        "nul": ENTRY.replace("korte", "kor\x00te") + FOOTER,
        "afgebroken": ENTRY,
        "herhaald": ENTRY + "\n" + ENTRY + FOOTER,
    }
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'leeg.sqlite3'}", "PATH": "/usr/bin:/bin",
           "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    for name, content in files.items():
        result = subprocess.run(
            [sys.executable, "manage.py", "import_inspiratie", str(write(tmp_path, content, f"{name}.txt"))],
            cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120,
        )
        assert result.returncode == 1, (name, result.stderr)
        assert "regel " in result.stderr and "Er is niets opgeslagen." in result.stderr, (name, result.stderr)


@pytest.mark.django_db
def test_failure_halfway_rolls_everything_back(tmp_path, make_project):
    """The second entry's URL is already taken by another page: nothing of the first may remain."""
    second = ENTRY.replace("Een proef", "Botsing").replace("Testdorp", "Ander")
    make_project("Botsing", slug="botsing-ander")
    before = snapshot()
    with pytest.raises(CommandError, match="niets opgeslagen"):
        call_command("import_inspiratie", str(write(tmp_path, ENTRY + "\n" + second + FOOTER)))
    assert snapshot() == before
    assert not ProjectPage.objects.filter(title="Een proef").exists()


@pytest.mark.django_db
def test_binary_file_is_refused_clearly(tmp_path, library):
    path = tmp_path / "bron.pdf"
    path.write_bytes(b"%PDF-1.4\xff\xfe\x00\x01")
    with pytest.raises(CommandError, match="geen UTF-8"):
        call_command("import_inspiratie", str(path))


@pytest.mark.django_db
def test_dry_run_saves_nothing(tmp_path, capsys, existing):
    before = snapshot()
    call_command("import_inspiratie", str(write(tmp_path, ENTRY + "\n" + SECOND + FOOTER)), "--dry-run")
    out = capsys.readouterr().out
    assert "[proefrun, niets opgeslagen] 2 projecten gelezen: 2 aangemaakt" in out
    assert "zou aanmaken: Een proef" in out
    assert snapshot() == before


# --------------------------------------------------------------------------- shrinking updates


@pytest.mark.django_db
def test_an_update_that_halves_a_projects_text_is_refused_unless_forced(tmp_path, library, capsys):
    call_command("import_inspiratie", str(write(tmp_path, ENTRY + FOOTER)))
    page = ProjectPage.objects.get(title="Een proef")
    revisions = page.revisions.count()
    cut = ENTRY.split("De proef liep")[0].replace("met genoeg tekst om te tellen", "")
    before = snapshot()
    with pytest.raises(CommandError) as raised:
        call_command("import_inspiratie", str(write(tmp_path, cut + FOOTER, "kort.txt")))
    assert "regel 1: 'Een proef' zou van" in str(raised.value)
    assert "--force" in str(raised.value)
    assert snapshot() == before
    page.refresh_from_db()
    assert "De proef liep een jaar" in page.samenvatting and page.revisions.count() == revisions

    call_command("import_inspiratie", str(write(tmp_path, cut + FOOTER, "kort.txt")), "--force")
    page.refresh_from_db()
    assert "De proef liep" not in page.samenvatting
    assert page.revisions.count() == revisions + 1
    assert ImportRun.objects.latest("pk").geforceerd


@pytest.mark.django_db
def test_a_small_change_is_an_ordinary_update(tmp_path, library, capsys):
    call_command("import_inspiratie", str(write(tmp_path, ENTRY + FOOTER)))
    call_command("import_inspiratie", str(write(tmp_path, ENTRY.replace("een jaar", "twee jaar") + FOOTER)))
    assert "0 aangemaakt, 1 bijgewerkt, 0 ongewijzigd" in capsys.readouterr().out
    assert "twee jaar" in ProjectPage.objects.get(title="Een proef").samenvatting


# --------------------------------------------------------------------------- warnings per project


@pytest.mark.django_db
def test_warnings_are_kept_per_project_and_handled_ones_stay_handled(tmp_path, library, admin_user):
    Thema.objects.create(naam="Samenwerking")
    path = write(tmp_path, ENTRY + "\n" + SECOND + FOOTER)
    call_command("import_inspiratie", str(path))
    run = ImportRun.objects.get()
    assert (run.aangemaakt, run.bijgewerkt, run.ongewijzigd, run.bestand) == (2, 0, 0, "bron.txt")
    fietsplan = ProjectPage.objects.get(title="Fietsplan")
    warnings = {(w.soort, w.regel, w.project_id) for w in run.meldingen.all()}
    assert warnings == {
        ("veld", 16, fietsplan.pk),  # Budget
        ("contact", 16, fietsplan.pk),  # no Contactgegevens
        ("thema", 16, fietsplan.pk),  # Samnwerking is close to Samenwerking
    }
    theme = run.meldingen.get(soort="thema")
    assert theme.melding.startswith("Nieuw thema 'Samnwerking' lijkt op het bestaande thema 'Samenwerking'")
    assert list(fietsplan.extra_velden.values_list("label", "waarde")) == [("Budget", "€ 12.000")]

    theme.mark_handled(admin_user)
    theme.save()
    call_command("import_inspiratie", str(path))
    latest = ImportRun.latest()
    assert latest != run and latest.ongewijzigd == 2
    again = latest.meldingen.get(soort="thema")
    assert again.afgehandeld and again.afgehandeld_door == admin_user
    assert not latest.meldingen.get(soort="veld").afgehandeld


@pytest.mark.django_db
def test_a_dry_run_keeps_no_warnings(tmp_path, library):
    call_command("import_inspiratie", str(write(tmp_path, SECOND.replace("Budget: € 12.000\n", "") + FOOTER)),
                 "--dry-run")
    assert ImportRun.objects.count() == 0 and ImportWarning.objects.count() == 0


def test_seed_helper_fails_instead_of_skipping_when_required(monkeypatch, tmp_path):
    import conftest

    monkeypatch.setattr(conftest, "SEEDS_DIR", tmp_path)
    monkeypatch.delenv("REQUIRE_SEEDS", raising=False)  # as on a fresh clone (CI sets it)
    with pytest.raises(pytest.skip.Exception, match="bronbestand ontbreekt"):
        conftest.seed_file()
    monkeypatch.setenv("REQUIRE_SEEDS", "1")
    with pytest.raises(pytest.fail.Exception, match="REQUIRE_SEEDS=1"):
        conftest.seed_file()
    assert Path(conftest.__file__).parent == Path(settings.BASE_DIR)
