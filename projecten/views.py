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
    search = FacetedSearch(project_queryset(index_page), project_facets(), ordering=("title", "pk"))
    result = search.run(request.GET)
    projects = list(result.page_obj.object_list)
    ids = [p.pk for p in projects]
    # One query for the organisations and themes of the projects on this page.
    by_id = {
        p.pk: p
        for p in ProjectPage.objects.filter(pk__in=ids).select_related("thema")
        .prefetch_related("organisaties__organisatie")
    }
    return {
        "search": result,
        "projects": [by_id[pk] for pk in ids],
        "noindex": result.filter_count > 1,
    }
