"""The library listing: query box and facets over the live, public projects."""

from django.utils import timezone

from search.service import Facet, FacetedSearch, QFacet

from .models import ProjectPage, Status, status_q


def project_facets():
    today = timezone.localdate()
    return [
        Facet(
            "organisatie", "Gemeente of organisatie",
            "organisaties__organisatie__slug", label_field="organisaties__organisatie__naam",
        ),
        Facet("thema", "Thema", "thema__slug", label_field="thema__naam"),
        QFacet("status", "Status", lambda: {s.value: (s.label, status_q(s, today)) for s in Status}),
        Facet(
            "ronde", "Subsidieronde", "subsidieronde",
            choices=[c for c in ProjectPage.Subsidieronde.choices if c[0]],
        ),
    ]


def project_queryset(index_page=None):
    qs = ProjectPage.objects.live().public()
    if index_page is not None:
        qs = qs.child_of(index_page)
    return qs


def library_context(index_page, request):
    # The page of results comes with its themes and organisations (one query each, not one per project).
    projects = project_queryset(index_page).select_related("thema").prefetch_related("organisaties__organisatie")
    result = FacetedSearch(projects, project_facets(), ordering=("title", "pk")).run(request.GET)
    return {
        "search": result,
        "projects": list(result.page_obj.object_list),
        "noindex": result.filter_count > 1,
    }
