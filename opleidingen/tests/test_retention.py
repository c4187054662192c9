"""Registrations lose their name and employee on 1 February of the year after the session; counts stay."""

from datetime import date, datetime, timedelta

from django.utils import timezone

from medewerkers.models import Medewerker
from opleidingen.models import Inschrijving, Sessie
from opleidingen.retention import first_kept_day, purge

pytest_plugins = ["opleidingen.tests.fixtures"]


def test_first_kept_day():
    assert first_kept_day(date(2026, 1, 31)) == date(2024, 1, 1)
    assert first_kept_day(date(2026, 2, 1)) == date(2025, 1, 1)


def test_purge_keeps_the_counts(network, make_training):
    page = make_training("Oud en nieuw", sessions=[])
    medewerker = Medewerker.objects.create(email="oud@alfa.example", werkgever=network["alfa"])
    for year in (2024, 2025):
        start = timezone.make_aware(datetime(year, 12, 31, 10))
        sessie = Sessie.objects.create(opleiding=page, start=start, einde=start + timedelta(hours=1), plaats="Borne",
                                       capaciteit=5, inschrijven_tot=start)
        Inschrijving.objects.create(medewerker=medewerker, werkgever=network["alfa"], sessie=sessie,
                                    naam=f"Naam {year}", status="ingeschreven")
    assert purge(date(2026, 1, 31)) == 0
    assert purge(date(2026, 2, 1)) == 1
    rows = sorted(Inschrijving.objects.values_list("sessie__start__year", "naam", "medewerker_id", "werkgever_id"))
    assert rows == [(2024, "", None, network["alfa"].pk), (2025, "Naam 2025", medewerker.pk, network["alfa"].pk)]
    assert purge(date(2026, 2, 1)) == 0
