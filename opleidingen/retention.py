"""How long a registration's personal data is kept: the name and the link to the employee go on 1 February
of the year after the session (the contact persons and the report look back one calendar year; January
gives them time to finish it). What stays is a row without a person: employer, session and status, so
the management report still adds up."""

from datetime import date

from django.utils import timezone

from .models import Inschrijving


def first_kept_day(today=None):
    """Sessions on or after this day keep their registrations' names."""
    today = today or timezone.localdate()
    return date(today.year - 1 if today.month > 1 else today.year - 2, 1, 1)


def expired(today=None):
    return Inschrijving.objects.filter(sessie__start__date__lt=first_kept_day(today)).exclude(
        naam="", medewerker__isnull=True,
    )


def purge(today=None):
    """Remove the personal data of expired registrations; returns how many rows were made anonymous."""
    return expired(today).update(naam="", medewerker=None, annuleer_hash="")
