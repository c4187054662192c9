"""SQLite: modelsearch's FTS5 backend with the index text and the query analysed in Python.

`search.backends.dutch` does the analysis (accent folding, stop words, Snowball Dutch stemming). Ranking
is one bm25() call with column weights (title above body) in the main query, ordered and limited in SQL,
instead of stock modelsearch's scalar subquery per result row (which runs the MATCH again for every row).
`match` (see `search.backends.base.FastMatch`) reads words in many pages from bitsets
(`search.backends.common_terms`), which the index class and `update_index` keep up to date.
"""

import json

import numpy as np
from django.db import connections, router, transaction
from django.db.models import IntegerField
from modelsearch.backends.database.sqlite.query import (
    Lexeme,
    MatchExpression,
    SearchQueryExpression,
    normalize,
)
from modelsearch.backends.database.sqlite.sqlite import (
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteIndex,
    SQLiteSearchAtomicRebuilder,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchRebuilder,
    SQLiteSearchResults,
)
from modelsearch.conf import get_app_config
from modelsearch.index import AutocompleteField
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search.backends import common_terms, dutch
from search.backends.base import CommonTermsMatch, content_type_ids, in_result_order, keys_from_string, query_words
from search.version import content_version

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)


def index_texts(obj, backend):
    """(title, body, autocomplete) of an object as plain text, reading each search field once."""
    indexer = ObjectIndexer(obj, backend)
    title, body, autocomplete = [], [], []
    for search_field in indexer.search_fields:
        for field, value in indexer.prepare_field(obj, search_field):
            if isinstance(field, AutocompleteField):
                autocomplete.append(value)
            elif field.field_name == "title":
                title.append(value)
            else:
                body.append(value)
    return " ".join(title), " ".join(body), " ".join(autocomplete)


def index_entry(content_type_id, object_id, title, body, autocomplete):
    """The row stored for one object: analysed title and body, folded words for autocomplete."""
    return IndexEntry(
        content_type_id=content_type_id,
        object_id=str(object_id),
        title=dutch.analyse(title),
        body=dutch.analyse(body),
        # Unstemmed folded words, for prefix matching (suggestions, admin choosers).
        autocomplete=" ".join(dutch.words(autocomplete)),
    )


class DutchSQLiteIndex(SQLiteIndex):
    """modelsearch's index, writing each batch in one upsert and folding changed entries into the
    common-term bitsets after the commit."""

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        content_type_id = get_content_type_pk(model)
        entries = [index_entry(content_type_id, obj.pk, *index_texts(obj, self.backend)) for obj in objs]
        # One upsert; the FTS5 table follows through modelsearch's triggers.
        IndexEntry._default_manager.using(self.write_connection.alias).bulk_create(
            entries,
            batch_size=500,
            update_conflicts=True,
            unique_fields=["content_type", "object_id"],
            update_fields=["title", "body", "autocomplete"],
        )
        common_terms.fold_after_commit(self.write_connection.alias, fold_common_terms)

    def delete_item(self, item):
        super().delete_item(item)
        common_terms.fold_after_commit(self.write_connection.alias, fold_common_terms)

    def _refresh_title_norms(self, full=False):
        # bm25() normalises for field length itself; the title_norm column is not used here. (Stock
        # modelsearch rewrites every row of the index, and so every FTS5 row, to keep it up to date.)
        pass


class DutchSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    # bm25() weights in the column order of modelsearch's FTS5 table: fts5(autocomplete, body, title).
    # A title match outweighs a body match.
    FTS_WEIGHTS = (0.0, 1.0, 10.0)

    def analyse(self, text):
        return list(dict.fromkeys(dutch.terms(text)))

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            terms = self.analyse(query.query_string)
            if not terms:
                return None
            lexemes = Lexeme(terms[-1], prefix=self.LAST_TERM_IS_PREFIX)
            for term in terms[:-1]:
                lexemes = lexemes & Lexeme(term) if query.operator.lower() == "and" else lexemes | Lexeme(term)
            return SearchQueryExpression(lexemes)
        if isinstance(query, Phrase):
            terms = dutch.terms(query.query_string)
            return SearchQueryExpression(" ".join(terms)) if terms else None
        return super().build_search_query_content(query, config)

    def fts_columns(self):
        # The FTS5 table has a title and a body column; other field names all live in body.
        return ["title"] if self.fields == ["title"] else ["title", "body"]

    def _integer_pk(self):
        pk = self.queryset.model._meta.pk
        while pk.is_relation:  # a page type's pk is its link to Page
            pk = pk.target_field
        return isinstance(pk, IntegerField)

    def search(self, config, start, stop, score_field=None):
        query = normalize(self.query)
        if isinstance(query, (MatchAll, Not)) or not self._integer_pk():
            # Match-all, negated queries and non-integer keys: modelsearch's own way.
            return super().search(config, start, stop, score_field=score_field)
        try:
            search_query = self.build_search_query(query, config=config)
        except TypeError:  # a sub-query without any term left after analysis
            search_query = None
        if search_query is None:
            return self.queryset.none()

        db = self.queryset.db
        qn = connections[db].ops.quote_name
        sql_compiler = self.queryset.query.get_compiler(using=db)
        match_sql, match_params = MatchExpression(self.fts_columns(), search_query).as_sql(
            sql_compiler, connections[db]
        )
        entries = qn(IndexEntry._meta.db_table)
        fts = qn(IndexEntry._meta.db_table + "_fts")
        model = self.queryset.model
        pk = f"{qn(model._meta.db_table)}.{qn(model._meta.pk.column)}"
        content_types = ", ".join(str(int(pk)) for pk in get_descendants_content_types_pks(model))
        weights = ", ".join(str(w) for w in self.FTS_WEIGHTS)
        score_name = score_field or "_score"
        queryset = self.queryset.extra(
            tables=[IndexEntry._meta.db_table, IndexEntry._meta.db_table + "_fts"],
            where=[
                match_sql,
                # Unary + keeps SQLite from looking FTS5 rows up by rowid per index entry: the MATCH
                # drives the join, the other tables are found by primary key.
                f"+{fts}.rowid = {entries}.id",
                f"{entries}.content_type_id IN ({content_types})",
                f"{pk} = CAST({entries}.object_id AS INTEGER)",
            ],
            params=match_params,
            # Higher is better, as on the other backends (bm25() is negative, lower is better).
            select={score_name: f"-bm25({fts}, {weights})"} if (score_field or self.order_by_relevance) else None,
        )
        return in_result_order(queryset, score_name, self.order_by_relevance)[start:stop]


class DutchSQLiteAutocompleteQueryCompiler(DutchSQLiteSearchQueryCompiler, SQLiteAutocompleteQueryCompiler):
    LAST_TERM_IS_PREFIX = True
    FTS_WEIGHTS = (1.0, 0.0, 0.0)

    def analyse(self, text):
        # Prefixes are matched against unstemmed words: 'duurz' must find 'duurzame'.
        return list(dict.fromkeys(dutch.words(text)))

    def fts_columns(self):
        return ["autocomplete"]


class DutchSQLiteSearchBackend(CommonTermsMatch, SQLiteSearchBackend):
    query_compiler_class = DutchSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = DutchSQLiteAutocompleteQueryCompiler
    index_class = DutchSQLiteIndex
    results_class = SQLiteSearchResults
    rebuilder_class = common_terms.rebuilding_common_terms(SQLiteSearchRebuilder)
    atomic_rebuilder_class = common_terms.rebuilding_common_terms(SQLiteSearchAtomicRebuilder)
    rank_window = 5000

    def rebuild_common_terms_in(self, alias, min_docs):  # the SQL functions stand below
        return rebuild_common_terms(alias, min_docs)

    def fold_common_terms_in(self, alias):
        return fold_common_terms(alias)

    def parse(self, text, column):
        """The folded, stemmed words and the FTS5 MATCH expression."""
        words = query_words(text, column)
        return words, fts_match(column, words)

    def common_match(self, alias, field, words, expression, types):
        return common_match(alias, field, words, expression, types)

    def match_index(self, model, column, words, expression, with_scores):
        weights = "1.0, 0.0, 0.0" if column == "autocomplete" else ", ".join(map(str, self.query_compiler_class.FTS_WEIGHTS))
        alias = router.db_for_read(IndexEntry)
        with connections[alias].cursor() as cursor:
            if with_scores:
                cursor.execute(f"SELECT rowid, -bm25({FTS}, {weights}) FROM {FTS} WHERE {FTS} MATCH %s", [expression])
                rows = cursor.fetchall()
                entry_ids = np.array([row[0] for row in rows], dtype=np.int64)
                scores = np.array([row[1] for row in rows], dtype=float)
            else:
                # One string instead of a row per match: a third of the time for a word in 60,000 pages.
                cursor.execute(f"SELECT group_concat(rowid, ' ') FROM {FTS} WHERE {FTS} MATCH %s", [expression])
                entry_ids = keys_from_string(cursor.fetchone()[0])
                scores = None
            pks = entry_map(alias, cursor).objects_of(cursor, entry_ids, content_type_ids(model))
        wanted = pks >= 0
        return pks[wanted], (scores[wanted] if with_scores else None)


