"""Wagtail's database search backends, taught Dutch: `BACKEND: "search.backends.database"`.

- SQLite: `search.backends.sqlite` (FTS5, text analysed in Python, bm25 ranking in the main query).
- PostgreSQL: modelsearch's backend with the `dutch_unaccent` configuration for text and
  `simple_unaccent` for autocomplete (both created by migration search/0001, with the GIN index on
  title || body).
- Anything else: modelsearch's own choice.

`SearchBackend(params)` picks the one for the database that holds the index, as
`wagtail.search.backends.database` does.
"""

from django.db import connections, router
from modelsearch.conf import get_app_config


def dutch_postgres_backend_class():
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    class DutchPostgresSearchBackend(PostgresSearchBackend):
        def __init__(self, params):
            super().__init__({"SEARCH_CONFIG": "dutch_unaccent", **params})
            self.autocomplete_config = params.get("AUTOCOMPLETE_CONFIG", "simple_unaccent")

    return DutchPostgresSearchBackend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    index_entry = get_app_config().get_model("IndexEntry")
    vendor = connections[router.db_for_read(index_entry)].vendor
    if vendor == "postgresql":
        return dutch_postgres_backend_class()(params)
    if vendor == "sqlite":
        from search.backends.sqlite import DutchSQLiteSearchBackend

        return DutchSQLiteSearchBackend(params)
    from modelsearch.backends.database import SearchBackend as stock_backend

    return stock_backend(params)
