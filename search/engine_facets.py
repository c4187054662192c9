"""Engine-side faceting: with Elasticsearch/OpenSearch, one `_search` request answers a listing.

`search.service.FacetedSearch` hands its listing here first (`engine_listing`). When the search
backend is Elasticsearch or OpenSearch and the page type indexes every facet, the engine gets ONE
request with:

- `query`: the text query (Wagtail's own query for the model: the same fields and boosts) AND the
  filters of the visitor's queryset, translated by Wagtail's query compiler into engine filters on
  indexed fields: live, not in a private section, the phase dates and the employer of
  `VacaturePage.objects.visible_to(audience)`, the open rule of the klussen, the library's path;
- `post_filter`: the selected facet values (values of one facet OR, facets AND);
- per facet an aggregation `filter` (the selections of every OTHER facet) around `terms` on the
  facet's indexed keyword field with room for every bucket (`BUCKETS`), or, for a facet of named
  conditions (`QFacet`: hour bands, project status), a `filters` aggregation with one bucket per
  condition, compiled from the same Django `Q` the database path uses;
- `from`/`size`: one page of results, ranked (`_score`, then the listing's ordering) or sorted.

Nothing scrolls every match and no web process holds the facet columns of every page: memory does not
grow with the number of pages. The database backends, page types without indexed facets, and a page
beyond the engine's result window (`MAX_WINDOW`) keep the in-memory columns (`search.facet_table`).

A page type declares a facet's indexed values with `FacetField` plus `index.FilterField`:

    facet_organisatie = FacetField(("werkgever__slug", "werkgever__title"))
    search_fields = [..., index.FilterField("facet_organisatie")]

The paths are the ones the listing's `Facet` reads from the database; `search/tests/test_engine_facets.py`
proves the engine's counts equal the database path's for every audience.

`settings.SEARCH_ENGINE_FACETS = False` switches the engine path off (the text match then still comes
from the engine, faceting from the columns): for comparisons in tests and benchmarks.
"""

from __future__ import annotations

import functools
import threading
from collections import OrderedDict

from django.conf import settings
from django.db import connection
from django.db.models import F, OrderBy
from modelsearch.backends.base import FieldError, FilterError
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from modelsearch.index import FilterField, class_is_indexed
from modelsearch.query import MATCH_ALL
from wagtail.search.backends import get_search_backend

from search.version import content_version

BUCKETS = 10_000  # terms buckets per facet: every value of any facet we have (organisations: hundreds)
MAX_WINDOW = 10_000  # the engines' default index.max_result_window: from + size may not pass it


class FacetField:
    """The values of one facet of a page, for the search index: a descriptor on the page model whose
    value is the list of distinct values the facet's lookup paths reach from the page.

    `pairs` are (value path, label path), the paths the listing's `search.service.Facet` reads
    (a string is a value path without a separate label). Index it with `index.FilterField(<name>)`:
    a keyword field `<app>_<model>__<name>_filter` in the index.
    """

    def __init__(self, *pairs):
        self.pairs = [(pair, pair) if isinstance(pair, str) else tuple(pair) for pair in pairs]

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        if obj.pk is None:
            return []
        values = []
        for path, _ in self.pairs:
            found = type(obj)._base_manager.filter(pk=obj.pk).values_list(path, flat=True).distinct()
            values.extend(str(v) for v in found if v is not None and str(v) not in values)
        return values

    def present(self, queryset, values) -> set:
        """Which of `values` a page of `queryset` has (what the database path calls a valid value)."""
        found = set()
        for path, _ in self.pairs:
            found |= set(queryset.order_by().filter(**{f"{path}__in": values}).values_list(path, flat=True).distinct())
        return {str(v) for v in found}

    def labels(self, model, values) -> dict:
        """value -> label for `values`, read from the model the paths end in (not through every page)."""
        labels = {}
        for path, label_path in self.pairs:
            *relations, attr = path.split("__")
            *label_relations, label_attr = label_path.split("__")
            target = model
            for name in relations:
                target = target._meta.get_field(name).related_model
            if label_relations == relations:
                rows = target._base_manager.filter(**{f"{attr}__in": values}).values_list(attr, label_attr)
            else:  # a label elsewhere: through the pages
                rows = model._base_manager.filter(**{f"{path}__in": values}).values_list(path, label_path)
            for value, label in rows.order_by().distinct():
                labels.setdefault(str(value), label)
        return labels


