"""Search benchmark: `python -m benchmarks.search` (and `make bench`). See benchmarks/README.md.

Builds a synthetic Dutch corpus in its own database (a temporary SQLite file; with DATABASE_URL
pointing at PostgreSQL, a database named `bench` on that server, dropped and created here), then
times a fixed mix of queries three ways:

- ours: the faceted-search service (`search.service`) with our Dutch database backend;
- stock: the same service with Wagtail's stock database backend and its own index;
- floor: hand-written SQL doing the same work (one statement for the results page and every facet).

Prints p50 and p95 per kind of query, and the ratios.
"""

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
STOCK_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--vacancies", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=15, help="timed runs per query (after one warm-up)")
    parser.add_argument("--stock-budget", type=float, default=5.0,
                        help="seconds of timed runs per query for the (slow) stock backend")
    parser.add_argument("--stock-timeout", type=float, default=10.0,
                        help="a stock query slower than this counts as this and is not repeated")
    parser.add_argument("--skip-stock", action="store_true")
    parser.add_argument("--kinds", help="comma-separated kinds of query to run (default: all)")
    parser.add_argument("--keep", action="store_true", help="keep the SQLite file")
    parser.add_argument("--sqlite-cache-mb", type=int, default=0,
                        help="SQLite page cache and mmap size per connection (default: the settings', 64 and 256 MB)")
    return parser.parse_args(argv)


# --------------------------------------------------------------------------- database


def use_own_database():
    """Point DATABASE_URL at the benchmark's own database before Django reads the settings."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        parts = urlsplit(url)
        admin = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS bench")
            conn.execute("CREATE DATABASE bench")
        os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path="/bench"))
        return None
    directory = tempfile.mkdtemp(prefix="bench-search-")
    path = Path(directory) / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    return path


# --------------------------------------------------------------------------- index building


def build_our_index(documents):
    """Index rows as our backend writes them, in bulk; checked against the backend on a sample."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from projecten.models import ProjectPage

    content_type = ContentType.objects.get_for_model(ProjectPage).pk
    if connection.vendor == "sqlite":
        from search.backends.sqlite import IndexEntry, index_entry

        IndexEntry.objects.bulk_create(
            (index_entry(content_type, pk, title, " ".join(fields), title) for pk, title, fields in documents),
            batch_size=2000,
        )
    else:
        postgres_bulk_index(documents, content_type, "dutch_unaccent", "simple_unaccent")


