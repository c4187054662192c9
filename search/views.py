"""/zoeken/: the site search over every searchable type, through the one faceted-search service."""

from django.shortcuts import render
from wagtail.contrib.search_promotions.models import Query

from search.service import FacetedSearch
from search.site import TYPES, searchable_pages, site_facets


def editors_picks(request, query):
    """Promoted results for a query, visible ones only; also counts the query for the popular-terms report
    (Wagtail's 'Zoektermen' report: the query text and a daily count, nothing about who searched)."""
    if not query:
        return []
    record = Query.get(query)
    if not request.GET.get("pagina"):
        record.add_hit()
    visible = searchable_pages(request).values("pk")
    return [pick.page.specific for pick in record.editors_picks.filter(page__in=visible).select_related("page")]


def search(request):
    faceted = FacetedSearch(searchable_pages(request), site_facets(), ordering=("-first_published_at", "pk"))
    result = faceted.run(request.GET)
    picks = editors_picks(request, result.query)
    pages = [page.specific for page in result.page_obj.object_list]
    labels = {model: label for model, label in TYPES.items()}
    return render(
        request,
        "search/search.html",
        {"search": result, "results": [(page, labels.get(type(page), "")) for page in pages], "picks": picks},
    )
