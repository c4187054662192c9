"""Registering for an event or an activity, with its capacity checked under a row lock.

The row of the event (or activity) is locked with SELECT ... FOR UPDATE before the places are counted, so
two people registering for the last place at the same moment never both get it: the second waits for the
first's transaction and then counts the first one's registration.
"""

from django.db import IntegrityError, transaction

from .models import Aanmelding, Activiteit, EvenementPage


class Vol(Exception):
    """No places left."""


class Gesloten(Exception):
    """No registration here, or the event is over."""


@transaction.atomic
def register(event, activity, naam, email, medewerker=None):
    """Returns (registration, created). An address registered already gets its existing registration."""
    if activity is not None:
        target = Activiteit.objects.select_for_update().get(pk=activity.pk)
        existing = Aanmelding.objects.filter(activiteit=target)
    else:
        target = EvenementPage.objects.select_for_update(of=("self",)).get(pk=event.pk)
        existing = Aanmelding.objects.filter(evenement=target, activiteit__isnull=True)
    if not target.aanmelden or target.is_voorbij:
        raise Gesloten
    mine = existing.filter(email__iexact=email).first()
    if mine is not None:
        return mine, False
    if target.capaciteit is not None and existing.count() >= target.capaciteit:
        raise Vol
    try:
        with transaction.atomic():
            aanmelding = Aanmelding.objects.create(
                evenement=event, activiteit=activity, naam=naam, email=email, medewerker=medewerker,
            )
    except IntegrityError:  # the same address at the same moment: the other request stored it
        return existing.get(email=email), False
    return aanmelding, True
