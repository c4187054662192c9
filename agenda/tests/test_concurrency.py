"""The last place, taken by two people at the same moment, in real concurrent transactions on PostgreSQL
(SQLite has no row locks: skipped there). The first holds the event's row lock until it commits; the second
waits for it, then counts the first one's registration and is told the event is full."""

import threading
import time

import pytest
from django.db import connection, transaction

from agenda.models import Aanmelding
from agenda.registration import Vol, register
from agenda.tests.fixtures import build_agenda

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="rijvergrendeling: alleen PostgreSQL")


def race(event, activity):
    results, first_done = {}, threading.Event()

    def first():
        try:
            with transaction.atomic():
                results["first"] = register(event, activity, "Eerste", "eerste@example.org")[1]
                first_done.set()
                time.sleep(0.5)  # still holding the lock while the second one tries
        finally:
            connection.close()

    def second():
        first_done.wait(5)
        try:
            results["second"] = register(event, activity, "Tweede", "tweede@example.org")[1]
        except Vol:
            results["second"] = "vol"
        finally:
            results["second_at"] = time.monotonic()
            connection.close()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    return results, results["second_at"] - started


@pytest.mark.django_db(transaction=True)
def test_two_registrations_for_the_last_place_of_an_event(network):
    _, events = build_agenda()
    event = events["open"]  # 2 places
    Aanmelding.objects.create(evenement=event, naam="Al", email="al@example.org")
    results, waited = race(event, None)
    assert results["first"] is True and results["second"] == "vol"
    assert waited >= 0.5  # the second waited for the first one's commit
    assert event.registrations().count() == 2


@pytest.mark.django_db(transaction=True)
def test_two_registrations_for_the_last_place_of_an_activity(network):
    _, events = build_agenda()
    meelopen = events["week"].activiteiten.get(titel="Meelopen")  # 1 place
    results, _ = race(events["week"], meelopen)
    assert results["first"] is True and results["second"] == "vol"
    assert list(Aanmelding.objects.values_list("naam", flat=True)) == ["Eerste"]
