"""The JSON our configuration sends to Elasticsearch 8 and 9, built by the backends' own classes.

No server: the client is created but never called. What is checked is what a real cluster would
receive: the Dutch analyzer in the index settings, the filters of the queryset, the terms
aggregation asking for at least as many buckets as there are values, and autocomplete on the
edge n-gram field.
"""

import pytest
from django.utils.module_loading import import_string

from config.settings.search import search_backends
from conftest import project_factory
from projecten.models import ProjectPage
from taxonomie.models import Thema


@pytest.fixture(params=["elasticsearch", "elasticsearch9", "opensearch"])
def backend(request, db):
    """The backend SEARCH_BACKEND=... configures (built here, not installed: page saves stay local)."""
    params = dict(search_backends({"SEARCH_BACKEND": request.param, "SEARCH_URL": "http://127.0.0.1:9"})["default"])
    return import_string(params.pop("BACKEND"))(params)


def test_index_settings_analyse_dutch(backend):
    analysis = backend.settings["settings"]["analysis"]
    default = analysis["analyzer"]["default"]
    assert default["tokenizer"] == "standard"
    assert default["filter"] == ["lowercase", "asciifolding", "dutch_stop", "dutch_stemmer"]
    assert analysis["filter"]["dutch_stemmer"] == {"type": "stemmer", "language": "dutch"}
    assert analysis["filter"]["dutch_stop"] == {"type": "stop", "stopwords": "_dutch_"}
    # modelsearch's own analyzers for autocomplete are still there.
    assert "edgengram_analyzer" in analysis["analyzer"]


def test_text_fields_use_the_default_analyzer(backend):
    mapping = backend.mapping_class(ProjectPage).get_mapping()["properties"]
    assert mapping["title"]["type"] == "text" and "analyzer" not in mapping["title"]
    assert "analyzer" not in mapping["projecten_projectpage__samenvatting"]
    assert mapping["_edgengrams"]["analyzer"] == "edgengram_analyzer"
    assert mapping["_edgengrams"]["search_analyzer"] == "standard"


def test_query_carries_the_text_and_the_filters(backend):
    vitaliteit = Thema.objects.create(naam="Vitaliteit", slug="vitaliteit")
    queryset = ProjectPage.objects.live().filter(subsidieronde="2021-1", thema__in=[vitaliteit.pk])
    body = backend.search("werkdruk thuis", queryset, operator="and")._get_es_body()
    query = body["query"]["bool"]
    assert query["must"] == {
        "multi_match": {"query": "werkdruk thuis", "operator": "and",
                        "fields": ["_all_text", "_all_text_boost_2_0^2.0"]}
    }
    filters = query["filter"]
    assert filters[0] == {"match": {"_django_content_type": "projecten.ProjectPage"}}
    assert sorted(filters[1]["bool"]["must"], key=str) == sorted([
        {"term": {"live_filter": True}},
        {"term": {"projecten_projectpage__subsidieronde_filter": "2021-1"}},
        {"terms": {"projecten_projectpage__thema_id_filter": [vitaliteit.pk]}},
    ], key=str)


@pytest.fixture(scope="module")
def fourteen_themes(module_library):
    """Made once for the three backends (only read)."""
    make_project = project_factory(module_library)
    for n in range(14):
        make_project(f"Project {n}", thema=f"Thema {n:02d}")
    make_project("Zonder thema")


def test_facet_aggregation_asks_for_every_bucket(backend, fourteen_themes):
    body = backend.search("werkdruk", ProjectPage.objects.live()).facet_body("thema_id")
    terms = body["aggregations"]["thema_id"]["terms"]
    assert terms["field"] == "projecten_projectpage__thema_id_filter"
    assert terms["missing"] == 0
    # 14 themes and one "missing" bucket for the page without a theme: 15 buckets, more than the default 10.
    assert terms["size"] >= 15
    assert body["query"]["bool"]["must"]["multi_match"]["query"] == "werkdruk"


def test_autocomplete_uses_the_edge_ngram_field(backend):
    body = backend.autocomplete("duurz", ProjectPage.objects.live())._get_es_body()
    assert body["query"]["bool"]["must"] == {"match": {"_edgengrams": {"query": "duurz"}}}
