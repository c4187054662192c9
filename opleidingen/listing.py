"""The catalogue's search: facets theme, format, month, place and ‘nog plaats’ over the live trainings.

Month, place and ‘nog plaats’ look at upcoming sessions only and change with every registration, so they
are conditions over the ids of the trainings that have such a session (`QFacet`): their text is part of
the facet table's signature, so a new registration gives a new table. Models import this module; what it
needs from the database it gets as querysets."""

from collections import defaultdict
from datetime import date

from django.db.models import Count, Q
from django.utils import formats, timezone

from search.service import Facet, FacetedSearch, QFacet

from .choices import Status, Vorm

ORDERING = ("title",)
NOG_PLAATS = "nog-plaats"


def _upcoming(sessions, now):
    return sessions.filter(start__gt=now).annotate(
        bezet=Count("inschrijvingen", filter=Q(inschrijvingen__status=Status.INGESCHREVEN)),
    )


def training_facets(sessions, now=None):
    now = now or timezone.now()
    upcoming = list(
        _upcoming(sessions, now).values("opleiding_id", "start", "online", "plaats", "bezet", "capaciteit",
                                        "inschrijven_tot")
    )
    months, places, free = defaultdict(set), defaultdict(set), set()
    for row in upcoming:
        local = timezone.localtime(row["start"])
        months[(local.year, local.month)].add(row["opleiding_id"])
        places["online" if row["online"] else row["plaats"]].add(row["opleiding_id"])
        if row["bezet"] < row["capaciteit"] and row["inschrijven_tot"] >= now:
            free.add(row["opleiding_id"])

    def ids(pks):
        return Q(pk__in=sorted(pks))

    month_conditions = {
        f"{year}-{month:02d}": (formats.date_format(date(year, month, 1), "F Y"), ids(pks))
        for (year, month), pks in sorted(months.items())
    }
    place_conditions = {
        value: ("Online" if value == "online" else value, ids(pks))
        for value, pks in sorted(places.items(), key=lambda item: (item[0] == "online", item[0].lower()))
    }
    return [
        QFacet("beschikbaar", "Beschikbaarheid", lambda: {NOG_PLAATS: ("Nog plaats", ids(free))}),
        Facet("thema", "Thema", "thema__slug", label_field="thema__naam"),
        Facet("vorm", "Vorm", "vorm", choices=Vorm.choices),
        QFacet("maand", "Maand", lambda: month_conditions),
        QFacet("plaats", "Plaats", lambda: place_conditions),
    ]


def next_sessions(sessions, training_ids, now=None):
    """{training id: its next session (with `bezet`)}."""
    now = now or timezone.now()
    result = {}
    for sessie in _upcoming(sessions, now).filter(opleiding_id__in=training_ids).order_by("start", "pk"):
        result.setdefault(sessie.opleiding_id, sessie)
    return result


def training_listing_context(request, trainings, sessions):
    """The context of /opleidingen/: `trainings` the live trainings, `sessions` all sessions."""
    now = timezone.now()
    result = FacetedSearch(trainings, training_facets(sessions, now), ordering=ORDERING, per_page=20).run(request.GET)
    pages = list(result.page_obj.object_list)
    upcoming = next_sessions(sessions, [p.pk for p in pages], now)
    return {
        "search": result,
        "opleidingen": [(page, upcoming.get(page.pk)) for page in pages],
        "noindex": result.filter_count > 1,
    }
