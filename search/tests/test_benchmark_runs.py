"""`make bench` checks itself before it times anything: its bulk index must equal what the search backend
writes, and its hand-written SQL floor must give the service's totals and facet counts. When the library
gains a search field, a facet or a new status rule, those checks stop the benchmark. This runs it on a
small corpus (600 pages, in its own temporary SQLite file, as `make bench` does), so such a change fails
here first. (Not smaller: the query mix filters on organisations that every one of the 400 should have, and
the site ignores a filter value that no page has.)
"""

import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]


def test_search_benchmark_passes_its_own_checks_on_a_small_corpus():
    env = {key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    run = subprocess.run(
        [sys.executable, "-m", "benchmarks.search", "--projects", "300", "--vacancies", "300", "--skip-stock",
         "--runs", "1"],
        cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "600 documents (300 projects + 300 vacancy-like)" in run.stdout
    for kind in ("facet listing, no text", "common term", "rare term", "two words", "text + two filters"):
        assert any(line.startswith(kind) for line in run.stdout.splitlines()), kind
