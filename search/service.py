"""One faceted-search service for every listing: /inspiratie/, /vacatures/ and /zoeken/.

A page type declares its facets; `FacetedSearch` reads the GET parameters, matches the text query
through the search backend, applies the filters and counts each facet with every *other* active filter
applied (the usual faceted-navigation rule). Values of one facet combine with OR, different facets with
AND. Unknown values are dropped, never an error. Every bucket is counted, on every backend.

Filtering and counting work on the page type's facet columns in memory (`search.facet_table`), so a
word in 60,000 pages costs one match, not one pass per facet. The match comes from our database
backends' `match` (every matching pk; scores only for at most `rank_window` matches), or from a search
engine or Wagtail's stock backend as a ranked list. If the engine cannot be reached, `SearchUnavailable`
is raised and the listing is shown without the text query.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import NamedTuple
from urllib.parse import urlencode

import numpy as np
from django.core.paginator import EmptyPage, Paginator
from django.db.models import QuerySet
from django.http import Http404, QueryDict
from wagtail.search.backends import get_search_backend

from search.backends.base import FastMatch
from search.engine_facets import EngineUnsupported, engine_listing
from search.facet_table import FacetTable, RankedPositions, facet_table
from search.version import content_version

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_VALUES_PER_FACET = 50
MIN_SUGGESTION_LENGTH = 3
# The one name of the page number in a listing's URL (templates/components/pagination.html says it too).
PAGE_PARAM = "pagina"
# Within equal relevance (and for suggestions): the newest page first.
NEWEST_FIRST = ("-first_published_at",)


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class ActiveFilter:
    label: str
    remove_url: str


class Facet:
    """A facet over a database column, following relations (`organisaties__organisatie__slug`).

    `label_field` names the column shown to people; `choices` fixes the values and their
    labels (and order) for choice fields.
    """

    def __init__(self, name, label, field, label_field=None, choices=None, empty_label=None):
        self.name = name
        self.label = label
        self.field = field
        self.label_field = label_field or field
        self.choices = dict(choices) if choices is not None else None
        self.empty_label = empty_label

    def signature(self):
        return ("field", self.name, self.field, self.label_field)

    def table_rows(self, manager):
        """(pk, value, label) of every page, for `search.facet_table`."""
        return manager.values_list("pk", self.field, self.label_field)  # pairs are made distinct in memory

    def valid_values(self, table: FacetTable, base_mask) -> set:
        """The values this facet can take among the pages a visitor may see."""
        if self.choices is not None:
            return set(self.choices)
        return set(table.counts(self.name, base_mask))

    def options(self, table: FacetTable, mask, selected) -> list[Option]:
        counts = table.counts(self.name, mask)
        labels = table.labels(self.name)
        if self.choices is not None:
            ordered = [v for v in self.choices if v in counts or v in selected]
            labels = {v: self.choices[v] for v in ordered}
        else:
            ordered = sorted(set(counts) | set(selected), key=lambda v: str(labels.get(v, v)).lower())
        return [
            Option(str(v), str(labels.get(v) or self.empty_label or v), counts.get(v, 0), v in selected)
            for v in ordered
            if v != "" or self.empty_label
        ]


class QFacet(Facet):
    """A facet whose values are named conditions (status, hour bands): value -> (label, Q)."""

    def __init__(self, name, label, conditions: Callable[[], dict]):
        self.name = name
        self.label = label
        self.conditions = conditions

    def signature(self):
        # The conditions' text holds their dates (status changes at midnight): a new day is a new table.
        return ("conditions", self.name, tuple((v, label, str(q)) for v, (label, q) in self.conditions().items()))

    def table_rows(self, manager):
        for value, (label, condition) in self.conditions().items():
            for pk in manager.filter(condition).values_list("pk", flat=True):
                yield pk, value, label

    def valid_values(self, table, base_mask):
        return set(self.conditions())

    def options(self, table, mask, selected):
        counts = table.counts(self.name, mask)
        return [
            Option(value, label, counts.get(value, 0), value in selected)
            for value, (label, _) in self.conditions().items()
            if counts.get(value) or value in selected
        ]


@dataclass
class SearchResult:
    query: str
    page_obj: object
    paginator: Paginator
    facets: list
    active_filters: list[ActiveFilter]
    total: int
    querystring_without_page: str
    selected: dict = field(default_factory=dict)
    unavailable: bool = False  # the search engine was down: listed from the database without the query

    @property
    def filter_count(self):
        return sum(len(v) for v in self.selected.values())

    def page_ids(self):
        return [obj.pk for obj in self.page_obj.object_list]

    def frozen(self):
        """A copy without querysets, for a cache: pagination over a range of the same length."""
        paginator = Paginator(range(self.total), self.paginator.per_page)
        return replace(self, paginator=paginator, page_obj=paginator.page(self.page_obj.number))


def clean_query(raw: str) -> str:
    """Trim, drop control characters (NUL cannot be stored in PostgreSQL), collapse white space, cap the length."""
    printable = "".join(ch if ch.isprintable() else " " for ch in (raw or ""))
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def search_terms(query: str) -> str:
    """Words only, lower case: no quotes, brackets or operators (AND/OR/NOT, *, :) reach a backend."""
    return " ".join(re.findall(r"\w+", query.lower()))


class SearchUnavailable(Exception):
    """The search engine (Elasticsearch/OpenSearch) could not be reached or did not answer."""


def _backend_call(call):
    backend = get_search_backend()
    try:
        return call(backend)
    except getattr(backend, "unavailable_errors", ()) as exc:
        raise SearchUnavailable(f"{type(backend).__name__}: {exc}") from exc


_matches: OrderedDict = OrderedDict()
_matches_lock = threading.Lock()
MAX_MATCHES = 32  # remembered matches per process (a common word: 60,000 pks, 0.5 MB)


def backend_match(backend: FastMatch, model, terms, column="text", with_scores=False):
    """`backend.match`, remembered for the current content version: a popular word is looked up once
    per change to the site, not once per visitor."""
    key = (type(backend), model._meta.label, terms, column, with_scores, content_version())
    with _matches_lock:
        found = _matches.get(key)
        if found is not None:
            _matches.move_to_end(key)
            return found
    found = backend.match(model, terms, column, with_scores)
    for array in found:
        if array is not None:
            array.setflags(write=False)  # shared between requests
    with _matches_lock:
        _matches[key] = found
        while len(_matches) > MAX_MATCHES:
            _matches.popitem(last=False)
    return found


def forget_matches():
    with _matches_lock:
        _matches.clear()


def rank_key(table: FacetTable, pks, scores, tiebreak) -> np.ndarray:
    """A sort key over the table (lower first): higher `scores` first, equal scores in `tiebreak`
    order; pages without a score last. Without `scores`, `pks` is taken as best first."""
    size = len(table)
    order = table.order(tiebreak)
    positions, found = table.index(pks)
    if scores is None:
        ranks = np.arange(len(positions))
    else:
        ranks = np.unique(-np.asarray(scores), return_inverse=True)[1].reshape(-1)
    key = np.full(size, size, dtype=np.int64)
    key[positions[found]] = ranks[found]
    return key * size + order


def relevance_key(backend: FastMatch, table: FacetTable, terms, column, match_count, tiebreak) -> np.ndarray:
    """The ranking of a match by one of our database backends, as a sort key over the table.

    Up to `rank_window` matches: the backend's score (bm25, ts_rank). More: scoring them all would cost
    more than the rest of the request, so a text match puts title matches before body matches, each in
    `tiebreak` order, and a title prefix (suggestions, at most `suggestion_rank_window` scored) keeps
    `tiebreak` order."""
    window = backend.rank_window if column == "text" else min(backend.rank_window, backend.suggestion_rank_window)
    if match_count <= window:
        return rank_key(table, *backend_match(backend, table.model, terms, column, with_scores=True), tiebreak)
    order = table.order(tiebreak)
    if column != "text":
        return order
    in_title = table.positions(backend_match(backend, table.model, terms, "title")[0])
    return np.where(in_title, 0, len(table)) + order


class TextMatch(NamedTuple):
    mask: np.ndarray  # the pages of the table that match every word
    ranking: Callable[[], np.ndarray]  # -> a sort key over the table, best match lowest


def text_match(table: FacetTable, queryset, query: str, tiebreak) -> TextMatch | None:
    """The pages of `queryset` that match every word of `query` (None for a query without words).

    Our database backends: every match in one query, ranked by `relevance_key`. Search engines and
    Wagtail's stock backend: their ranked list of every match.
    """
    terms = search_terms(query)
    if not terms:
        return None

    def search(backend):
        if isinstance(backend, FastMatch):
            pks, _ = backend_match(backend, table.model, terms)
            return TextMatch(
                table.positions(pks), lambda: relevance_key(backend, table, terms, "text", len(pks), tiebreak)
            )
        results = backend.search(terms, queryset, operator="and", order_by_relevance=True)
        if hasattr(results, "get_queryset"):
            ranked = list(results.get_queryset().values_list("pk", flat=True))
        else:
            ranked = results.ranked_pks() if hasattr(results, "ranked_pks") else [obj.pk for obj in results]
        return TextMatch(table.positions(ranked), lambda: rank_key(table, ranked, None, tiebreak))

    return _backend_call(search)


def text_match_ids(queryset, query: str) -> list:
    """Primary keys of the pages in `queryset` that match every word of `query`, best first.

    Input is cleaned first (`search_terms`), so no query string can raise; an unreachable
    search engine raises `SearchUnavailable`.
    """
    table = facet_table(queryset.model)
    matched = text_match(table, queryset, query, NEWEST_FIRST)
    if matched is None:
        return []
    return RankedPositions(table, matched.mask & table.mask(queryset), matched.ranking())[:]


def suggestion_ids(queryset, query: str, limit: int = 8) -> list:
    """Up to `limit` pks of pages in `queryset` whose title words start with what was typed.

    The last word is a prefix ("duurz" finds "Duurzame inzetbaarheid"), earlier words must be
    whole. Shorter input than MIN_SUGGESTION_LENGTH letters gives nothing. The best matches come first
    (bm25, ts_rank), or, with more than `rank_window` matches, the newest pages.
    """
    terms = search_terms(query)
    if len(terms.replace(" ", "")) < MIN_SUGGESTION_LENGTH:
        return []

    def autocomplete(backend):
        if isinstance(backend, FastMatch):
            table = facet_table(queryset.model)
            pks, _ = backend_match(backend, table.model, terms, "autocomplete")
            key = relevance_key(backend, table, terms, "autocomplete", len(pks), NEWEST_FIRST)
            return RankedPositions(table, table.positions(pks) & table.mask(queryset), key)[:limit]
        results = backend.autocomplete(terms, queryset, operator="and", order_by_relevance=True)
        if hasattr(results, "get_queryset"):
            return list(results.get_queryset()[:limit].values_list("pk", flat=True))
        return [obj.pk for obj in results[:limit]]

    return _backend_call(autocomplete)


class FacetedSearch:
    def __init__(self, base_queryset: QuerySet, facets: list[Facet], ordering=("-first_published_at",), per_page=20):
        self.base = base_queryset
        self.facets = facets
        self.ordering = ordering
        self.per_page = per_page

    def parse(self, params: QueryDict, table: FacetTable, base_mask):
        query = clean_query(params.get("q", ""))
        selected = {}
        for facet in self.facets:
            # A value no facet can have (empty, overlong, with control characters) is dropped unseen.
            raw = [v for v in params.getlist(facet.name) if v and len(v) <= 200 and v.isprintable()]
            raw = raw[:MAX_VALUES_PER_FACET]
            if not raw:
                continue
            valid = {str(v): v for v in facet.valid_values(table, base_mask)}
            values = list(dict.fromkeys(valid[v] for v in raw if v in valid))
            if values:
                selected[facet.name] = values
        return query, selected

    def run(self, params: QueryDict, page_number=None, sort: str | None = None) -> SearchResult:
        """`sort` names an explicit ordering chosen by the visitor: it wins over relevance.

        When the search engine cannot be reached, the listing still comes from the database,
        without the text query, and the result says `unavailable`.
        """
        try:
            return self._run(params, page_number, sort)
        except SearchUnavailable:
            logger.exception("Zoekmachine onbereikbaar; lijst zonder zoekterm uit de database")
            without_query = params.copy()
            without_query.pop("q", None)
            # Without words to match nothing is missing: the columns answer the whole listing.
            had_words = bool(search_terms(clean_query(params.get("q", ""))))
            return replace(self._run(without_query, page_number, sort, engine=False), unavailable=had_words)

    def _run(self, params: QueryDict, page_number=None, sort: str | None = None, engine=True) -> SearchResult:
        raw_page = page_number if page_number is not None else params.get(PAGE_PARAM)
        listing = engine_listing(self.base, self.facets, self.ordering) if engine else None
        if listing is not None:  # Elasticsearch/OpenSearch: one request for the page and every count
            query, selected = self.parse(params, listing.validity(params), None)
            offset = (self._number(raw_page) - 1) * self.per_page
            try:
                listing.check_window(offset, self.per_page)
                answer = _backend_call(
                    lambda backend: listing.ask(search_terms(query), selected, sort, offset, self.per_page)
                )
            except EngineUnsupported:
                listing = None
            else:
                facets = [FacetView(f.name, f.label, f.options(answer, None, selected.get(f.name, [])))
                          for f in self.facets]
                paginator = Paginator(answer, self.per_page)
        if listing is None:
            query, selected, facets, paginator = self._columns(params, sort)
        page_obj = self._page(paginator, raw_page)
        # The objects come from the visitor's own queryset: what it does not hold is never shown.
        by_id = self.base.in_bulk(page_obj.object_list)
        page_obj.object_list = [by_id[pk] for pk in page_obj.object_list if pk in by_id]
        return self._result(query, selected, sort, facets, paginator, page_obj)

    def _columns(self, params, sort):
        """The database path: the match, filters and counts on the in-memory facet columns."""
        table = facet_table(self.base.model, self.facets)
        base = table.mask(self.base)
        query, selected = self.parse(params, table, base)
        matched = text_match(table, self.base, query, self.ordering) if query else None
        candidates = base & matched.mask if matched else base
        chosen = {name: table.selection(name, values) for name, values in selected.items()}

        def filtered(except_facet=None):
            mask = candidates
            for name, selection in chosen.items():
                if name != except_facet:
                    mask = mask & selection
            return mask

        facets = [
            FacetView(f.name, f.label, f.options(table, filtered(except_facet=f.name), selected.get(f.name, [])))
            for f in self.facets
        ]
        key = matched.ranking() if matched and not sort else table.order(self.ordering)
        return query, selected, facets, Paginator(RankedPositions(table, filtered(), key), self.per_page)

    def _result(self, query, selected, sort, facets, paginator, page_obj) -> SearchResult:
        base_params = {"q": query} if query else {}
        if sort:
            base_params["sorteer"] = sort
        multi = [(k, str(v)) for k, vs in selected.items() for v in vs]
        querystring = urlencode(list(base_params.items()) + multi)
        active = []
        for facet in facets:
            for option in facet.options:
                if option.selected:
                    rest = [(k, v) for k, v in multi if not (k == facet.name and v == option.value)]
                    active.append(
                        ActiveFilter(f"{facet.label}: {option.label}", "?" + urlencode(list(base_params.items()) + rest))
                    )
        return SearchResult(
            query=query, page_obj=page_obj, paginator=paginator,
            facets=facets, active_filters=active, total=paginator.count,
            querystring_without_page=querystring, selected=selected,
        )

    @staticmethod
    def _number(raw) -> int:
        try:
            number = int(str(raw or "1")[:6])
        except ValueError:
            number = 1
        return max(number, 1)

    @classmethod
    def _page(cls, paginator, raw):
        number = cls._number(raw)
        try:
            return paginator.page(number)
        except EmptyPage:
            if number == 1:
                return paginator.page(1)
            raise Http404("Deze pagina bestaat niet") from None


SHORT_FACET = 8  # a longer facet shows its 8 largest values (and any chosen one); the rest behind "Toon alle"


@dataclass
class FacetView:
    """What a template needs of a facet: name, label and the options with counts.

    `top` and `rest` split a long facet: the SHORT_FACET values with the most results (ties in the
    facet's own order) plus every selected value, in the facet's own order; then all the others.
    """

    name: str
    label: str
    options: list[Option]

    @property
    def selected_count(self):
        return sum(1 for option in self.options if option.selected)

    def _top_values(self):
        if len(self.options) <= SHORT_FACET:
            return {option.value for option in self.options}
        largest = sorted(self.options, key=lambda option: -option.count)[:SHORT_FACET]  # stable: ties keep order
        return {option.value for option in largest} | {option.value for option in self.options if option.selected}

    @property
    def top(self):
        shown = self._top_values()
        return [option for option in self.options if option.value in shown]

    @property
    def rest(self):
        shown = self._top_values()
        return [option for option in self.options if option.value not in shown]