class EngineUnsupported(Exception):
    """This listing cannot be asked of the engine (a filter or ordering on a field the index lacks)."""


def is_condition_facet(facet) -> bool:
    return hasattr(facet, "conditions")


def _and(clauses):
    clauses = [c for c in clauses if c is not None]
    if not clauses:
        return {"match_all": {}}
    return clauses[0] if len(clauses) == 1 else {"bool": {"filter": clauses}}


_clauses: OrderedDict = OrderedDict()
_clauses_lock = threading.Lock()


def _remember(key, make):
    with _clauses_lock:
        if key in _clauses:
            _clauses.move_to_end(key)
            return _clauses[key]
    value = make()
    with _clauses_lock:
        _clauses[key] = value
        while len(_clauses) > 256:
            _clauses.popitem(last=False)
    return value


class Answer:
    """The engine's answer: one page of ids, the total, and per facet value -> count. It also serves as
    the `table` that `Facet.options` counts from (`counts`, `labels`), so options are built by the
    same code on both paths."""

    def __init__(self, ids, total, offset, counts, labels):
        self.ids = ids
        self.total = total
        self.offset = offset
        self._counts = counts
        self._labels = labels

    def counts(self, facet_name, mask=None):
        return self._counts.get(facet_name, {})

    def labels(self, facet_name):
        return self._labels.get(facet_name, {})

    def __len__(self):  # a sequence of the total's length for Django's Paginator; only our page is held
        return self.total

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise TypeError("Answer only slices")
        start, stop, _ = index.indices(self.total)
        if start == self.offset:
            return self.ids[: max(stop - start, 0)]
        return []


class Validity:
    """For `FacetedSearch.parse`: which of the values asked for a facet a page of the queryset has,
    checked in the database for those values only."""

    def __init__(self, listing, params):
        self.listing = listing
        self.params = params

    def counts(self, facet_name, mask=None):
        field = self.listing.fields[facet_name]
        raw = [v for v in self.params.getlist(facet_name) if v and len(v) <= 200 and v.isprintable()]
        return dict.fromkeys(field.present(self.listing.base, raw[:50]), 1) if raw else {}


