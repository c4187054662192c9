"""Publication phases of a vacancy: pure functions of its dates and the current time.

Nothing is stored and no job runs: the phase is computed from the current time in
Europe/Amsterdam. A phase starts at 00:00 Amsterdam time on its start date; a vacancy
closes at the end of its closing date (00:00 Amsterdam time the next day).
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.db import models
from django.db.models import Q
from django.utils import timezone

from kern.audience import Audience

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


class Fase(models.TextChoices):
    """The phase of a vacancy, in the order a vacancy goes through them."""

    GEPLAND = "gepland", "Gepland"  # before its publication date: nobody sees it
    INTERN = "intern", "Intern"  # employees of the posting organisation
    NETWERK = "netwerk", "Netwerk (onder water)"  # "onder water": employees of every participating organisation
    OPENBAAR = "openbaar", "Openbaar"  # everyone
    GESLOTEN = "gesloten", "Gesloten"  # after the closing date, or once filled: nobody sees it in any list


GEPLAND, INTERN, NETWERK, OPENBAAR, GESLOTEN = Fase  # the short names the rule below uses


def local_date(now: datetime | None = None) -> date:
    """The calendar date in Amsterdam at `now` (default: this moment)."""
    now = now or timezone.now()
    return now.astimezone(AMSTERDAM).date()


def last_open_day(vacancy) -> date | None:
    """The closing date, or the day before the vacancy was filled if that is earlier."""
    filled = getattr(vacancy, "vervuld_op", None)
    if filled and (vacancy.sluitingsdatum is None or filled <= vacancy.sluitingsdatum):
        return date.fromordinal(filled.toordinal() - 1)
    return vacancy.sluitingsdatum


def start_of_day(day: date) -> datetime:
    """00:00 in Amsterdam on `day`, as an aware datetime."""
    return datetime.combine(day, datetime.min.time(), tzinfo=AMSTERDAM)


def phase_on(vacancy, today: date) -> str:
    """A vacancy closes after its closing date, and from the day it is marked filled."""
    last = last_open_day(vacancy)
    if last is None or today > last:
        return GESLOTEN
    if vacancy.start_openbaar and today >= vacancy.start_openbaar:
        return OPENBAAR
    if vacancy.start_netwerk and today >= vacancy.start_netwerk:
        return NETWERK
    if vacancy.publicatiedatum and today >= vacancy.publicatiedatum:
        return INTERN
    return GEPLAND


def phase_at(vacancy, now: datetime | None = None) -> str:
    return phase_on(vacancy, local_date(now))


def phase_start(vacancy, phase: str) -> date | None:
    """The first day of `phase` for this vacancy (None for a phase it never has, or has no start)."""
    return {INTERN: vacancy.publicatiedatum, NETWERK: vacancy.start_netwerk, OPENBAAR: vacancy.start_openbaar}.get(
        phase
    )


def phase_q(phase: str, today: date) -> Q:
    """The vacancies that are in `phase` on `today`, as a database condition."""
    open_ = Q(sluitingsdatum__gte=today) & (Q(vervuld_op__isnull=True) | Q(vervuld_op__gt=today))
    public = Q(start_openbaar__lte=today)
    network = Q(start_netwerk__lte=today)
    published = Q(publicatiedatum__lte=today)
    return {
        GESLOTEN: ~open_,
        OPENBAAR: open_ & public,
        NETWERK: open_ & ~public & network,
        INTERN: open_ & ~public & ~network & published,
        GEPLAND: open_ & ~published,
    }[phase]


def not_public_q(today: date) -> Q:
    """Open vacancies that only employees may see today (intern or netwerk): the filter
    'Alleen nog niet openbaar'. Combined with `visible_q`, never instead of it."""
    return phase_q(INTERN, today) | phase_q(NETWERK, today)


def visible_q(audience: Audience, today: date) -> Q:
    """The one visibility rule: every channel starts from this condition."""
    condition = phase_q(OPENBAAR, today)
    if audience.werkgever_id is not None:
        condition |= phase_q(NETWERK, today)
        condition |= phase_q(INTERN, today) & Q(werkgever_id=audience.werkgever_id)
    return condition
