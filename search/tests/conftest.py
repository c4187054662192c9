"""osmem-server (an in-memory OpenSearch-compatible engine from PyPI) for the tests of the engine paths."""

import pytest
from django.test import override_settings
from osmem_server import OsmemError, OsmemServer


@pytest.fixture(scope="session")
def osmem():
    try:
        server = OsmemServer.start(addr="127.0.0.1:0", japanese=False, startup_timeout=30)
    except (OsmemError, OSError) as exc:
        pytest.fail(f"osmem-server (pip package osmem-server, pinned in requirements.txt) did not start: {exc}")
    yield server
    server.close()


@pytest.fixture
def cluster(osmem):
    """A fresh cluster for one test, configured as the default search backend (Dutch analysis set aside)."""
    clone = osmem.clone()
    backend = {
        "BACKEND": "search.backends.elasticsearch.OpenSearch3SearchBackend",
        "URLS": [clone.url], "INDEX_PREFIX": "test_", "TIMEOUT": 10, "INDEX_SETTINGS": {},
    }
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": backend}):
        yield clone
    clone.close()
