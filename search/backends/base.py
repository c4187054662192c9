"""What the SQLite and PostgreSQL search backends share: the fast match interface the faceted-search
service uses, and the handling of query words and of key lists."""

import numpy as np
from modelsearch.utils import get_descendants_content_types_pks

from search.backends import dutch


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
    return [int(pk) for pk in get_descendants_content_types_pks(model)]


def query_words(text, column, stem=True):
    """The words of a query for `column`: folded, and for full words without stop words and (with `stem`)
    stemmed; for "autocomplete" every folded word, the last one a prefix."""
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
    if not text:
        return np.zeros(0, dtype=np.int64)
    return np.fromstring(text, dtype=np.int64, sep=" ")
