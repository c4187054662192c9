"""What the SQLite and PostgreSQL search backends share: the fast match interface the faceted-search
service uses, and the handling of query words and of key lists."""

import numpy as np
from django.db import router
from modelsearch.conf import get_app_config
from modelsearch.utils import get_descendants_content_types_pks

from search.backends import common_terms, dutch


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


def in_result_order(queryset, score_name, by_relevance):
    """Search results as modelsearch orders them: by relevance (then newest first), else in the
    queryset's own order, else newest first."""
    if by_relevance:
        return queryset.order_by(f"-{score_name}", "-pk")
    if not queryset.query.order_by:
        return queryset.order_by("-pk")
    return queryset


class CommonTermsMatch(FastMatch):
    """`match` for the SQLite and PostgreSQL backends: words in many pages are read from the common-term
    bitsets (`search.backends.common_terms`), the rest from the backend's own index.

    A backend gives `parse` (the words of a text and its own form of the query), `match_index` (the
    match from its index), `common_match`, and `rebuild_common_terms_in` / `fold_common_terms_in` (its
    SQL for the bitsets, as functions of the database alias)."""

    def __init__(self, params):
        super().__init__(params)
        self.common_term_min_docs = int(params.get("COMMON_TERM_MIN_DOCS", common_terms.MIN_DOCS))

    @staticmethod
    def index_alias(write=False):
        """The database of the search index."""
        index_entry = get_app_config().get_model("IndexEntry")
        return router.db_for_write(index_entry) if write else router.db_for_read(index_entry)

    def parse(self, text, column):
        raise NotImplementedError

    def match_index(self, model, column, words, query, with_scores):
        raise NotImplementedError

    def common_match(self, alias, field, words, query, types):
        raise NotImplementedError

    def rebuild_common_terms(self, min_docs=None):
        """Recompute the common-term bitsets; returns the number of common (field, lexeme) pairs."""
        return self.rebuild_common_terms_in(self.index_alias(write=True), min_docs or self.common_term_min_docs)

    def fold_common_terms(self):
        return self.fold_common_terms_in(self.index_alias(write=True))

    def match_common(self, model, text, column="text"):
        """The match from the common-term bitsets, or None when it is not for them (see common_terms)."""
        return self._match_common(model, column, *self.parse(text, column))

    def _match_common(self, model, column, words, query):
        field = "prefix" if column == "autocomplete" and len(words) == 1 else column  # a suggestion: one word
        if field not in common_terms.FIELDS or not words:
            return None
        return self.common_match(self.index_alias(), field, words, query, content_type_ids(model))

    def match(self, model, text, column="text", with_scores=False):
        words, query = self.parse(text, column)
        if not words:
            return np.zeros(0, dtype=np.int64), (np.zeros(0) if with_scores else None)
        if not with_scores:  # words in many pages: from bitsets
            found = self._match_common(model, column, words, query)
            if found is not None:
                return found, None
        return self.match_index(model, column, words, query, with_scores)


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
