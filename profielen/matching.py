"""Matching both ways: vacancies and klussen that fit an employee's profile, and the number of cards that fit
a vacancy or klus.

For the employee: open vacancies they may see (`VacaturePage.objects.visible_to`) and open klussen they may see
(`KlusPage.objects.visible_to`), scored on field of work, scale within one step (a klus has no scale), overlap of
hours, region, and skills and text found in the vacancy or klus through the search backend (Dutch stemming
included); one ranked list. For HR: the profile search with the vacancy's field and scale band, for a klus its
field and "open voor: klus", so the count follows exactly the rules (and counts) of that search.
"""

import re

from django.http import QueryDict

from kern.audience import audience_for
from klussen.models import KlusPage
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


def _text_hits(queryset, terms):
    hits = {}
    for term in terms:
        try:
            for pk in text_match_ids(queryset, term):
                hits[pk] = hits.get(pk, 0) + 1
        except SearchUnavailable:
            break
    return hits


def _score(page, profiel, regions, text_hits, hours_min, hours_max, scale):
    """(score, reasons) by the one set of rules, for a vacancy or a klus."""
    reasons, score = [], 0
    if page.vakgebied == profiel.vakgebied:
        score += 4
        reasons.append("vakgebied")
    if scale and abs(scale - profiel.salarisschaal) <= 1:
        score += 3
        reasons.append("salarisschaal")
    if hours_min and hours_max and hours_min <= profiel.uren <= hours_max:
        score += 2
        reasons.append("uren")
    elif hours_max and hours_min - 4 <= profiel.uren <= hours_max + 4:
        score += 1
        reasons.append("uren")
    if page.werkgever.regio_id in regions:
        score += 2
        reasons.append("regio")
    if text_hits.get(page.pk):
        score += 2 * text_hits[page.pk]
        reasons.append("vaardigheden")
    return score, reasons


def matches_for(profiel, request, limit=MAX_MATCHES):
    """[(vacancy or klus, score, reasons)] best first; only those with at least one reason. A klus's hours are
    a range of one value."""
    audience = audience_for(request)
    vacancies = VacaturePage.objects.visible_to(audience).exclude(
        phases.phase_q(phases.GESLOTEN, phases.local_date())
    ).select_related("werkgever")
    klussen = KlusPage.objects.visible_to(audience).select_related("werkgever")
    regions = set(profiel.regios.values_list("pk", flat=True))
    terms = _terms(profiel)
    scored = []
    hits = _text_hits(vacancies, terms)
    for vacancy in vacancies:
        score, reasons = _score(
            vacancy, profiel, regions, hits, vacancy.uren_min, vacancy.uren_max, vacancy.salarisschaal,
        )
        if score:
            scored.append((vacancy, score, reasons))
    hits = _text_hits(klussen, terms)
    for klus in klussen:
        hours = klus.uren_per_week
        score, reasons = _score(klus, profiel, regions, hits, hours, hours, None)
        if score:
            scored.append((klus, score, reasons))
    scored.sort(key=lambda item: (-item[1], item[0].title))
    return scored[:limit]


def search_params_for(page):
    """The profile search for a vacancy (field, scale band) or a klus (field, open to a klus)."""
    params = QueryDict(mutable=True)
    params["vakgebied"] = page.vakgebied
    if isinstance(page, KlusPage):
        params["open"] = "klus"
    elif page.salarisschaal:
        params["schaal"] = scale_band_of(page.salarisschaal)
    return params


def profiles_fitting(vacancy, werkgever_id):
    """(count, query string) of the cards this employer's HR may see that fit the vacancy or klus."""
    params = search_params_for(vacancy)
    return profile_search(werkgever_id, params).total, params.urlencode()
