"""When the search cluster is unreachable (a real closed port, no mock), listings still render from
the database, the site search answers 503 in Dutch, and nothing is lost."""

import socket

import pytest
from django.test import override_settings

from config.settings.search import search_backends


def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # closed again when the socket is


@pytest.fixture
def cluster_down():
    backends = search_backends({"SEARCH_BACKEND": "opensearch", "SEARCH_URL": f"http://127.0.0.1:{closed_port()}",
                                "SEARCH_TIMEOUT": "1"})
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        yield


@pytest.fixture
def projects(make_project):
    make_project("Vitaal werken", thema="Vitaliteit")
    make_project("Leren loont", thema="Leren en ontwikkelen")


def test_site_search_says_it_is_unavailable_with_503(client, projects, cluster_down):
    response = client.get("/zoeken/", {"q": "vitaal"})
    assert response.status_code == 503
    assert "Zoeken op tekst is tijdelijk niet beschikbaar" in response.content.decode()


def test_listing_still_renders_from_the_database(client, projects, cluster_down):
    response = client.get("/inspiratie/", {"q": "vitaal", "thema": "leren-en-ontwikkelen"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "tijdelijk niet beschikbaar" in html
    assert [p.title for p in response.context["projects"]] == ["Leren loont"]  # filters still apply
    plain = client.get("/inspiratie/")
    assert plain.status_code == 200 and plain.context["search"].total == 2
    assert "tijdelijk niet beschikbaar" not in plain.content.decode()


@pytest.fixture
def vacancies(make_vacancy):
    make_vacancy("alfa", "Adviseur vitaliteit")
    make_vacancy("beta", "Jurist omgevingsrecht")


def test_feed_with_a_query_answers_503_instead_of_the_unfiltered_list(client, vacancies, cluster_down):
    response = client.get("/vacatures/feed/", {"q": "jurist"})
    assert response.status_code == 503
    assert response["Retry-After"]
    html = response.content.decode()
    assert "tijdelijk niet beschikbaar" in html and "Adviseur vitaliteit" not in html
    # Without a text query the feed needs no search engine: filters still work from the database.
    plain = client.get("/vacatures/feed/", {"organisatie": "beta"})
    assert plain.status_code == 200
    feed = plain.content.decode()
    assert "Jurist omgevingsrecht" in feed and "Adviseur vitaliteit" not in feed
