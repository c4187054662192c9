"""Engine-side faceting benchmark: `python -m benchmarks.engine` (and `make bench`). See benchmarks/README.md.

The corpus of benchmarks/search.py (all `ProjectPage`, the library's facets) in its own database, indexed
into osmem-server (an in-memory OpenSearch-compatible engine on this machine, started here), then the
same query mix (without suggestions) timed three ways:

- engine: `FacetedSearch` with SEARCH_BACKEND=opensearch and engine-side faceting (`search.engine_facets`):
  one `_search` request per listing;
- engine+columns: the same engine with `SEARCH_ENGINE_FACETS=False`: the text match scrolls every matching
  id out of the engine, facets are counted on the in-memory columns (the path before issue 15);
- database: our Dutch database backend and the in-memory columns (no engine at all).

Before timing, every query's engine answer is checked against engine+columns (same text match): totals,
facet counts and the page of results must be equal. Requests to the engine per listing are counted on the
client transport. Resident memory (VmRSS) of this process is read before and after each path, and the
number of facet tables the process holds; osmem's own resident memory is reported too.
"""

import argparse
import io
import os
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=1_000)
    parser.add_argument("--vacancies", type=int, default=5_000)
    parser.add_argument("--runs", type=int, default=10, help="timed runs per query (after one warm-up)")
    parser.add_argument("--keep", action="store_true", help="keep the SQLite file")
    parser.add_argument("--url", help="a real Elasticsearch/OpenSearch cluster instead of osmem-server "
                                      "(index prefix bench_; its Dutch analysis is used)")
    return parser.parse_args(argv)


def rss_mb(pid="self"):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main(argv=None):
    args = parse_args(argv)
    from benchmarks.search import use_own_database

    sqlite_path = use_own_database()
    from osmem_server import OsmemServer

    server = None if args.url else OsmemServer.start(addr="127.0.0.1:0", japanese=False, startup_timeout=30)
    os.environ.update({
        "SEARCH_BACKEND": os.environ.get("SEARCH_BACKEND") or "opensearch",
        "SEARCH_URL": args.url or server.url, "SEARCH_INDEX_PREFIX": "bench_",
        "SEARCH_DUTCH_ANALYSIS": "1" if args.url else "0",  # osmem has no Dutch stemmer
        "SEARCH_TIMEOUT": "60",
    })
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    sys.path.insert(0, str(BASE_DIR))
    try:
        run(args, server.pid if server else None)
    finally:
        if server:
            server.close()
        if sqlite_path and not args.keep:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)
            sqlite_path.parent.rmdir()


def run(args, osmem_pid):
    import django

    django.setup()
    import logging

    import opensearchpy

    for name in ("opensearch", "django_tasks", "wagtail"):
        logging.getLogger(name).setLevel(logging.WARNING)
    from django.conf import settings
    from django.core.management import call_command
    from django.test import override_settings

    from benchmarks import corpus
    from benchmarks.search import build_our_index, machine, measure, query_mix, run_service
    from search import facet_table
    from search.service import forget_matches
    from search.version import bump_content_version

    engine_backends = settings.WAGTAILSEARCH_BACKENDS
    database_backends = {"default": {"BACKEND": "search.backends.database"}}
    url = engine_backends["default"]["URLS"][0]

    with override_settings(WAGTAILSEARCH_BACKENDS=database_backends):
        clock = time.perf_counter()
        call_command("migrate", verbosity=0)
        built = corpus.build(projects=args.projects, vacancies=args.vacancies)
        documents = built["documents"]
        print(f"corpus: {len(documents)} pages in {time.perf_counter() - clock:.1f} s")
        build_our_index(documents)
        from wagtail.search.backends import get_search_backend

        get_search_backend().rebuild_common_terms()  # as update_index ends on the database backend
    clock = time.perf_counter()
    call_command("update_index", stdout=io.StringIO())
    print(f"osmem index (update_index): {time.perf_counter() - clock:.1f} s")

    mix = query_mix(built["corpus"], documents)
    mix.pop("suggestions")

    sent = []
    original = opensearchpy.Transport.perform_request

    def counting(self, method, url, *a, **kw):
        sent.append(url)
        return original(self, method, url, *a, **kw)

    opensearchpy.Transport.perform_request = counting

    # The same answers (same engine text match) on both engine paths, and one request per listing.
    requests = {}
    for kind, queries in mix.items():
        for params in queries:
            with override_settings(SEARCH_ENGINE_FACETS=False):
                sent.clear()
                columns = run_service(params)
                requests.setdefault("engine+columns", []).append(len(sent))
            sent.clear()
            engine = run_service(params)
            requests.setdefault("engine", []).append(len(sent))
            if engine["total"] != columns["total"] or engine["facets"] != columns["facets"]:
                raise SystemExit(f"engine and columns disagree for {kind} {params}:\n{engine}\n{columns}")
            if engine["top"] != columns["top"] and "q" not in params:
                print(f"  note: engine and columns order the page differently for {kind} {params} (collation)")
    facet_table._tables.clear()
    import gc

    gc.collect()
    memory = {"start": rss_mb()}
    results = {}
    results["engine"] = measure(mix, run_service, args.runs)
    memory["engine"] = (rss_mb(), len(facet_table._tables))
    with override_settings(SEARCH_ENGINE_FACETS=False):
        results["engine+columns"] = measure(mix, run_service, args.runs)
        memory["engine+columns"] = (rss_mb(), len(facet_table._tables))
    with override_settings(WAGTAILSEARCH_BACKENDS=database_backends):
        forget_matches()
        bump_content_version()
        results["database"] = measure(mix, run_service, args.runs)
        memory["database"] = (rss_mb(), len(facet_table._tables))
    opensearchpy.Transport.perform_request = original

    print()
    print(machine())
    print(f"{len(documents)} pages ({args.projects} projects + {args.vacancies} vacancy-like), "
          f"{args.runs} runs per query after a warm-up; milliseconds; engine at {url}")
    header = f"{'kind':24s}" + "".join(f" {name + ' p50':>19s} {name + ' p95':>19s}" for name in results)
    print(header + f" {'engine/db p95':>14s}")
    for kind in mix:
        row = "".join(f" {results[name][kind][0]:19.1f} {results[name][kind][1]:19.1f}" for name in results)
        print(f"{kind:24s}{row} {results['engine'][kind][1] / results['database'][kind][1]:14.2f}")
    for name, counts in requests.items():
        print(f"requests to the engine per listing, {name}: min {min(counts)}, max {max(counts)}")
    print(f"resident memory of this process: {memory['start']:.0f} MB before timing")
    for name in results:
        rss, tables = memory[name]
        print(f"  after the {name} path: {rss:.0f} MB, facet tables held: {tables}")
    if osmem_pid:
        print(f"osmem-server resident memory: {rss_mb(osmem_pid):.0f} MB")


if __name__ == "__main__":
    main()
