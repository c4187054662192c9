"""/zoeken/: the site search, through the same faceted-search service as the listings."""

from django.shortcuts import render

from projecten.views import project_facets, project_queryset
from search.service import FacetedSearch


def search(request):
    result = FacetedSearch(project_queryset(), project_facets()).run(request.GET)
    return render(
        request,
        "search/search.html",
        {"search": result, "noindex": True},
    )
