"""The criteria of an alert: the facet keys of the vacancy search (`vacatures.listing.vacancy_facets`),
normalised, with employers and regions by id, so that a renamed employer, region or slug still matches.

    {"q": "beleid", "dienstverband": ["vast"], "uren": ["32-36"], "organisatie": [12], "regio": [3]}

`from_params` reads a /vacatures/ query string, `to_params` gives the search's parameters back (with
today's slugs), `describe` says it in words, `key` is the hash that makes an exact duplicate recognisable.
"""

import hashlib
import json
from urllib.parse import urlencode

from django.http import QueryDict

from search.service import clean_query
from taxonomie.models import Regio
from vacatures.choices import Dienstverband, Vakgebied
from vacatures.listing import HOUR_BANDS, SCALE_BANDS
from vacatures.models import OrganisatiePage

CHOICES = {
    "dienstverband": dict(Dienstverband.choices),
    "uren": {value: label for value, label, _, _ in HOUR_BANDS},
    "schaal": {value: label for value, label, _, _ in SCALE_BANDS},
    "vakgebied": dict(Vakgebied.choices),
}
BY_ID = {"organisatie": OrganisatiePage, "regio": Regio}  # facet -> model whose slug is the facet value
ORDER = ("organisatie", "regio", "dienstverband", "uren", "schaal", "vakgebied")  # the order in words


def _slugs(name, ids):
    return dict(BY_ID[name].objects.filter(pk__in=ids).values_list("pk", "slug"))


def from_params(params: QueryDict) -> dict:
    """The criteria of a /vacatures/ query string; unknown values are dropped (as the search does)."""
    criteria = {}
    query = clean_query(params.get("q", ""))
    if query:
        criteria["q"] = query
    for name, choices in CHOICES.items():
        values = [v for v in choices if v in params.getlist(name)]
        if values:
            criteria[name] = values
    for name, model in BY_ID.items():
        slugs = [s for s in params.getlist(name)[:50] if s]
        if slugs:
            found = model.objects.live() if model is OrganisatiePage else model.objects.all()
            ids = sorted(found.filter(slug__in=slugs).values_list("pk", flat=True))
            if ids:
                criteria[name] = ids
    return criteria


def key(criteria: dict) -> str:
    return hashlib.sha256(json.dumps(criteria, sort_keys=True, ensure_ascii=True).encode()).hexdigest()


def all_slugs() -> dict:
    """{facet: {id: slug}} of every employer and region (for a run over many alerts)."""
    return {name: dict(model.objects.values_list("pk", "slug")) for name, model in BY_ID.items()}


def to_pairs(criteria: dict, slugs: dict | None = None) -> list[tuple[str, str]]:
    """The search parameters of the criteria, with today's slugs (from `slugs`, as `all_slugs` gives, or
    looked up). An employer or region that no longer exists keeps a value that nothing has, so the alert
    never widens to everything."""
    pairs = [("q", criteria["q"])] if criteria.get("q") else []
    for name in ORDER:
        values = criteria.get(name) or []
        if name in BY_ID and values:
            slugs_of = slugs[name] if slugs is not None else _slugs(name, values)
            values = [slugs_of.get(pk, f"verdwenen-{pk}") for pk in values]
        pairs += [(name, str(v)) for v in values]
    return pairs


def querystring(criteria: dict) -> str:
    return urlencode(to_pairs(criteria))


def describe(criteria: dict) -> str:
    """‘Vast, 32 tot 36 uur, Alfa, ‘beleid’’: the criteria in words, in the order of the filters."""
    parts = []
    for name in ORDER:
        values = criteria.get(name) or []
        if name == "organisatie":
            titles = dict(OrganisatiePage.objects.filter(pk__in=values).values_list("pk", "title"))
            parts += [titles.get(pk, "(werkgever bestaat niet meer)") for pk in values]
        elif name == "regio":
            names = dict(Regio.objects.filter(pk__in=values).values_list("pk", "naam"))
            parts += [f"regio {names.get(pk, '(bestaat niet meer)')}" for pk in values]
        else:
            parts += [CHOICES[name].get(v, v) for v in values]
    if criteria.get("q"):
        parts.append(f"‘{criteria['q']}’")
    return ", ".join(parts) if parts else "alle vacatures"
