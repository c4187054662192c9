"""Vacancy listings: the facets and search of /vacatures/, the employers by region, the library link.

Every function works on a queryset it is given, which starts from
`VacaturePage.objects.visible_to(audience)` (the one visibility rule, `phases.visible_q`).
Imports run one way: choices and phases <- listing <- feeds and jsonld <- models."""

from itertools import groupby

from django.db.models import Count, Q
from django.http import QueryDict

from kern.audience import PUBLIC, audience_for
from projecten.listing import project_facets
from projecten.models import InspiratieIndexPage, project_queryset
from search.service import Facet, FacetedSearch, QFacet

from . import cache, phases
from .choices import Dienstverband, Vakgebied

HOUR_BANDS = [  # (value, label, lower bound inclusive, upper bound exclusive)
    ("tot-16", "Tot 16 uur", 0, 16),
    ("16-24", "16 tot 24 uur", 16, 24),
    ("24-32", "24 tot 32 uur", 24, 32),
    ("32-36", "32 tot 36 uur", 32, 36),
    ("36-plus", "36 uur of meer", 36, None),
]
SCALE_BANDS = [
    ("tot-6", "Schaal 1 t/m 6", 1, 6),
    ("7-8", "Schaal 7 en 8", 7, 8),
    ("9-10", "Schaal 9 en 10", 9, 10),
    ("11-12", "Schaal 11 en 12", 11, 12),
    ("13-plus", "Schaal 13 en hoger", 13, 18),
]
SORTS = {
    "nieuwste": ("Nieuwste eerst", ("-start_openbaar", "-publicatiedatum", "title")),
    "sluitingsdatum": ("Sluitingsdatum", ("sluitingsdatum", "title")),
}


def hours_q(lower, upper):
    """Vacancies whose hours range [min, max] reaches into the band [lower, upper)."""
    condition = Q(uren_max__gte=lower)
    if upper is not None:
        condition &= Q(uren_min__lt=upper)
    return condition


NOT_PUBLIC = "niet-openbaar"  # the one value of the facet "zichtbaarheid"


def vacancy_facets(audience=PUBLIC):
    """The listing's facets. Signed-in employees also get 'Alleen nog niet openbaar'; anonymous
    visitors do not, so the parameter means nothing to them (their vacancies are all public)."""
    facets = [
        Facet("organisatie", "Werkgever", "werkgever__slug", label_field="werkgever__title"),
        Facet("regio", "Regio", "werkgever__regio__slug", label_field="werkgever__regio__naam"),
        Facet("dienstverband", "Soort dienstverband", "dienstverband", choices=Dienstverband.choices),
        QFacet("uren", "Uren per week", lambda: {v: (label, hours_q(lo, hi)) for v, label, lo, hi in HOUR_BANDS}),
        QFacet(
            "schaal", "Salarisschaal",
            lambda: {v: (label, Q(salarisschaal__gte=lo, salarisschaal__lte=hi)) for v, label, lo, hi in SCALE_BANDS},
        ),
        Facet("vakgebied", "Vakgebied", "vakgebied", choices=Vakgebied.choices),
    ]
    if audience.werkgever_id is not None:
        facets.insert(0, QFacet(
            "zichtbaarheid", "Zichtbaarheid",
            lambda: {NOT_PUBLIC: ("Alleen nog niet openbaar", phases.not_public_q(phases.local_date()))},
        ))
    return facets


def vacancy_search(request, queryset, audience):
    """The listing's search for `audience` over `queryset` (what they may see)."""
    sort = request.GET.get("sorteer")
    sort = sort if sort in SORTS else None
    search = FacetedSearch(
        queryset,
        vacancy_facets(audience),
        ordering=SORTS[sort or "nieuwste"][1],
        per_page=20,
    )
    return search.run(request.GET, sort=sort), sort


def vacancy_listing_context(request, visible):
    """The context of /vacatures/ for who is asking; `visible` is what they may see."""
    audience = audience_for(request)

    def compute():
        result, sort = vacancy_search(request, visible, audience)
        return result.page_ids(), result.frozen(), sort

    ids, result, sort = cache.cached(request, audience, compute)
    by_id = visible.model.objects.filter(pk__in=ids).select_related("werkgever").in_bulk()
    not_public = 0
    if audience.werkgever_id is not None:
        not_public = visible.filter(phases.not_public_q(phases.local_date())).count()
    return {
        "niet_openbaar_aantal": not_public,
        "search": result,
        "vacatures": [by_id[pk] for pk in ids],
        "sorts": [(key, label) for key, (label, _) in SORTS.items()],
        "sort": sort or "",
        "noindex": result.filter_count > 1,
    }


def employers_by_region(employers, visible):
    """[(regio, [(employer, open vacancy count), ...]), ...] of the live `employers`, with counts of
    the `visible` vacancies only."""
    counts = dict(
        visible.order_by().values("werkgever_id").annotate(n=Count("pk"))
        .values_list("werkgever_id", "n")
    )
    employers = employers.live().public().select_related("regio", "organisatie").order_by("regio__naam", "title")
    return [
        (regio, [(e, counts.get(e.pk, 0)) for e in group])
        for regio, group in groupby(employers, key=lambda e: e.regio)
    ]


def employer_library_link(employer):
    """(url, count) of the employer's projects in the inspiration library, or None without any.

    Counted by the library's own search with its organisation filter, so the number is the one the
    link shows."""
    library = InspiratieIndexPage.objects.live().public().first()
    if library is None:
        return None
    slug = employer.organisatie.slug
    params = QueryDict(mutable=True)
    params["organisatie"] = slug
    result = FacetedSearch(project_queryset(library), project_facets()).run(params)
    if slug not in result.selected.get("organisatie", []) or not result.total:
        return None  # an unknown value is dropped by the search: it would count the whole library
    return f"{library.url}?{result.querystring_without_page}", result.total
