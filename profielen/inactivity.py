"""Profiles not used: no sign-in for 6 months switches a profile off (warning mails 4 weeks and 1 week
before); after 12 months without sign-in the profile and its CV are deleted. Run daily (`bewaartermijnen`).

The clock is a parameter (`now`), so the rules can be tried at any moment. A warning is sent once per period
of inactivity: it is remembered with the moment of the last sign-in it belongs to, so signing in again starts
a fresh period (and fresh warnings)."""

from django.utils import timezone

from .models import UITZETTEN_NA, VERWIJDEREN_NA, WAARSCHUWINGEN, Profiel
from .tasks import send_inactivity_notice


def run(now=None):
    """Returns {"gewaarschuwd": n, "uitgezet": n, "verwijderd": n}."""
    now = now or timezone.now()
    done = {"gewaarschuwd": 0, "uitgezet": 0, "verwijderd": 0}
    for profiel in Profiel.objects.select_related("medewerker"):
        last = profiel.last_active()
        inactive = now - last
        if inactive >= VERWIJDEREN_NA:
            profiel.delete()
            done["verwijderd"] += 1
            continue
        if not profiel.zichtbaar:
            continue
        if inactive >= UITZETTEN_NA:
            profiel.zichtbaar = False
            profiel.uitgezet_wegens_inactiviteit = now
            profiel.save(update_fields=["zichtbaar", "uitgezet_wegens_inactiviteit"])
            send_inactivity_notice.enqueue(profiel.pk, "uitgezet", "")
            done["uitgezet"] += 1
            continue
        switch_off = last + UITZETTEN_NA
        # the nearest warning that is due (one week before wins over four weeks before)
        for before in sorted(WAARSCHUWINGEN):
            if now >= switch_off - before:
                key = str(before.days)
                if profiel.gewaarschuwd.get(key) == last.isoformat():
                    break
                profiel.gewaarschuwd = {**profiel.gewaarschuwd, key: last.isoformat()}
                profiel.save(update_fields=["gewaarschuwd"])
                send_inactivity_notice.enqueue(profiel.pk, "waarschuwing", timezone.localdate(switch_off).isoformat())
                done["gewaarschuwd"] += 1
                break
    return done
