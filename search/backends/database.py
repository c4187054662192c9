"""Wagtail's database search backends, taught Dutch: `BACKEND: "search.backends.database"`.

- SQLite: `search.backends.sqlite` (FTS5, text analysed in Python, bm25 ranking in the main query).
- PostgreSQL: `search.backends.postgres` (modelsearch's backend with the `dutch_unaccent` and
  `simple_unaccent` configurations of migration search/0001, joined to the index by integer key).
- Anything else: modelsearch's own choice.

`SearchBackend(params)` picks the one for the database that holds the index, as
`wagtail.search.backends.database` does. What the two share is in `search.backends.base`.
"""

from django.db import connections, router
from modelsearch.conf import get_app_config


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    index_entry = get_app_config().get_model("IndexEntry")
    vendor = connections[router.db_for_read(index_entry)].vendor
    # Only the backend in use is imported (here and below): the PostgreSQL ones need psycopg, and ours
    # read the index model when imported.
    if vendor == "postgresql":
        from search.backends.postgres import DutchPostgresSearchBackend

        return DutchPostgresSearchBackend(params)
    if vendor == "sqlite":
        from search.backends.sqlite import DutchSQLiteSearchBackend

        return DutchSQLiteSearchBackend(params)
    from modelsearch.backends.database import SearchBackend as stock_backend

    return stock_backend(params)
