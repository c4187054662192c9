"""Facet values of a page type as columns in memory, so that counting costs microseconds, not queries.

A search page counts every facet under the faceted-navigation rule (each facet with every *other* filter
applied). In SQL that is a pass over all matching rows per facet; at 60,000 pages a common word made
that half a second. Here a page type's facet values are read once per *content version* into NumPy
arrays (like the doc values a search engine keeps), and a request works with boolean masks over them:

- `FacetTable.mask(queryset)`: which pages a queryset holds (its SQL runs once per version and is cached,
  so a vacancy's visibility rule stays the one in `vacatures.phases`);
- `FacetTable.selection(facet, values)` and `FacetTable.counts(facet, mask)`: filtering and counting;
- `FacetTable.order(ordering)`: each page's position in an ordering, for one page of sorted results.

A table is kept per content version (`search.version`): a new version after every change to pages,
their organisations, taxonomy and view restrictions. The date is part of time-dependent conditions
(project status), so a new day is a new table.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import numpy as np
from django.core.exceptions import EmptyResultSet

from search.version import content_version

MAX_TABLES = 8  # tables kept per process (page types × facet sets × versions)
MAX_MASKS = 64  # querysets remembered per table (audiences: the public and each employer)


class Column:
    """One facet: its values (code -> value, label) and (page position, code) pairs, one per distinct pair."""

    def __init__(self, values, labels, positions, codes):
        self.values = values
        self.labels = labels
        self.code_of = {value: code for code, value in enumerate(values)}
        self.positions = positions
        self.codes = codes


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
    def __init__(self, model, facets):
        self.model = model
        manager = model._base_manager
        self.pks = np.sort(np.array(list(manager.values_list("pk", flat=True)), dtype=np.int64))
        self.columns = {facet.name: _column(facet.table_rows(manager), self.pks) for facet in facets}
        self._masks = OrderedDict()
        self._orders = {}
        self._lock = threading.Lock()

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
                return found
        found = self.positions(queryset.order_by().values_list("pk", flat=True))
        found.setflags(write=False)
        with self._lock:
            self._masks[key] = found
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
            ordered = np.fromiter(ordered, dtype=np.int64)
            rank = np.empty(len(self.pks), dtype=np.int64)
            rank[np.searchsorted(self.pks, ordered)] = np.arange(len(ordered))
            self._orders[ordering] = rank
        return rank


_tables: OrderedDict = OrderedDict()
_tables_lock = threading.Lock()
_build_lock = threading.Lock()


def facet_table(model, facets=()) -> FacetTable:
    """The table of `model` with `facets` for the current content version (built on first use; threads
    that ask meanwhile wait for that one build instead of each reading the database)."""
    key = (model._meta.label, tuple(facet.signature() for facet in facets), content_version())
    with _tables_lock:
        table = _tables.get(key)
        if table is not None:
            _tables.move_to_end(key)
            return table
    with _build_lock:
        table = _tables.get(key)
        if table is None:
            table = FacetTable(model, facets)
            with _tables_lock:
                _tables[key] = table
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
