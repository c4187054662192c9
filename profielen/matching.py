"""Matching both ways: vacancies that fit an employee's profile, and the number of cards that fit a vacancy.

For the employee: open vacancies they may see (`VacaturePage.objects.visible_to`), scored on field of work,
scale within one step, overlap of hours, region, and skills and text found in the vacancy through the search
backend (Dutch stemming included). For HR: the profile search with the vacancy's field and scale band, so the
count follows exactly the rules (and counts) of that search.
"""

import re

from django.http import QueryDict

from kern.audience import audience_for
from search.service import SearchUnavailable, text_match_ids
from vacatures import phases
from vacatures.models import VacaturePage

from .zoeken import profile_search, scale_band_of

MAX_MATCHES = 10
MAX_TERMS = 12


def _terms(profiel):
    terms = list(profiel.vaardigheden.values_list("naam", flat=True))
    terms += [w for w in re.findall(r"\w+", profiel.functie) if len(w) > 3]
    return list(dict.fromkeys(terms))[:MAX_TERMS]


def matches_for(profiel, request, limit=MAX_MATCHES):
    """[(vacancy, score, reasons)] best first; only vacancies with at least one reason."""
    audience = audience_for(request)
    vacancies = VacaturePage.objects.visible_to(audience).exclude(
        phases.phase_q(phases.GESLOTEN, phases.local_date())
    ).select_related("werkgever")
    regions = set(profiel.regios.values_list("pk", flat=True))
    text_hits = {}
    for term in _terms(profiel):
        try:
            for pk in text_match_ids(vacancies, term):
                text_hits[pk] = text_hits.get(pk, 0) + 1
        except SearchUnavailable:
            break
    scored = []
    for vacancy in vacancies:
        reasons, score = [], 0
        if vacancy.vakgebied == profiel.vakgebied:
            score += 4
            reasons.append("vakgebied")
        if vacancy.salarisschaal and abs(vacancy.salarisschaal - profiel.salarisschaal) <= 1:
            score += 3
            reasons.append("salarisschaal")
        if vacancy.uren_min and vacancy.uren_max and vacancy.uren_min <= profiel.uren <= vacancy.uren_max:
            score += 2
            reasons.append("uren")
        elif vacancy.uren_max and vacancy.uren_min - 4 <= profiel.uren <= vacancy.uren_max + 4:
            score += 1
            reasons.append("uren")
        if vacancy.werkgever.regio_id in regions:
            score += 2
            reasons.append("regio")
        if text_hits.get(vacancy.pk):
            score += 2 * text_hits[vacancy.pk]
            reasons.append("vaardigheden")
        if score:
            scored.append((vacancy, score, reasons))
    scored.sort(key=lambda item: (-item[1], item[0].title))
    return scored[:limit]


def search_params_for(vacancy):
    params = QueryDict(mutable=True)
    params["vakgebied"] = vacancy.vakgebied
    if vacancy.salarisschaal:
        params["schaal"] = scale_band_of(vacancy.salarisschaal)
    return params


def profiles_fitting(vacancy, werkgever_id):
    """(count, query string) of the cards this employer's HR may see that fit the vacancy."""
    params = search_params_for(vacancy)
    return profile_search(werkgever_id, params).total, params.urlencode()
