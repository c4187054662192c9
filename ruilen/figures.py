"""Figures of Jouw Baan Mijn Baan for the management report, per employer and per year.

- *Aangeboden*: offers made (`Aanbodtelling`, which outlives the offer), by the day they were made.
- *Gevonden*: swaps (pairs and rings) found, by the day matching found them.
- *Akkoord*: swaps every employer agreed to, by that day; *afgerond*: swaps completed, by that day.
A swap counts for every employer in it; a total counts each swap once (so it is not the sum of the rows).
Days are in the site's time zone (Europe/Amsterdam).
"""

from django.db.models import Count
from django.db.models.functions import ExtractYear, Lower

from vacatures.models import OrganisatiePage

from .models import Aanbodtelling, Deelname, Ruil

KOLOMMEN = [
    ("organisatie", "Organisatie"),
    ("aangeboden", "Banen aangeboden"),
    ("gevonden", "Ruilen gevonden"),
    ("akkoord", "Ruilen akkoord"),
    ("afgerond", "Ruilen afgerond"),
]
JAAR_KOLOMMEN = [("jaar", "Jaar")] + KOLOMMEN[1:]
GETALLEN = [key for key, _ in KOLOMMEN[1:]]
SWAP_DATES = {"gevonden": "aangemaakt", "akkoord": "akkoord_op", "afgerond": "afgerond_op"}


def _swaps_of(werkgever_ids):
    return Ruil.objects.filter(pk__in=Deelname.objects.filter(werkgever_id__in=werkgever_ids).values("ruil_id"))


def per_employer(van, tot, werkgever_ids):
    """(rows, totals) for the period: a row per employer in view, alphabetical."""
    employers = OrganisatiePage.objects.filter(pk__in=werkgever_ids).order_by(Lower("title"), "pk")
    counts = {key: {} for key in GETALLEN}
    offered = Aanbodtelling.objects.filter(aangeboden_op__range=(van, tot), werkgever_id__in=werkgever_ids)
    for row in offered.values("werkgever_id").annotate(n=Count("pk")).order_by():
        counts["aangeboden"][row["werkgever_id"]] = row["n"]
    for key, field in SWAP_DATES.items():
        rows = (
            Deelname.objects.filter(werkgever_id__in=werkgever_ids, **{f"ruil__{field}__date__range": (van, tot)})
            .values("werkgever_id").annotate(n=Count("ruil", distinct=True)).order_by()
        )
        counts[key] = {row["werkgever_id"]: row["n"] for row in rows}
    rows = [
        {"werkgever_id": e.pk, "organisatie": e.title, **{key: counts[key].get(e.pk, 0) for key in GETALLEN}}
        for e in employers
    ]
    swaps = _swaps_of(werkgever_ids)
    totals = {
        "organisatie": "Totaal (elke ruil één keer)",
        "aangeboden": offered.count(),
        **{key: swaps.filter(**{f"{field}__date__range": (van, tot)}).count() for key, field in SWAP_DATES.items()},
    }
    return rows, totals


def per_year(werkgever_ids):
    """A row per year with any figure, oldest first: the employers in view together, each swap once."""
    years = {}
    offered = (
        Aanbodtelling.objects.filter(werkgever_id__in=werkgever_ids)
        .annotate(jaar=ExtractYear("aangeboden_op")).values("jaar").annotate(n=Count("pk")).order_by()
    )
    for row in offered:
        years.setdefault(row["jaar"], {})["aangeboden"] = row["n"]
    swaps = _swaps_of(werkgever_ids)
    for key, field in SWAP_DATES.items():
        rows = (
            swaps.filter(**{f"{field}__isnull": False}).annotate(jaar=ExtractYear(field))
            .values("jaar").annotate(n=Count("pk")).order_by()
        )
        for row in rows:
            years.setdefault(row["jaar"], {})[key] = row["n"]
    return [{"jaar": year, **{key: years[year].get(key, 0) for key in GETALLEN}} for year in sorted(years)]
