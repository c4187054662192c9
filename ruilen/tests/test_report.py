"""Jouw Baan Mijn Baan in the management report: per employer for the period and per year, against counts
worked out by hand from the data below."""

from datetime import date, datetime

from django.test import Client
from django.utils import timezone

from rapportage.tests.test_views import body_of, table
from ruilen import figures
from ruilen.models import Aanbodtelling, Deelname, Ruil

from .conftest import coordinator_user, editor_user

URL = "/admin/rapportage/management/?van=2026-01-01&tot=2026-12-31"


def noon(year, month, day):
    return timezone.make_aware(datetime(year, month, day, 12))


def build(network):
    offered = {"alfa": [date(2025, 3, 1), date(2026, 2, 1), date(2026, 6, 1)], "beta": [date(2026, 1, 10)],
               "gamma": [date(2025, 12, 31)]}
    for employer, days in offered.items():
        for day in days:
            Aanbodtelling.objects.create(werkgever=network[employer], aangeboden_op=day)
    swaps = [  # (employers, found, agreed, completed)
        (["alfa", "beta"], noon(2026, 2, 1), noon(2026, 3, 1), noon(2026, 7, 1)),
        (["alfa", "gamma", "delta"], noon(2025, 11, 1), noon(2026, 1, 15), None),
        (["beta", "gamma"], noon(2026, 5, 1), None, None),
    ]
    for number, (employers, found, agreed, completed) in enumerate(swaps):
        ruil = Ruil.objects.create(sleutel=f"test:{number}", soort="paar" if len(employers) == 2 else "ring")
        Ruil.objects.filter(pk=ruil.pk).update(aangemaakt=found, akkoord_op=agreed, afgerond_op=completed)
        for position, employer in enumerate(employers):
            Deelname.objects.create(ruil=ruil, positie=position, werkgever=network[employer])


# Worked out by hand from build(): (offered, found, agreed, completed) in 2026.
EXPECTED_2026 = {
    "Alfa": [2, 1, 2, 1], "Beta": [1, 2, 1, 1], "Delta": [0, 0, 1, 0], "Gamma": [0, 1, 1, 0],
}
TOTAL_2026 = [3, 2, 2, 1]  # each swap once
PER_YEAR = [[2025, 2, 1, 0, 0], [2026, 3, 2, 2, 1]]
ALFA_PER_YEAR = [[2025, 1, 1, 0, 0], [2026, 2, 1, 2, 1]]


def ids(network, *keys):
    return [network[key].pk for key in keys]


def test_figures(swap_network):
    build(swap_network)
    everyone = ids(swap_network, "alfa", "beta", "gamma", "delta")
    rows, totals = figures.per_employer(date(2026, 1, 1), date(2026, 12, 31), everyone)
    assert {row["organisatie"]: [row[k] for k in figures.GETALLEN] for row in rows} == EXPECTED_2026
    assert [totals[k] for k in figures.GETALLEN] == TOTAL_2026
    assert [[row["jaar"], *(row[k] for k in figures.GETALLEN)] for row in figures.per_year(everyone)] == PER_YEAR
    assert [[row["jaar"], *(row[k] for k in figures.GETALLEN)] for row in
            figures.per_year(ids(swap_network, "alfa"))] == ALFA_PER_YEAR


def test_report_page_per_reader(swap_network):
    build(swap_network)
    coordinator = Client()
    coordinator.force_login(coordinator_user())
    html = coordinator.get(URL).content.decode()
    body = body_of(table(html, "tabel-ruilen"))
    assert body == [[name, *numbers] for name, numbers in sorted(EXPECTED_2026.items())] + [
        ["Totaal (elke ruil één keer)", *TOTAL_2026]]
    assert body_of(table(html, "tabel-ruilen-jaar")) == [[str(y), *rest] for y, *rest in PER_YEAR]

    editor = Client()
    editor.force_login(editor_user(swap_network, "alfa"))
    html = editor.get(URL).content.decode()
    assert body_of(table(html, "tabel-ruilen")) == [["Alfa", *EXPECTED_2026["Alfa"]], ["Totaal (elke ruil één keer)",
                                                                                       2, 1, 2, 1]]
    assert body_of(table(html, "tabel-ruilen-jaar")) == [[str(y), *rest] for y, *rest in ALFA_PER_YEAR]