class EntryMap:
    """Index entry id -> (content type, object pk), in memory: FTS5 answers with entry ids, and joining
    60,000 of them to their entries in SQL costs more than the match itself. Entry ids are not reused
    (AUTOINCREMENT), so the map only grows: an id it does not know is looked up. It is rebuilt for each
    content version (`search.version`), which also covers ids freed by a rolled-back transaction."""

    def __init__(self, cursor):
        self.known = np.zeros(0, dtype=bool)
        self.content_types = np.zeros(0, dtype=np.int64)
        self.objects = np.zeros(0, dtype=np.int64)  # -1 for a key that is not an integer
        cursor.execute(f"SELECT id, content_type_id, object_id FROM {ENTRIES}")
        self._add(cursor.fetchall())

    def _add(self, rows):
        if not rows:
            return
        ids = np.array([row[0] for row in rows], dtype=np.int64)
        if ids.max() >= len(self.known):
            extra = int(ids.max()) * 5 // 4 + 1 - len(self.known)
            self.known = np.concatenate([self.known, np.zeros(extra, dtype=bool)])
            self.content_types = np.concatenate([self.content_types, np.zeros(extra, dtype=np.int64)])
            self.objects = np.concatenate([self.objects, np.zeros(extra, dtype=np.int64)])
        self.known[ids] = True
        self.content_types[ids] = [row[1] for row in rows]
        self.objects[ids] = [int(row[2]) if str(row[2]).isdigit() else -1 for row in rows]

    def entries(self, entry_ids):
        """(content type, object pk) arrays of the known entries among `entry_ids` with an integer pk."""
        entry_ids = entry_ids[entry_ids < len(self.known)]
        entry_ids = entry_ids[self.known[entry_ids] & (self.objects[entry_ids] >= 0)]
        return self.content_types[entry_ids], self.objects[entry_ids]

    def objects_of(self, cursor, entry_ids, content_types):
        """The object pk of each entry, or -1 where the entry is of another content type."""
        unknown = entry_ids >= len(self.known)
        unknown[~unknown] = ~self.known[entry_ids[~unknown]]
        missing = entry_ids[unknown]
        if len(missing):
            cursor.execute(f"SELECT id, content_type_id, object_id FROM {ENTRIES} "
                           "WHERE id IN (SELECT value FROM json_each(%s))", [json.dumps(missing.tolist())])
            self._add(cursor.fetchall())
        if not len(self.known):
            return np.full(len(entry_ids), -1, dtype=np.int64)
        entry_ids = np.minimum(entry_ids, len(self.known) - 1)  # an id still unknown was deleted meanwhile
        wanted = self.known[entry_ids] & np.isin(self.content_types[entry_ids], content_types)
        return np.where(wanted, self.objects[entry_ids], -1)


ENTRIES = IndexEntry._meta.db_table
FTS = ENTRIES + "_fts"
FTS_COLUMNS = {"text": "title body", "title": "title", "autocomplete": "autocomplete"}


def fts_match(column, words):
    """The FTS5 expression for every word in `column` (for "autocomplete" the last one a prefix)."""
    phrases = [f'"{word}"' for word in words]  # words are letters and digits only
    if column == "autocomplete":
        phrases[-1] += "*"
    return f"{{{FTS_COLUMNS[column]}}} : ({' AND '.join(phrases)})"


