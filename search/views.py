"""/zoeken/: the site search over every searchable type, through the one faceted-search service."""

from django.shortcuts import render

from projecten.views import project_facets
from search.service import FacetedSearch
from search.site import TYPES, searchable_pages, type_facet


def search(request):
    # The library's facets apply to projects; on the site search only theme is useful across types.
    facets = [type_facet()] + [f for f in project_facets() if f.name == "thema"]
    result = FacetedSearch(searchable_pages(request), facets, ordering=("-first_published_at", "pk")).run(request.GET)
    pages = [page.specific for page in result.page_obj.object_list]
    labels = {model: label for model, label in TYPES.items()}
    return render(
        request,
        "search/search.html",
        {"search": result, "results": [(page, labels.get(type(page), "")) for page in pages]},
    )
