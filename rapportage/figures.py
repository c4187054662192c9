"""The figures of the management report, computed in the database.

Plain functions, no request: each takes the period, the region (or None for all regions) and the
ids of the employers the reader may see, and returns rows (dicts) that the view shows and exports.

- Vacancies count when they were ever published (`first_published_at`); a draft that never went
  live is not a published vacancy. A vacancy belongs to its current employer (`werkgever`).
- "Gepubliceerd" counts `publicatiedatum` in the period, "vervuld" counts `vervuld_op` in the period.
- Reactions and page views come from `Dagcijfers` (never from `Reactie`, which is purged on schedule),
  summed over the days in the period.
- Totals are the sums of the rows, so the table always adds up.
- Vacancy alerts (`alert_figures`): counts only. Active alerts and mails are network-wide (an alert
  belongs to no employer) and only for coordinators; vacancies mailed are those of the employers in view.
- Klussen: "geplaatst" counts klussen first published in the period; "afgesloten", "ingevuld" and
  "ingevuld door een andere werkgever" count klussen closed with that outcome (`afgesloten_op`) in the
  period; the fill rate is ingevuld as a whole percentage of afgesloten. Counts only, nothing about people.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, F, Q, Sum
from django.db.models.functions import Lower
from django.utils.formats import date_format

from alerts.models import Alert, AlertVerzending, Soort, VerzondenVacature
from klussen.models import KlusPage, Uitkomst
from reacties.models import Dagcijfers
from vacatures.models import Dienstverband, Herkomst, OrganisatiePage

HERKOMSTEN = [Herkomst.EIGEN, Herkomst.NETWERK, Herkomst.EXTERN]


@dataclass(frozen=True)
class Periode:
    """From `van` up to and including `tot`."""

    van: date
    tot: date

    def __post_init__(self):
        if self.van > self.tot:
            raise ValueError("Het begin van de periode ligt na het einde.")

    @classmethod
    def jaar(cls, year):
        return cls(date(year, 1, 1), date(year, 12, 31))

    @property
    def bereik(self):
        return (self.van, self.tot)


# (key, heading): the columns of the per-organisation table, the same in the page and the exports.
ORGANISATIE_KOLOMMEN = [
    ("organisatie", "Organisatie"),
    ("regio", "Regio"),
    ("gepubliceerd", "Vacatures gepubliceerd"),
    ("vervuld", "Vacatures vervuld"),
    ("vervuld_eigen", "Vervuld door eigen organisatie"),
    ("vervuld_netwerk", "Vervuld door andere deelnemer"),
    ("vervuld_extern", "Vervuld extern"),
    ("vervuld_onbekend", "Vervuld, herkomst onbekend"),
    ("reacties", "Reacties"),
    ("reacties_eigen", "Reacties eigen organisatie"),
    ("reacties_netwerk", "Reacties andere deelnemers"),
    ("reacties_extern", "Reacties extern"),
    ("weergaven", "Weergaven"),
]
GETALLEN = [key for key, _ in ORGANISATIE_KOLOMMEN if key not in ("organisatie", "regio")]

# Vacancy, its number and its employer side by side: the same job title recurs across employers and copies.
TOP_KOLOMMEN = [
    ("plaats", "Plaats"),
    ("vacature", "Vacature"),
    ("vacaturenummer", "Vacaturenummer"),
    ("organisatie", "Organisatie"),
    ("dienstverband", "Soort dienstverband"),
    ("reacties", "Reacties"),
    ("reacties_eigen", "Reacties eigen organisatie"),
    ("reacties_netwerk", "Reacties andere deelnemers"),
    ("reacties_extern", "Reacties extern"),
    ("weergaven", "Weergaven"),
]


def employers(regio, werkgever_ids):
    """The participating employers in view: those the reader may see, in the region if one is chosen."""
    queryset = OrganisatiePage.objects.filter(pk__in=werkgever_ids)
    if regio is not None:
        queryset = queryset.filter(regio=regio)
    return queryset


def _vacancy_counts(periode, employer_qs):
    """One GROUP BY over the employers (LEFT JOIN vacancies): every employer, also without vacancies."""
    ever_published = Q(vacatures__first_published_at__isnull=False)
    published = ever_published & Q(vacatures__publicatiedatum__range=periode.bereik)
    filled = ever_published & Q(vacatures__vervuld_op__range=periode.bereik)
    by_whom = {
        f"vervuld_{herkomst}": Count("vacatures", filter=filled & Q(vacatures__vervuld_door=herkomst))
        for herkomst in HERKOMSTEN
    }
    return (
        employer_qs.values("pk", "title", "regio__naam")
        .annotate(
            gepubliceerd=Count("vacatures", filter=published),
            vervuld=Count("vacatures", filter=filled),
            **by_whom,
        )
        .order_by(Lower("title"), "pk")
    )


def _reaction_sums(periode, employer_qs):
    """One GROUP BY over the daily figures in the period, per employer."""
    sums = {f"reacties_{herkomst}": Sum(f"reacties_{herkomst}") for herkomst in HERKOMSTEN}
    rows = (
        Dagcijfers.objects.filter(datum__range=periode.bereik, vacature__werkgever_id__in=employer_qs.values("pk"))
        .values("vacature__werkgever_id")
        .annotate(weergaven=Sum("weergaven"), **sums)
        .order_by()
    )
    return {row.pop("vacature__werkgever_id"): row for row in rows}


def organisation_figures(periode, regio, werkgever_ids):
    """(rows, totals): a row per employer in view, alphabetical; totals are the sums of those rows."""
    employer_qs = employers(regio, werkgever_ids)
    daily = _reaction_sums(periode, employer_qs)
    rows = []
    for counts in _vacancy_counts(periode, employer_qs):
        sums = daily.get(counts["pk"], {})
        row = {
            "werkgever_id": counts["pk"],
            "organisatie": counts["title"],
            "regio": counts["regio__naam"],
            "gepubliceerd": counts["gepubliceerd"],
            "vervuld": counts["vervuld"],
            **{f"vervuld_{h}": counts[f"vervuld_{h}"] for h in HERKOMSTEN},
            **{f"reacties_{h}": int(sums.get(f"reacties_{h}") or 0) for h in HERKOMSTEN},
            "weergaven": int(sums.get("weergaven") or 0),
        }
        # Filled without saying by whom (the editing form forbids it, older data may not): shown apart.
        row["vervuld_onbekend"] = row["vervuld"] - sum(row[f"vervuld_{h}"] for h in HERKOMSTEN)
        row["reacties"] = sum(row[f"reacties_{h}"] for h in HERKOMSTEN)
        rows.append(row)
    return rows, totals_of(rows)


def totals_of(rows):
    totals = {key: sum(row[key] for row in rows) for key in GETALLEN}
    totals.update(organisatie="Totaal", regio="")
    return totals


def top_vacancies(periode, regio, werkgever_ids, limit=10):
    """The vacancies with the most reactions in the period (at least one), most first; ties by title."""
    employer_qs = employers(regio, werkgever_ids)
    sums = {f"reacties_{herkomst}": Sum(f"reacties_{herkomst}") for herkomst in HERKOMSTEN}
    rows = (
        Dagcijfers.objects.filter(datum__range=periode.bereik, vacature__werkgever_id__in=employer_qs.values("pk"))
        .values(
            "vacature_id", "vacature__title", "vacature__vacaturenummer", "vacature__dienstverband",
            "vacature__werkgever__title",
        )
        .annotate(
            reacties=Sum(F("reacties_eigen") + F("reacties_netwerk") + F("reacties_extern")),
            weergaven=Sum("weergaven"),
            **sums,
        )
        .filter(reacties__gt=0)
        .order_by("-reacties", Lower("vacature__title"), "vacature_id")[:limit]
    )
    labels = dict(Dienstverband.choices)
    return [
        {
            "plaats": plaats,
            "vacature_id": row["vacature_id"],
            "vacature": row["vacature__title"],
            # Without a number of its own, the page id that editors see in the admin's addresses.
            "vacaturenummer": row["vacature__vacaturenummer"] or f"id {row['vacature_id']}",
            "dienstverband": labels.get(row["vacature__dienstverband"], row["vacature__dienstverband"]),
            "organisatie": row["vacature__werkgever__title"],
            "reacties": int(row["reacties"]),
            **{f"reacties_{h}": int(row[f"reacties_{h}"] or 0) for h in HERKOMSTEN},
            "weergaven": int(row["weergaven"] or 0),
        }
        for plaats, row in enumerate(rows, start=1)
    ]


def alert_figures(periode, regio, werkgever_ids, network_wide):
    """Vacancy alerts in the period: alerts active at its end (confirmed by then and not stopped since),
    mails with vacancies sent in it, and the distinct vacancies of the employers in view that went out in
    those mails, while still ‘onder water’ or public. `network_wide`: whether the reader may see the
    first two (coordinators); else they are None."""
    mails = AlertVerzending.objects.filter(soort=Soort.VACATURES, verzonden_op__date__range=periode.bereik)
    mailed = VerzondenVacature.objects.filter(
        verzending__in=mails, vacature__werkgever_id__in=employers(regio, werkgever_ids).values("pk"),
    )
    return {
        "actief": Alert.objects.filter(bevestigd_op__date__lte=periode.tot).count() if network_wide else None,
        "mails": mails.count() if network_wide else None,
        "onder_water": mailed.filter(onder_water=True).values("vacature_id").distinct().count(),
        "openbaar": mailed.filter(onder_water=False).values("vacature_id").distinct().count(),
    }


ALERT_KOLOMMEN = [
    ("maand", "Maand"),
    ("actief", "Actieve alerts (eind van de maand)"),
    ("mails", "Alertmails verstuurd"),
    ("onder_water", "Vacatures gemaild onder water"),
    ("openbaar", "Vacatures gemaild openbaar"),
]


def months(periode):
    """The calendar months the period touches, each cut to the period."""
    parts, start = [], periode.van
    while start <= periode.tot:
        following = (start.replace(day=1) + timedelta(days=32)).replace(day=1)
        parts.append(Periode(start, min(periode.tot, following - timedelta(days=1))))
        start = following
    return parts


def alert_figures_per_month(periode, regio, werkgever_ids, network_wide):
    """(columns, rows, totals): `alert_figures` per month of the period, and for the whole period (a vacancy
    mailed in two months counts once there). Columns a reader may not see are left out."""
    columns = [(key, label) for key, label in ALERT_KOLOMMEN if network_wide or key not in ("actief", "mails")]
    rows = [
        {"maand": date_format(month.van, "F Y"), **alert_figures(month, regio, werkgever_ids, network_wide)}
        for month in months(periode)
    ]
    totals = {"maand": "Hele periode", **alert_figures(periode, regio, werkgever_ids, network_wide)}
    return columns, rows, totals


# --------------------------------------------------------------------------- klussen

KLUS_KOLOMMEN = [
    ("organisatie", "Organisatie"),
    ("regio", "Regio"),
    ("geplaatst", "Klussen geplaatst"),
    ("afgesloten", "Klussen afgesloten"),
    ("ingevuld", "Ingevuld"),
    ("ingevuld_ander", "Ingevuld door medewerker van andere werkgever"),
    ("vervullingsgraad", "Vervullingsgraad (%)"),
]
KLUS_GETALLEN = ["geplaatst", "afgesloten", "ingevuld", "ingevuld_ander"]


def fill_rate(filled, closed):
    """Filled as a whole percentage of the klussen closed with an outcome; '–' when none closed."""
    return round(100 * filled / closed) if closed else "–"


def klus_figures(periode, regio, werkgever_ids):
    """(rows, totals): per employer in view, alphabetical, the klussen it posted and how they ended."""
    employer_qs = employers(regio, werkgever_ids)
    ever = Q(first_published_at__isnull=False)
    closed = ever & Q(afgesloten_op__range=periode.bereik) & ~Q(uitkomst="")
    filled = closed & Q(uitkomst=Uitkomst.INGEVULD)
    counts = {
        row.pop("werkgever_id"): row
        for row in KlusPage.objects.filter(werkgever_id__in=employer_qs.values("pk"))
        .values("werkgever_id")
        .annotate(
            geplaatst=Count("pk", filter=ever & Q(first_published_at__date__range=periode.bereik)),
            afgesloten=Count("pk", filter=closed),
            ingevuld=Count("pk", filter=filled),
            ingevuld_ander=Count("pk", filter=filled & ~Q(ingevuld_door_id=F("werkgever_id"))),
        )
        .order_by()
    }
    rows = []
    for employer in employer_qs.values("pk", "title", "regio__naam").order_by(Lower("title"), "pk"):
        row = {"werkgever_id": employer["pk"], "organisatie": employer["title"], "regio": employer["regio__naam"]}
        row.update({key: counts.get(employer["pk"], {}).get(key, 0) for key in KLUS_GETALLEN})
        row["vervullingsgraad"] = fill_rate(row["ingevuld"], row["afgesloten"])
        rows.append(row)
    totals = {key: sum(row[key] for row in rows) for key in KLUS_GETALLEN}
    totals.update(organisatie="Totaal", regio="", vervullingsgraad=fill_rate(totals["ingevuld"], totals["afgesloten"]))
    return rows, totals
