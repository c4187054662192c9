"""The OpenSearch path for real, against osmem-server (an in-memory OpenSearch-compatible engine).

One server for the session on a free 127.0.0.1 port; every test works in its own clone of the
(empty) base cluster. If the server cannot start, the tests fail and say why; nothing is skipped.

osmem does not apply an index's `default` analyzer to unmapped text fields and has no working
Dutch stemming (its snowball filter breaks queries), so these tests configure the backend without
our Dutch analysis (`INDEX_SETTINGS: {}`); the Dutch index settings are checked in
test_elasticsearch_body.py. Stemming is not what is tested here: mapping, indexing, filters,
facets with every bucket, autocomplete, scrolling and an unreachable cluster are.
"""

import io
import socket

import pytest
from django.core.management import call_command
from django.test import override_settings
from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend as StockOpenSearch3
from wagtail.search.backends import get_search_backend

from config.settings.search import search_backends
from projecten.models import ProjectPage
from search.service import SearchUnavailable, suggestion_ids, text_match_ids


def reindex():
    call_command("update_index", stdout=io.StringIO())


@pytest.fixture
def projects(make_project, cluster):
    make_project("Fietsplan voor medewerkers", thema="Vitaliteit", samenvatting="Samen naar het werk.")
    make_project("Leerbudget", thema="Leren", samenvatting="Een fietsplan hoort er niet bij, een cursus wel.")
    make_project("Duurzame inzetbaarheid", thema="Vitaliteit", samenvatting="Gezond blijven werken.")
    make_project("Concept over fietsen", thema="Vitaliteit", live=False)
    reindex()


def test_mapping_holds_the_search_and_filter_fields(projects, cluster):
    backend = get_search_backend()
    name = backend.get_index_for_model(ProjectPage).name
    assert name == "test_wagtailcore_page"  # every page type shares the index of its root model, Page
    mapping = backend.es.indices.get_mapping(index=name)
    properties = next(iter(mapping.values()))["mappings"]["properties"]
    assert properties["title"]["type"] == "text"
    assert properties["_edgengrams"]["analyzer"] == "edgengram_analyzer"
    assert properties["projecten_projectpage__samenvatting"]["type"] == "text"
    assert properties["projecten_projectpage__thema_id_filter"]["type"] == "long"  # the id of a Thema
    assert properties["projecten_projectpage__organisaties"]["type"] == "nested"


def test_indexing_and_text_search_through_the_service(projects):
    fietsplan = ProjectPage.objects.get(title="Fietsplan voor medewerkers")
    leerbudget = ProjectPage.objects.get(title="Leerbudget")
    ids = text_match_ids(ProjectPage.objects.live().public(), "fietsplan")
    # Title match above the body match; the draft is not live and is not found.
    assert ids == [fietsplan.pk, leerbudget.pk]
    assert text_match_ids(ProjectPage.objects.live().public(), "fietsplan cursus") == [leerbudget.pk]
    assert text_match_ids(ProjectPage.objects.live().public(), '"); DROP TABLE x; --') == []


def test_filters_apply_in_the_engine_and_on_the_listing(projects, client):
    vitaliteit = ProjectPage.objects.get(title="Fietsplan voor medewerkers").thema
    results = ProjectPage.objects.live().filter(thema=vitaliteit).search("fietsplan", operator="and")
    assert [p.title for p in results] == ["Fietsplan voor medewerkers"]

    response = client.get("/inspiratie/", {"q": "fietsplan", "thema": "leren"})
    assert response.status_code == 200
    assert [p.title for p in response.context["projects"]] == ["Leerbudget"]
    assert response.context["search"].total == 1


def test_facets_return_every_bucket_where_stock_stops_at_ten(make_project, cluster):
    # 13 themes; theme n has n % 3 + 1 live projects that mention "werkdruk".
    expected = {}
    for n in range(13):
        for i in range(n % 3 + 1):
            page = make_project(f"Project {n}-{i}", thema=f"Thema {n:02d}", samenvatting="Minder werkdruk.")
        expected[page.thema_id] = n % 3 + 1
    make_project("Zonder thema", samenvatting="Ook werkdruk.")
    reindex()

    queryset = ProjectPage.objects.live().public()
    ours = get_search_backend().search("werkdruk", queryset).facet("thema_id")
    assert dict(ours) == {**expected, None: 1}
    assert len(ours) == 14

    stock = StockOpenSearch3({"URLS": [cluster.url], "INDEX_PREFIX": "test_", "INDEX_SETTINGS": {}})
    capped = stock.search("werkdruk", queryset).facet("thema_id")
    assert len(capped) == 10  # wagtail issue 5668, reproduced
    assert set(capped.items()) < set(ours.items())


def test_autocomplete_and_suggestions(projects, client):
    duurzaam = ProjectPage.objects.get(title="Duurzame inzetbaarheid")
    assert [p.pk for p in get_search_backend().autocomplete("duurz", ProjectPage.objects.live())] == [duurzaam.pk]
    assert suggestion_ids(ProjectPage.objects.live().public(), "duurz") == [duurzaam.pk]
    assert suggestion_ids(ProjectPage.objects.live().public(), "Fiets") == [
        ProjectPage.objects.get(title="Fietsplan voor medewerkers").pk
    ]

    response = client.get("/zoeken/suggesties", {"q": "duurz"})
    assert response.status_code == 200
    assert response.json()["suggestions"] == [{"title": "Duurzame inzetbaarheid", "url": duurzaam.url, "type": "Project"}]


def test_ranked_pks_scroll_through_every_hit(make_project, cluster):
    titles = [f"Teamdag {i}" for i in range(7)]
    for title in titles:
        make_project(title, samenvatting="teamdag")
    reindex()
    results = get_search_backend().search("teamdag", ProjectPage.objects.live())
    pks = results.ranked_pks(page_size=3)  # three pages of hits
    assert sorted(pks) == sorted(ProjectPage.objects.filter(title__in=titles).values_list("pk", flat=True))


# --------------------------------------------------------------------------- unreachable cluster


@pytest.fixture
def closed_port():
    """A port on which nothing listens: bound, never listening, so connections are refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


@pytest.mark.parametrize("engine", ["opensearch", "elasticsearch"])
def test_unreachable_cluster_raises_search_unavailable(make_project, client, closed_port, engine):
    make_project("Fietsplan")
    backends = search_backends({"SEARCH_BACKEND": engine, "SEARCH_URL": f"http://127.0.0.1:{closed_port}",
                                "SEARCH_TIMEOUT": "2"})
    with override_settings(WAGTAILSEARCH_BACKENDS=backends):
        with pytest.raises(SearchUnavailable):
            text_match_ids(ProjectPage.objects.live().public(), "fietsplan")
        with pytest.raises(SearchUnavailable):
            suggestion_ids(ProjectPage.objects.live().public(), "fiets")
        # A listing without a query needs no search engine.
        response = client.get("/inspiratie/")
        assert response.status_code == 200
        assert [p.title for p in response.context["projects"]] == ["Fietsplan"]
