"""Wagtail's database search backends, taught Dutch: `BACKEND: "search.backends.database"`.

- SQLite: `search.backends.sqlite` (FTS5, text analysed in Python, bm25 ranking in the main query).
- PostgreSQL: `search.backends.postgres` (modelsearch's backend with the `dutch_unaccent` and
  `simple_unaccent` configurations of migration search/0001, joined to the index by integer key).
- Anything else: modelsearch's own choice.

`SearchBackend(params)` picks the one for the database that holds the index, as
`wagtail.search.backends.database` does.
"""

from django.db import connections, router
from modelsearch.conf import get_app_config


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    index_entry = get_app_config().get_model("IndexEntry")
    vendor = connections[router.db_for_read(index_entry)].vendor
    if vendor == "postgresql":
        from search.backends.postgres import DutchPostgresSearchBackend

        return DutchPostgresSearchBackend(params)
    if vendor == "sqlite":
        from search.backends.sqlite import DutchSQLiteSearchBackend

        return DutchSQLiteSearchBackend(params)
    from modelsearch.backends.database import SearchBackend as stock_backend

    return stock_backend(params)


class FastMatch:
    """What the faceted-search service asks of our database backends, besides Wagtail's search API.

    `match(model, text, column)` returns the primary keys of *every* page of `model` (and its subtypes)
    whose `column` ("text": title and body, "title", or "autocomplete", where the last word is a prefix)
    holds every word of `text`, in no order; with `with_scores`, also a relevance score per page (higher
    is better). Scoring reads every match, so the service asks for scores only when there are at most
    `rank_window` matches (`search.service.relevance_key`), and for suggestions at most
    `suggestion_rank_window`: eight titles are wanted, while typing.
    """

    rank_window = 1000
    suggestion_rank_window = 1000

    def match(self, model, text, column="text", with_scores=False):
        raise NotImplementedError


def content_type_ids(model):
    from modelsearch.utils import get_descendants_content_types_pks

    return [int(pk) for pk in get_descendants_content_types_pks(model)]


def query_words(text, column, stem=True):
    """The words of a query for `column`: folded, and for full words without stop words and (with `stem`)
    stemmed; for "autocomplete" every folded word, the last one a prefix."""
    from search.backends import dutch

    if column == "autocomplete":
        found = dutch.words(text)
    elif stem:
        found = dutch.terms(text)
    else:
        found = [word for word in dutch.words(text) if word not in dutch.STOP_WORDS]
    return list(dict.fromkeys(found))


def keys_from_string(text):
    """Integers from a space-separated string (SQL's group_concat/string_agg): parsing one string is
    several times faster than building a row per match."""
    import numpy as np

    if not text:
        return np.zeros(0, dtype=np.int64)
    return np.fromstring(text, dtype=np.int64, sep=" ")
