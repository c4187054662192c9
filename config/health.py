"""Health checks for load balancers and orchestrators: JSON, nothing personal, never cached.

- `/gezond/` (liveness): the process answers; touches nothing else.
- `/gereed/` (readiness): database, cache and search engine reachable and every migration applied;
  503 with the failing parts otherwise.
"""

import logging

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)
_migrations_applied = False  # once true, stays true for this process's code


@never_cache
def gezond(request):
    return JsonResponse({"status": "ok"})


def check_database() -> str:
    try:
        with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        logger.warning("Gereed: database onbereikbaar (%s)", type(exc).__name__)
        return "onbereikbaar"
    return "ok"


def check_migrations() -> str:
    global _migrations_applied
    if not _migrations_applied:
        connection = connections[DEFAULT_DB_ALIAS]
        executor = MigrationExecutor(connection)
        _migrations_applied = not executor.migration_plan(executor.loader.graph.leaf_nodes())
    return "ok" if _migrations_applied else "niet toegepast"


def check_cache() -> str:
    ping = getattr(cache, "ping", None)
    if ping is not None:
        return "ok" if ping() else "onbereikbaar"
    cache.set("gereed", "ja", 10)
    return "ok" if cache.get("gereed") == "ja" else "onbereikbaar"


def check_search() -> str:
    backend = get_search_backend()
    client = getattr(backend, "es", None)
    if client is None:
        return "ok"  # search in the database: reachable when the database is
    try:
        if client.ping():
            return "ok"
    except Exception as exc:  # noqa: BLE001 - any client error means: not ready
        logger.warning("Gereed: zoekmachine onbereikbaar (%s)", type(exc).__name__)
    return "onbereikbaar"


@never_cache
def gereed(request):
    checks = {"database": check_database()}
    checks["migraties"] = check_migrations() if checks["database"] == "ok" else "onbekend"
    checks["cache"] = check_cache()
    checks["zoekmachine"] = check_search()
    ready = all(value == "ok" for value in checks.values())
    return JsonResponse({"status": "ok" if ready else "niet gereed", "onderdelen": checks}, status=200 if ready else 503)
