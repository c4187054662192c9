"""PostgreSQL: modelsearch's backend with Dutch configurations and a cheaper join to the index.

- Text is analysed with `dutch_unaccent` (Snowball Dutch after unaccent), autocomplete with
  `simple_unaccent` (no stemming, for prefixes); both come from migration search/0001.
- modelsearch joins the index with `index.object_id = page.id::varchar`, which makes PostgreSQL read
  every page row to find a handful of matches. Here the join goes the other way,
  `page.id = index.object_id::integer`, so a rare word costs a few index lookups; the match itself is
  `(title || body) @@ query`, which the GIN index of migration search/0001 serves.
- Ranking is modelsearch's: ts_rank of title (times title_norm) plus ts_rank of body, with its weights.
- `match` (see `search.backends.base.FastMatch`): every matching pk through the GIN index, without
  unpacking the vectors; scores only when asked. Words in many pages are read from bitsets instead
  (`search.backends.common_terms`), which the index class and `update_index` keep up to date.
"""

import re

import numpy as np
from django.db import connections, router, transaction
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
from search.backends.base import CommonTermsMatch, content_type_ids, in_result_order, keys_from_string, query_words

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
        return in_result_order(queryset, score_name, self.order_by_relevance)[start:stop]


class DutchPostgresAutocompleteQueryCompiler(DutchPostgresSearchQueryCompiler, PostgresAutocompleteQueryCompiler):
    MATCH = "{e}.autocomplete"
    RANK_VECTORS = ("{e}.autocomplete",)


VECTORS = {"text": "(title || body)", "title": "title", "autocomplete": "autocomplete"}


# --------------------------------------------------------------------------- common-term bitsets
# (search.backends.common_terms: what they are and why)

ENTRIES = IndexEntry._meta.db_table
LOCK = 0x5EA2C4  # advisory lock: one fold or rebuild at a time
COMMON_VECTORS = {"text": "(e.title || e.body)", "title": "e.title", "prefix": "e.autocomplete"}
PLAIN_AND = re.compile(r"'[^']+'(?: & '[^']+')*")
PLAIN_QUERY = {"text": PLAIN_AND, "title": PLAIN_AND, "prefix": re.compile(r"'[^']+':\*")}


def common_match(alias, field, config, query, types) -> np.ndarray | None:
    """The object ids of `types` whose `field` matches `to_tsquery(config, query)` from the bitsets, or
    None when the query is not plain or holds a word that is not common. One statement, one snapshot:
    the parsed query, the bitsets of its lexemes, the changed entries."""
    sql = f"""
        SELECT 'q', to_tsquery(%(config)s::regconfig, %(query)s)::text, NULL::integer, NULL::bytea, NULL::text,
               NULL::boolean
        UNION ALL
        SELECT 'c', c.lexeme, c.content_type_id, CASE WHEN c.content_type_id = ANY(%(types)s) THEN c.bits END,
               NULL, NULL
          FROM search_commonterm c
         WHERE c.field = %(field)s
           AND c.lexeme = ANY(tsvector_to_array(to_tsvector(%(config)s::regconfig, %(query)s)))
        UNION ALL
        SELECT 'd', NULL, d.content_type_id, NULL, d.object_id,
               coalesce({COMMON_VECTORS[field]} @@ to_tsquery(%(config)s::regconfig, %(query)s), false)
          FROM search_changedentry d
          LEFT JOIN {ENTRIES} e ON e.content_type_id = d.content_type_id AND e.object_id = d.object_id
         WHERE d.content_type_id = ANY(%(types)s)
    """
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, {"types": list(types), "field": field, "config": config, "query": query})
        rows = cursor.fetchall()
    parsed = next(lexeme for kind, lexeme, *_ in rows if kind == "q")
    if not parsed or not PLAIN_QUERY[field].fullmatch(parsed):
        return None
    return common_terms.answer(set(re.findall(r"'([^']+)'", parsed)), rows)


def _postings_sql(vector):
    return f"""
        SELECT lexeme, e.content_type_id, string_agg(e.object_id, ' ')
          FROM {ENTRIES} e, unnest(tsvector_to_array({vector})) lexeme
         WHERE lexeme IN (SELECT word FROM ts_stat('SELECT {vector.replace("e.", "")} FROM {ENTRIES}') WHERE ndoc >= %s)
           AND e.object_id ~ '^[0-9]+$'
         GROUP BY 1, 2
    """