def build_stock_index(documents):
    """Index rows as Wagtail's stock database backend writes them (plain text; default configurations)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from projecten.models import ProjectPage

    content_type = ContentType.objects.get_for_model(ProjectPage).pk
    if connection.vendor == "sqlite":
        from search.backends.sqlite import IndexEntry

        average = statistics.fmean(len(title) for _, title, _ in documents)
        IndexEntry.objects.bulk_create(
            (IndexEntry(content_type_id=content_type, object_id=str(pk), title=title, body=" ".join(fields),
                        autocomplete=title, title_norm=average / len(title))
             for pk, title, fields in documents),
            batch_size=2000,
        )
    else:
        postgres_bulk_index(documents, content_type, None, "simple")


MAX_FIELDS = 7


def postgres_bulk_index(documents, content_type, config, autocomplete_config):
    """COPY the texts in, let PostgreSQL build the vectors; GIN indexes are rebuilt once afterwards.

    Like modelsearch, each field becomes its own weighted vector and the body is their concatenation."""
    from django.db import connection
    from modelsearch.backends.database.postgres.weights import get_weight
    from modelsearch.index import SearchField

    from projecten.models import ProjectPage

    title_boost = next(f.boost for f in ProjectPage.get_search_fields()
                       if isinstance(f, SearchField) and f.field_name == "title")
    title_weight, body_weight = get_weight(title_boost), get_weight(None)

    def vector(column, weight, cfg):
        return f"setweight(to_tsvector({f'{cfg!r}::regconfig, ' if cfg else ''}{column}), '{weight}')"

    def body_vector(cfg):
        return " || ".join(f"coalesce({vector(f'fields[{i}]', body_weight, cfg)}, '')"
                           for i in range(1, MAX_FIELDS + 1))

    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'wagtailsearch_indexentry' "
                       "AND indexdef LIKE '%gin%'")
        gin = cursor.fetchall()
        for name, _ in gin:
            cursor.execute(f'DROP INDEX "{name}"')
        cursor.execute("CREATE TEMP TABLE bench_docs (pk integer, title text, body text, fields text[])")
        with cursor.cursor.copy("COPY bench_docs FROM STDIN") as copy:
            for pk, title, fields in documents:
                texts = [text.strip() for text in fields if text.strip()]
                assert len(texts) <= MAX_FIELDS
                copy.write_row((pk, title, " ".join(texts), texts))
        # title_norm as modelsearch keeps it: average title length / this title's length, in lexemes.
        cursor.execute(
            "INSERT INTO wagtailsearch_indexentry (content_type_id, object_id, title, body, autocomplete, "
            "title_norm, title_text, body_text) "
            "SELECT %s, pk::text, title_vector, body_vector, autocomplete_vector, "
            "coalesce(avg(nullif(length(title_vector), 0)) OVER () / nullif(length(title_vector), 0), 1.0), "
            "title, body FROM ("
            f"SELECT pk, title, body, {vector('title', title_weight, config)} AS title_vector, "
            f"{body_vector(config)} AS body_vector, "
            f"{vector('title', 'D', autocomplete_config)} AS autocomplete_vector FROM bench_docs) v",
            [content_type],
        )
        cursor.execute("DROP TABLE bench_docs")
        for _, definition in gin:
            cursor.execute(definition)
        cursor.execute("ANALYZE")


def reset_index():
    """Empty the index and the common-term bitsets for the stock backend; on PostgreSQL also drop our GIN
    index on title || body, which stock Wagtail does not have (it would also speed up stock queries where
    the planner uses it)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_commonterm")
        cursor.execute("DELETE FROM search_changedentry")
        if connection.vendor == "sqlite":
            cursor.execute("DELETE FROM wagtailsearch_indexentry_fts")
        else:
            cursor.execute("DROP INDEX IF EXISTS search_indexentry_title_body_gin")
        cursor.execute("DELETE FROM wagtailsearch_indexentry")


def sqlite_pragmas(megabytes):
    from django.db.backends.signals import connection_created

    def apply(sender, connection, **kwargs):
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute(f"PRAGMA cache_size = -{megabytes * 1024}")
                cursor.execute(f"PRAGMA mmap_size = {megabytes * 1024 * 1024}")

    connection_created.connect(apply, weak=False)


def check_bulk_index_matches_backend(documents, sample=40):
    """Re-index a sample through the backend itself (an upsert of the same rows): nothing may change."""
    from django.db import connection
    from modelsearch.conf import get_app_config
    from wagtail.search.backends import get_search_backend

    from projecten.models import ProjectPage

    index_entry = get_app_config().get_model("IndexEntry")
    ids = [str(pk) for pk, _, _ in random.Random(1).sample(documents, sample)]
    columns = ["title", "body", "autocomplete"]
    cast = (lambda c: c) if connection.vendor == "sqlite" else (lambda c: f"{c}::text")

    def rows():
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT object_id, {', '.join(cast(c) for c in columns)} FROM {index_entry._meta.db_table} "
                f"WHERE object_id IN ({', '.join(['%s'] * len(ids))}) ORDER BY object_id", ids)
            return cursor.fetchall()

    before = rows()
    objects = ProjectPage.objects.filter(pk__in=ids).select_related("thema").prefetch_related(
        "organisaties__organisatie")
    get_search_backend().add_bulk(ProjectPage, list(objects))
    after = rows()
    if before != after:
        for b, a in zip(before, after, strict=True):
            if b != a:
                for name, x, y in zip(["id", *columns], b, a, strict=True):
                    if x != y:
                        print(f"{name} differs for {b[0]}:\n  bulk:    {x[:400]}\n  backend: {y[:400]}")
                break
        raise SystemExit("bulk index differs from what the backend writes")


