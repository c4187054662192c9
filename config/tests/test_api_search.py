"""Search through the Wagtail API (/api/v2/pages/?search=): the site search's cleaning and length limit,
400 with a message for hostile input, 503 when the search engine cannot be reached. Run on SQLite and
PostgreSQL (DATABASE_URL)."""

import pytest
from django.test import override_settings

from config.settings.search import search_backends
from search.service import MAX_QUERY_LENGTH
from search.tests.test_unavailable import closed_port

API = "/api/v2/pages/"


@pytest.fixture
def content(make_project, make_vacancy):
    make_project("Vitaal werken in Ede", thema="Vitaliteit", samenvatting="Over leren en gezond werken.")
    make_project("Leren loont", thema="Leren en ontwikkelen")
    make_vacancy("alfa", "Adviseur vitaliteit")


def titles(response):
    return sorted(item["title"] for item in response.json()["items"])


def test_ordinary_search_still_finds(client, content):
    response = client.get(API, {"search": "  Vitaal   werken "})
    assert response.status_code == 200
    assert titles(response) == ["Vitaal werken in Ede"]
    # operators and punctuation are dropped like in the site search: words only
    assert titles(client.get(API, {"search": 'vitaal "werken" (ede*'})) == ["Vitaal werken in Ede"]


@pytest.mark.parametrize(
    "query",
    [
        "\x00", "vitaal\x00", "a\x1bb", "\x7f",
        "woord " * 500,  # 3,000 characters: recursion in the query on PostgreSQL today
        "x" * (MAX_QUERY_LENGTH + 1),
        "((", "*", "''", "-",  # no word at all
    ],
    ids=["nul", "nul-after-word", "escape", "delete", "500-words", "overlong",
         "brackets", "star", "quotes", "dash"],
)
def test_hostile_queries_answer_400_with_a_message(client, content, query):
    response = client.get(API, {"search": query})
    assert 400 <= response.status_code < 500, (query[:20], response.status_code)
    assert response.json()["message"]


def test_nul_byte_in_the_raw_url_answers_400(client, content):
    response = client.get(API + "?search=%00")
    assert response.status_code == 400
    assert "stuurteken" in response.json()["message"]


def test_longest_allowed_query_of_many_words_answers_200(client, content):
    query = " ".join(["a"] * (MAX_QUERY_LENGTH // 2))  # 100 words, 199 characters
    assert client.get(API, {"search": query}).status_code == 200


def test_bad_search_operator_answers_400(client, content):
    assert client.get(API, {"search": "vitaal", "search_operator": "xor"}).status_code == 400
    assert client.get(API, {"search": "vitaal werken", "search_operator": "or"}).status_code == 200


def test_engine_down_answers_503(client, content):
    backends = search_backends({"SEARCH_BACKEND": "opensearch", "SEARCH_URL": f"http://127.0.0.1:{closed_port()}",
                                "SEARCH_TIMEOUT": "1"})
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        response = client.get(API, {"search": "vitaal"})
        assert response.status_code == 503
        assert "tijdelijk niet beschikbaar" in response.json()["message"]
        assert response["Retry-After"]
        # without a search the API needs no search engine
        assert client.get(API, {"type": "projecten.ProjectPage"}).status_code == 200

