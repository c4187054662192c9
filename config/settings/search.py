"""The search backend, chosen from the environment (imported at the end of base.py).

- `SEARCH_BACKEND` unset (or `database`): Dutch search in the database itself: SQLite FTS5 with
  Snowball Dutch stemming, or PostgreSQL with the `dutch_unaccent` configuration.
- `SEARCH_BACKEND=elasticsearch` (8 and 9; `elasticsearch9` for a 9-only client) or
  `opensearch` (2 and 3) with `SEARCH_URL=http://host:9200`: Wagtail's backend for that engine
  with a Dutch analyzer and every facet bucket (search.backends.elasticsearch).
  Optional: `SEARCH_INDEX_PREFIX` (default `inbeweging_`), `SEARCH_TIMEOUT` in seconds (default 5).

After switching backends, fill the new index: `manage.py update_index`.
"""

import os

from django.core.exceptions import ImproperlyConfigured

__all__ = ["WAGTAILSEARCH_BACKENDS"]

# Accent folding, lower case, Dutch stop words and the Dutch Snowball stemmer, for every text field
# (the mapping leaves the analyzer of text fields unset, so "default" applies). Autocomplete fields
# keep modelsearch's own edge n-gram analyzer.
DUTCH_ANALYSIS = {
    "settings": {
        "analysis": {
            "filter": {
                "dutch_stop": {"type": "stop", "stopwords": "_dutch_"},
                "dutch_stemmer": {"type": "stemmer", "language": "dutch"},
            },
            "analyzer": {
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding", "dutch_stop", "dutch_stemmer"],
                },
            },
        }
    }
}

SEARCH_ENGINES = {
    "elasticsearch": "search.backends.elasticsearch.Elasticsearch8SearchBackend",
    "elasticsearch8": "search.backends.elasticsearch.Elasticsearch8SearchBackend",
    "elasticsearch9": "search.backends.elasticsearch.Elasticsearch9SearchBackend",
    "opensearch": "search.backends.elasticsearch.OpenSearch3SearchBackend",
    "opensearch2": "search.backends.elasticsearch.OpenSearch2SearchBackend",
    "opensearch3": "search.backends.elasticsearch.OpenSearch3SearchBackend",
}


def search_backends(environ=os.environ):
    engine = environ.get("SEARCH_BACKEND", "").strip().lower()
    if engine in ("", "database"):
        return {"default": {"BACKEND": "search.backends.database"}}
    if engine not in SEARCH_ENGINES:
        raise ImproperlyConfigured(
            f"SEARCH_BACKEND={engine!r}: choose database, {', '.join(SEARCH_ENGINES)}"
        )
    return {
        "default": {
            "BACKEND": SEARCH_ENGINES[engine],
            "URLS": [environ.get("SEARCH_URL", "http://localhost:9200")],
            "INDEX_PREFIX": environ.get("SEARCH_INDEX_PREFIX", "inbeweging_"),
            "TIMEOUT": int(environ.get("SEARCH_TIMEOUT", "5")),
            # SEARCH_DUTCH_ANALYSIS=0 only for osmem-server in `make prod-check` (no Dutch stemmer there).
            "INDEX_SETTINGS": DUTCH_ANALYSIS if environ.get("SEARCH_DUTCH_ANALYSIS", "1") == "1" else {},
        }
    }


WAGTAILSEARCH_BACKENDS = search_backends()
