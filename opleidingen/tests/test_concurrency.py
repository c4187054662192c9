"""Two employees ask for the last place at the same moment: the session's row lock makes them take turns,
so exactly one gets the place and the other the waiting list. Real concurrent transactions, each thread
with its own database connection; PostgreSQL only (SQLite locks the whole database for a write)."""

import threading
import time

import pytest
from django.db import connection, transaction

from medewerkers.models import Medewerker
from opleidingen import registration
from opleidingen.models import Inschrijving
from opleidingen.tests.fixtures import training_factory
from vacatures.tests.fixtures import build_network

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks (select_for_update) need PostgreSQL"),
]


def test_two_registrations_for_the_last_place_never_both_get_it():
    network = build_network()
    training = training_factory()("Laatste plaats", sessions=[{"capaciteit": 1}])
    sessie = training.sessies.get()
    first = Medewerker.objects.create(email="een@alfa.example", werkgever=network["alfa"])
    second = Medewerker.objects.create(email="twee@beta.example", werkgever=network["beta"])
    first_has_counted = threading.Barrier(2, timeout=10)
    errors = []

    def slow_first():
        """Registers and keeps its transaction open for a moment after counting the free place."""
        try:
            with transaction.atomic():
                registration.register(first, sessie.pk, "Een")
                first_has_counted.wait()
                time.sleep(0.5)  # the second registration runs now, while this one has not committed
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    def second_at_the_same_moment():
        try:
            first_has_counted.wait()
            registration.register(second, sessie.pk, "Twee")
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=slow_first), threading.Thread(target=second_at_the_same_moment)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(20)
    assert not errors
    statuses = dict(Inschrijving.objects.values_list("naam", "status"))
    assert statuses == {"Een": "ingeschreven", "Twee": "wachtlijst"}


def test_many_at_once_fill_exactly_the_capacity():
    network = build_network()
    sessie = training_factory()("Drukte", sessions=[{"capaciteit": 3}]).sessies.get()
    people = [Medewerker.objects.create(email=f"p{i}@alfa.example", werkgever=network["alfa"]) for i in range(8)]
    start = threading.Barrier(len(people), timeout=10)
    errors = []

    def run(person):
        try:
            start.wait()
            registration.register(person, sessie.pk, person.email)
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(p,)) for p in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert not errors
    assert Inschrijving.objects.filter(status="ingeschreven").count() == 3
    assert Inschrijving.objects.filter(status="wachtlijst").count() == 5
