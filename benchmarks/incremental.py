"""Search under change: `python -m benchmarks.incremental` (part of `make bench`). See benchmarks/README.md.

For each size (6,000 and 60,000 pages by default; any size with `--projects/--vacancies`), in its own
database (a temporary SQLite file, or with a PostgreSQL DATABASE_URL a database `<name>_bench` on that
server, dropped and created here), built as benchmarks/search.py builds it:

- (a) the cost of one published page to the facet columns: brought up to date (`FacetTable.updated`) and
  read in full, each followed by the first listing after it;
- (b) the mixed run: query threads repeat the query mix of benchmarks/search.py while another thread
  publishes a page every second; p50/p95/p99/max of the queries, with and without incremental columns;
- (c) the resident memory of a process that has answered the query mix (a process of its own).

Without `--projects/--vacancies` every size runs in a process of its own; the figures are printed and
drawn in benchmarks/incremental.svg.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BASE_DIR = Path(__file__).resolve().parent.parent
SIZES = [(1_000, 5_000), (10_000, 50_000)]
SVG = BASE_DIR / "benchmarks" / "incremental.svg"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, help="one size only (with --vacancies), e.g. 100000")
    parser.add_argument("--vacancies", type=int, help="one size only (with --projects), e.g. 500000")
    parser.add_argument("--changes", type=int, default=12, help="published pages timed in (a)")
    parser.add_argument("--seconds", type=float, default=30, help="length of each mixed run (b)")
    parser.add_argument("--threads", type=int, default=3, help="query threads in the mixed run")
    parser.add_argument("--json", help="write the figures of one size to this file")
    parser.add_argument("--rss", action="store_true", help=argparse.SUPPRESS)  # (c), in a process of its own
    return parser.parse_args(argv)


def use_own_database():
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        parts = urlsplit(url)
        name = f"{parts.path.strip('/') or 'postgres'}_bench"
        with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))
        return None
    path = Path(tempfile.mkdtemp(prefix="bench-incremental-")) / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    return path


def setup_django():
    os.environ.pop("SEARCH_BACKEND", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    sys.path.insert(0, str(BASE_DIR))
    import django

    django.setup()
    # One benchmark process, a cache of its own: the 5-minute period (search.version) would read every
    # table again once per period; a shared cache (Redis) has no period.
    from search import version

    version.MAX_AGE = 10**9


def rss_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(samples, p):
    ordered = sorted(samples)
    index = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[index] * 1000


def mix_params():
    from benchmarks import corpus
    from benchmarks.search import query_mix

    return query_mix(corpus.Corpus(2024), [])


class Publisher:
    """Publishes one page at a time, as an editor does: an existing project gets another theme, or a new
    project is added to the library (alternately)."""

    def __init__(self, seed=7):
        from projecten.models import InspiratieIndexPage, ProjectPage
        from taxonomie.models import Thema

        self.rng = random.Random(seed)
        self.themes = list(Thema.objects.values_list("pk", flat=True))
        self.library = InspiratieIndexPage.objects.get(slug="inspiratie") if InspiratieIndexPage.objects.filter(
            slug="inspiratie").exists() else InspiratieIndexPage.objects.order_by("pk").first()
        self.ids = list(ProjectPage.objects.child_of(self.library).values_list("pk", flat=True)[:2000])
        self.count = 0

    def publish(self):
        from projecten.models import ProjectPage

        self.count += 1
        if self.count % 2:
            page = ProjectPage.objects.get(pk=self.rng.choice(self.ids))
            page.thema_id = self.rng.choice(self.themes)
            page.save_revision().publish()
        else:
            page = ProjectPage(title=f"Nieuw project {self.count} {self.rng.random():.6f}", samenvatting="Nieuw.",
                               thema_id=self.rng.choice(self.themes))
            self.library.add_child(instance=page)
            page.save_revision().publish()
            self.library.refresh_from_db()


def table():
    from projecten.listing import project_facets
    from projecten.models import ProjectPage
    from search.facet_table import facet_table

    return facet_table(ProjectPage, project_facets())


def time_changes(publisher, mix, changes, incremental):
    """(a): per published page, the facet columns brought up to date (or read in full) and the first
    listing after it (its orderings and masks)."""
    from benchmarks.search import run_service
    from search import facet_table

    facet_table.INCREMENTAL = incremental
    updates, firsts = [], []
    for _ in range(changes):
        for params in mix["facet listing, no text"]:
            run_service(params)  # the tables, masks and orderings in use
        publisher.publish()
        before = dict(facet_table.stats)
        t0 = time.perf_counter()
        table()
        updates.append(time.perf_counter() - t0)
        assert facet_table.stats["updated" if incremental else "read"] > before["updated" if incremental else "read"]
        t0 = time.perf_counter()
        run_service({})
        firsts.append(time.perf_counter() - t0)
    facet_table.INCREMENTAL = True
    return {"update_ms": [t * 1000 for t in updates], "first_listing_ms": [t * 1000 for t in firsts]}


def mixed_run(mix, seconds, threads, incremental):
    """(b): `threads` threads repeat the query mix while one publishes a page every second."""
    from django.db import connection

    from benchmarks.search import run_service
    from search import facet_table

    facet_table.INCREMENTAL = incremental
    queries = [params for kind in mix.values() for params in kind]
    stop = threading.Event()
    samples, errors, published = [], [], []

    def query_thread(n):
        rng = random.Random(n)
        while not stop.is_set():
            params = rng.choice(queries)
            t0 = time.perf_counter()
            try:
                run_service(params)
            except Exception as exc:  # noqa: BLE001 - counted and reported, the run goes on
                errors.append(repr(exc))
            samples.append(time.perf_counter() - t0)
        connection.close()

    def publish_thread():
        publisher = Publisher(seed=11 if incremental else 12)
        try:
            while not stop.is_set():
                t0 = time.perf_counter()
                publisher.publish()
                published.append(time.perf_counter() - t0)
                stop.wait(max(0.0, 1.0 - (time.perf_counter() - t0)))
        except Exception as exc:  # noqa: BLE001
            errors.append(repr(exc))
        finally:
            connection.close()

    for params in queries:
        run_service(params)  # warm: tables, masks, orderings
    before = dict(facet_table.stats)
    workers = [threading.Thread(target=query_thread, args=(n,)) for n in range(threads)]
    workers.append(threading.Thread(target=publish_thread))
    for worker in workers:
        worker.start()
    time.sleep(seconds)
    stop.set()
    for worker in workers:
        worker.join()
    facet_table.INCREMENTAL = True
    return {
        "queries": len(samples), "published": len(published), "errors": len(errors), "first_errors": errors[:3],
        "p50": percentile(samples, 50), "p95": percentile(samples, 95), "p99": percentile(samples, 99),
        "max": max(samples) * 1000,
        "tables_read": facet_table.stats["read"] - before["read"],
        "tables_updated": facet_table.stats["updated"] - before["updated"],
    }


def measure_rss():
    """(c), in a process of its own: resident memory after Django starts and after the query mix."""
    setup_django()
    from benchmarks.search import run_service

    started = rss_mb()
    for queries in mix_params().values():
        for params in queries:
            run_service(params)
    print(json.dumps({"rss_start_mb": started, "rss_after_mix_mb": rss_mb()}))


def one_size(args):
    sqlite_path = use_own_database()
    setup_django()
    from django.core.management import call_command
    from django.db import connection
    from wagtail.search.backends import get_search_backend

    from benchmarks import corpus
    from benchmarks.search import build_our_index, run_service

    clock = time.perf_counter()
    call_command("migrate", verbosity=0)
    built = corpus.build(projects=args.projects, vacancies=args.vacancies)
    build_our_index(built["documents"])
    backend = get_search_backend()
    if hasattr(backend, "rebuild_common_terms"):
        backend.rebuild_common_terms()
    pages = len(built["documents"])
    print(f"{connection.vendor}, {pages} pages: built in {time.perf_counter() - clock:.0f} s", flush=True)
    del built
    mix = mix_params()
    for queries in mix.values():
        for params in queries:
            run_service(params)
    publisher = Publisher()
    result = {"vendor": connection.vendor, "pages": pages}
    result["incremental"] = time_changes(publisher, mix, args.changes, incremental=True)
    result["rebuild"] = time_changes(publisher, mix, max(3, args.changes // 3), incremental=False)
    for key in ("incremental", "rebuild"):
        for name, values in result[key].items():
            print(f"  (a) {key:11s} {name:18s} median {statistics.median(values):7.1f} ms, max {max(values):7.1f} ms")
    child = subprocess.run([sys.executable, "-m", "benchmarks.incremental", "--rss"], capture_output=True, text=True,
                           cwd=BASE_DIR, env=os.environ, check=True)
    result["memory"] = json.loads(child.stdout.strip().splitlines()[-1])
    print(f"  (c) resident memory: {result['memory']}")
    for incremental in (True, False):
        key = "mixed_incremental" if incremental else "mixed_rebuild"
        result[key] = mixed_run(mix, args.seconds, args.threads, incremental)
        print(f"  (b) {key}: {result[key]}", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(result))
    if sqlite_path:
        connection.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)
        sqlite_path.parent.rmdir()
    return result


def svg(results, path):
    """Times against size (log-log): incremental update, full read, mixed p99 with and without."""
    series = [
        ("update (incremental)", lambda r: statistics.median(r["incremental"]["update_ms"]), "#1f77b4"),
        ("first listing after (incremental)", lambda r: statistics.median(r["incremental"]["first_listing_ms"]), "#17becf"),
        ("full read of the columns", lambda r: statistics.median(r["rebuild"]["update_ms"]), "#d62728"),
        ("mixed run p99 (incremental)", lambda r: r["mixed_incremental"]["p99"], "#2ca02c"),
        ("mixed run p99 (full read)", lambda r: r["mixed_rebuild"]["p99"], "#ff7f0e"),
    ]
    import math

    width, height, left, top, plot_w, plot_h = 860, 420, 70, 30, 420, 320
    xs = sorted({r["pages"] for r in results})
    values = [f(r) for r in results for _, f, _ in series]
    lo, hi = math.log10(max(min(values), 0.5)), math.log10(max(values) * 1.2)
    x_lo, x_hi = math.log10(xs[0]) - 0.15, math.log10(xs[-1]) + 0.15

    def px(x):
        return left + (math.log10(x) - x_lo) / (x_hi - x_lo) * plot_w

    def py(y):
        return top + plot_h - (math.log10(max(y, 0.5)) - lo) / (hi - lo) * plot_h

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
           f'font-size="11"><rect width="100%" height="100%" fill="white"/>',
           f'<text x="{left}" y="18" font-size="13">Milliseconds against pages (log-log), per database</text>',
           f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#888"/>']
    for tick in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000):
        if lo <= math.log10(tick) <= hi:
            out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{py(tick):.1f}" y2="{py(tick):.1f}" stroke="#eee"/>'
                       f'<text x="{left - 6}" y="{py(tick) + 4:.1f}" text-anchor="end">{tick}</text>')
    for x in xs:
        out.append(f'<text x="{px(x):.1f}" y="{top + plot_h + 16}" text-anchor="middle">{x:,}</text>')
    legend_y = top
    for vendor, dash in (("sqlite", ""), ("postgresql", ' stroke-dasharray="5,3"')):
        rows = sorted((r for r in results if r["vendor"] == vendor), key=lambda r: r["pages"])
        if not rows:
            continue
        for label, f, colour in series:
            points = " ".join(f"{px(r['pages']):.1f},{py(f(r)):.1f}" for r in rows)
            out.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>')
            out.extend(f'<circle cx="{px(r["pages"]):.1f}" cy="{py(f(r)):.1f}" r="3" fill="{colour}"/>' for r in rows)
            out.append(f'<line x1="{left + plot_w + 15}" x2="{left + plot_w + 40}" y1="{legend_y + 10}" '
                       f'y2="{legend_y + 10}" stroke="{colour}" stroke-width="2"{dash}/>'
                       f'<text x="{left + plot_w + 45}" y="{legend_y + 14}">{vendor}: {label}</text>')
            legend_y += 16
    out.append("</svg>")
    path.write_text("\n".join(out) + "\n")


def mixed(run):
    figures = "/".join(f"{run[key]:.0f}" for key in ("p50", "p95", "p99", "max"))
    return f"{figures} ({run['queries']} q, {run['published']} pub)"


def summary(results):
    print()
    print(f"{'database':10s} {'pages':>7s} {'update':>8s} {'1st list':>8s} {'full read':>9s} {'1st list':>8s} "
          f"{'RSS MB':>7s} | mixed, incremental p50/p95/p99/max | mixed, full read p50/p95/p99/max")
    for r in sorted(results, key=lambda r: (r["vendor"], r["pages"])):
        inc, reb, mi, mr = r["incremental"], r["rebuild"], r["mixed_incremental"], r["mixed_rebuild"]
        print(f"{r['vendor']:10s} {r['pages']:7d} {statistics.median(inc['update_ms']):8.1f} "
              f"{statistics.median(inc['first_listing_ms']):8.1f} {statistics.median(reb['update_ms']):9.1f} "
              f"{statistics.median(reb['first_listing_ms']):8.1f} {r['memory']['rss_after_mix_mb']:7.0f} | "
              f"{mixed(mi)} | {mixed(mr)}")


def main(argv=None):
    args = parse_args(argv)
    if args.rss:
        measure_rss()
        return
    if args.projects is not None or args.vacancies is not None:
        args.projects, args.vacancies = args.projects or 0, args.vacancies or 0
        result = one_size(args)
        summary([result])
        return
    results = []
    previous = Path(f"{SVG}.json")
    vendor = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    if previous.exists():  # the other database's figures, from its own run: one plot for both
        results = [r for r in json.loads(previous.read_text()) if r["vendor"] != vendor]
    for projects, vacancies in SIZES:
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            subprocess.run([sys.executable, "-m", "benchmarks.incremental", "--projects", str(projects),
                            "--vacancies", str(vacancies), "--changes", str(args.changes), "--seconds",
                            str(args.seconds), "--threads", str(args.threads), "--json", out.name],
                           cwd=BASE_DIR, check=True)
            results.append(json.loads(Path(out.name).read_text()))
    previous.write_text(json.dumps(results))
    summary(results)
    svg(results, SVG)
    print(f"plot: {SVG.relative_to(BASE_DIR)}")


if __name__ == "__main__":
    main()
