"""Recompute the bitsets of common words (search/backends/common_terms.py) for the database backends.

`update_index` does this too. Run it now and then (nightly, for example) on a growing site, so that words
that became common since are read from bitsets as well; answers are the same either way.
"""

import time

from django.core.management.base import BaseCommand
from wagtail.search.backends import get_search_backend


class Command(BaseCommand):
    help = "Berekent de bitsets van veelvoorkomende woorden opnieuw (zoeken in de database)."

    def add_arguments(self, parser):
        parser.add_argument("--min-docs", type=int, help="words in at least this many entries (default: the backend's)")

    def handle(self, *args, min_docs=None, **options):
        backend = get_search_backend()
        if not hasattr(backend, "rebuild_common_terms"):
            self.stdout.write("Niets te doen: deze zoekmachine gebruikt geen bitsets (alleen zoeken in de database).")
            return
        clock = time.perf_counter()
        count = backend.rebuild_common_terms(min_docs)
        self.stdout.write(f"{count} veelvoorkomende woorden in {time.perf_counter() - clock:.1f} s.")
