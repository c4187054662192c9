"""Registering for an event or an activity and cancelling: its places and waiting list, under a row lock.

Both lock the row of the event (or activity) with SELECT ... FOR UPDATE before counting the places, so they
take turns: two people registering for the last place at the same moment never both get it (the second
waits for the first's transaction, counts its registration and goes on the waiting list), and a place freed
by a cancellation goes to the first on the waiting list before anyone else can take it. The mail to who
moves up is queued in the same transaction.
"""

from django.db import IntegrityError, transaction

from .models import Aanmelding, Activiteit, EvenementPage
from .tasks import confirm_registration


class Gesloten(Exception):
    """No registration here, or the event is over."""


def locked(evenement_id, activiteit_id):
    """The activity (or else the event) a registration is for, its row locked until the transaction ends."""
    if activiteit_id is not None:
        return Activiteit.objects.select_for_update().get(pk=activiteit_id)
    return EvenementPage.objects.select_for_update(of=("self",)).get(pk=evenement_id)


@transaction.atomic
def register(event, activity, naam, email, medewerker=None):
    """Returns (registration, created): a place if there is one left, otherwise the waiting list. An address
    registered already (with a place or waiting) gets its existing registration."""
    target = locked(event.pk, activity.pk if activity else None)
    if not target.aanmelden or target.is_voorbij:
        raise Gesloten
    existing = target.registrations()
    mine = existing.filter(email__iexact=email).first()
    if mine is not None:
        return mine, False
    try:
        with transaction.atomic():
            aanmelding = Aanmelding.objects.create(
                evenement=event, activiteit=activity, naam=naam, email=email, medewerker=medewerker,
                wachtlijst=target.is_vol,
            )
    except IntegrityError:  # the same address at the same moment: the other request stored it
        return existing.get(email=email), False
    return aanmelding, True


@transaction.atomic
def cancel(aanmelding, delete=None):
    """Delete `aanmelding` (with `delete` if given: the admin's, which also logs it). If it had a place and
    the event or activity is not over, the first on the waiting list (oldest first) gets the place and a
    mail. Returns False if it was gone already (cancelled at the same moment)."""
    target = locked(aanmelding.evenement_id, aanmelding.activiteit_id)
    current = target.registrations().filter(pk=aanmelding.pk).first()  # read again, under the lock
    if current is None:
        return False
    (delete or current.delete)()
    if not current.wachtlijst and not target.is_voorbij and not target.is_vol:
        first = target.registrations().filter(wachtlijst=True).order_by("aangemaakt", "pk").first()
        if first is not None:
            first.wachtlijst = False
            first.save(update_fields=["wachtlijst"])
            confirm_registration.enqueue(first.pk, "plaats")
    return True
