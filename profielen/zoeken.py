"""The profile search for HR: the search service's facets over the cards one employer may see."""

from datetime import timedelta

from django.db.models import Q

from search.service import Facet, FacetedSearch, QFacet
from vacatures import phases
from vacatures.choices import Vakgebied

from .models import Profiel

SCHAALBANDEN = {"1-6": (1, 6), "7-9": (7, 9), "10-11": (10, 11), "12-14": (12, 14), "15-18": (15, 18)}
URENBANDEN = {"tot-24": (0, 23), "24-31": (24, 31), "32-35": (32, 35), "36-40": (36, 99)}
OPEN_VOOR = {
    "vacature": ("Vacature", "open_vacature"), "klus": ("Klus", "open_klus"),
    "detachering": ("Detachering", "open_detachering"), "ruil": ("Ruil van baan", "open_ruil"),
}


def scale_bands():
    return {
        k: (f"Schaal {lo}–{hi}", Q(salarisschaal__gte=lo, salarisschaal__lte=hi)) for k, (lo, hi) in SCHAALBANDEN.items()
    }


def scale_band_of(schaal):
    return next((k for k, (lo, hi) in SCHAALBANDEN.items() if lo <= schaal <= hi), "")


def hour_bands():
    labels = {"tot-24": "Minder dan 24 uur", "24-31": "24 tot 32 uur", "32-35": "32 tot 36 uur", "36-40": "36 uur of meer"}
    return {k: (labels[k], Q(uren__gte=lo, uren__lte=hi)) for k, (lo, hi) in URENBANDEN.items()}


def hour_band_of(uren):
    return next((k for k, (lo, hi) in URENBANDEN.items() if lo <= uren <= hi), "")


def openness():
    return {k: (label, Q(**{field: True})) for k, (label, field) in OPEN_VOOR.items()}


def availability():
    today = phases.local_date()
    soon = today + timedelta(days=91)
    return {
        "nu": ("Nu", Q(beschikbaar_vanaf__isnull=True) | Q(beschikbaar_vanaf__lte=today)),
        "binnen-3-maanden": ("Binnen 3 maanden", Q(beschikbaar_vanaf__gt=today, beschikbaar_vanaf__lte=soon)),
        "later": ("Later", Q(beschikbaar_vanaf__gt=soon)),
    }


FACETS = [
    Facet("vakgebied", "Vakgebied", "vakgebied", choices=Vakgebied.choices),
    QFacet("schaal", "Salarisschaal", scale_bands),
    QFacet("uren", "Uren per week", hour_bands),
    Facet("regio", "Regio", "regios__slug", "regios__naam"),
    QFacet("open", "Open voor", openness),
    QFacet("beschikbaar", "Beschikbaar", availability),
    Facet("vaardigheid", "Vaardigheden", "vaardigheden__slug", "vaardigheden__naam"),
]


def profile_search(werkgever_id, params, page=None):
    """Counts per facet and one page of cards, over the cards `werkgever_id`'s HR may see only."""
    search = FacetedSearch(Profiel.objects.for_employer(werkgever_id), FACETS, ordering=("-bijgewerkt",))
    return search.run(params, page)
