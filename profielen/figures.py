"""The profile figures of the management report: counts only, per employer.

- Profielen actief: profiles of the employer's employees whose holder signed in within the last 6 months
  (at the end of the period, or today if that is earlier), and not yet switched off for inactivity.
- Profielen zichtbaar: of those, switched on (now: visibility has no history).
- Uitnodigingen verstuurd / geaccepteerd: invitations *sent by* the employer in the period, and those of them
  that were accepted. An invitation outlives a deleted profile (without it), so these counts stay.
"""

from datetime import datetime, time

from django.db.models import Count, Q
from django.utils import timezone

from .models import UITZETTEN_NA, Profiel, Uitnodiging

PROFIEL_KOLOMMEN = [
    ("organisatie", "Organisatie"),
    ("profielen_actief", "Profielen actief"),
    ("profielen_zichtbaar", "Profielen zichtbaar"),
    ("uitnodigingen_verstuurd", "Uitnodigingen verstuurd"),
    ("uitnodigingen_geaccepteerd", "Uitnodigingen geaccepteerd"),
]
PROFIEL_GETALLEN = [key for key, _ in PROFIEL_KOLOMMEN if key != "organisatie"]


def _moment(day, end=False):
    return timezone.make_aware(datetime.combine(day, time.max if end else time.min))


def profile_figures(periode, employer_qs, now=None):
    """(rows, totals) for the employers in `employer_qs` (already limited to what the reader may see)."""
    now = now or timezone.now()
    until = min(now, _moment(periode.tot, end=True))
    active = (
        Profiel.objects.filter(medewerker__werkgever__in=employer_qs, uitgezet_wegens_inactiviteit__isnull=True)
        .filter(Q(medewerker__laatst_ingelogd__gte=until - UITZETTEN_NA))
        .values("medewerker__werkgever_id")
        .annotate(actief=Count("pk"), zichtbaar=Count("pk", filter=Q(zichtbaar=True)))
        .order_by()
    )
    profiles = {row["medewerker__werkgever_id"]: row for row in active}
    sent = (
        Uitnodiging.objects.filter(
            werkgever__in=employer_qs, aangemaakt__range=(_moment(periode.van), _moment(periode.tot, end=True)),
        )
        .values("werkgever_id")
        .annotate(verstuurd=Count("pk"), geaccepteerd=Count("pk", filter=Q(status=Uitnodiging.Status.GEACCEPTEERD)))
        .order_by()
    )
    invitations = {row["werkgever_id"]: row for row in sent}
    rows = []
    for employer in employer_qs.order_by("title", "pk"):
        p, i = profiles.get(employer.pk, {}), invitations.get(employer.pk, {})
        rows.append({
            "organisatie": employer.title,
            "profielen_actief": p.get("actief", 0), "profielen_zichtbaar": p.get("zichtbaar", 0),
            "uitnodigingen_verstuurd": i.get("verstuurd", 0), "uitnodigingen_geaccepteerd": i.get("geaccepteerd", 0),
        })
    totals = {key: sum(row[key] for row in rows) for key in PROFIEL_GETALLEN}
    totals["organisatie"] = "Totaal"
    return rows, totals
