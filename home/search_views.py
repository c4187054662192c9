"""/zoeken/: the site search over every searchable type, through the one faceted-search service."""

from django.http import JsonResponse
from django.shortcuts import render
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from search.service import (
    PAGE_PARAM,
    FacetedSearch,
    SearchUnavailable,
    clean_query,
    search_terms,
    suggestion_ids,
)

from .site_search import TYPES, searchable_pages, site_facets


def editors_picks(request, query):
    """Promoted results for a query, visible ones only; also counts the query for the popular-terms report
    (Wagtail's 'Zoektermen' report: the query text and a daily count, nothing about who searched).

    The report stores what was searched for: the words of the cleaned query (`search_terms`, at most
    MAX_QUERY_LENGTH characters), and nothing for a query without words."""
    terms = search_terms(query)
    if not terms:
        return []
    if not request.GET.get(PAGE_PARAM):
        Query.get(terms).add_hit()
    visible = searchable_pages(request).values("pk")
    promotions = SearchPromotion.objects.filter(
        query__query_string__in={normalise_query_string(query), terms}, page__in=visible,
    ).order_by("sort_order", "pk")
    return specific_pages(dict.fromkeys(promotion.page_id for promotion in promotions))  # a page once, in order


def specific_pages(ids):
    """The pages with these ids as their own types, in this order: one query per page type, not per page."""
    by_id = {page.pk: page for page in Page.objects.filter(pk__in=list(ids)).specific()}
    return [by_id[pk] for pk in ids if pk in by_id]


def search(request):
    faceted = FacetedSearch(searchable_pages(request), site_facets(), ordering=("-first_published_at", "pk"))
    result = faceted.run(request.GET)
    picks = [] if result.unavailable else editors_picks(request, result.query)
    pages = specific_pages(result.page_ids())
    context = {"search": result, "results": [(page, TYPES.get(type(page), "")) for page in pages], "picks": picks}
    return render(request, "search/search.html", context, status=503 if result.unavailable else 200)


def suggestions(request):
    """/zoeken/suggesties?q=duurz: JSON with at most 8 visible pages whose title words start with `q`.

    {"query": "duurz", "suggestions": [{"title": ..., "url": ..., "type": "Project"}]}. Empty or short
    input gives an empty list; an unreachable search engine gives an empty list with status 503.
    """
    query = clean_query(request.GET.get("q", ""))
    try:
        ids, status = suggestion_ids(searchable_pages(request), query, limit=8), 200
    except SearchUnavailable:
        ids, status = [], 503
    by_id = Page.objects.filter(pk__in=ids).select_related("content_type").in_bulk()
    pages = [by_id[pk] for pk in ids if pk in by_id]
    return JsonResponse(
        {
            "query": query,
            "suggestions": [
                {"title": page.title, "url": page.get_url(request),
                 "type": TYPES.get(page.content_type.model_class(), "")}
                for page in pages
            ],
        },
        status=status,
    )