# --------------------------------------------------------------------------- the queries


def query_mix(corpus, documents):
    """A fixed mix: kind -> list of parameter dicts (or prefixes for suggestions)."""
    from taxonomie.models import Organisatie, Thema

    themes = list(Thema.objects.order_by("pk").values_list("slug", flat=True))
    orgs = list(Organisatie.objects.order_by("pk").values_list("slug", flat=True))
    vocabulary = corpus.vocabulary
    rare = [vocabulary[-1], vocabulary[-700], vocabulary[-5000]]
    return {
        "facet listing, no text": [{}, {"thema": [themes[3]]}, {"organisatie": [orgs[7]], "status": ["lopend"]}],
        "common term": [{"q": "gemeente"}, {"q": "medewerkers"}, {"q": "werk"}],
        "rare term": [{"q": word} for word in rare],
        "two words": [{"q": "duurzame inzetbaarheid"}, {"q": "digitale vaardigheden"}, {"q": "team ontwikkeling"}],
        "text + two filters": [
            {"q": "medewerkers", "thema": [themes[1]], "ronde": ["2021-1"]},
            {"q": "ontwikkeling", "organisatie": [orgs[3]], "status": ["afgerond"]},
            {"q": "gemeente", "thema": [themes[5]], "status": ["lopend"]},
        ],
        "suggestions": [{"prefix": p} for p in ["duurz", "beleid", "gem", "vitaa", "ontwikk"]],
    }


def querydict(params):
    from django.http import QueryDict

    qd = QueryDict(mutable=True)
    for key, values in params.items():
        if key == "prefix":
            continue
        qd.setlist(key, values if isinstance(values, list) else [values])
    return qd


def run_service(params):
    """One results page with every facet count, as /zoeken/ would compute it over all projects."""
    from projecten.listing import project_facets
    from projecten.models import project_queryset
    from search.service import FacetedSearch, suggestion_ids

    if "prefix" in params:
        # As /zoeken/suggesties does it: every searchable page type, then the titles of at most eight.
        from wagtail.models import Page

        from home.site_search import searchable_pages

        ids = suggestion_ids(searchable_pages(), params["prefix"], limit=8)
        by_id = Page.objects.filter(pk__in=ids).only("title", "url_path", "content_type").in_bulk()
        return {"suggestions": [by_id[pk].title for pk in ids]}
    result = FacetedSearch(project_queryset(), project_facets(), ordering=("title", "pk")).run(querydict(params))
    return {
        "total": result.total,
        "top": [obj.pk for obj in result.page_obj.object_list],
        "facets": {f.name: {o.value: o.count for o in f.options if o.count} for f in result.facets},
    }


# --------------------------------------------------------------------------- the floor


def match_string(vendor, q, prefix=False):
    from search.backends import dutch

    words = dutch.words(q) if prefix else list(dict.fromkeys(dutch.terms(q)))
    if vendor == "sqlite":
        column = "autocomplete" if prefix else "title body"
        phrases = [f'"{w}"' for w in words]
        if prefix:
            phrases[-1] += "*"
        return f"{{{column}}} : ({' AND '.join(phrases)})"
    return " & ".join(f"{w}:*" if prefix and i == len(words) - 1 else w for i, w in enumerate(words))


# The status rule of projecten/status.py (status_q) in SQL; each condition is true or false, never NULL.
_ENDED = "(m.e IS NOT NULL AND m.e < %(today)s)"
_PLANNED = "(m.s IS NOT NULL AND m.s > %(today)s)"
_RUNNING = "((m.e IS NOT NULL AND m.e >= %(today)s) OR (m.e IS NULL AND m.s IS NOT NULL AND m.s >= %(recent)s))"
STATUS_SQL = {
    "lopend": f"NOT {_ENDED} AND NOT {_PLANNED} AND {_RUNNING}",
    "afgerond": _ENDED,
    "gepland": f"NOT {_ENDED} AND {_PLANNED}",
    "onbekend": f"NOT {_ENDED} AND NOT {_PLANNED} AND NOT {_RUNNING}",
}


