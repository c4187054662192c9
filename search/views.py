"""/zoeken/: the site search over every searchable type, through the one faceted-search service."""

from django.shortcuts import render

from search.service import FacetedSearch
from search.site import TYPES, searchable_pages, site_facets


def search(request):
    search = FacetedSearch(searchable_pages(request), site_facets(), ordering=("-first_published_at", "pk"))
    result = search.run(request.GET)
    pages = [page.specific for page in result.page_obj.object_list]
    labels = {model: label for model, label in TYPES.items()}
    return render(
        request,
        "search/search.html",
        {"search": result, "results": [(page, labels.get(type(page), "")) for page in pages]},
    )
