"""PostgreSQL: modelsearch's backend with Dutch configurations and a cheaper join to the index.

- Text is analysed with `dutch_unaccent` (Snowball Dutch after unaccent), autocomplete with
  `simple_unaccent` (no stemming, for prefixes); both come from migration search/0001.
- modelsearch joins the index with `index.object_id = page.id::varchar`, which makes PostgreSQL read
  every page row to find a handful of matches. Here the join goes the other way,
  `page.id = index.object_id::integer`, so a rare word costs a few index lookups; the match itself is
  `(title || body) @@ query`, which the GIN index of migration search/0001 serves.
- Ranking is modelsearch's: ts_rank of title (times title_norm) plus ts_rank of body, with its weights.
- `match` (see `search.backends.database.FastMatch`): every matching pk through the GIN index, without
  unpacking the vectors; scores only when asked. Words in many pages are read from bitsets instead
  (`search.backends.common_terms`), which the index class and `update_index` keep up to date.
"""

import numpy as np
from django.db import connections, router
from django.db.models import IntegerField
from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchAtomicRebuilder,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchRebuilder,
)
from modelsearch.backends.database.postgres.weights import get_sql_weights
from modelsearch.conf import get_app_config
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from search.backends import common_terms
from search.backends.database import FastMatch, content_type_ids, keys_from_string, query_words

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)


def qn(name):
    return connections[router.db_for_read(IndexEntry)].ops.quote_name(name)


class DutchPostgresSearchQueryCompiler(PostgresSearchQueryCompiler):
    # The indexed vector(s) a query matches and ranks against; {e} is the index table.
    MATCH = "({e}.title || {e}.body)"
    RANK_VECTORS = ("{e}.title", "{e}.body")

    def _plain(self):
        pk = self.queryset.model._meta.pk
        while pk.is_relation:  # a page type's pk is its link to Page
            pk = pk.target_field
        return isinstance(self.query, (PlainText, Phrase)) and self.fields is None and isinstance(pk, IntegerField)

    def search(self, config, start, stop, score_field=None, backend=None):
        if not self._plain():  # match-all, negations, fuzzy, field lists: modelsearch's own way
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        search_query = self.build_tsquery(self.query, config=config)
        if search_query is None:
            return self.queryset.none()
        db = self.queryset.db
        qn = connections[db].ops.quote_name
        tsquery, tsquery_params = self.queryset.query.get_compiler(using=db).compile(search_query)
        model = self.queryset.model
        entries = qn(IndexEntry._meta.db_table)
        pk = f"{qn(model._meta.db_table)}.{qn(model._meta.pk.column)}"
        content_types = ", ".join(str(int(pk)) for pk in get_descendants_content_types_pks(model))
        weights = f"'{self.sql_weights}'::float4[]"
        title, *body = (vector.format(e=entries) for vector in self.RANK_VECTORS)
        # modelsearch's ranking: ts_rank of the title times title_norm, plus ts_rank of the body.
        rank = f"ts_rank({weights}, {title}, {tsquery})" + (f" * {entries}.title_norm" if body else "")
        rank_params = list(tsquery_params)
        for vector in body:
            rank += f" + ts_rank({weights}, {vector}, {tsquery})"
            rank_params += tsquery_params
        score_name = score_field or "_score"
        ranked = bool(score_field or self.order_by_relevance)
        queryset = self.queryset.extra(
            tables=[IndexEntry._meta.db_table],
            where=[
                f"{entries}.content_type_id IN ({content_types})",
                f"{pk} = ({entries}.object_id)::integer",
                # The same condition the other way round, so that the planner can also go from
                # filtered pages to their index entries (by the unique content_type, object_id index).
                f"{entries}.object_id = ({pk})::varchar(50)",
                f"{self.MATCH.format(e=entries)} @@ {tsquery}",
            ],
            params=list(tsquery_params),
            select={score_name: rank} if ranked else None,
            select_params=rank_params if ranked else None,
        )
        if self.order_by_relevance:
            queryset = queryset.order_by(f"-{score_name}", "-pk")
        elif not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        return queryset[start:stop]


class DutchPostgresAutocompleteQueryCompiler(DutchPostgresSearchQueryCompiler, PostgresAutocompleteQueryCompiler):
    MATCH = "{e}.autocomplete"
    RANK_VECTORS = ("{e}.autocomplete",)