class EngineListing:
    """One listing (a queryset, its facets and ordering) asked of the engine in one request."""

    def __init__(self, backend, base, facets, ordering):
        self.backend = backend
        self.base = base
        self.model = base.model
        self.facets = facets
        self.ordering = tuple(ordering)
        self.mapping = backend.mapping_class(self.model)
        filterable = {f.field_name: f for f in self.model.get_search_fields() if isinstance(f, FilterField)}
        self.columns, self.fields = {}, {}
        for facet in facets:
            if is_condition_facet(facet):
                continue
            name = f"facet_{facet.name}"
            descriptor = getattr(self.model, name, None)
            if name not in filterable or not isinstance(descriptor, FacetField):
                raise EngineUnsupported(f"{self.model.__name__} does not index the facet {facet.name}")
            self.columns[facet.name] = self.mapping.get_field_column_name(filterable[name])
            self.fields[facet.name] = descriptor
        self.sort_fields = filterable

    # -- compiling ---------------------------------------------------------------------------------------

    def _compiler(self, queryset, query=MATCH_ALL):
        try:
            compiler = self.backend.query_compiler_class(queryset, query, operator="and", order_by_relevance=True)
            compiler.check()
            return compiler
        except (FieldError, FilterError) as exc:
            raise EngineUnsupported(str(exc)) from exc

    def _filter_of(self, condition):
        """A Django Q as an engine filter, compiled by Wagtail's query compiler."""
        compiler = self._compiler(self.model._base_manager.filter(condition))
        try:
            return compiler._get_filters_from_queryset() or {"match_all": {}}
        except (FieldError, FilterError) as exc:
            raise EngineUnsupported(str(exc)) from exc

    def condition_filters(self, facet) -> dict:
        """value -> engine filter for a facet of named conditions (kept per facet signature: its dates)."""
        key = (self.model._meta.label, type(self.backend).__name__, facet.signature())
        return _remember(key, lambda: {v: self._filter_of(q) for v, (_, q) in facet.conditions().items()})

    def selection_filter(self, facet, values):
        if is_condition_facet(facet):
            filters = self.condition_filters(facet)
            clauses = [filters[v] for v in values if v in filters]
            return clauses[0] if len(clauses) == 1 else {"bool": {"should": clauses, "minimum_should_match": 1}}
        return {"terms": {self.columns[facet.name]: [str(v) for v in values]}}

    def sort(self, ordering, relevance):
        nulls_first_ascending = connection.vendor == "sqlite"  # where the database puts NULL
        sort = ["_score"] if relevance else []
        for entry in (*ordering, "pk"):
            if isinstance(entry, str):
                descending = entry.startswith("-")
                name = entry.lstrip("-")
                nulls_last = None
            elif isinstance(entry, OrderBy) and isinstance(entry.expression, F):
                descending = entry.descending
                name = entry.expression.name
                nulls_last = True if entry.nulls_last else (False if entry.nulls_first else None)
            else:
                raise EngineUnsupported(f"ordering {entry!r}")
            name = "id" if name == "pk" else name
            field = self.sort_fields.get(name)
            if field is None:
                raise EngineUnsupported(f"{self.model.__name__} does not index {name} for sorting")
            if nulls_last is None:
                nulls_last = descending if nulls_first_ascending else not descending
            column = self.mapping.get_field_column_name(field)
            sort.append({column: {"order": "desc" if descending else "asc", "missing": "_last" if nulls_last else "_first"}})
        return sort

    def body(self, terms, selected, sort, offset, size):
        facets = {facet.name: facet for facet in self.facets}
        compiler = self._compiler(self.base, terms or MATCH_ALL)
        chosen = {name: self.selection_filter(facets[name], values) for name, values in selected.items()}
        aggregations = {}
        for facet in self.facets:
            others = _and([clause for name, clause in chosen.items() if name != facet.name])
            if is_condition_facet(facet):
                counting = {"filters": {"filters": self.condition_filters(facet)}}
            else:
                counting = {"terms": {"field": self.columns[facet.name], "size": BUCKETS}}
            aggregations[facet.name] = {"filter": others, "aggs": {"values": counting}}
        body = {
            "query": compiler.get_query(),
            "aggs": aggregations,
            "sort": self.sort(self.ordering, relevance=bool(terms) and not sort),
            "from": offset,
            "size": size,
            "track_total_hits": True,
            "_source": False,
            "stored_fields": ["pk"],
        }
        if chosen:
            body["post_filter"] = _and(chosen.values())
        return body

    # -- asking ---------------------------------------------------------------------------------------------

    def validity(self, params):
        return Validity(self, params)

    def check_window(self, offset, size):
        if offset + size > MAX_WINDOW:
            raise EngineUnsupported(f"results {offset}-{offset + size} lie beyond the engine's result window")

    def ask(self, terms, selected, sort, offset, size) -> Answer:
        """The engine's answer for the text `terms` (words only, or "") and the facet selections."""
        body = self.body(terms, selected, sort, offset, size)
        index = self.backend.get_index_for_model(self.model).name
        if self.backend.use_new_elasticsearch_api:
            body["from_"] = body.pop("from")
            response = self.backend.es.search(index=index, **body)
        else:
            response = self.backend.es.search(index=index, body=body)
        pk = self.model._meta.pk
        ids = [pk.to_python(hit["fields"]["pk"][0]) for hit in response["hits"]["hits"]]
        total = response["hits"]["total"]
        total = total["value"] if isinstance(total, dict) else total
        counts = {}
        for facet in self.facets:
            found = response["aggregations"][facet.name]["values"]["buckets"]
            if isinstance(found, dict):  # filters: keyed by condition
                counts[facet.name] = {v: b["doc_count"] for v, b in found.items() if b["doc_count"]}
            else:
                counts[facet.name] = {str(b["key"]): b["doc_count"] for b in found if b["doc_count"]}
        labels = {
            facet.name: self.labels(facet, {*counts[facet.name], *map(str, selected.get(facet.name, ()))})
            for facet in self.facets
            if not is_condition_facet(facet) and facet.choices is None
        }
        return Answer(ids, total, offset, counts, labels)

    def labels(self, facet, values):
        values = sorted(values)
        if not values:
            return {}
        key = (self.model._meta.label, facet.name, tuple(values), content_version())
        return _remember(key, lambda: self.fields[facet.name].labels(self.model, values))


