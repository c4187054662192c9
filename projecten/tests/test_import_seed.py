"""The real inspiration file (../shared/seeds, read here, never copied), imported once for this module.

Expected figures are computed here from the source by simple means, or read from the lines the issue
cites; the damaged copies of the file are made in tmp by the tests.
"""

import io
import re
from collections import Counter
from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone
from wagtail.models import Revision

from projecten.models import ImportRun, ImportWarning, ProjectMateriaal, ProjectPage
from projecten.status import Status, status_q
from taxonomie.models import Organisatie, Thema

# Written here from reading the source: each spelling variant -> the theme it means.
THEME_VARIANTS = {
    "leren & ontwikkelen": "Leren en ontwikkelen",
    "samenwerking": "Samenwerken",
    "samnwerking intern": "Samenwerken",
    "arbeidsmarktvraagstukken": "Arbeidsmarkt",
    "boeien en behouden van jongeren": "Jongeren",
}
# Every test runs in its own savepoint inside the module's one import (see `imported`).
pytestmark = pytest.mark.django_db

EVALUATION_HEADINGS = {
    "eindevaluatie", "tussenrapportage", "tussentijdse evaluatie", "tussentijds resultaat", "korte evaluatie",
    "evaluatie", "resultaten", "resultaten project",
}


@pytest.fixture(scope="module")
def source(seed_path):
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def lines(source):
    return source.splitlines()


