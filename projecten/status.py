"""The status of a project (lopend, afgerond, gepland, onbekend): derived from its dates at request
time, never stored. One rule, as a database condition (`status_q`) and for one project (`status_on`)."""

from django.db import models
from django.db.models import Q


class Status(models.TextChoices):
    """Derived at request time from the project's dates; never stored."""

    LOPEND = "lopend", "Lopend"
    AFGEROND = "afgerond", "Afgerond"
    GEPLAND = "gepland", "Gepland"
    ONBEKEND = "onbekend", "Onbekend"


# Without an end date a project counts as running for this long after its start.
LOPEND_ZONDER_EINDE_JAREN = 2


def running_without_end_since(today):
    """The earliest start at which a project without an end date still counts as running on `today`."""
    years = LOPEND_ZONDER_EINDE_JAREN
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def status_q(status, today):
    """A Q object selecting the projects that have `status` on `today`.

    The rule, in one place (`status_on` is the same rule for one project):
    afgerond once the last day of the end period has passed; gepland before the start;
    lopend from the start with a known end still to come, or without an end when the start is
    at most two years ago; onbekend otherwise (no start and no end, or an old start without an end).
    """
    ended = Q(looptijd_eind_tot__lt=today)
    planned = ~ended & Q(looptijd_start__gt=today)
    running = ~ended & ~planned & (
        Q(looptijd_eind_tot__gte=today)
        | Q(looptijd_eind_tot__isnull=True, looptijd_start__gte=running_without_end_since(today))
    )
    if status == Status.AFGEROND:
        return ended
    if status == Status.GEPLAND:
        return planned
    if status == Status.LOPEND:
        return running
    if status == Status.ONBEKEND:
        return ~ended & ~planned & ~running
    raise ValueError(status)


def status_on(project, today):
    end, start = project.looptijd_eind_tot, project.looptijd_start
    if end and end < today:
        return Status.AFGEROND
    if start and start > today:
        return Status.GEPLAND
    if end or (start and start >= running_without_end_since(today)):
        return Status.LOPEND
    return Status.ONBEKEND
