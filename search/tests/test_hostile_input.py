"""Every hostile or odd input answers 200 with a sane page (404 only for a page past the end), never a 500,
on /inspiratie/, /vacatures/, /zoeken/ and the suggestions."""

import pytest

from conftest import project_factory
from vacatures.tests.fixtures import vacancy_factory

ENDPOINTS = ["/inspiratie/", "/vacatures/", "/zoeken/"]
QUERIES = [
    "", " ", "x" * 2000, '"', "'", '"onafgesloten', "((", "a) OR (b", "AND", "OR NOT AND", "NOT leren",
    "*", "lere*", "a:b", "thema:vitaliteit", "'; DROP TABLE wagtailcore_page; --", "1 OR 1=1",
    '{"query": {"match_all": {}}}', "<script>alert(1)</script>", "\u0000", "ü ë é ç", "🙂", "%", "_", "\\",
]
PARAMS = [
    {"thema": "bestaat-niet"}, {"thema": ["vitaliteit", "vitaliteit"]}, {"organisatie": "x" * 500},
    {"uren": "99"}, {"status": ["lopend", "drop table"]}, {"pagina": "abc"}, {"pagina": "-1"},
    {"pagina": "1e9"}, {"sorteer": "'; --"}, {"soort": "vacaturepage"},
]


# Every test here only reads: the content is made once for the module.
@pytest.fixture(scope="module")
def content(module_library, module_network):
    project_factory(module_library)("Leren en vitaliteit", thema="Vitaliteit", samenvatting="Over leren.")
    vacancy_factory(module_network)("alfa", "Adviseur leren")


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_queries(client, content, endpoint):
    for query in QUERIES:
        response = client.get(endpoint, {"q": query})
        assert response.status_code == 200, (query, response.content[:500])
        assert "<script>alert(1)</script>" not in response.content.decode(), query


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_parameters(client, content, endpoint):
    for params in PARAMS:
        assert client.get(endpoint, params).status_code == 200, params


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_page_past_the_end_is_404(client, content, endpoint):
    assert client.get(endpoint, {"pagina": "99999"}).status_code == 404


def test_suggestions(client, content):
    for query in QUERIES:
        response = client.get("/zoeken/suggesties", {"q": query})
        assert response.status_code == 200, query
        assert isinstance(response.json()["suggestions"], list), query


@pytest.mark.parametrize("endpoint", ENDPOINTS + ["/vacatures/feed/"])
def test_control_characters_in_filters(client, content, endpoint):
    for name in ("thema", "organisatie", "regio", "soort", "status", "uren", "sorteer", "pagina"):
        assert client.get(endpoint, {name: "vita\x00liteit"}).status_code == 200, name