@pytest.fixture(scope="module")
def imported(django_db_setup, django_db_blocker, seed_path):
    """One import of the real file for the whole module, rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = io.StringIO()
        call_command("import_inspiratie", str(seed_path), stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


def snapshot():
    return (
        ProjectPage.objects.count(), Revision.objects.count(), Organisatie.objects.count(), Thema.objects.count(),
        ImportRun.objects.count(), ImportWarning.objects.count(),
        tuple(ProjectPage.objects.order_by("pk").values_list("pk", "title", "samenvatting", "latest_revision_id")),
    )


_entry_starts: list[tuple[int, int]] = []  # (heading line, page pk), in file order


@pytest.fixture
def located(imported, seed_path):
    """Where each page's entry starts in the file (the parser's heading line, matched by import key)."""
    from projecten.importer.load import import_key
    from projecten.importer.parser import parse

    if not _entry_starts:
        by_key = dict(ProjectPage.objects.values_list("importsleutel", "pk"))
        entries = parse(seed_path.read_text(encoding="utf-8"))
        _entry_starts.extend((entry.line, by_key[import_key(entry)]) for entry in entries)


def page_at(line: int) -> ProjectPage:
    """The project whose entry holds source line `line`."""
    return ProjectPage.objects.get(pk=max(start for start in _entry_starts if start[0] <= line)[1])


def all_results(query):
    """Every live project that the library search finds for `query` (all pages of results)."""
    from projecten.models import project_queryset
    from search.service import text_match_ids

    return text_match_ids(project_queryset(), query)


# --------------------------------------------------------------------------- the import itself


def test_every_project_is_imported_and_live(imported, lines):
    projects = [line for line in lines if re.match(r"^Project\s*:", line)]
    assert f"{len(projects)} projecten gelezen: {len(projects)} aangemaakt, 0 bijgewerkt, 0 ongewijzigd" in imported
    pages = ProjectPage.objects.all()
    assert pages.count() == pages.live().count() == len(projects) == 141
    assert len({p.url_path for p in pages}) == 141  # repeated titles get distinct URLs
    assert pages.filter(looptijd_start__isnull=False).count() >= 130


def test_themes_are_those_the_source_names(imported, lines):
    names = set()
    for i, line in enumerate(lines):
        match = re.match(r"^(Thema|Domein|Beleidsthema)\s*:\s*(.*)$", line.strip())
        if match:
            value = match.group(2).strip() or lines[i + 1].strip()
            names.add(THEME_VARIANTS.get(value.lower(), value[:1].upper() + value[1:]))
    assert {t.naam for t in Thema.objects.all()} == names


def test_organisation_variants_are_merged(imported):
    names = set(Organisatie.objects.values_list("naam", flat=True))
    assert "'s-Hertogenbosch" in names and "‘s-Hertogenbosch" not in names
    assert "Bernheze" in names and "Bernheeze" not in names
    assert "Borger-Odoorn" in names and "Borger-Odoon" not in names
    assert set(Organisatie.objects.get(naam="1Stroom").leden.values_list("naam", flat=True)) == {"Duiven", "Westervoort"}


def test_a_second_import_changes_nothing_but_records_its_run(imported, seed_path):
    before = snapshot()
    out = io.StringIO()
    call_command("import_inspiratie", str(seed_path), stdout=out)
    assert "0 aangemaakt, 0 bijgewerkt, 141 ongewijzigd" in out.getvalue()
    after = snapshot()
    assert after[:4] == before[:4] and after[6] == before[6]
    assert after[4] == before[4] + 1  # one more import run, with the same warnings
    assert ImportRun.latest().meldingen.count() == ImportRun.objects.order_by("pk").first().meldingen.count()


def test_each_warning_is_kept_with_its_project_and_line(imported):
    printed = re.findall(r"waarschuwing regel (\d+) \((.*?)\): (.*)", imported)
    run = ImportRun.objects.get()
    stored = [(str(w.regel), w.projecttitel, w.melding) for w in run.meldingen.order_by("pk")]
    assert sorted(stored) == sorted(printed) and stored
    assert all(w.project_id for w in run.meldingen.all())
    # the heading of Coevorden's entry names another title: that warning is now in the admin
    assert run.meldingen.filter(soort="kop").count() == len([p for p in printed if "Kop en projecttitel" in p[2]]) == 1


# --------------------------------------------------------------------------- evaluation, material, dates


def test_evaluation_blocks_match_the_evaluation_headings_of_the_source(imported, lines):
    headings = [n for n, line in enumerate(lines, start=1) if line.strip().lower() in EVALUATION_HEADINGS]
    assert len(headings) == 14
    blocks = [b for page in ProjectPage.objects.all() for b in page.body if b.block_type == "evaluatie"]
    assert len(blocks) == len(headings)
    assert all(b.value["tekst"].source.strip() for b in blocks)  # none is empty (lines 1443, 2411)


def test_the_cited_lost_links_are_material_one_item_per_document(imported, located, lines, source):
    def numbered(n):
        return re.sub(r"^\s*\d+\.\s*", "", lines[n - 1]).strip()

    def titles(n):
        return [m.titel for m in page_at(n).materiaal.all()]

    # lines 183-189: five documents in a numbered list, one item each, and no longer a list in the text
    documents = [numbered(n) for n in range(185, 190)]
    assert [t for t in titles(185) if t in documents] == documents
    assert not any(b.block_type == "lijst" for b in page_at(185).body)
    # lines 2576-2586: eleven tools
    tools = [numbered(n) for n in range(2576, 2587)]
    assert [t for t in titles(2576) if t in tools] == tools
    # lines 208-209 and 1320: link titles that stayed behind in the summary
    for n in (208, 209, 1320):
        assert lines[n - 1].strip() in titles(n)
        assert lines[n - 1].strip() not in page_at(n).samenvatting
    # line 993: two references inside a list item
    assert len([m for m in page_at(993).materiaal.all() if m.titel.lower() in lines[992].lower()]) == 2
    # lines 2545-2551: two films and an infographic
    waalwijk = page_at(2547).materiaal.all()
    assert [m.titel for m in waalwijk if m.soort == "video"] == [
        re.split(r"(?<=\.) ", lines[2546].strip(" •"))[-1], lines[2548].strip(" •"),
    ]
    assert [m.soort for m in waalwijk if m.titel in lines[2550]] == ["eindevaluatie", "infographic"]
    # line 757: the webinar ("Zie hieronder.") is a video
    assert any(m.soort == "video" and "webinar" in m.titel for m in page_at(757).materiaal.all())
    # line 860: the one URL that survived, not flagged "URL ontbreekt"
    urls = re.findall(r"https?://\S+", source)
    with_url = ProjectMateriaal.objects.exclude(url="")
    assert [m.url for m in with_url] == urls and not with_url[0].url_ontbreekt
    assert ProjectMateriaal.objects.filter(url="", document__isnull=True).count() == ProjectMateriaal.objects.count() - 1


def test_parsed_end_dates(imported, located, lines):
    # every Looptijd of the simplest shape "1 maart 2021 t/m 31 december 2021" (or "tot", "-") is stored as written
    months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
              "november", "december"]
    shape = re.compile(rf"^Looptijd: (\d+) ({'|'.join(months)}) (\d{{4}}) ?(?:t/m|tot en met|tot|-|–) ?(\d+) "
                       rf"({'|'.join(months)}) (\d{{4}})$")
    checked = 0
    for n, line in enumerate(lines, start=1):
        match = shape.match(line.strip())
        if match:
            d1, m1, y1, d2, m2, y2 = match.groups()
            try:
                start, end = date(int(y1), months.index(m1) + 1, int(d1)), date(int(y2), months.index(m2) + 1, int(d2))
            except ValueError:  # an impossible day: see below
                continue
            page = page_at(n)
            assert (page.looptijd_start, page.looptijd_eind) == (start, end), n
            checked += 1
    assert checked >= 30
    # the cited lines: an extension (662), a later date in the value (2225), a second line (1349)
    assert (page_at(662).looptijd_eind, page_at(662).looptijd_eind_precisie) == (date(2021, 6, 1), "maand")
    assert (page_at(2225).looptijd_eind, page_at(2225).looptijd_eind_precisie) == (date(2022, 3, 1), "maand")
    assert (page_at(1349).looptijd_eind, page_at(1349).looptijd_eind_precisie) == (date(2024, 1, 1), "jaar")
    # "31 september 2021" keeps its month
    september = next(n for n, line in enumerate(lines, start=1) if "31 september 2021" in line)
    assert (page_at(september).looptijd_eind, page_at(september).looptijd_eind_precisie) == (
        date(2021, 9, 1), "maand",
    )
    # nothing without an end that started more than two years ago is "lopend"
    today = timezone.localdate()
    running = ProjectPage.objects.filter(status_q(Status.LOPEND, today))
    assert not running.filter(looptijd_eind_tot__isnull=True, looptijd_start__lt=today.replace(year=today.year - 2))


def test_lisse_counts_the_projects_of_its_collaboration(imported, client, lines):
    # entries whose organisation line or heading names Lisse or its collaboration HLTsamen
    headers = Counter()
    for n, line in enumerate(lines):
        if re.match(r"^Project\s*:", line):
            header = " ".join(lines[max(n - 6, 0):n])
            headers["lisse"] += bool(re.search(r"Lisse|HLT\s?[Ss]amen", header.split("Project:")[-1]))
    response = client.get("/inspiratie/", {"organisatie": "lisse"})
    counts = {o.value: o.count for f in response.context["search"].facets if f.name == "organisatie"
              for o in f.options}
    assert counts["lisse"] == headers["lisse"] == 2
    assert response.context["search"].total == 2


def test_search_finds_podcasts_and_the_theme(imported, client):
    podcasts = set(ProjectPage.objects.filter(materiaal__soort="podcast").values_list("pk", flat=True))
    assert podcasts and podcasts <= set(all_results("podcast"))
    theme = set(ProjectPage.objects.filter(thema__naam="Loopbaanontwikkeling").values_list("pk", flat=True))
    assert len(theme) > 10 and theme <= set(all_results("loopbaan"))
    response = client.get("/zoeken/", {"q": "podcast"})
    assert response.context["search"].total <= 20  # one page of results
    assert podcasts <= {page.pk for page, _ in response.context["results"]}


def test_the_field_comparison_agrees(imported, seed_path):
    out = io.StringIO()
    call_command("vergelijk_import", str(seed_path), stdout=out)
    report = out.getvalue()
    for field in ("titel", "subsidieronde", "contactpersoon", "contactgegevens", "thema", "looptijd (tekst)",
                  "projectnummer", "evaluatieblokken", "extra velden"):
        assert re.search(rf"{re.escape(field)}\s+141 van 141 gelijk", report), field
    assert re.search(r"materiaal \(titels in de bron\)\s+(\d+) van +\1 gelijk", report)


# --------------------------------------------------------------------------- damaged copies (issue 10, item 9)


@pytest.mark.parametrize("percent", [10, 50, 90, 99])
def test_truncated_copies_are_refused_and_change_nothing(imported, tmp_path, source, percent):
    data = source.encode("utf-8")
    cut = data[: len(data) * percent // 100].decode("utf-8", "ignore")
    path = tmp_path / f"afgebroken-{percent}.txt"
    path.write_text(cut, encoding="utf-8")
    last_line = len(cut.rstrip("\n").splitlines())
    before = snapshot()
    with pytest.raises(CommandError) as raised:
        call_command("import_inspiratie", str(path))
    assert f"regel {last_line}: Het bestand stopt midden in het project" in str(raised.value)
    assert snapshot() == before


def test_a_repeated_block_is_refused(imported, tmp_path, lines):
    first = next(n for n, line in enumerate(lines) if line.startswith("Project:"))
    start = first - 4  # heading, blank, organisation line, blank
    end = next(n for n in range(first + 1, len(lines)) if lines[n].startswith("Project:")) - 4
    repeated = lines[:end] + lines[start:end] + lines[end:]
    path = tmp_path / "herhaald.txt"
    path.write_text("\n".join(repeated), encoding="utf-8")
    before = snapshot()
    with pytest.raises(CommandError) as raised:
        call_command("import_inspiratie", str(path))
    assert f"regel {end + 1}: project '{lines[first][8:].strip()}' staat al in het bestand (regel {start + 1})" in str(
        raised.value
    )
    assert snapshot() == before


def test_a_nul_byte_is_refused(imported, tmp_path, lines):
    damaged = list(lines)
    damaged[1999] = damaged[1999][:5] + "\x00" + damaged[1999][5:]
    path = tmp_path / "nul.txt"
    path.write_text("\n".join(damaged), encoding="utf-8")
    before = snapshot()
    with pytest.raises(CommandError, match=r"regel 2000: Ongeldig teken U\+0000 in kolom 6"):
        call_command("import_inspiratie", str(path))
    assert snapshot() == before