def engine_listing(base, facets, ordering) -> EngineListing | None:
    """The engine path for this listing, or None: not an engine backend, switched off, or a page type
    (or ordering) the index cannot answer."""
    if not getattr(settings, "SEARCH_ENGINE_FACETS", True):
        return None
    backend = get_search_backend()
    if not isinstance(backend, ElasticsearchBaseSearchBackend) or not class_is_indexed(base.model):
        return None
    try:
        listing = EngineListing(backend, base, facets, ordering)
        listing.sort(ordering, relevance=False)  # raises if the index cannot sort so
        for facet in facets:
            if is_condition_facet(facet):
                listing.condition_filters(facet)
        return listing
    except EngineUnsupported:
        return None


# --------------------------------------------------------------------------- keeping the index's facet values


@functools.cache
def _facet_relations():
    """(page model, lookup, related model) for every relation a facet path passes through."""
    from modelsearch.index import get_indexed_models

    found = set()
    for model in get_indexed_models():
        for descriptor in vars(model).values():
            if not isinstance(descriptor, FacetField):
                continue
            for path, _ in descriptor.pairs:
                relations, target = path.split("__")[:-1], model
                for depth, name in enumerate(relations, start=1):
                    target = target._meta.get_field(name).related_model
                    found.add((model, "__".join(relations[:depth]), target))
    return frozenset(found)


def _reached_through(sender):
    """(page model, lookup to the changed object) for every facet path that passes through `sender`."""
    return {(model, lookup) for model, lookup, target in _facet_relations() if issubclass(sender, target)}


def reindex_facet_pages(sender, instance, **kwargs):
    """An organisation's slug or members, an employer's region, a theme: the indexed facet values of the
    pages whose facet paths reach it change, so those pages are indexed again (engine backends only; the
    database path reads the columns afresh with the new content version)."""
    if kwargs.get("raw") or kwargs.get("action", "post_")[:5] != "post_":
        return
    reached = _reached_through(type(instance))
    if not reached:
        return
    backend = get_search_backend()
    if not isinstance(backend, ElasticsearchBaseSearchBackend):
        return
    for model, lookup in reached:
        pages = list(model._base_manager.filter(**{f"{lookup}__pk": instance.pk}).distinct())
        if pages:
            backend.add_bulk(model, pages)


def connect_signals():
    from django.db.models.signals import m2m_changed, post_save

    post_save.connect(reindex_facet_pages, dispatch_uid="zoeken-facetwaarden")
    m2m_changed.connect(reindex_facet_pages, dispatch_uid="zoeken-facetwaarden-m2m")
