"""Every retention period of the site, in one list: what `manage.py bewaartermijnen` runs each night.

Each app keeps its own rule (`reacties.retention`, `profielen.inactivity`, ...); this list only says which
rules exist and how their outcome reads. A new kind of personal data adds its line here, and the privacy
page and README state its period.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from agenda import retention as agenda
from alerts import sending as alerts
from opleidingen import retention as opleidingen
from profielen import inactivity as profielen
from reacties import retention as reacties
from ruilen import service as ruilen
from vragen import retention as vragen


@dataclass(frozen=True)
class Termijn:
    name: str
    run: Callable[[datetime], str]  # applies the rule at that moment; returns one Dutch line for the log


def _profielen(now):
    done = profielen.run(now)
    return f"{done['gewaarschuwd']} gewaarschuwd, {done['uitgezet']} uitgezet, {done['verwijderd']} verwijderd."


def _alerts(now):
    done = alerts.cleanup(now)
    return (
        f"{done.onbevestigd} onbevestigde alerts verwijderd, {done.bewaarvragen} bewaarvragen verstuurd, "
        f"{done.verlopen} alerts zonder antwoord verwijderd."
    )


TERMIJNEN = (
    Termijn("reacties", lambda now: f"{reacties.purge(timezone.localdate(now))} reacties verwijderd."),
    Termijn("profielen", _profielen),
    Termijn("inschrijvingen", lambda now: (
        f"{opleidingen.purge(timezone.localdate(now))} inschrijvingen zonder persoonsgegevens gemaakt."
    )),
    Termijn("aanmeldingen", lambda now: f"{agenda.purge(now)} aanmeldingen verwijderd."),
    Termijn("vragen", lambda now: f"{vragen.purge(now)} vragen verwijderd."),
    Termijn("alerts", _alerts),
    Termijn("ruilaanbod", lambda now: f"{ruilen.purge_old_offers(now)} ruilaanbiedingen verwijderd."),
)
NAMES = tuple(termijn.name for termijn in TERMIJNEN)
