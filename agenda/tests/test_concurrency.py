"""The last place, taken by two people at the same moment, and two cancellations at the same moment, in real
concurrent transactions on PostgreSQL (SQLite has no row locks: skipped there). The first holds the event's
row lock until it commits; the second waits for it, then counts what the first did: the second registration
goes on the waiting list, the second cancellation moves up the next one waiting."""

import pytest
from django.core import mail
from django.db import connection

from agenda.models import Aanmelding
from agenda.registration import cancel, register
from agenda.tests.fixtures import build_agenda
from home.tests.concurrency import race

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="rijvergrendeling: alleen PostgreSQL")


def registering(event, activity, naam):
    return lambda: register(event, activity, naam, f"{naam.lower()}@example.org")


def waiting():
    return dict(Aanmelding.objects.values_list("naam", "wachtlijst"))


@pytest.mark.django_db(transaction=True)
def test_two_registrations_for_the_last_place_of_an_event(network):
    _, events = build_agenda()
    event = events["open"]  # 2 places
    Aanmelding.objects.create(evenement=event, naam="Al", email="al@example.org")
    waited = race(registering(event, None, "Eerste"), registering(event, None, "Tweede"))
    assert waited >= 0.5  # the second waited for the first one's commit
    assert waiting() == {"Al": False, "Eerste": False, "Tweede": True}


@pytest.mark.django_db(transaction=True)
def test_two_registrations_for_the_last_place_of_an_activity(network):
    _, events = build_agenda()
    meelopen = events["week"].activiteiten.get(titel="Meelopen")  # 1 place
    race(registering(events["week"], meelopen, "Eerste"), registering(events["week"], meelopen, "Tweede"))
    assert waiting() == {"Eerste": False, "Tweede": True}


@pytest.mark.django_db(transaction=True)
def test_two_cancellations_at_once_move_up_the_first_two_waiting(network):
    _, events = build_agenda()
    event = events["open"]  # 2 places
    een, twee, *_ = [
        Aanmelding.objects.create(evenement=event, naam=naam, email=f"{naam.lower()}@example.org", wachtlijst=n >= 2)
        for n, naam in enumerate(("Een", "Twee", "Drie", "Vier", "Vijf"))
    ]
    waited = race(lambda: cancel(een), lambda: cancel(twee))
    assert waited >= 0.5
    assert waiting() == {"Drie": False, "Vier": False, "Vijf": True}
    assert sorted(m.to[0] for m in mail.outbox) == ["drie@example.org", "vier@example.org"]
