"""The site's content version: a token that changes with every change a search listing could show.

Caches of search results key on it: the facet tables (`search.facet_table`), the matches of the
database backends (`search.service`, the SQLite backend's entry map) and the vacancy listing
(`vacatures.cache`). The token lives in Django's cache (shared between processes through Redis in
production; `content_version` says what happens with a cache of one process). It is replaced on every
change to pages, their organisations, taxonomy and view restrictions, immediately and again after the
transaction commits (`connect_signals`, called by search/apps.py).
"""

import time
import uuid

from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import BaseViewRestriction, Page
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "zoeken:inhoudsversie"
MAX_AGE = 300  # seconds


def content_version() -> str:
    """The token of the site's content. With a cache of this process only (no REDIS_URL), other processes
    never see the token change, so the current 5-minute period is added: their change shows by then."""
    token = cache.get_or_set(VERSION_KEY, lambda: uuid.uuid4().hex, None)
    if isinstance(caches["default"], LocMemCache):
        return f"{token}:{int(time.time() // MAX_AGE)}"
    return token


def bump_content_version(**kwargs):
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
    # Again after commit: another process may have rebuilt its table from the state before the commit.
    transaction.on_commit(lambda: cache.set(VERSION_KEY, uuid.uuid4().hex, None))


def watches(sender) -> bool:
    """Models whose changes can change a search listing: pages, their parts, taxonomy, view restrictions."""
    return issubclass(sender, (Page, BaseViewRestriction)) or sender._meta.app_label in {
        "projecten", "vacatures", "taxonomie",
    }


def bump_on_change(sender, **kwargs):
    if watches(sender):
        bump_content_version()


def connect_signals():
    """Any change a search listing could show raises the content version."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(bump_on_change, dispatch_uid=f"zoeken-versie-{id(signal)}")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_content_version, dispatch_uid=f"zoeken-versie-{id(signal)}")