def floor_sql(vendor, params, content_type, today):
    """One statement: the matches materialised once, then the page of results, the total and every facet."""
    from projecten.status import running_without_end_since

    args = {"today": today, "ct": content_type, "recent": running_without_end_since(today)}
    q = params.get("q")
    if q:
        args["match"] = match_string(vendor, q)
        if vendor == "sqlite":
            source = (
                "FROM wagtailsearch_indexentry_fts JOIN wagtailsearch_indexentry ie "
                "ON ie.id = +wagtailsearch_indexentry_fts.rowid "
                "JOIN projecten_projectpage pp ON pp.page_ptr_id = CAST(ie.object_id AS INTEGER) "
                "JOIN wagtailcore_page p ON p.id = pp.page_ptr_id "
                "WHERE wagtailsearch_indexentry_fts MATCH %(match)s AND ie.content_type_id = %(ct)s AND p.live"
            )
            score = "-bm25(wagtailsearch_indexentry_fts, 0.0, 1.0, 10.0)"
        else:
            tsq = "to_tsquery('dutch_unaccent', %(match)s)"
            from modelsearch.backends.database.postgres.weights import get_sql_weights

            weights = f"'{get_sql_weights()}'::float4[]"
            source = (
                "FROM wagtailsearch_indexentry ie "
                "JOIN projecten_projectpage pp ON pp.page_ptr_id = ie.object_id::integer "
                "JOIN wagtailcore_page p ON p.id = pp.page_ptr_id "
                f"WHERE ie.content_type_id = %(ct)s AND (ie.title || ie.body) @@ {tsq} AND p.live"
            )
            score = (f"ts_rank({weights}, ie.title, {tsq}) * ie.title_norm "
                     f"+ ts_rank({weights}, ie.body, {tsq})")
        order = "score DESC, id DESC"
    else:
        source = ("FROM projecten_projectpage pp JOIN wagtailcore_page p ON p.id = pp.page_ptr_id "
                  "WHERE p.live")
        score = "0.0"
        order = "title, id"
    materialized = "MATERIALIZED "
    filters = {}
    for key, values in params.items():
        if key == "q":
            continue
        names = []
        for i, value in enumerate(values):
            args[f"{key}{i}"] = value
            names.append(f"%({key}{i})s")
        if key == "thema":
            filters[key] = f"m.thema_id IN (SELECT id FROM taxonomie_thema WHERE slug IN ({', '.join(names)}))"
        elif key == "ronde":
            filters[key] = f"m.ronde IN ({', '.join(names)})"
        elif key == "organisatie":
            filters[key] = (
                "m.id IN (SELECT po.page_id FROM projecten_projectorganisatie po JOIN taxonomie_organisatie o "
                f"ON o.id = po.organisatie_id WHERE o.slug IN ({', '.join(names)}))"
            )
        elif key == "evaluatie":
            filters[key] = "m.ev"
        elif key == "status":
            filters[key] = "(" + " OR ".join(STATUS_SQL[v] for v in values) + ")"

    def where(except_key=None):
        parts = [sql for key, sql in filters.items() if key != except_key]
        return ("WHERE " + " AND ".join(parts)) if parts else ""

    def extra(except_key, condition):
        clause = where(except_key)
        return f"{clause} AND {condition}" if clause else f"WHERE {condition}"

    text = "::text" if vendor == "postgresql" else ""
    real = "::float8" if vendor == "postgresql" else ""
    branches = [
        f"SELECT 'top', id{text}, NULL, score FROM (SELECT id, score FROM m {where()} ORDER BY {order} LIMIT 20) t",
        f"SELECT 'total', NULL, NULL, COUNT(*){real} FROM m {where()}",
        "SELECT 'thema', t.slug, t.naam, COUNT(*){real} FROM m JOIN taxonomie_thema t ON t.id = m.thema_id "
        f"{where('thema')} GROUP BY t.slug, t.naam".replace("{real}", real),
        f"SELECT 'ronde', m.ronde, NULL, COUNT(*){real} FROM m {where('ronde')} GROUP BY m.ronde",
        "SELECT 'organisatie', o.slug, o.naam, COUNT(*){real} FROM m "
        "JOIN projecten_projectorganisatie po ON po.page_id = m.id "
        "JOIN taxonomie_organisatie o ON o.id = po.organisatie_id "
        f"{where('organisatie')} GROUP BY o.slug, o.naam".replace("{real}", real),
        f"SELECT 'evaluatie', 'ja', NULL, COUNT(*){real} FROM m {extra('evaluatie', 'm.ev')}",
    ] + [
        f"SELECT 'status', '{value}', NULL, COUNT(*){real} FROM m {extra('status', condition)}"
        for value, condition in STATUS_SQL.items()
    ]
    sql = (
        f"WITH m AS {materialized}(SELECT pp.page_ptr_id AS id, pp.thema_id, pp.subsidieronde AS ronde, "
        f"pp.looptijd_start AS s, pp.looptijd_eind_tot AS e, pp.heeft_evaluatie AS ev, p.title, {score} AS score {source}) "
        + " UNION ALL ".join(f"SELECT * FROM ({b}) b{i}" for i, b in enumerate(branches))
    )
    return sql, args