VECTORS = {"text": "(title || body)", "title": "title", "autocomplete": "autocomplete"}


class DutchPostgresIndex(PostgresIndex):
    """modelsearch's index, folding changed entries into the common-term bitsets after the commit."""

    def add_items(self, model, objs):
        super().add_items(model, objs)
        common_terms.fold_after_commit(self.write_connection.alias)

    def delete_item(self, item):
        super().delete_item(item)
        common_terms.fold_after_commit(self.write_connection.alias)


class CommonTermsAfterRebuild:
    """`update_index` ends by recomputing the common-term bitsets (before the atomic rebuild commits)."""

    def finish(self):
        try:
            self.index.backend.rebuild_common_terms()
        finally:
            super().finish()


class DutchPostgresRebuilder(CommonTermsAfterRebuild, PostgresSearchRebuilder):
    pass


class DutchPostgresAtomicRebuilder(CommonTermsAfterRebuild, PostgresSearchAtomicRebuilder):
    pass


class DutchPostgresSearchBackend(FastMatch, PostgresSearchBackend):
    query_compiler_class = DutchPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = DutchPostgresAutocompleteQueryCompiler
    index_class = DutchPostgresIndex
    rebuilder_class = DutchPostgresRebuilder
    atomic_rebuilder_class = DutchPostgresAtomicRebuilder

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": "dutch_unaccent", **params})
        self.autocomplete_config = params.get("AUTOCOMPLETE_CONFIG", "simple_unaccent")
        self.common_term_min_docs = int(params.get("COMMON_TERM_MIN_DOCS", common_terms.MIN_DOCS))

    def rebuild_common_terms(self, min_docs=None):
        """Recompute the common-term bitsets; returns the number of common (field, lexeme) pairs."""
        return common_terms.rebuild(router.db_for_write(IndexEntry), min_docs or self.common_term_min_docs)

    def match(self, model, text, column="text", with_scores=False):
        # PostgreSQL stems with its own configuration: the words go in unstemmed.
        words = query_words(text, column, stem=False)
        if not words:
            return np.zeros(0, dtype=np.int64), (np.zeros(0) if with_scores else None)
        lexemes = [f"'{word}'" for word in words]  # words are letters and digits only
        if column == "autocomplete":
            lexemes[-1] += ":*"
        config = self.autocomplete_config if column == "autocomplete" else self.config
        types = content_type_ids(model)
        alias = router.db_for_read(IndexEntry)
        # Words in many pages: from bitsets (a suggestion only for one word, its beginning).
        field = "prefix" if column == "autocomplete" and len(words) == 1 else column
        if field in common_terms.FIELDS and not with_scores:
            found = common_terms.match(alias, field, config, " & ".join(lexemes), types)
            if found is not None:
                return found, None
        tsquery = "to_tsquery(%s::regconfig, %s)"
        params = [config, " & ".join(lexemes)]
        score = ""
        if with_scores:
            weights = f"'{get_sql_weights()}'::float4[]"
            if column == "text":
                score = f", ts_rank({weights}, title, {tsquery}) * title_norm + ts_rank({weights}, body, {tsquery})"
                params = params * 3
            else:
                score = f", ts_rank({weights}, {VECTORS[column]}, {tsquery})"
                params = params * 2
        # "+ 0": with a plain content type condition the planner walks the content type index and unpacks
        # every vector to test it; this way the GIN index finds the rows without opening the vectors.
        types = ", ".join(str(pk) for pk in types)
        # Without scores, every key in one string: parsing it is faster than a row per match.
        select = f"(object_id)::integer{score}" if with_scores else "string_agg(object_id, ' ')"
        sql = (f"SELECT {select} FROM {qn(IndexEntry._meta.db_table)} "
               f"WHERE content_type_id + 0 IN ({types}) AND {VECTORS[column]} @@ {tsquery}")
        with connections[alias].cursor() as cursor:
            # A common word matches nearly every row, and the planner then picks a sequential scan, which
            # unpacks every vector as well.
            cursor.execute("SET enable_seqscan = off")
            try:
                cursor.execute(sql, params)
                rows = cursor.fetchall()
            finally:
                cursor.execute("RESET enable_seqscan")
        if not with_scores:
            return keys_from_string(rows[0][0]), None
        pks = np.array([row[0] for row in rows], dtype=np.int64)
        return pks, np.array([row[1] for row in rows], dtype=float)
