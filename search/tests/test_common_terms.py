"""Words in many pages are read from bitsets (search.backends.common_terms), and the answers must stay the
index's own through every change: an edit, a new page, a deleted page, a fold, `update_index`.

SQLite and PostgreSQL run this same file. The common-word threshold is lowered to 2 pages.
"""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from wagtail.search.backends import get_search_backend

from projecten.models import ProjectPage
from search.backends import common_terms, dutch
from search.service import text_match_ids

BACKENDS = {"default": {"BACKEND": "search.backends.database", "COMMON_TERM_MIN_DOCS": 2}}


def match(text, column="text"):
    return set(get_search_backend().match(ProjectPage, text, column)[0].tolist())


def lexeme(word, field):
    """How the index stores `word` (unstemmed for "prefix")."""
    if connection.vendor == "sqlite":
        return word if field == "prefix" else dutch.terms(word)[0]
    config = "simple_unaccent" if field == "prefix" else "dutch_unaccent"
    with connection.cursor() as cursor:
        cursor.execute("SELECT (tsvector_to_array(to_tsvector(%s::regconfig, %s)))[1]", [config, word])
        return cursor.fetchone()[0]


def bitset_pages(word, field="text"):
    """The pages the bitsets of `word` (a beginning, for "prefix") hold, over every content type."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT bits FROM search_commonterm WHERE field = %s AND lexeme = %s",
                       [field, lexeme(word, field)])
        return {int(pk) for (bits,) in cursor.fetchall() for pk in common_terms.from_bits(bytes(bits))}


def waiting():
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_changedentry")
        return cursor.fetchone()[0]


def edit(page, samenvatting):
    page.samenvatting = samenvatting
    page.save_revision().publish()


@pytest.fixture
def projects(make_project):
    texts = {
        "Op de fiets": "Met de fiets naar het werk.",
        "De fiets op zondag": "Een dag in het park.",
        "Route": "Elke dag met de fiets naar het werk.",
        "Leerlab": "Leren met collega's.",
    }
    return {title: make_project(title, samenvatting=text) for title, text in texts.items()}


@pytest.mark.django_db
@override_settings(WAGTAILSEARCH_BACKENDS=BACKENDS)
def test_bitsets_answer_as_the_index_does_through_every_change(projects, make_project):
    pk = {title: page.pk for title, page in projects.items()}
    backend = get_search_backend()
    assert backend.rebuild_common_terms() > 0
    # "werk" is in two pages; "leren" in one, so it is not common.
    assert bitset_pages("fiets") == {pk["Op de fiets"], pk["De fiets op zondag"], pk["Route"]}
    assert bitset_pages("werk") == {pk["Op de fiets"], pk["Route"]}
    assert bitset_pages("fiets", "title") == {pk["Op de fiets"], pk["De fiets op zondag"]}
    assert bitset_pages("leren") == set()
    assert bitset_pages("fie", "prefix") == {pk["Op de fiets"], pk["De fiets op zondag"]}
    assert bitset_pages("f", "prefix") == set()  # beginnings from two letters
    assert waiting() == 0
    # Common words come from the bitsets, a rare one (or two words as a suggestion) from the index.
    assert backend.match_common(ProjectPage, "fiets werk") is not None
    assert backend.match_common(ProjectPage, "fie", "autocomplete") is not None
    assert backend.match_common(ProjectPage, "leren") is None
    assert backend.match_common(ProjectPage, "de fie", "autocomplete") is None

    assert match("fiets") == {pk["Op de fiets"], pk["De fiets op zondag"], pk["Route"]}
    assert match("fiets werk") == {pk["Op de fiets"], pk["Route"]}
    assert match("fiets", "title") == {pk["Op de fiets"], pk["De fiets op zondag"]}
    assert match("leren") == {pk["Leerlab"]}
    assert match("fie", "autocomplete") == {pk["Op de fiets"], pk["De fiets op zondag"]}
    assert match("zondag fie", "autocomplete") == {pk["De fiets op zondag"]}

    # An edit that adds a word and one that removes it (the title keeps "fiets"); a new page; a deleted page.
    edit(projects["De fiets op zondag"], "Een dag met de fiets naar het werk.")
    edit(projects["Op de fiets"], "Met de auto.")
    new = make_project("Fietsweek", samenvatting="Een week op de fiets naar het werk.")
    projects["Route"].delete()
    expected = {pk["De fiets op zondag"], new.pk}
    assert waiting() == 4  # none folded yet: fewer than FOLD_AT
    assert match("fiets werk") == expected
    assert match("fiets") == {pk["Op de fiets"], pk["De fiets op zondag"], new.pk}
    assert set(text_match_ids(ProjectPage.objects.live(), "fiets werk")) == expected
    assert match("fie", "autocomplete") == {pk["Op de fiets"], pk["De fiets op zondag"], new.pk}

    assert backend.fold_common_terms() == 4
    assert waiting() == 0
    assert bitset_pages("werk") == expected
    assert bitset_pages("fiets") == {pk["Op de fiets"], pk["De fiets op zondag"], new.pk}
    assert bitset_pages("fie", "prefix") == {pk["Op de fiets"], pk["De fiets op zondag"], new.pk}
    assert match("fiets werk") == expected
    assert match("fiets") == {pk["Op de fiets"], pk["De fiets op zondag"], new.pk}


@pytest.fixture
def no_bitsets_left():
    """A transaction test commits, and Django's flush does not know the bitset tables."""
    yield
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_commonterm")
        cursor.execute("DELETE FROM search_changedentry")


@pytest.mark.django_db(transaction=True)
@override_settings(WAGTAILSEARCH_BACKENDS=BACKENDS)
def test_changes_are_folded_after_the_commit_once_enough_wait(no_bitsets_left, projects, monkeypatch):
    monkeypatch.setattr(common_terms, "FOLD_AT", 1)
    pk = {title: page.pk for title, page in projects.items()}
    get_search_backend().rebuild_common_terms()
    edit(projects["Leerlab"], "Leren op de fiets.")
    assert waiting() == 1  # one change waits; a match reads that entry itself
    assert pk["Leerlab"] not in bitset_pages("fiets")
    assert pk["Leerlab"] in match("fiets")
    edit(projects["Route"], "Een route zonder wielen.")
    expected = {pk["Op de fiets"], pk["De fiets op zondag"], pk["Leerlab"]}
    assert waiting() == 0  # two waited: folded when the second edit was committed
    assert bitset_pages("fiets") == expected
    assert match("fiets") == expected


@pytest.mark.django_db
@override_settings(WAGTAILSEARCH_BACKENDS=BACKENDS)
def test_update_index_recomputes_the_bitsets(projects):
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_commonterm")
    call_command("update_index", verbosity=0, stdout=io.StringIO())
    assert bitset_pages("fiets") == {page.pk for title, page in projects.items() if title != "Leerlab"}
    assert waiting() == 0
    out = io.StringIO()
    call_command("search_common_terms", "--min-docs", "3", stdout=out)
    assert "veelvoorkomende woorden" in out.getvalue()
    assert bitset_pages("werk") == set()  # in two pages: below the new threshold
    assert len(bitset_pages("fiets")) == 3
    assert match("fiets werk") == {projects["Op de fiets"].pk, projects["Route"].pk}
