"""figures.py against numbers worked out by hand from the data below (and recomputed from these lists)."""

from datetime import date

import pytest

from rapportage import figures
from rapportage.figures import Periode
from rapportage.tests.conftest import add_gamma, exact_vacancy_factory
from reacties.models import Dagcijfers
from taxonomie.models import Regio
from vacatures.tests.fixtures import vacancy_factory

P2024 = Periode(date(2024, 1, 1), date(2024, 12, 31))

# key, employer, publicatiedatum, vervuld_op, vervuld_door, live
VACANCIES = [
    ("a1", "alfa", date(2024, 3, 1), date(2024, 5, 1), "eigen", True),
    ("a2", "alfa", date(2024, 12, 31), None, "", True),  # last day of the period
    ("a3", "alfa", date(2023, 11, 1), date(2024, 1, 1), "netwerk", True),  # published before, filled on day one
    ("a4", "alfa", date(2024, 6, 1), date(2025, 1, 1), "extern", True),  # filled after the period
    ("a5", "alfa", date(2024, 4, 1), date(2024, 7, 1), "eigen", False),  # never published: not counted
    ("b1", "beta", date(2024, 1, 1), date(2024, 12, 31), "extern", True),  # first and last day
    ("b2", "beta", date(2023, 12, 31), None, "", True),  # the day before
    ("b3", "beta", date(2025, 1, 1), None, "", True),  # the day after
    ("b4", "beta", date(2024, 8, 1), date(2024, 9, 1), "", True),  # filled, by whom unknown (older data)
]
# key, datum, weergaven, reacties eigen, netwerk, extern
DAILY = [
    ("a1", date(2024, 3, 1), 100, 2, 1, 0),
    ("a1", date(2024, 3, 2), 50, 0, 3, 4),
    ("a1", date(2023, 12, 31), 999, 9, 9, 9),  # before
    ("a3", date(2024, 1, 1), 10, 1, 0, 0),
    ("b1", date(2024, 12, 31), 70, 0, 2, 5),
    ("b1", date(2025, 1, 1), 999, 9, 9, 9),  # after
    ("b2", date(2024, 2, 2), 5, 0, 0, 1),
]

# Worked out by hand from the lists above.
EXPECTED_2024 = {
    "Alfa": dict(gepubliceerd=3, vervuld=2, vervuld_eigen=1, vervuld_netwerk=1, vervuld_extern=0, vervuld_onbekend=0,
                 reacties=11, reacties_eigen=3, reacties_netwerk=4, reacties_extern=4, weergaven=160),
    "Beta": dict(gepubliceerd=2, vervuld=2, vervuld_eigen=0, vervuld_netwerk=0, vervuld_extern=1, vervuld_onbekend=1,
                 reacties=8, reacties_eigen=0, reacties_netwerk=2, reacties_extern=6, weergaven=75),
    "Gamma": dict(gepubliceerd=0, vervuld=0, vervuld_eigen=0, vervuld_netwerk=0, vervuld_extern=0, vervuld_onbekend=0,
                  reacties=0, reacties_eigen=0, reacties_netwerk=0, reacties_extern=0, weergaven=0),
}


def recomputed(employer, periode):
    """The same figures, recomputed in Python from the lists (a second, independent route)."""

    def inside(day):
        return day is not None and periode.van <= day <= periode.tot

    counted = [v for v in VACANCIES if v[1] == employer and v[5]]
    mine = {v[0] for v in VACANCIES if v[1] == employer}
    days = [d for d in DAILY if d[0] in mine and inside(d[1])]
    result = dict(
        gepubliceerd=sum(inside(v[2]) for v in counted),
        vervuld=sum(inside(v[3]) for v in counted),
        **{f"vervuld_{h}": sum(inside(v[3]) and v[4] == h for v in counted) for h in ("eigen", "netwerk", "extern")},
        vervuld_onbekend=sum(inside(v[3]) and not v[4] for v in counted),
        weergaven=sum(d[2] for d in days),
        reacties_eigen=sum(d[3] for d in days), reacties_netwerk=sum(d[4] for d in days),
        reacties_extern=sum(d[5] for d in days),
    )
    result["reacties"] = result["reacties_eigen"] + result["reacties_netwerk"] + result["reacties_extern"]
    return result


