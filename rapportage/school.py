"""The Twentse School in the management report: registrations per employer against its target, the top 5
trainings, the waiting lists and cancellations. Counts only: the names are for each employer's own
contact person (`opleidingen.access`).

- A registration counts in the period of its session's start (Amsterdam date), for the employer the
  employee signed in with. ‘Deelnemers’ are registrations with a place (status ingeschreven).
- The target of a period is the sum of the targets of its years (`Doelstelling.streefaantal`, with the
  year's percentage where the target is computed from the fte); ‘tekort’ is what is still missing.
"""

from django.db.models import Count, Q
from django.db.models.functions import Lower

from opleidingen.choices import Status
from opleidingen.models import Doelstelling, Inschrijving, Jaarpercentage, Sessie

from .charts import KLEUREN, Reeks, staafdiagram
from .figures import employers

SCHOOL_KOLOMMEN = [
    ("organisatie", "Organisatie"),
    ("doel", "Doel (deelnemers)"),
    ("deelnemers", "Deelnemers"),
    ("tekort", "Tekort"),
    ("wachtlijst", "Op de wachtlijst"),
    ("geannuleerd", "Geannuleerd"),
]
SCHOOL_GETALLEN = ["doel", "deelnemers", "tekort", "wachtlijst", "geannuleerd"]
TOP_OPLEIDINGEN_KOLOMMEN = [
    ("plaats", "Plaats"), ("opleiding", "Opleiding"), ("deelnemers", "Deelnemers"), ("wachtlijst", "Op de wachtlijst"),
]
WACHTLIJST_KOLOMMEN = [("opleiding", "Opleiding"), ("sessie", "Sessie"), ("wachtlijst", "Op de wachtlijst")]


def _in_period(periode, prefix=""):
    return Q(**{f"{prefix}sessie__start__date__range": periode.bereik})


def targets(periode, employer_ids):
    """{employer id: target over the years of the period}; employers without any target are missing."""
    years = range(periode.van.year, periode.tot.year + 1)
    percentages = dict(Jaarpercentage.objects.filter(jaar__in=years).values_list("jaar", "percentage"))
    result = {}
    for doel in Doelstelling.objects.filter(jaar__in=years, werkgever_id__in=employer_ids):
        value = doel.streefaantal(percentages.get(doel.jaar))
        if value is not None:
            result[doel.werkgever_id] = result.get(doel.werkgever_id, 0) + value
    return result


def school_figures(periode, regio, werkgever_ids):
    """(rows, totals): per employer in view (alphabetical) its target and registrations by status."""
    employer_qs = employers(regio, werkgever_ids)
    counts = {
        row["werkgever_id"]: row
        for row in Inschrijving.objects.filter(_in_period(periode), werkgever__in=employer_qs)
        .values("werkgever_id")
        .annotate(
            deelnemers=Count("pk", filter=Q(status=Status.INGESCHREVEN)),
            wachtlijst=Count("pk", filter=Q(status=Status.WACHTLIJST)),
            geannuleerd=Count("pk", filter=Q(status=Status.GEANNULEERD)),
        )
        .order_by()
    }
    employer_list = list(employer_qs.values("pk", "title").order_by(Lower("title"), "pk"))
    goals = targets(periode, [e["pk"] for e in employer_list])
    rows = []
    for employer in employer_list:
        found = counts.get(employer["pk"], {})
        doel = goals.get(employer["pk"])
        deelnemers = found.get("deelnemers", 0)
        rows.append({
            "werkgever_id": employer["pk"], "organisatie": employer["title"],
            "doel": doel if doel is not None else "geen doel",
            "deelnemers": deelnemers,
            "tekort": max(doel - deelnemers, 0) if doel is not None else "",
            "wachtlijst": found.get("wachtlijst", 0), "geannuleerd": found.get("geannuleerd", 0),
            "doel_getal": doel or 0,  # for the chart
        })
    totals = {"organisatie": "Totaal"}
    for key in SCHOOL_GETALLEN:
        totals[key] = sum(row[key] for row in rows if isinstance(row[key], int))
    return rows, totals


def top_trainings(periode, regio, werkgever_ids, limit=5):
    """The trainings with the most participants (at least one), most first; ties by title."""
    rows = (
        Inschrijving.objects.filter(_in_period(periode), werkgever__in=employers(regio, werkgever_ids))
        .values("sessie__opleiding_id", "sessie__opleiding__title")
        .annotate(
            deelnemers=Count("pk", filter=Q(status=Status.INGESCHREVEN)),
            wachtlijst=Count("pk", filter=Q(status=Status.WACHTLIJST)),
        )
        .filter(deelnemers__gt=0)
        .order_by("-deelnemers", Lower("sessie__opleiding__title"), "sessie__opleiding_id")[:limit]
    )
    return [
        {"plaats": plaats, "opleiding": row["sessie__opleiding__title"], "deelnemers": row["deelnemers"],
         "wachtlijst": row["wachtlijst"]}
        for plaats, row in enumerate(rows, start=1)
    ]


def waiting_lists(periode, regio, werkgever_ids):
    """Sessions in the period with people (of the employers in view) on the waiting list, longest first."""
    sessions = (
        Sessie.objects.filter(start__date__range=periode.bereik)
        .annotate(wachtend=Count("inschrijvingen", filter=Q(
            inschrijvingen__status=Status.WACHTLIJST,
            inschrijvingen__werkgever__in=employers(regio, werkgever_ids),
        )))
        .filter(wachtend__gt=0).select_related("opleiding").order_by("-wachtend", "start", "pk")
    )
    return [{"opleiding": s.opleiding.title, "sessie": f"{s.wanneer}, {s.waar}", "wachtlijst": s.wachtend}
            for s in sessions]


def school_diagram(rows):
    """Per employer three bars: its target, its participants and the shortfall (in its own colour)."""
    return staafdiagram([{**row, "tekort_getal": row["tekort"] or 0} for row in rows], [
        ("Doel", [Reeks("doel_getal", KLEUREN["gepubliceerd"], "Doel")]),
        ("Deelnemers", [Reeks("deelnemers", KLEUREN["eigen"], "Deelnemers")]),
        ("Tekort", [Reeks("tekort_getal", KLEUREN["netwerk"], "Tekort tot het doel")]),
    ])
