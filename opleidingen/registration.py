"""Registering and cancelling: the rules for places and the waiting list, in one transaction each.

Both lock the session's row first (`select_for_update`), so registrations and cancellations of one
session take turns: two people asking for the last place at the same moment never both get it, and a
place freed by a cancellation goes to the first person on the waiting list before anyone else can take
it. Mails are queued in the same transaction (with the database task backend the task row commits with
the registration, or not at all) and sent by background tasks (`tasks.py`)."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from .choices import Status
from .models import Inschrijving, Sessie
from .tasks import mail_registration


class Closed(Exception):
    """The session has started or its registration deadline has passed."""


@dataclass
class Result:
    inschrijving: Inschrijving
    nieuw: bool  # False: the employee was already registered (or waiting) for this session


def register(medewerker, sessie_id, naam, now=None):
    """Register `medewerker` (signed in; their employer comes from the sign-in) for a session: a place
    if there is one, otherwise the waiting list. A second registration for the same session returns the
    first."""
    now = now or timezone.now()
    with transaction.atomic():
        sessie = Sessie.objects.select_for_update().get(pk=sessie_id)
        existing = (
            Inschrijving.objects.filter(sessie=sessie, medewerker=medewerker)
            .exclude(status=Status.GEANNULEERD).first()
        )
        if existing is not None:
            return Result(existing, nieuw=False)
        if not sessie.open_voor_inschrijving(now):
            raise Closed
        taken = Inschrijving.objects.filter(sessie=sessie, status=Status.INGESCHREVEN).count()
        status = Status.INGESCHREVEN if taken < sessie.capaciteit else Status.WACHTLIJST
        inschrijving = Inschrijving.objects.create(
            medewerker=medewerker, werkgever_id=medewerker.werkgever_id, sessie=sessie, naam=naam,
            status=status, aangemaakt=now, gewijzigd=now,
        )
        mail_registration.enqueue(inschrijving.pk, "bevestiging")
    return Result(inschrijving, nieuw=True)


def cancel(inschrijving_id, now=None):
    """Cancel a registration; if it had a place, the first on the waiting list gets it (and a mail).
    Returns the cancelled registration, or None if it was already cancelled."""
    now = now or timezone.now()
    with transaction.atomic():
        sessie_id = Inschrijving.objects.values_list("sessie_id", flat=True).get(pk=inschrijving_id)
        Sessie.objects.select_for_update().get(pk=sessie_id)
        inschrijving = Inschrijving.objects.select_related("sessie").get(pk=inschrijving_id)
        if inschrijving.status == Status.GEANNULEERD:
            return None
        had_place = inschrijving.status == Status.INGESCHREVEN
        inschrijving.status, inschrijving.gewijzigd, inschrijving.annuleer_hash = Status.GEANNULEERD, now, ""
        inschrijving.save(update_fields=["status", "gewijzigd", "annuleer_hash"])
        if had_place and inschrijving.sessie.start > now:
            promote_first(inschrijving.sessie, now)
    return inschrijving


def promote_first(sessie, now):
    """Give a free place of `sessie` (locked by the caller) to the first on its waiting list."""
    taken = Inschrijving.objects.filter(sessie=sessie, status=Status.INGESCHREVEN).count()
    if taken >= sessie.capaciteit:
        return None
    first = Inschrijving.objects.filter(sessie=sessie, status=Status.WACHTLIJST).order_by("aangemaakt", "pk").first()
    if first is None:
        return None
    first.status, first.gewijzigd = Status.INGESCHREVEN, now
    first.save(update_fields=["status", "gewijzigd"])
    mail_registration.enqueue(first.pk, "plaats")
    return first
