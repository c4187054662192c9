"""The top 10 vacancies by reactions: order, ties and the cap (without the data set of test_figures.py)."""

from datetime import date

import pytest

from rapportage import figures
from reacties.models import Dagcijfers

from .test_figures import P2024

# Reactions per vacancy for the top 10: twelve vacancies, two of them tied.
TOP_REACTIONS = [5, 12, 3, 7, 7, 1, 9, 11, 2, 8, 10, 4]
DIENSTVERBANDEN = ["vast", "tijdelijk", "detachering", "tijdelijke_opdracht", "traineeship", "stage"]


@pytest.fixture
def twelve(network, set_vacancy):
    vacancies = []
    for number, reactions in enumerate(TOP_REACTIONS):
        employer = "alfa" if number % 2 == 0 else "beta"
        vacancy = set_vacancy(employer, f"Functie {number:02d}", date(2024, 2, 1),
                              dienstverband=DIENSTVERBANDEN[number % len(DIENSTVERBANDEN)])
        # Split over two days and over the three origins.
        Dagcijfers.objects.create(vacature=vacancy, datum=date(2024, 2, 1), weergaven=3 * reactions,
                                  reacties_eigen=reactions // 2, reacties_netwerk=0, reacties_extern=0)
        Dagcijfers.objects.create(vacature=vacancy, datum=date(2024, 2, 2), weergaven=1,
                                  reacties_eigen=0, reacties_netwerk=reactions - reactions // 2 - reactions // 3,
                                  reacties_extern=reactions // 3)
        # Outside the period: would change the order if it counted.
        Dagcijfers.objects.create(vacature=vacancy, datum=date(2025, 1, 1), reacties_extern=100 * (12 - number))
        vacancies.append((vacancy, employer, reactions))
    quiet = set_vacancy("alfa", "Alleen bekeken", date(2024, 2, 1))
    Dagcijfers.objects.create(vacature=quiet, datum=date(2024, 3, 1), weergaven=500)
    return vacancies


def test_top_10_order_and_cap(twelve, network):
    ids = {network["alfa"].pk, network["beta"].pk}
    top = figures.top_vacancies(P2024, None, ids)
    expected = sorted(((-reactions, vacancy.title), vacancy, employer) for vacancy, employer, reactions in twelve)[:10]
    assert len(top) == 10
    assert [row["vacature"] for row in top] == [vacancy.title for _, vacancy, _ in expected]
    assert [row["reacties"] for row in top] == [12, 11, 10, 9, 8, 7, 7, 5, 4, 3]
    assert [row["plaats"] for row in top] == list(range(1, 11))
    assert top[5]["vacature"] < top[6]["vacature"]  # the tie at 7, by title
    labels = {"vast": "Vast", "tijdelijk": "Tijdelijk", "detachering": "Detachering",
              "tijdelijke_opdracht": "Tijdelijke opdracht", "traineeship": "Traineeship", "stage": "Stage"}
    for row, (_, vacancy, employer) in zip(top, expected, strict=True):
        assert row["dienstverband"] == labels[vacancy.dienstverband]
        assert row["organisatie"] == employer.capitalize()
        assert row["reacties"] == row["reacties_eigen"] + row["reacties_netwerk"] + row["reacties_extern"]
    assert "Alleen bekeken" not in {row["vacature"] for row in top}
