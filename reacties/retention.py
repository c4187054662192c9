"""How long reactions are kept: four weeks after the vacancy is filled or closed; a year with consent.
Reactions to a klus: four weeks after the klus closed (its closing date, or the day it was closed with an outcome)."""

from django.db.models import Q

from vacatures import phases

from .models import BEWAARTERMIJN_MET_TOESTEMMING, BEWAARTERMIJN_NA_SLUITING, KlusReactie, Reactie


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


def expired_klus_reactions(today=None):
    today = today or phases.local_date()
    return KlusReactie.objects.filter(
        Q(klus__afgesloten_op__lte=today - BEWAARTERMIJN_NA_SLUITING)
        | Q(klus__sluitingsdatum__lt=today - BEWAARTERMIJN_NA_SLUITING)
    )


def purge(today=None):
    """Delete expired reactions with their CV files; the daily counts stay. Returns the number deleted."""
    deleted = 0
    for reactie in [*expired_klus_reactions(today).iterator(), *expired(today).iterator()]:
        reactie.delete()  # with its CV file (a klus reaction has one when it came from a profile)
        deleted += 1
    return deleted