# Per field: (lexeme, content type, space-separated object ids) for each lexeme in at least %s entries.
POSTINGS = {
    "text": _postings_sql(COMMON_VECTORS["text"]),
    "title": _postings_sql(COMMON_VECTORS["title"]),
    "prefix": f"""
        WITH prefixes AS MATERIALIZED (
            SELECT DISTINCT e.content_type_id, e.object_id, left(word, letters) AS lexeme
              FROM {ENTRIES} e, unnest(tsvector_to_array({COMMON_VECTORS["prefix"]})) word,
                   generate_series({common_terms.PREFIX_FROM}, length(word)) letters
             WHERE e.object_id ~ '^[0-9]+$'
        )
        SELECT lexeme, content_type_id, string_agg(object_id, ' ') FROM prefixes
         WHERE lexeme IN (SELECT lexeme FROM prefixes GROUP BY lexeme HAVING count(*) >= %s)
         GROUP BY 1, 2
    """,
}


def rebuild_common_terms(alias, min_docs) -> int:
    """Recompute every bitset from the index; returns the number of common (field, lexeme) pairs.
    Writers to the index wait while it runs (14 s at 60,000 entries)."""
    with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK])
        cursor.execute(f"LOCK TABLE {ENTRIES} IN SHARE MODE")
        common_terms.clear(cursor)
        rows = []
        for field in common_terms.FIELDS:
            cursor.execute(POSTINGS[field], [min_docs])
            rows += common_terms.postings(
                (field, lexeme, content_type, keys_from_string(ids)) for lexeme, content_type, ids in cursor.fetchall()
            )
        return common_terms.write(cursor, rows)


def fold_common_terms(alias) -> int:
    """Write the changed entries into the bitsets; returns how many. Skips if another fold runs. Writers
    go on meanwhile: an entry changed again gets a new seq, and only the seq read here is deleted."""
    with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [LOCK])
        if not cursor.fetchone()[0]:
            return 0
        changed = common_terms.changed_entries(
            cursor, ENTRIES,
            "tsvector_to_array(e.title || e.body), tsvector_to_array(e.title), tsvector_to_array(e.autocomplete)",
        )
        if not changed:
            return 0
        common_terms.fold(
            cursor,
            [(content_type, object_id, dict(zip(common_terms.FIELDS, vectors, strict=True)) if exists else {})
             for _, content_type, object_id, exists, *vectors in changed],
            lock=" FOR UPDATE",
        )
        cursor.execute(
            "DELETE FROM search_changedentry d USING unnest(%s::integer[], %s::text[], %s::bigint[]) f(t, o, s) "
            "WHERE d.content_type_id = f.t AND d.object_id = f.o AND d.seq = f.s",
            [[row[1] for row in changed], [row[2] for row in changed], [row[0] for row in changed]],
        )
    return len(changed)


class DutchPostgresIndex(PostgresIndex):
    """modelsearch's index, folding changed entries into the common-term bitsets after the commit."""

    def add_items(self, model, objs):
        super().add_items(model, objs)
        common_terms.fold_after_commit(self.write_connection.alias, fold_common_terms)

    def delete_item(self, item):
        super().delete_item(item)
        common_terms.fold_after_commit(self.write_connection.alias, fold_common_terms)


class DutchPostgresSearchBackend(CommonTermsMatch, PostgresSearchBackend):
    query_compiler_class = DutchPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = DutchPostgresAutocompleteQueryCompiler
    index_class = DutchPostgresIndex
    rebuilder_class = common_terms.rebuilding_common_terms(PostgresSearchRebuilder)
    atomic_rebuilder_class = common_terms.rebuilding_common_terms(PostgresSearchAtomicRebuilder)

    def __init__(self, params):
        super().__init__({"SEARCH_CONFIG": "dutch_unaccent", **params})
        self.autocomplete_config = params.get("AUTOCOMPLETE_CONFIG", "simple_unaccent")

    rebuild_common_terms_in = staticmethod(rebuild_common_terms)
    fold_common_terms_in = staticmethod(fold_common_terms)

    def parse(self, text, column):
        """The words of `text` and (configuration, to_tsquery text): words go in unstemmed, PostgreSQL
        stems with its own configuration."""
        words = query_words(text, column, stem=False)
        lexemes = [f"'{word}'" for word in words]  # words are letters and digits only
        if column == "autocomplete" and lexemes:
            lexemes[-1] += ":*"
        config = self.autocomplete_config if column == "autocomplete" else self.config
        return words, (config, " & ".join(lexemes))

    def common_match(self, alias, field, words, query, types):
        config, tsquery = query
        return common_match(alias, field, config, tsquery, types)

    def match_index(self, model, column, words, query, with_scores):
        config, query = query
        alias = router.db_for_read(IndexEntry)
        tsquery = "to_tsquery(%s::regconfig, %s)"
        params = [config, query]
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
        types = ", ".join(str(pk) for pk in content_type_ids(model))
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