def floor_suggestions_sql(vendor, prefix, content_type):
    args = {"match": match_string(vendor, prefix, prefix=True), "ct": content_type}
    if vendor == "sqlite":
        return (
            "SELECT p.id, p.title FROM wagtailsearch_indexentry_fts JOIN wagtailsearch_indexentry ie "
            "ON ie.id = +wagtailsearch_indexentry_fts.rowid JOIN wagtailcore_page p ON p.id = CAST(ie.object_id AS INTEGER) "
            "WHERE wagtailsearch_indexentry_fts MATCH %(match)s AND ie.content_type_id = %(ct)s AND p.live "
            "ORDER BY bm25(wagtailsearch_indexentry_fts, 1.0, 0.0, 0.0), p.id DESC LIMIT 8"
        ), args
    return (
        "SELECT p.id, p.title FROM wagtailsearch_indexentry ie JOIN wagtailcore_page p ON p.id = ie.object_id::integer "
        "WHERE ie.content_type_id = %(ct)s AND ie.autocomplete @@ to_tsquery('simple_unaccent', %(match)s) "
        "AND p.live ORDER BY ts_rank(ie.autocomplete, to_tsquery('simple_unaccent', %(match)s)) DESC, p.id DESC "
        "LIMIT 8"
    ), args


def run_floor(params, content_type, today):
    from django.db import connection

    vendor = connection.vendor
    with connection.cursor() as cursor:
        if "prefix" in params:
            cursor.execute(*floor_suggestions_sql(vendor, params["prefix"], content_type))
            return {"suggestions": [title for _, title in cursor.fetchall()]}
        cursor.execute(*floor_sql(vendor, params, content_type, today))
        rows = cursor.fetchall()
        top = [int(value) for kind, value, _, _ in rows if kind == "top"]
        # The page of results as objects, as the service returns them.
        if top:
            cursor.execute(
                "SELECT * FROM projecten_projectpage pp JOIN wagtailcore_page p ON p.id = pp.page_ptr_id "
                f"WHERE p.id IN ({', '.join(['%s'] * len(top))})", top)
            cursor.fetchall()
    facets = {"organisatie": {}, "thema": {}, "status": {}, "evaluatie": {}, "ronde": {}}
    total = 0
    for kind, value, _, count in rows:
        if kind == "total":
            total = int(count)
        elif kind in facets and count and value:
            facets[kind][value] = int(count)
    return {"total": total, "top": top, "facets": facets}


