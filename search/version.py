"""The site's content version, and the log of what changed between versions.

Caches of search results key on `content_version()`: the matches of the database backends
(`search.service`, the SQLite backend's entry map) and the vacancy listing (`vacatures.cache`). The facet
columns (`search.facet_table`) do not start over: they apply the changes since their own version.

The version is an *epoch* and a *sequence number*, both in Django's cache (shared between processes through
Redis in production; `content_version` says what happens with a cache of one process). Every change to
pages, their parts and organisations, taxonomy and view restrictions takes the next number and stores what
changed under it (`record`), immediately and again after the transaction commits (`connect_signals`,
called by search/apps.py): another process may have read the rows before the commit. A change is

- `{"pages": ids, "<app.Model>": ids, ...}`: these rows changed (a page published, edited, unpublished,
  moved with its descendants or deleted; a theme or organisation renamed; a page's part saved);
- `REBUILD`: a change no table can apply to a few rows (a view restriction, a deletion that sets
  references to nothing, a profile, or any caller that does not say what changed).

`changes_since(version)` gives the changes after a version, or None when they cannot all be read (another
epoch: the cache was emptied or the period of a local cache passed; an entry gone; too many).
"""

import time
import uuid

from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import BaseViewRestriction, Page
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "zoeken:inhoudsversie"  # the epoch
SEQUENCE_KEY = "zoeken:inhoudsversie:volgnummer"
MAX_AGE = 300  # seconds
MAX_BEHIND = 200  # changes a table applies one by one; further behind, it is read again in full
LOG_TIMEOUT = 24 * 3600  # seconds a change stays readable
PAGES = "pages"
REBUILD = "rebuild"


def _period() -> str:
    """With a cache of this process only (no REDIS_URL), other processes never see the version change,
    so the current 5-minute period is part of the version: their change shows by then."""
    if isinstance(caches["default"], LocMemCache):
        return f":{int(time.time() // MAX_AGE)}"
    return ""


def _epoch_and_sequence() -> tuple[str, int]:
    found = cache.get_many([VERSION_KEY, SEQUENCE_KEY])
    if VERSION_KEY not in found or SEQUENCE_KEY not in found:
        # A new epoch (first use, or the cache was emptied): whoever adds first wins.
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        cache.add(SEQUENCE_KEY, 0, None)
        found = cache.get_many([VERSION_KEY, SEQUENCE_KEY])
    return found.get(VERSION_KEY, ""), int(found.get(SEQUENCE_KEY, 0))


def version() -> tuple[str, int]:
    """(epoch, sequence number) of the site's content; the epoch includes the period of a local cache."""
    epoch, sequence = _epoch_and_sequence()
    return epoch + _period(), sequence


def content_version() -> str:
    """The token of the site's content: new after every change."""
    epoch, sequence = _epoch_and_sequence()
    return f"{epoch}.{sequence}{_period()}"


def _change_key(epoch, sequence):
    return f"zoeken:wijziging:{epoch.split(':')[0]}:{sequence}"


def record(change=REBUILD):
    """Take the next version number and store `change` under it."""
    try:
        sequence = cache.incr(SEQUENCE_KEY)
    except ValueError:  # no sequence yet (or the cache was emptied): a new epoch
        _epoch_and_sequence()
        sequence = cache.incr(SEQUENCE_KEY)
    epoch = cache.get(VERSION_KEY, "")
    cache.set(_change_key(epoch, sequence), change, LOG_TIMEOUT)


def changes_since(since: tuple[str, int], now: tuple[str, int]) -> tuple[list, tuple[str, int]] | None:
    """(the changes after version `since`, the version they reach): up to `now`, or up to just before the
    last changes if those are not stored yet (a writer takes its number, then stores its change: a
    reader in between sees the number first). None if they cannot be read: another epoch, too many, or an
    entry missing with later ones present (gone from the cache, or a writer that never stored it)."""
    (epoch, first), (current_epoch, last) = since, now
    if epoch != current_epoch or last < first or last - first > MAX_BEHIND:
        return None
    keys = [_change_key(epoch, sequence) for sequence in range(first + 1, last + 1)]
    found = cache.get_many(keys)
    stored = 0
    while stored < len(keys) and keys[stored] in found:
        stored += 1
    if len(found) != stored:
        return None
    return [found[key] for key in keys[:stored]], (epoch, first + stored)


def bump_content_version(change=REBUILD, **kwargs):
    if not isinstance(change, (dict, str)):
        change = REBUILD
    record(change)
    # Again after commit: another process may have read the rows from the state before the commit.
    transaction.on_commit(lambda: record(change))


def watches(sender) -> bool:
    """Models whose changes can change a search listing: pages, their parts, taxonomy, view restrictions."""
    return issubclass(sender, (Page, BaseViewRestriction)) or sender._meta.app_label in {
        "projecten", "vacatures", "taxonomie",
    }


def _changes_others_unsignalled(model) -> bool:
    """Whether deleting a `model` row changes rows of listings without a signal: a page referenced by
    other pages with SET_NULL (an employer's vacancies), or a term (its links in a many-to-many table)."""
    if model._meta.app_label == "taxonomie":
        return True
    return any(
        relation.on_delete not in (models.CASCADE, models.PROTECT, models.DO_NOTHING, models.RESTRICT)
        for relation in model._meta.related_objects
        if relation.on_delete is not None and relation.field.name != "alias_of"
        and issubclass(relation.related_model, Page)
    )


def change_of(sender, instance, deleted=False):
    """What changed when `instance` (of `sender`) was saved or deleted."""
    if issubclass(sender, BaseViewRestriction) or (deleted and _changes_others_unsignalled(sender)):
        return REBUILD
    if isinstance(instance, Page):
        return {PAGES: (instance.pk,)}
    change = {sender._meta.label: (instance.pk,)}
    # A part of a page (its organisations, materials): the page's rows changed too.
    pages = tuple(
        getattr(instance, field.attname) for field in sender._meta.concrete_fields
        if field.many_to_one and issubclass(field.related_model, Page) and getattr(instance, field.attname)
    )
    if pages:
        change[PAGES] = pages
    return change


def bump_on_change(sender, instance=None, **kwargs):
    if not watches(sender):
        return
    if kwargs.get("signal") is m2m_changed:
        if kwargs.get("action", "").startswith("pre_"):
            return
        model = kwargs.get("model")
        change = change_of(type(instance), instance)
        pk_set = kwargs.get("pk_set")
        if change is REBUILD or model is None or not pk_set:
            bump_content_version(REBUILD if not pk_set and kwargs.get("action") == "post_clear" else change)
            return
        key = PAGES if issubclass(model, Page) else model._meta.label
        change = {**change, key: (*change.get(key, ()), *pk_set)}
        bump_content_version(change)
        return
    bump_content_version(change_of(sender, instance, deleted=kwargs.get("signal") is post_delete))


def bump_on_page_signal(sender, instance=None, **kwargs):
    if instance is None:
        bump_content_version()
    elif kwargs.get("signal") is post_page_move:
        # The page and every descendant: their paths changed.
        path = Page.objects.filter(pk=instance.pk).values_list("path", flat=True).first() or instance.path
        pages = tuple(Page.objects.filter(path__startswith=path).values_list("pk", flat=True))
        bump_content_version({PAGES: pages or (instance.pk,)})
    else:
        bump_content_version({PAGES: (instance.pk,)})


def connect_signals():
    """Any change a search listing could show raises the content version and says what changed."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(bump_on_change, dispatch_uid=f"zoeken-versie-{id(signal)}")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(bump_on_page_signal, dispatch_uid=f"zoeken-versie-{id(signal)}")
