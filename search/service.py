"""One faceted-search service for every listing: /inspiratie/, /vacatures/ and /zoeken/.

A page type declares its facets; `FacetedSearch` reads the GET parameters, runs the text
query through Wagtail's search backend, applies the filters in the database and counts
each facet with every *other* active filter applied (the usual faceted-navigation rule).
Values of one facet combine with OR, different facets with AND. Unknown values are dropped,
never an error. Counts come from the database, so every bucket is returned on every backend.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, Paginator
from django.db.models import Count, Q, QuerySet
from django.http import Http404, QueryDict

MAX_QUERY_LENGTH = 200
MAX_VALUES_PER_FACET = 50


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

    def valid_values(self, queryset):
        if self.choices is not None:
            return set(self.choices)
        return set(queryset.order_by().values_list(self.field, flat=True).distinct()) - {None}

    def options(self, queryset, selected):
        rows = (
            queryset.order_by()
            .values(self.field, self.label_field)
            .annotate(n=Count("pk", distinct=True))
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

    def valid_values(self, queryset):
        return set(self.conditions())

    def options(self, queryset, selected):
        result = []
        for value, (label, condition) in self.conditions().items():
            count = queryset.filter(condition).order_by().values("pk").distinct().count()
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
    """Trim, collapse white space and cap the length of a free-text query."""
    return " ".join((raw or "").split())[:MAX_QUERY_LENGTH]


def search_terms(query: str) -> str:
    """Words only, lower case: no quotes, brackets or operators (AND/OR/NOT, *, :) reach a backend."""
    return " ".join(re.findall(r"\w+", query.lower()))


def text_match_ids(queryset: QuerySet, query: str) -> list:
    """Primary keys of the pages in `queryset` that match every word of `query`, best first."""
    terms = search_terms(query)
    if not terms:
        return list(queryset.values_list("pk", flat=True))
    results = queryset.search(terms, operator="and", order_by_relevance=True)
    return [obj.pk for obj in results]


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
            raw = [v for v in params.getlist(facet.name) if v][:MAX_VALUES_PER_FACET]
            if not raw:
                continue
            valid = {str(v): v for v in facet.valid_values(self.base)}
            values = list(dict.fromkeys(valid[v] for v in raw if v in valid))
            if values:
                selected[facet.name] = values
        return query, selected

    def run(self, params: QueryDict, page_number=None, sort: str | None = None) -> SearchResult:
        """`sort` names an explicit ordering chosen by the visitor: it wins over relevance."""
        query, selected = self.parse(params)
        matched = self.base
        ranked_ids = None
        if query:
            ranked_ids = text_match_ids(self.base, query)
            matched = self.base.filter(pk__in=ranked_ids)

        def filtered(except_facet=None):
            qs = matched
            for facet in self.facets:
                if facet.name in selected and facet is not except_facet:
                    qs = qs.filter(facet.q(selected[facet.name]))
            return qs

        facets = [
            FacetView(f.name, f.label, f.options(filtered(except_facet=f), selected.get(f.name, [])))
            for f in self.facets
        ]
        # Filters over a relation (several organisations per project) may repeat a row.
        results = filtered().distinct() if selected else filtered()
        if ranked_ids is not None and not sort:
            order = {pk: i for i, pk in enumerate(ranked_ids)}
            object_list = sorted(results, key=lambda obj: order.get(obj.pk, len(order)))
        else:
            object_list = results.order_by(*self.ordering)

        paginator = Paginator(object_list, self.per_page)
        page_obj = self._page(paginator, page_number if page_number is not None else params.get("pagina"))

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
