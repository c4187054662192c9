"""Facet values of a page type as columns in memory, so that counting costs microseconds, not queries.

A search page counts every facet under the faceted-navigation rule (each facet with every *other* filter
applied). In SQL that is a pass over all matching rows per facet; at 60,000 pages a common word made
that half a second. Here a page type's facet values are read once per *content version* into NumPy
arrays (like the doc values a search engine keeps), and a request works with boolean masks over them:

- `FacetTable.mask(queryset)`: which pages a queryset holds (its SQL runs once per version and is cached,
  so a vacancy's visibility rule stays the one in `vacatures.phases`);
- `FacetTable.selection(facet, values)` and `FacetTable.counts(facet, mask)`: filtering and counting;
- `FacetTable.order(ordering)`: each page's position in an ordering, for one page of sorted results.

A table is kept per page type and facet set, at a content version (`search.version`). A change to pages,
their parts or taxonomy (publish, edit, unpublish, move, delete, a rename) is applied to the affected rows
only (`FacetTable.updated`): the pages changed, and the pages whose facets follow a relation to a changed
row (a vacancy's employer, a project's theme). A table more than `MAX_BEHIND` changes behind, or that meets
a change it cannot apply (`REBUILD`: a view restriction, ...), is read again in full. Either way the answers
are those of a table read in full (search/tests/test_incremental.py). The date is part of time-dependent
conditions (project status), so a new day is a new table.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np
from django.core.exceptions import EmptyResultSet, FieldDoesNotExist
from django.db.models import Q
from wagtail.models import Page

from search import version as versions

MAX_TABLES = 8  # tables kept per process (page types × facet sets × versions)
MAX_MASKS = 64  # querysets remembered per table (audiences: the public and each employer)
UPDATED_MASKS = 16  # masks carried over by an update (the most recently used); the others are read again
MAX_ORDER_UPDATES = 16  # touched pages placed one by one in an ordering; more: the ordering is read again
INCREMENTAL = True  # apply changes to the rows they touch (False: read the table again after each change)
stats = {"read": 0, "updated": 0}  # tables read in full and brought up to date, in this process


class Column:
    """One facet: its values (code -> value, label) and (page position, code) pairs, one per distinct pair."""

    def __init__(self, values, labels, positions, codes):
        self.values = values
        self.labels = labels
        self.code_of = {value: code for code, value in enumerate(values)}
        self.positions = positions
        self.codes = codes

    def updated(self, new_position, rows, pks) -> Column:
        """This column with the rows of the touched pages replaced: `new_position` maps each old row
        position to its new one (-1: touched or gone), `rows` are the touched pages' (pk, value, label)."""
        values, labels, code_of = list(self.values), list(self.labels), dict(self.code_of)
        row_pks, row_codes = [], []
        for pk, value, label in rows:
            if value is None:
                continue
            code = code_of.get(value)
            if code is None:
                code = code_of[value] = len(values)
                values.append(value)
                labels.append(label)
            else:
                labels[code] = label  # a renamed term: every touched row says the new name
            row_pks.append(pk)
            row_codes.append(code)
        mapped = new_position[self.positions]
        kept = mapped >= 0
        added = np.searchsorted(pks, np.array(row_pks, dtype=np.int64))
        width = max(len(values), 1)
        # One pair per page and value; the kept pairs are distinct already (and their order does not matter).
        pairs = np.unique(added * width + np.array(row_codes, dtype=np.int64))
        positions = np.concatenate([mapped[kept], pairs // width])
        codes = np.concatenate([self.codes[kept], pairs % width])
        return Column(values, labels, positions, codes)


def _column(rows, pks) -> Column:
    """A column from (pk, value, label) rows; pages outside the table and empty values are skipped."""
    values, labels, code_of, row_pks, row_codes = [], [], {}, [], []
    for pk, value, label in rows:
        if value is None:
            continue
        code = code_of.get(value)
        if code is None:
            code = code_of[value] = len(values)
            values.append(value)
            labels.append(label)
        row_pks.append(pk)
        row_codes.append(code)
    row_pks = np.array(row_pks, dtype=np.int64)
    row_codes = np.array(row_codes, dtype=np.int64)
    positions = np.minimum(np.searchsorted(pks, row_pks), max(len(pks) - 1, 0))
    found = pks[positions] == row_pks if len(pks) else np.zeros(len(row_pks), dtype=bool)
    # One pair per page and value, however often the rows repeat it.
    pairs = np.unique(positions[found] * max(len(values), 1) + row_codes[found])
    return Column(values, labels, pairs // max(len(values), 1), pairs % max(len(values), 1))


class FacetTable:
    def __init__(self, model, facets, version=None):
        self.model = model
        self.facets = tuple(facets)
        self.version = version
        manager = model._base_manager
        self.pks = np.sort(np.array(list(manager.values_list("pk", flat=True)), dtype=np.int64))
        self.columns = {facet.name: _column(facet.table_rows(manager), self.pks) for facet in facets}
        self._masks = OrderedDict()  # key -> (queryset, mask)
        self._orders = {}
        self._lock = threading.Lock()

    def updated(self, changes, version=None) -> FacetTable | None:
        """A new table with `changes` (from `search.version`) applied to the rows they touch; None for a
        change that cannot be applied that way. This table is left as it is (requests may be reading it)."""
        if any(change == versions.REBUILD or not isinstance(change, dict) for change in changes):
            return None
        changed = {}
        for change in changes:
            for label, ids in change.items():
                changed.setdefault(label, set()).update(int(pk) for pk in ids)
        pages = changed.get(versions.PAGES, set())
        own = pages if issubclass(self.model, Page) else changed.get(self.model._meta.label, set())
        manager = self.model._base_manager
        conditions = [Q(pk__in=own)] if own else []
        for prefix, related in relations(self.model, self.facets):
            ids = pages if issubclass(related, Page) else changed.get(related._meta.label)
            if ids:
                conditions.append(Q(**{f"{prefix}__in": ids}))
        table = object.__new__(FacetTable)
        table.model, table.facets, table.version = self.model, self.facets, version
        table._lock = threading.Lock()
        if not conditions:  # nothing of this table changed
            table.pks, table.columns, table._orders = self.pks, self.columns, self._orders
            with self._lock:
                table._masks = OrderedDict(self._masks)
            return table
        present = set()
        for condition in conditions:  # one indexed query each, rather than one OR over joins
            present.update(manager.filter(condition).values_list("pk", flat=True))
        present = np.array(sorted(present), dtype=np.int64)
        touched = np.union1d(np.fromiter(own, dtype=np.int64, count=len(own)), present)
        keep = ~np.isin(self.pks, touched)
        kept_pks = self.pks[keep]
        # The present pages merged in (both sorted, no page in both): O(n) copies, no sort.
        inserted_at = np.searchsorted(kept_pks, present)
        table.pks = np.insert(kept_pks, inserted_at, present)
        # New position of each kept row: its place among the kept plus the present pages before it.
        moved = np.arange(len(kept_pks)) + np.cumsum(np.bincount(inserted_at, minlength=len(kept_pks) + 1))[:-1]
        new_position = np.full(len(self.pks), -1, dtype=np.int64)
        new_position[keep] = moved
        rows = manager.filter(pk__in=present.tolist()) if len(present) else manager.none()
        table.columns = {
            facet.name: self.columns[facet.name].updated(new_position, facet.table_rows(rows), table.pks)
            for facet in self.facets
        }
        table._orders = {}
        if len(present) <= MAX_ORDER_UPDATES:
            for ordering, rank in list(self._orders.items()):
                in_order = np.empty(len(rank), dtype=np.int64)
                in_order[rank] = np.arange(len(rank))  # rank is a permutation: positions in order, O(n)
                in_order = in_order[keep[in_order]]
                updated_rank = _updated_order(manager, ordering, self.pks[in_order], new_position[in_order],
                                              present, table.pks)
                if updated_rank is not None:  # else read again when asked (one query)
                    table._orders[ordering] = updated_rank
        table._masks = OrderedDict()
        with self._lock:
            carried = list(self._masks.items())[-UPDATED_MASKS:]
        added = present.tolist()
        for key, (queryset, old) in carried:
            mask = np.zeros(len(table.pks), dtype=bool)
            mask[moved] = old[keep]
            if added:
                mask[table.positions(queryset.filter(pk__in=added).values_list("pk", flat=True))] = True
            mask.setflags(write=False)
            table._masks[key] = (queryset, mask)
        return table

    def __len__(self):
        return len(self.pks)

    def index(self, pks) -> tuple[np.ndarray, np.ndarray]:
        """(position of each of `pks`, whether it is in the table at all)."""
        pks = np.asarray(pks if isinstance(pks, np.ndarray) else list(pks), dtype=np.int64).reshape(-1)
        if not len(self.pks):
            return np.zeros(len(pks), dtype=np.int64), np.zeros(len(pks), dtype=bool)
        index = np.minimum(np.searchsorted(self.pks, pks), len(self.pks) - 1)
        return index, self.pks[index] == pks

    def positions(self, pks) -> np.ndarray:
        """A mask of the pages among `pks` (primary keys; unknown ones are ignored)."""
        index, found = self.index(pks)
        mask = np.zeros(len(self.pks), dtype=bool)
        mask[index[found]] = True
        return mask

    def mask(self, queryset) -> np.ndarray:
        """The pages `queryset` holds; its SQL runs once per content version."""
        try:
            sql, params = queryset.order_by().values("pk").query.sql_with_params()
        except EmptyResultSet:  # a queryset that can hold nothing, such as .none()
            return np.zeros(len(self.pks), dtype=bool)
        key = (sql, tuple(map(repr, params)))
        with self._lock:
            found = self._masks.get(key)
            if found is not None:
                self._masks.move_to_end(key)
                return found[1]
        queryset = queryset.order_by()
        found = self.positions(queryset.values_list("pk", flat=True))
        found.setflags(write=False)
        with self._lock:
            self._masks[key] = (queryset, found)
            while len(self._masks) > MAX_MASKS:
                self._masks.popitem(last=False)
        return found

    def selection(self, facet_name, values) -> np.ndarray:
        """Pages with any of `values` for the facet (values that no page has select nothing)."""
        column = self.columns[facet_name]
        wanted = [column.code_of[v] for v in values if v in column.code_of]
        mask = np.zeros(len(self.pks), dtype=bool)
        mask[column.positions[np.isin(column.codes, wanted)]] = True
        return mask

    def counts(self, facet_name, mask) -> dict:
        """value -> number of pages in `mask` with that value (values with no page left out)."""
        column = self.columns[facet_name]
        counted = np.bincount(column.codes[mask[column.positions]], minlength=len(column.values))
        return {column.values[code]: int(counted[code]) for code in np.flatnonzero(counted)}

    def labels(self, facet_name) -> dict:
        column = self.columns[facet_name]
        return dict(zip(column.values, column.labels, strict=True))

    def order(self, ordering) -> np.ndarray:
        """Each page's rank in `ordering` (the primary key breaks ties)."""
        ordering = tuple(ordering)
        rank = self._orders.get(ordering)
        if rank is None:
            ordered = self.model._base_manager.order_by(*ordering, "pk").values_list("pk", flat=True)
            index, found = self.index(np.fromiter(ordered, dtype=np.int64))
            index = index[found]
            # Pages added since the table was read are not in it; pages gone since come last.
            rank = np.full(len(self.pks), len(index), dtype=np.int64)
            rank[index] = np.arange(len(index))
            gone = np.flatnonzero(rank == len(index))
            rank[gone] = len(index) + np.arange(len(gone))
            self._orders[ordering] = rank
        return rank


def _order_items(ordering) -> list | None:
    """(path, descending, nulls first) per item of `ordering` and the primary key after them, as the
    database sorts; None for an ordering of another form (an expression, random)."""
    from django.db import connection
    from django.db.models import F, OrderBy

    nulls_largest = connection.vendor == "postgresql"  # SQLite (and MySQL): NULL is the smallest value
    items = []
    for item in (*ordering, "pk"):
        if isinstance(item, str) and item != "?":
            descending, path = item.startswith("-"), item.lstrip("-")
            nulls_first = descending == nulls_largest
        elif isinstance(item, OrderBy) and isinstance(item.expression, F):
            descending, path = item.descending, item.expression.name
            if item.nulls_first:
                nulls_first = True
            elif item.nulls_last:
                nulls_first = False
            else:
                nulls_first = descending == nulls_largest
        else:
            return None
        if "__" in path:  # a related row's value: it can change without touching this page
            return None
        items.append((path, descending, nulls_first))
    return items


def _before(items, values) -> Q:
    """Rows that come strictly before a row with `values` in the ordering `items` (as the database
    compares: its collation, its place for NULL)."""
    before, equal = Q(pk__in=[]), Q()
    for (path, descending, nulls_first), value in zip(items, values, strict=True):
        if value is None:
            here = Q(pk__in=[]) if nulls_first else Q(**{f"{path}__isnull": False})
            same = Q(**{f"{path}__isnull": True})
        else:
            here = Q(**{f"{path}__{'gt' if descending else 'lt'}": value})
            if nulls_first:
                here |= Q(**{f"{path}__isnull": True})
            same = Q(**{path: value})
        before |= equal & here
        equal &= same
    return before


def _updated_order(manager, ordering, kept_in_order, kept_positions, present, pks) -> np.ndarray | None:
    """The rank array of `ordering` over `pks`: the kept pages (`kept_in_order`, at `kept_positions` in
    `pks`) in their known order, each present (touched) page placed by the database itself, two small
    queries each: how many of every √n-th kept page come before it, then how many in the stretch between
    two of them."""
    items = _order_items(ordering)
    if items is None:
        return None
    paths = [path for path, _, _ in items]
    touched = list(manager.filter(pk__in=present.tolist()).order_by(*ordering, "pk").values_list("pk", *paths))
    if len(touched) != len(present):  # a path with several values per page: read again
        return None
    count = len(kept_in_order)
    step = max(1, int(np.sqrt(count)))
    pivots = kept_in_order[::step].tolist()
    places = []
    for _, *values in touched:
        before = _before(items, values)
        passed = manager.filter(pk__in=pivots).filter(before).count() if pivots else 0
        if passed == 0:
            places.append(0)
            continue
        start = (passed - 1) * step + 1
        stretch = kept_in_order[start: min(passed * step, count)].tolist()
        places.append(start + (manager.filter(pk__in=stretch).filter(before).count() if stretch else 0))
    touched_positions = np.searchsorted(pks, np.array([row[0] for row in touched], dtype=np.int64))
    in_order = np.insert(kept_positions, places, touched_positions)
    rank = np.empty(len(pks), dtype=np.int64)
    rank[in_order] = np.arange(len(in_order))
    return rank


def facet_paths(facet) -> list[str]:
    """The field paths a facet reads: its fields (`field`, `label_field`, `member_field`, ...) and the
    lookups of its conditions."""
    paths = [value for name, value in vars(facet).items() if name.endswith("field") and isinstance(value, str)]
    conditions = getattr(facet, "conditions", None)
    if callable(conditions):
        pending = [condition for _, condition in conditions().values()]
        while pending:
            node = pending.pop()
            if isinstance(node, Q):
                pending.extend(node.children)
            elif isinstance(node, tuple) and node and isinstance(node[0], str):
                paths.append(node[0])
    return paths


def relations(model, facets) -> list:
    """(path prefix, related model) for every relation on the facets' paths: the rows of `model` whose
    facet values change when a row of that related model changes are `filter(<prefix>__in=ids)`."""
    found = {}
    for path in (path for facet in facets for path in facet_paths(facet)):
        current, parts = model, path.split("__")
        for depth, part in enumerate(parts):
            try:
                field = current._meta.get_field(part)
            except FieldDoesNotExist:
                break
            if not field.is_relation or field.related_model is None:
                break
            current = field.related_model
            found.setdefault("__".join(parts[: depth + 1]), current)
    return list(found.items())


_tables: OrderedDict = OrderedDict()
_tables_lock = threading.Lock()
_build_lock = threading.Lock()


def facet_table(model, facets=()) -> FacetTable:
    """The table of `model` with `facets` at the current content version: the one this process has,
    brought up to date with the changes since its version, or read in full (on first use, too far
    behind, or after a change that cannot be applied to rows). Threads that ask meanwhile wait for that
    one update instead of each reading the database."""
    key = (model._meta.label, tuple(facet.signature() for facet in facets))
    current = versions.version()
    with _tables_lock:
        table = _tables.get(key)
        if table is not None and table.version == current:
            _tables.move_to_end(key)
            return table
    with _build_lock:
        with _tables_lock:
            table = _tables.get(key)
        if table is None or table.version != current:
            updated = None
            if table is not None and INCREMENTAL:
                found = versions.changes_since(table.version, current)
                if found is not None:
                    changes, reached = found
                    # No change stored yet: the table as it is, until its writer stores it (microseconds).
                    updated = table.updated(changes, reached) if changes else table
            if updated is not table:
                stats["updated" if updated is not None else "read"] += 1
            table = updated or FacetTable(model, facets, current)
            with _tables_lock:
                _tables[key] = table
                _tables.move_to_end(key)
                while len(_tables) > MAX_TABLES:
                    _tables.popitem(last=False)
    return table


class RankedPositions:
    """The primary keys of the pages in `mask`, lowest `key` first, sliced lazily: one page of 20 out
    of 60,000 costs a partial sort, not a full one. A sequence, so Django's Paginator can slice it."""

    def __init__(self, table, mask, key):
        self.table = table
        self.positions = np.flatnonzero(mask)
        self.key = key[self.positions]

    def __len__(self):
        return len(self.positions)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("RankedPositions only slices")
        start, stop, _ = index.indices(len(self))
        if start >= stop:
            return []
        if stop < len(self.key):
            first = np.argpartition(self.key, stop - 1)[:stop]
        else:
            first = np.arange(len(self.key))
        first = first[np.argsort(self.key[first], kind="stable")][start:stop]
        return [int(pk) for pk in self.table.pks[self.positions[first]]]
