"""/gezond/ and /gereed/ (issue 17, section 3): healthy, and each dependency down for real."""

import pytest
from django.core.cache import caches
from django.test import override_settings
from osmem_server import OsmemServer

from .productie import PRODUCTION_ENV, TEST_REDIS, closed_port, json_out, run_django

REDIS_CACHE = {"BACKEND": "config.cache.TolerantRedisCache", "LOCATION": TEST_REDIS}


def opensearch(url):
    return {"default": {"BACKEND": "search.backends.elasticsearch.OpenSearch3SearchBackend", "URLS": [url],
                        "INDEX_PREFIX": "gereed_", "TIMEOUT": 2, "INDEX_SETTINGS": {}}}


@pytest.fixture(scope="module")
def engine():
    server = OsmemServer.start(addr="127.0.0.1:0", japanese=False, startup_timeout=30)
    yield server
    server.close()


def test_liveness_answers_without_touching_anything(client):
    response = client.get("/gezond/")  # no db fixture: a database query would fail this test
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_ready_with_database_redis_and_search_engine(client, engine):
    with override_settings(CACHES={"default": REDIS_CACHE}, WAGTAILSEARCH_BACKENDS=opensearch(engine.url)):
        response = client.get("/gereed/")
    assert response.status_code == 200, response.content
    assert response.json() == {"status": "ok", "onderdelen": {
        "database": "ok", "migraties": "ok", "cache": "ok", "zoekmachine": "ok"}}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_search_engine_down(client):
    with override_settings(WAGTAILSEARCH_BACKENDS=opensearch(f"http://127.0.0.1:{closed_port()}")):
        response = client.get("/gereed/")
    assert response.status_code == 503
    assert response.json()["onderdelen"] == {
        "database": "ok", "migraties": "ok", "cache": "ok", "zoekmachine": "onbereikbaar"}


@pytest.mark.django_db
def test_redis_down(client):
    down = {**REDIS_CACHE, "LOCATION": f"redis://127.0.0.1:{closed_port()}/0"}
    with override_settings(CACHES={"default": down}):
        response = client.get("/gereed/")
        assert caches["default"].get("iets", "standaard") == "standaard"  # a miss, not an error
    assert response.status_code == 503
    assert response.json()["onderdelen"]["cache"] == "onbereikbaar"
    assert response.json()["onderdelen"]["database"] == "ok"


def test_database_down_and_the_dutch_503_page():
    """A separate process whose DATABASE_URL points at a port where no PostgreSQL listens."""
    result = run_django(
        "import json\nfrom django.test import Client\n"
        "c = Client(raise_request_exception=False)\n"
        "ready = c.get('/gereed/')\nhome = c.get('/')\n"
        "print(json.dumps({'ready': [ready.status_code, ready.json()], 'home': [home.status_code,"
        " home.content.decode(), home.get('Retry-After')]}))",
        {**PRODUCTION_ENV, "DATABASE_URL": f"postgres://postgres@127.0.0.1:{closed_port()}/onbereikbaar",
         "REDIS_URL": TEST_REDIS},
    )
    out = json_out(result)
    assert out["ready"] == [503, {"status": "niet gereed", "onderdelen": {
        "database": "onbereikbaar", "migraties": "onbekend", "cache": "ok", "zoekmachine": "ok"}}]
    status, html, retry_after = out["home"]
    assert status == 503 and retry_after == "30"
    assert "Tijdelijk niet beschikbaar" in html and "Traceback" not in html and "OperationalError" not in html
    # The operator's side: the exception with its path, on standard error, as a JSON line.
    assert '"message": "Service Unavailable: /"' in result.stderr
    assert "OperationalError" in result.stderr and '"request_id": "' in result.stderr
