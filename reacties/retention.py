"""How long reactions are kept: four weeks after the vacancy is filled or closed; a year with consent."""

from django.db.models import Q

from vacatures import phases

from .models import BEWAARTERMIJN_MET_TOESTEMMING, BEWAARTERMIJN_NA_SLUITING, Reactie


def expired(today=None):
    today = today or phases.local_date()
    ended_long_ago = Q(vacature__vervuld_op__lte=today - BEWAARTERMIJN_NA_SLUITING) | Q(
        # closed at the end of the closing date, so four weeks later is closing date + 29 days
        vacature__sluitingsdatum__lt=today - BEWAARTERMIJN_NA_SLUITING
    )
    cutoff = phases.start_of_day(today) - BEWAARTERMIJN_MET_TOESTEMMING
    return Reactie.objects.filter(
        (Q(toestemming_bewaren=False) & ended_long_ago) | Q(toestemming_bewaren=True, aangemaakt__lt=cutoff)
    )


def purge(today=None):
    """Delete expired reactions with their CV files; the daily counts stay. Returns the number deleted."""
    deleted = 0
    for reactie in expired(today).iterator():
        reactie.delete()
        deleted += 1
    return deleted