def build_dataset(network):
    gamma, set_vacancy = add_gamma(network), exact_vacancy_factory(vacancy_factory(network))
    vacancies = {}
    for key, employer, published, filled, by, live in VACANCIES:
        vacancies[key] = set_vacancy(
            employer, f"Vacature {key}", published, vervuld_op=filled, vervuld_door=by, live=live,
        )
    for key, datum, views, eigen, netwerk, extern in DAILY:
        Dagcijfers.objects.create(
            vacature=vacancies[key], datum=datum, weergaven=views,
            reacties_eigen=eigen, reacties_netwerk=netwerk, reacties_extern=extern,
        )
    return {"network": network, "gamma": gamma, "vacancies": vacancies}


# Every test of this module (and of test_views.py) only reads the data set: it is made once per module.
@pytest.fixture(scope="module")
def dataset(module_network):
    return build_dataset(module_network)


def all_ids(dataset):
    return {dataset["network"]["alfa"].pk, dataset["network"]["beta"].pk, dataset["gamma"].pk}


def by_name(rows):
    return {row["organisatie"]: {key: row[key] for key in figures.GETALLEN} for row in rows}


def test_figures_per_organisation_match_the_hand_worked_numbers(dataset):
    rows, totals = figures.organisation_figures(P2024, None, all_ids(dataset))
    assert [row["organisatie"] for row in rows] == ["Alfa", "Beta", "Gamma"]  # every employer, also with zeros
    assert by_name(rows) == EXPECTED_2024
    assert {name: recomputed(name.lower(), P2024) for name in ("Alfa", "Beta", "Gamma")} == EXPECTED_2024
    assert [row["regio"] for row in rows] == ["Twente", "Gelderland", "Twente"]


def test_totals_are_the_sums_of_the_rows(dataset):
    rows, totals = figures.organisation_figures(P2024, None, all_ids(dataset))
    for key in figures.GETALLEN:
        assert totals[key] == sum(row[key] for row in rows), key
    assert totals["gepubliceerd"] == 5 and totals["vervuld"] == 4 and totals["reacties"] == 19
    assert totals["weergaven"] == 235
    for row in [*rows, totals]:
        assert row["reacties"] == row["reacties_eigen"] + row["reacties_netwerk"] + row["reacties_extern"]
        assert row["vervuld"] == sum(row[f"vervuld_{h}"] for h in ("eigen", "netwerk", "extern", "onbekend"))


@pytest.mark.parametrize("periode", [
    Periode(date(2024, 3, 1), date(2024, 3, 1)),
    Periode(date(2023, 12, 31), date(2024, 1, 1)),
    Periode(date(2025, 1, 1), date(2025, 12, 31)),
    Periode(date(2020, 1, 1), date(2030, 12, 31)),
])
def test_other_periods_agree_with_the_lists(dataset, periode):
    rows, _ = figures.organisation_figures(periode, None, all_ids(dataset))
    assert by_name(rows) == {name: recomputed(name.lower(), periode) for name in ("Alfa", "Beta", "Gamma")}


def test_region_and_visible_employers_narrow_the_rows(dataset):
    twente = Regio.objects.get(naam="Twente")
    rows, totals = figures.organisation_figures(P2024, twente, all_ids(dataset))
    assert [row["organisatie"] for row in rows] == ["Alfa", "Gamma"]
    assert totals["reacties"] == 11 and totals["gepubliceerd"] == 3
    assert {row["organisatie"] for row in figures.top_vacancies(P2024, twente, all_ids(dataset))} == {"Alfa"}

    beta_only = {dataset["network"]["beta"].pk}
    rows, totals = figures.organisation_figures(P2024, None, beta_only)
    assert by_name(rows) == {"Beta": EXPECTED_2024["Beta"]}
    assert figures.organisation_figures(P2024, twente, beta_only)[0] == []


def test_top_vacancies_in_the_period(dataset):
    top = figures.top_vacancies(P2024, None, all_ids(dataset))
    assert [(row["plaats"], row["vacature"], row["reacties"]) for row in top] == [
        (1, "Vacature a1", 10), (2, "Vacature b1", 7), (3, "Vacature a3", 1), (4, "Vacature b2", 1),
    ]
    first = top[0]
    assert (first["reacties_eigen"], first["reacties_netwerk"], first["reacties_extern"], first["weergaven"]) == (
        2, 4, 4, 150,
    )
    assert first["organisatie"] == "Alfa" and first["dienstverband"] == "Vast"


def test_aggregation_happens_in_the_database(dataset, django_assert_num_queries):
    with django_assert_num_queries(2):
        figures.organisation_figures(P2024, None, all_ids(dataset))
    with django_assert_num_queries(1):
        figures.top_vacancies(P2024, None, all_ids(dataset))


def test_period_must_run_forwards():
    with pytest.raises(ValueError):
        Periode(date(2024, 2, 1), date(2024, 1, 31))
