"""The library listing: query box, sorting and facets over the live, public projects."""

from django.db.models import F, Q
from django.utils import timezone

from search.service import Facet, FacetedSearch, QFacet

from .choices import Subsidieronde
from .status import Status, status_q

SORTS = {
    "titel": ("Titel (A–Z)", ("title",)),
    "nieuwste": ("Nieuwste eerst", (F("first_published_at").desc(nulls_last=True), "title")),
    "startdatum": ("Startdatum (nieuwste eerst)", (F("looptijd_start").desc(nulls_last=True), "title")),
}
DEFAULT_SORT = "titel"


class OrganisationFacet(Facet):
    """Organisations, where a collaboration's project also counts for each of its members: a project of
    HLTsamen is found under Hillegom, Lisse and Teylingen too."""

    def __init__(self, name, label):
        super().__init__(
            name, label, "organisaties__organisatie__slug", label_field="organisaties__organisatie__naam",
        )
        self.member_field = "organisaties__organisatie__leden__slug"
        self.member_label_field = "organisaties__organisatie__leden__naam"

    def signature(self):
        return (*super().signature(), self.member_field)

    def table_rows(self, manager):
        yield from super().table_rows(manager)
        yield from manager.values_list("pk", self.member_field, self.member_label_field)


def project_facets():
    today = timezone.localdate()
    return [
        OrganisationFacet("organisatie", "Gemeente of organisatie"),
        Facet("thema", "Thema", "thema__slug", label_field="thema__naam"),
        QFacet("status", "Status", lambda: {s.value: (s.label, status_q(s, today)) for s in Status}),
        QFacet("evaluatie", "Evaluatie", lambda: {"ja": ("Met evaluatiemateriaal", Q(heeft_evaluatie=True))}),
        Facet(
            "ronde", "Subsidieronde", "subsidieronde",
            choices=[c for c in Subsidieronde.choices if c[0]],
        ),
    ]


def library_context(request, projects):
    """The context of the library for `request`, searching `projects` (models.project_queryset)."""
    sort = request.GET.get("sorteer")
    sort = sort if sort in SORTS else None
    # The page of results comes with its themes and organisations (one query each, not one per project).
    projects = projects.select_related("thema").prefetch_related(
        "organisaties__organisatie__leden"
    )
    search = FacetedSearch(projects, project_facets(), ordering=SORTS[sort or DEFAULT_SORT][1])
    result = search.run(request.GET, sort=sort)
    return {
        "search": result,
        "projects": list(result.page_obj.object_list),
        "sorts": [(key, label) for key, (label, _) in SORTS.items()],
        "sort": sort or "",
        "noindex": result.filter_count > 1,
    }