# --------------------------------------------------------------------------- common-term bitsets
# (search.backends.common_terms: what they are and why). The index rows hold analysed text, so the
# lexemes of an entry are its words, and FTS5 finds the entries of one word.


def common_match(alias, field, words, expression, types) -> np.ndarray | None:
    """The object ids of `types` whose `field` holds every one of `words`, from the bitsets, or None when
    a word is not common. One statement, one snapshot: the bitsets and the changed entries."""
    types = ", ".join(str(int(pk)) for pk in types)
    sql = f"""
        SELECT 'c', lexeme, content_type_id, CASE WHEN content_type_id IN ({types}) THEN bits END, NULL, NULL
          FROM search_commonterm WHERE field = %s AND lexeme IN ({", ".join(["%s"] * len(words))})
        UNION ALL
        SELECT 'd', NULL, d.content_type_id, NULL, d.object_id,
               EXISTS (SELECT 1 FROM {FTS} WHERE {FTS} MATCH %s AND {FTS}.rowid = e.id)
          FROM search_changedentry d
          LEFT JOIN {ENTRIES} e ON e.content_type_id = d.content_type_id AND e.object_id = d.object_id
         WHERE d.content_type_id IN ({types})
    """
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, [field, *words, expression])
        rows = cursor.fetchall()
    return common_terms.answer(set(words), rows)


def rebuild_common_terms(alias, min_docs) -> int:
    """Recompute every bitset: FTS5's vocabulary says which words may be in `min_docs` entries (its counts
    per column, added up), FTS5 finds each one's entries. Writers wait while it runs."""
    with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
        common_terms.clear(cursor)
        cursor.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocabulary USING fts5vocab(main, {FTS}, col)")
        cursor.execute("SELECT term, col, doc FROM temp.search_vocabulary")
        counts = {field: {} for field in common_terms.FIELDS}
        for term, column, docs in cursor.fetchall():
            fields = {"title": ("text", "title"), "body": ("text",), "autocomplete": ("prefix",)}[column]
            for field in fields:
                for lexeme in common_terms.terms(field, [term]):
                    counts[field][lexeme] = counts[field].get(lexeme, 0) + docs
        entries = EntryMap(cursor)
        rows = []
        for field, by_lexeme in counts.items():
            column = "autocomplete" if field == "prefix" else field
            for lexeme in sorted(lexeme for lexeme, docs in by_lexeme.items() if docs >= min_docs):
                cursor.execute(f"SELECT group_concat(rowid, ' ') FROM {FTS} WHERE {FTS} MATCH %s",
                               [fts_match(column, [lexeme])])
                content_types, objects = entries.entries(keys_from_string(cursor.fetchone()[0]))
                if len(objects) >= min_docs:
                    rows += common_terms.postings(
                        (field, lexeme, int(content_type), objects[content_types == content_type])
                        for content_type in np.unique(content_types)
                    )
        return common_terms.write(cursor, rows)


def fold_common_terms(alias) -> int:
    """Write the changed entries into the bitsets; returns how many. SQLite has one writer at a time,
    and the first statement here writes, so nothing changes underneath."""
    with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
        cursor.execute("DELETE FROM search_changedentry WHERE seq < 0")  # takes the write lock now
        changed = common_terms.changed_entries(cursor, ENTRIES, "e.title, e.body, e.autocomplete")
        if not changed:
            return 0
        common_terms.fold(
            cursor,
            [(content_type, object_id,
              {"text": set(title.split()) | set(body.split()), "title": set(title.split()),
               "prefix": set(autocomplete.split())} if exists else {})
             for _, content_type, object_id, exists, title, body, autocomplete in changed],
        )
        cursor.execute("DELETE FROM search_changedentry WHERE seq IN (SELECT value FROM json_each(%s))",
                       [json.dumps([row[0] for row in changed])])
    return len(changed)
_entry_maps = {}


def entry_map(alias, cursor):
    """The entry map of database `alias` for the current content version."""
    key = (alias, content_version())
    found = _entry_maps.get(key)
    if found is None:
        _entry_maps.clear()
        found = _entry_maps[key] = EntryMap(cursor)
    return found
