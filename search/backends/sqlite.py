"""SQLite: modelsearch's FTS5 backend with the index text and the query analysed in Python.

`search.backends.dutch` does the analysis (accent folding, stop words, Snowball Dutch stemming). Ranking
is one bm25() call with column weights (title above body) in the main query, ordered and limited in SQL,
instead of stock modelsearch's scalar subquery per result row (which runs the MATCH again for every row).
"""

from django.db import connections
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

from search.backends import dutch

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
        if self.order_by_relevance:
            queryset = queryset.order_by(f"-{score_name}", "-pk")
        elif not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        return queryset[start:stop]


class DutchSQLiteAutocompleteQueryCompiler(DutchSQLiteSearchQueryCompiler, SQLiteAutocompleteQueryCompiler):
    LAST_TERM_IS_PREFIX = True
    FTS_WEIGHTS = (1.0, 0.0, 0.0)

    def analyse(self, text):
        # Prefixes are matched against unstemmed words: 'duurz' must find 'duurzame'.
        return list(dict.fromkeys(dutch.words(text)))

    def fts_columns(self):
        return ["autocomplete"]


class DutchSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = DutchSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = DutchSQLiteAutocompleteQueryCompiler
    index_class = DutchSQLiteIndex
    results_class = SQLiteSearchResults
    rebuilder_class = SQLiteSearchRebuilder
    atomic_rebuilder_class = SQLiteSearchAtomicRebuilder
