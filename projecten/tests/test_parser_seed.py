"""The parser on the real inspiration file (read from ../shared/seeds, never copied; see conftest.seed_path)."""

import re
from collections import Counter

import pytest

from projecten.importer.parser import parse

# The test's own view of which raw theme names are the same theme (independent of normalise.py).
THEME_ALIASES = {
    "leren & ontwikkelen": "Leren en ontwikkelen",
    "samenwerking": "Samenwerken",
    "samnwerking intern": "Samenwerken",
    "arbeidsmarktvraagstukken": "Arbeidsmarkt",
    "boeien en behouden van jongeren": "Jongeren",
}


@pytest.fixture(scope="module")
def text(seed_path) -> str:
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def lines(text) -> list[str]:
    return text.splitlines()


@pytest.fixture(scope="module")
def entries(text):
    return parse(text)


def project_titles(lines) -> list[str]:
    return [line.split(":", 1)[1].strip() for line in lines if line.startswith("Project:")]


def test_one_entry_per_project_line(entries, lines):
    assert len(project_titles(lines)) == 141
    assert len(entries) == 141


def test_every_entry_has_a_title_and_an_organisation(entries):
    assert all(entry.title for entry in entries)
    assert all(entry.organisations for entry in entries)


def test_titles_follow_the_project_lines(entries, lines):
    assert [re.sub(r"\s+", " ", entry.title) for entry in entries] == project_titles(lines)


def test_most_entries_have_a_start_date(entries):
    assert sum(1 for entry in entries if entry.duration.start) >= 130


def test_heading_line_numbers_point_at_the_headings(entries, lines):
    for entry in entries:
        assert lines[entry.line - 1].lstrip("*").strip() == entry.heading


def test_subsidy_rounds_follow_the_asterisks(entries, lines):
    for entry in entries:
        stars = re.match(r"^\**", lines[entry.line - 1]).group()
        assert entry.subsidieronde == {"": "", "*": "2021-1", "**": "2021-2"}[stars]
    assert {entry.subsidieronde for entry in entries} == {"", "2021-1", "2021-2"}


def test_material_belongs_to_its_entry(entries, lines):
    bounds = [entry.line for entry in entries] + [len(lines) + 1]
    for entry, start, end in zip(entries, bounds, bounds[1:], strict=False):
        for material in entry.materiaal:
            assert start <= material.line < end


def raw_theme_values(lines) -> list[str]:
    values = []
    for index, line in enumerate(lines):
        match = re.match(r"^(?:Thema|Domein|Beleidsthema)\s*:\s*(.*)$", line)
        if match:
            values.append(match.group(1).strip() or lines[index + 1].strip())
    return values


def test_themes_match_the_raw_theme_lines(entries, lines):
    expected = {THEME_ALIASES.get(value.lower(), value) for value in raw_theme_values(lines)}
    assert {entry.thema for entry in entries if entry.thema} == expected
    assert {entry.thema_raw for entry in entries if entry.thema_raw} == set(raw_theme_values(lines))


def test_no_organisation_variants_remain(entries):
    names = {name for entry in entries for name in entry.organisations}
    assert not [name for name in names if re.search(r"[‘’`´“”]", name)]
    assert not [name for name in names if re.match(r"(?i)gemeenten?\b", name)]
    assert "Bernheeze" not in names and "Bernheze" in names
    assert "Borger-Odoon" not in names and "Borger-Odoorn" in names
    assert "'s-Hertogenbosch" in names
    keys = Counter(re.sub(r"[\s-]+", " ", name.casefold()) for name in names)
    assert [key for key, count in keys.items() if count > 1] == []


def test_repeated_titles_are_separate_entries(entries, lines):
    titles = project_titles(lines)
    team = [title for title in titles if "team van de toekomst" in title.lower()]
    assert len(team) == 3
    found = [entry for entry in entries if "team van de toekomst" in entry.title.lower()]
    assert len(found) == len(team)
    assert len({entry.line for entry in found}) == len(found)
    assert len({tuple(entry.organisations) for entry in found}) == len(found)

    for title, count in Counter(titles).items():
        if count > 1:
            same = [entry for entry in entries if re.sub(r"\s+", " ", entry.title) == title]
            assert len(same) == count
            assert len({entry.line for entry in same}) == count


def test_durations_without_a_start_are_explained(entries):
    for entry in entries:
        duration = entry.duration
        if duration.start is None:
            assert duration.end is not None or entry.warnings, entry.title