# --------------------------------------------------------------------------- timing


class TimedOut(Exception):
    pass


def with_timeout(function, seconds):
    """Run `function` with the database giving up after `seconds` (SQLite progress handler,
    PostgreSQL statement_timeout); raises TimedOut."""
    from django.db import OperationalError, connection

    def run(params):
        connection.ensure_connection()
        if connection.vendor == "sqlite":
            deadline = time.monotonic() + seconds
            connection.connection.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
        else:
            with connection.cursor() as cursor:
                cursor.execute(f"SET statement_timeout = {int(seconds * 1000)}")
        try:
            return function(params)
        except OperationalError as exc:
            raise TimedOut from exc
        finally:
            if connection.vendor == "sqlite":
                connection.connection.set_progress_handler(None, 0)
            else:
                with connection.cursor() as cursor:
                    cursor.execute("SET statement_timeout = 0")

    return run


def timed(function, params, runs, budget=None, timeout=None, before=None):
    """Timings of `runs` calls after a warm-up; a call that times out counts as `timeout` and ends the series.
    `before` runs (untimed) before each call."""
    if timeout is not None:
        function = with_timeout(function, timeout)
    samples = []
    try:
        function(params)  # warm-up
        started = time.perf_counter()
        for _ in range(runs):
            if before is not None:
                before()
            t0 = time.perf_counter()
            function(params)
            samples.append(time.perf_counter() - t0)
            if budget is not None and time.perf_counter() - started > budget:
                break
    except TimedOut:
        samples.append(timeout)
        return samples, True
    return samples, False


def percentile(samples, p):
    ordered = sorted(samples)
    index = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[index] * 1000


def measure(mix, function, runs, budget=None, timeout=None, before=None):
    """kind -> (p50 ms, p95 ms, number of samples, whether some query hit the timeout)."""
    table = {}
    for kind, queries in mix.items():
        samples = []
        capped = False
        for params in queries:
            series, timed_out = timed(function, params, runs, budget, timeout, before)
            samples += series
            capped = capped or timed_out
        table[kind] = (percentile(samples, 50), percentile(samples, 95), len(samples), capped)
    return table


def compare(ours, floor, label):
    """The floor must do the same work: same totals, same facet counts, same page of results."""
    if "suggestions" in ours:
        if ours["suggestions"] != floor["suggestions"]:
            print(f"  note: suggestions differ for {label}: {ours['suggestions'][:3]} vs {floor['suggestions'][:3]}")
        return
    if ours["total"] != floor["total"] or ours["facets"] != floor["facets"]:
        raise SystemExit(f"floor and service disagree for {label}: {ours['total']} vs {floor['total']}\n"
                         f"{ours['facets']}\n{floor['facets']}")
    if ours["top"] != floor["top"]:
        print(f"  note: page of results ordered differently for {label} (more matches than rank_window, or ties)")


# --------------------------------------------------------------------------- main


def machine():
    import django
    from django.db import connection

    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    if connection.vendor == "sqlite":
        import sqlite3

        database = f"SQLite {sqlite3.sqlite_version}"
    else:
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0]}"
    return (f"{date.today().isoformat()}, {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
            f"Django {django.get_version()}, {database}")


