"""One faceted-search service for every listing: /inspiratie/, /vacatures/ and /zoeken/.

A page type declares its facets; `FacetedSearch` reads the GET parameters, runs the text
query through Wagtail's search backend, applies the filters in the database and counts
each facet with every *other* active filter applied (the usual faceted-navigation rule).
Values of one facet combine with OR, different facets with AND. Unknown values are dropped,
never an error. Counts come from the database, so every bucket is returned on every backend.

With a database backend the text match stays inside SQL (a join with the index, ranked there),
so counts and the page of results are each one query, whatever the number of matches. With
Elasticsearch/OpenSearch the ranked primary keys come back from the engine and reach the
database as one parameter. If the engine cannot be reached, `SearchUnavailable` is raised.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import NamedTuple
from urllib.parse import urlencode

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.paginator import EmptyPage, Paginator
from django.db import connections
from django.db.models import Count, Q, QuerySet
from django.db.models.constants import LOOKUP_SEP
from django.db.models.expressions import RawSQL
from django.http import Http404, QueryDict
from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_VALUES_PER_FACET = 50
MIN_SUGGESTION_LENGTH = 3


def resolve_path(model, path):
    """(final model field or None, whether the path passes a one-to-many or many-to-many relation)."""
    spans_many = False
    final = None
    for name in path.split(LOOKUP_SEP):
        try:
            final = model._meta.get_field(name)
        except FieldDoesNotExist:
            break  # a lookup such as __gte or __in: the path ends here
        spans_many = spans_many or final.many_to_many or final.one_to_many
        if not final.is_relation:
            break
        model = final.related_model
        final = model._meta.pk
    return final, spans_many


def q_paths(condition):
    for child in condition.children:
        if isinstance(child, Q):
            yield from q_paths(child)
        else:
            yield child[0]


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

    def q(self, values):
        return Q(**{f"{self.field}__in": values})

    def spans_many(self, model):
        """True when a page can have several values (several organisations): filter by semi-join."""
        return resolve_path(model, self.field)[1]

    def valid_values(self, queryset, candidates=None):
        """The values this facet can take in `queryset`; with `candidates`, only those among them."""
        if self.choices is not None:
            return set(self.choices)
        qs = queryset.order_by()
        if candidates is not None:
            target = resolve_path(queryset.model, self.field)[0]
            converted = []
            for value in candidates:
                try:
                    converted.append(target.to_python(value) if target is not None else value)
                except (ValidationError, ValueError, TypeError):
                    continue
            qs = qs.filter(**{f"{self.field}__in": converted})
        return set(qs.values_list(self.field, flat=True).distinct()) - {None}

    def options(self, queryset, selected):
        rows = (
            queryset.order_by()
            .values(self.field, self.label_field)
            .annotate(n=Count("pk", distinct=self.spans_many(queryset.model)))
        )
        counts = {}
        labels = {}
        for row in rows:
            value = row[self.field]
            if value is None:
                continue
            counts[value] = row["n"]
            labels[value] = row[self.label_field]
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

    def q(self, values):
        conditions = self.conditions()
        combined = Q(pk__in=[])
        for value in values:
            combined |= conditions[value][1]
        return combined

    def spans_many(self, model):
        return any(resolve_path(model, path)[1] for _, condition in self.conditions().values()
                   for path in q_paths(condition))

    def valid_values(self, queryset, candidates=None):
        return set(self.conditions())

    def options(self, queryset, selected):
        # Every condition counted in one pass over the rows.
        conditions = self.conditions()
        counts = queryset.order_by().aggregate(
            **{f"n{i}": Count("pk", filter=condition, distinct=True)
               for i, (_, condition) in enumerate(conditions.values())}
        )
        result = []
        for i, (value, (label, _)) in enumerate(conditions.items()):
            count = counts[f"n{i}"]
            if count or value in selected:
                result.append(Option(value, label, count, value in selected))
        return result


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


def pk_filter(queryset: QuerySet, ids: list) -> QuerySet:
    """`queryset` narrowed to `ids`, sent as one parameter whatever their number."""
    vendor = connections[queryset.db].vendor
    if ids and all(isinstance(pk, int) for pk in ids):
        if vendor == "sqlite":
            return queryset.filter(pk__in=RawSQL("SELECT value FROM json_each(%s)", [json.dumps(ids)]))
        if vendor == "postgresql":
            # A constant array: PostgreSQL knows its length and hashes it (an IN over unnest() is
            # estimated at 200 rows and probed row by row).
            qn = connections[queryset.db].ops.quote_name
            meta = queryset.model._meta
            return queryset.extra(where=[f"{qn(meta.db_table)}.{qn(meta.pk.column)} = ANY(%s::bigint[])"],
                                  params=[ids])
    return queryset.filter(pk__in=ids)


class TextMatch(NamedTuple):
    queryset: QuerySet  # the pages that match, best first when ranked in SQL
    ranked_ids: list | None  # their pks best first, when the match was run on its own
    exact: bool = True  # False when the ids come from a search engine (its index may lag behind)


def text_match(queryset: QuerySet, query: str, selective_filters: bool = False) -> TextMatch:
    """`queryset` narrowed to the pages that match every word of `query`, and their ranking.

    Database backends: the narrowed queryset joins the index and is ordered best first; the
    second value is None. Search engines, and database backends that say `materialise_matches`
    (PostgreSQL, where reading the vectors is the expensive part): the match runs once and the second
    value is the list of matching pks, best first. Unless `selective_filters`: when every query that
    follows carries a filter, the database does better matching only the filtered rows each time.
    """
    terms = search_terms(query)
    if not terms:
        return TextMatch(queryset, None)

    def search(backend):
        results = backend.search(terms, queryset, operator="and", order_by_relevance=True)
        if hasattr(results, "get_queryset"):
            if selective_filters or not getattr(backend, "materialise_matches", False):
                return TextMatch(results.get_queryset(), None)
            ids = list(results.get_queryset().values_list("pk", flat=True))
            return TextMatch(pk_filter(queryset, ids), ids)
        ids = results.ranked_pks() if hasattr(results, "ranked_pks") else [obj.pk for obj in results]
        return TextMatch(pk_filter(queryset, ids), ids, exact=False)

    return _backend_call(search)


def text_match_ids(queryset: QuerySet, query: str) -> list:
    """Primary keys of the pages in `queryset` that match every word of `query`, best first.

    Input is cleaned first (`search_terms`), so no query string can raise; an unreachable
    search engine raises `SearchUnavailable`.
    """
    matched, ranked_ids, _ = text_match(queryset, query)
    if ranked_ids is not None:
        return ranked_ids
    return list(matched.values_list("pk", flat=True))


def suggestion_ids(queryset: QuerySet, query: str, limit: int = 8) -> list:
    """Up to `limit` pks of pages in `queryset` whose title words start with what was typed.

    The last word is a prefix ("duurz" finds "Duurzame inzetbaarheid"), earlier words must be
    whole. Shorter input than MIN_SUGGESTION_LENGTH letters gives nothing.
    """
    terms = search_terms(query)
    if len(terms.replace(" ", "")) < MIN_SUGGESTION_LENGTH:
        return []

    def autocomplete(backend):
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

    def parse(self, params: QueryDict):
        query = clean_query(params.get("q", ""))
        selected = {}
        for facet in self.facets:
            # A value no facet can have (empty, overlong, with control characters) is dropped unseen.
            raw = [v for v in params.getlist(facet.name) if v and len(v) <= 200 and v.isprintable()]
            raw = raw[:MAX_VALUES_PER_FACET]
            if not raw:
                continue
            valid = {str(v): v for v in facet.valid_values(self.base, candidates=raw)}
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
            return replace(self._run(without_query, page_number, sort), unavailable=True)

    def _run(self, params: QueryDict, page_number=None, sort: str | None = None) -> SearchResult:
        query, selected = self.parse(params)
        # With two or more facets chosen, every count query (and the results) has at least one filter.
        matched, ranked_ids, exact = (
            text_match(self.base, query, selective_filters=len(selected) >= 2) if query else TextMatch(self.base, None)
        )
        model = self.base.model

        def filtered(except_facet=None):
            qs = matched
            for facet in self.facets:
                if facet.name in selected and facet is not except_facet:
                    condition = facet.q(selected[facet.name])
                    if facet.spans_many(model):
                        # A semi-join: a project with two chosen organisations stays one row.
                        condition = Q(pk__in=model._base_manager.filter(condition).values("pk"))
                    qs = qs.filter(condition)
            return qs

        facets = [
            FacetView(f.name, f.label, f.options(filtered(except_facet=f), selected.get(f.name, [])))
            for f in self.facets
        ]
        results = filtered()
        number = page_number if page_number is not None else params.get("pagina")
        if ranked_ids is not None and not sort:
            # Ranked pks from the engine (or materialised): order the pks, then load one page of objects.
            if selected or not exact:
                order = {pk: i for i, pk in enumerate(ranked_ids)}
                ids = sorted(results.values_list("pk", flat=True), key=lambda pk: order.get(pk, len(order)))
            else:
                ids = ranked_ids
            paginator = Paginator(ids, self.per_page)
            page_obj = self._page(paginator, number)
            by_id = results.in_bulk(list(page_obj.object_list))
            page_obj.object_list = [by_id[pk] for pk in page_obj.object_list if pk in by_id]
        else:
            # Ranked in the database (already ordered best first), or a chosen ordering.
            ranked = bool(search_terms(query)) and not sort
            object_list = results if ranked else results.order_by(*self.ordering)
            paginator = Paginator(object_list, self.per_page)
            page_obj = self._page(paginator, number)

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
    def _page(paginator, raw):
        try:
            number = int(str(raw or "1")[:6])
        except ValueError:
            number = 1
        if number < 1:
            number = 1
        try:
            return paginator.page(number)
        except EmptyPage:
            if number == 1:
                return paginator.page(1)
            raise Http404("Deze pagina bestaat niet") from None


@dataclass
class FacetView:
    """What a template needs of a facet: name, label and the options with counts."""

    name: str
    label: str
    options: list[Option]
