"""Dutch search quality on the database backend: SQLite and PostgreSQL run this same file.

Stemming ("ontwikkeling" finds "ontwikkelen"), plurals, accents, stop words, a title match
ranking above a body match, prefix suggestions, hostile input, and the editors' admin search.
"""

import pytest
from django.db import connection

from conftest import library_from_module, project_factory
from projecten.models import ProjectPage
from search.service import suggestion_ids, text_match_ids

# The pages are made once for the module (every test only reads them); `library` is that module's library.
library = library_from_module


@pytest.fixture(scope="module")
def pages(module_library):
    make_project = project_factory(module_library)
    return {
        "ontwikkelen": make_project("Leerlab", samenvatting="Medewerkers ontwikkelen zich in een leerlab."),
        "woning": make_project("Wonen boven de winkel", samenvatting="Een woning voor starters."),
        "cafe": make_project("Taalcafé", samenvatting="Elke week een café voor nieuwe collega's."),
        "duurzaam": make_project("Duurzame inzetbaarheid", samenvatting="Gezond en met plezier blijven werken."),
        "fiets_body": make_project(
            "Bewegen op het werk",
            samenvatting="Wandelen, sporten, traplopen en soms een fietstocht. Wie wil, neemt de fiets.",
        ),
        "fiets_title": make_project("Fiets naar het werk", samenvatting="Een regeling voor medewerkers."),
        "draft": make_project("Concept over ontwikkeling", live=False),
    }


def live_projects():
    return ProjectPage.objects.live().public()


def test_the_backend_is_ours_for_this_database():
    from wagtail.search.backends import get_search_backend

    name = type(get_search_backend()).__name__
    assert name == {"sqlite": "DutchSQLiteSearchBackend", "postgresql": "DutchPostgresSearchBackend"}[connection.vendor]


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("ontwikkeling", "ontwikkelen"),  # noun finds verb: both stem to "ontwikkel"
        ("woningen", "woning"),  # plural finds singular
        ("cafe", "cafe"),  # no accent finds "café"
        ("CAFÉ", "cafe"),
        ("de ontwikkeling", "ontwikkelen"),  # stop words are not required to match
        ("duurzaam", "duurzaam"),  # "duurzame" and "duurzaam" share a stem
    ],
)
def test_dutch_words_find_their_variants(pages, query, key):
    assert text_match_ids(live_projects(), query) == [pages[key].pk]


def test_every_word_must_match(pages):
    assert text_match_ids(live_projects(), "woning starters") == [pages["woning"].pk]
    assert text_match_ids(live_projects(), "woning leerlab") == []


def test_drafts_are_never_found(pages):
    assert text_match_ids(live_projects(), "concept ontwikkeling") == []
    assert pages["draft"].pk in text_match_ids(ProjectPage.objects.all(), "concept ontwikkeling")


def test_a_title_match_ranks_above_a_body_match(pages):
    # The body page says "fiets" and "fietstocht" (more mentions), the other page has it in its title.
    assert text_match_ids(live_projects(), "fiets") == [pages["fiets_title"].pk, pages["fiets_body"].pk]


def test_the_library_page_searches_in_dutch(client, pages):
    response = client.get("/inspiratie/", {"q": "ontwikkeling"})
    assert response.status_code == 200
    assert [p.title for p in response.context["projects"]] == ["Leerlab"]
    ranked = client.get("/inspiratie/", {"q": "fiets"})
    assert [p.title for p in ranked.context["projects"]] == ["Fiets naar het werk", "Bewegen op het werk"]
    assert client.get("/inspiratie/", {"q": "cafe"}).context["search"].total == 1


def test_suggestions_offer_titles_by_prefix(client, pages):
    assert suggestion_ids(live_projects(), "duurz") == [pages["duurzaam"].pk]
    assert suggestion_ids(live_projects(), "Duurzame inz") == [pages["duurzaam"].pk]
    assert suggestion_ids(live_projects(), "taalca") == [pages["cafe"].pk]
    response = client.get("/zoeken/suggesties", {"q": "duurz"})
    assert response.status_code == 200
    assert response.json() == {
        "query": "duurz",
        "suggestions": [{"title": "Duurzame inzetbaarheid", "url": pages["duurzaam"].url, "type": "Project"}],
    }


def test_suggestions_are_at_most_eight(client, make_project):
    for i in range(10):
        make_project(f"Werkplezier {i}")
    assert len(client.get("/zoeken/suggesties", {"q": "werkpl"}).json()["suggestions"]) == 8


HOSTILE = ["", " ", "d", "du", "*", '"', "'", "duurz*", "du:*", "NOT duurz", "(duurz", "duurz)", "a AND b OR",
           "{title}: x", "%", "\\", "ë", "🙂🙂🙂", "x" * 5000, "de het een", "duurz & | !", "NEAR(a b)", "\x00"]


def test_hostile_or_short_input_never_fails(client, pages):
    for raw in HOSTILE:
        suggestions = client.get("/zoeken/suggesties", {"q": raw})
        assert suggestions.status_code == 200, raw
        assert set(suggestions.json()) == {"query", "suggestions"}, raw
        assert client.get("/inspiratie/", {"q": raw}).status_code == 200, raw
        assert client.get("/zoeken/", {"q": raw}).status_code == 200, raw
        assert isinstance(text_match_ids(live_projects(), raw), list), raw


def test_empty_and_short_input_suggest_nothing(client, pages):
    for raw in ["", "d", "du"]:
        assert client.get("/zoeken/suggesties", {"q": raw}).json()["suggestions"] == []


def test_editors_admin_search_and_page_chooser_use_the_same_index(admin_client, pages):
    listing = admin_client.get("/admin/pages/search/", {"q": "duurz"})
    assert listing.status_code == 200
    assert "Duurzame inzetbaarheid" in listing.content.decode()
    chooser = admin_client.get("/admin/choose-page/search/", {"q": "taalca"})
    assert chooser.status_code == 200
    assert "Taalcafé" in chooser.content.decode()