def main(argv=None):
    args = parse_args(argv)
    sqlite_path = use_own_database()
    os.environ.pop("SEARCH_BACKEND", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    sys.path.insert(0, str(BASE_DIR))

    import django

    django.setup()
    if args.sqlite_cache_mb:
        sqlite_pragmas(args.sqlite_cache_mb)
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.test import override_settings
    from django.utils import timezone

    from benchmarks import corpus
    from projecten.models import ProjectPage

    clock = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrate: {time.perf_counter() - clock:.1f} s")
    clock = time.perf_counter()
    built = corpus.build(projects=args.projects, vacancies=args.vacancies)
    documents = built["documents"]
    print(f"corpus: {len(documents)} documents, {len(built['organisations'])} organisations, "
          f"{len(built['themes'])} themes in {time.perf_counter() - clock:.1f} s")
    clock = time.perf_counter()
    build_our_index(documents)
    print(f"index (ours, bulk): {time.perf_counter() - clock:.1f} s")
    check_bulk_index_matches_backend(documents)
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend()
    if hasattr(backend, "rebuild_common_terms"):  # as update_index ends
        clock = time.perf_counter()
        common = backend.rebuild_common_terms()
        print(f"common-term bitsets: {common} words in {time.perf_counter() - clock:.1f} s")

    content_type = ContentType.objects.get_for_model(ProjectPage).pk
    today = timezone.localdate()
    mix = query_mix(built["corpus"], documents)
    if args.kinds:
        wanted = {kind.strip() for kind in args.kinds.split(",")}
        mix = {kind: queries for kind, queries in mix.items() if kind in wanted}
    for kind, queries in mix.items():
        for params in queries:
            compare(run_service(params), run_floor(params, content_type, today), f"{kind} {params}")
    from search.service import forget_matches
    from search.version import bump_content_version

    # After a change to the site: the facet columns are read again on the next request.
    bump_content_version()
    clock = time.perf_counter()
    run_service({})
    table_build = time.perf_counter() - clock
    # "ours": every query as if for the first time since the last change (no remembered match);
    # "repeated": the same query again, its match remembered (search.service.backend_match).
    ours = measure(mix, run_service, args.runs, before=forget_matches)
    repeated = measure(mix, run_service, args.runs)
    floor = measure(mix, lambda p: run_floor(p, content_type, today), args.runs)

    stock = None
    if not args.skip_stock:
        reset_index()
        clock = time.perf_counter()
        build_stock_index(documents)
        print(f"index (stock, bulk): {time.perf_counter() - clock:.1f} s")
        with override_settings(WAGTAILSEARCH_BACKENDS=STOCK_BACKENDS):
            stock = measure(mix, run_service, args.runs, budget=args.stock_budget, timeout=args.stock_timeout)

    print()
    print(machine())
    print(f"{len(documents)} documents ({args.projects} projects + {args.vacancies} vacancy-like), "
          f"{args.runs} runs per query after a warm-up; milliseconds"
          + (f"; SQLite cache and mmap {args.sqlite_cache_mb} MB" if args.sqlite_cache_mb else ""))
    print(f"facet columns read after a change: {table_build * 1000:.0f} ms (once per change, on the next request)")
    header = f"{'kind':24s} {'ours p50':>9s} {'ours p95':>9s} {'rep. p50':>9s} {'rep. p95':>9s} " \
             f"{'floor p50':>9s} {'floor p95':>9s} " \
             f"{'stock p50':>10s} {'stock p95':>10s} {'ours/floor':>10s} {'stock/ours':>10s}"
    print(header)
    for kind in mix:
        o50, o95, _, _ = ours[kind]
        r50, r95, _, _ = repeated[kind]
        f50, f95, _, _ = floor[kind]
        s50, s95, n, capped = stock[kind] if stock else (float("nan"), float("nan"), 0, False)
        mark = ">" if capped else " "
        print(f"{kind:24s} {o50:9.1f} {o95:9.1f} {r50:9.1f} {r95:9.1f} {f50:9.1f} {f95:9.1f} "
              f"{mark}{s50:9.1f} {mark}{s95:9.1f} {o95 / f95:10.1f} {mark}{s50 / o50:9.1f}"
              + (f"  (stock: {n} samples)" if stock else ""))
    if stock and any(row[3] for row in stock.values()):
        print(f"> : a stock query took longer than {args.stock_timeout:.0f} s and was stopped there")
    if sqlite_path and not args.keep:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)
        sqlite_path.parent.rmdir()


if __name__ == "__main__":
    main()
