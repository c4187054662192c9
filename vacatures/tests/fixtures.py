"""A small network: employers Alfa and Beta, and a factory for vacancies in any phase.

A test module whose tests only read the network (and the vacancies in every phase) makes them once for the
module (see conftest.module_db): `network = network_from_module` and `every_phase = every_phase_from_module`.
"""

import copy
from datetime import timedelta

import pytest

from home.site_setup import ensure_vacancy_pages
from taxonomie.models import Organisatie, Regio
from vacatures import phases
from vacatures.models import OrganisatiePage, VacaturePage

TODAY = phases.local_date()


def build_network():
    werkgevers, vacatures = ensure_vacancy_pages()
    twente, _ = Regio.objects.get_or_create(naam="Twente")
    gelderland, _ = Regio.objects.get_or_create(naam="Gelderland")

    def employer(name, regio):
        page = werkgevers.add_child(instance=OrganisatiePage(
            title=name, slug=name.lower(), organisatie=Organisatie.objects.create(naam=name), regio=regio,
            email_domeinen=f"{name.lower()}.example", standaard_plaats=name,
        ))
        page.save_revision().publish()
        return page

    return {
        "werkgevers": werkgevers, "vacatures": vacatures,
        "alfa": employer("Alfa", twente), "beta": employer("Beta", gelderland),
    }


@pytest.fixture
def network(db):
    return build_network()


@pytest.fixture(scope="module")
def module_network(module_db):
    return build_network()


@pytest.fixture
def network_from_module(module_network):
    """In a module that assigns `network = network_from_module`: the network, made once for the module."""
    return copy.deepcopy(module_network)


def vacancy_factory(network):
    """make("alfa", "Titel", published_days_ago=30, closes_in=10, route="standaard", live=True, **fields)."""

    def make(employer, title, published_days_ago=30, closes_in=10, route="standaard", live=True, **fields):
        values = dict(
            dienstverband="vast", uren_min=32, uren_max=36, salarisschaal=10, salaris_min=3400, salaris_max=4900,
            opleidingsniveau="hbo", vakgebied="beleid", werkplaats="Enschede", contactpersoon="P. de Vries",
            omschrijving="<p>Een mooie baan.</p>", vacaturenummer=f"V-{title[:10]}",
        )
        values.update(fields)
        vacancy = VacaturePage(
            title=title, publicatieroute=route, publicatiedatum=TODAY - timedelta(days=published_days_ago),
            sluitingsdatum=TODAY + timedelta(days=closes_in), **values,
        )
        page = network[employer] if isinstance(employer, str) else employer
        vacancy.fill_phase_dates_for(page)
        page.add_child(instance=vacancy)
        if live:
            vacancy.save_revision().publish()
        return vacancy

    return make


@pytest.fixture
def make_vacancy(network):
    return vacancy_factory(network)


# Every phase, for both employers. With the employers' defaults (7 days intern, 14 days netwerk):
# published 30 days ago -> public since 9 days; 2 days ago -> intern; 10 days ago -> netwerk.
PHASES = {
    "openbaar": dict(published_days_ago=30, closes_in=10),
    "direct": dict(published_days_ago=1, closes_in=20, route="direct_openbaar"),
    "intern": dict(published_days_ago=2, closes_in=25),
    "netwerk": dict(published_days_ago=10, closes_in=20),
    "gepland": dict(published_days_ago=-3, closes_in=25),
    "gesloten": dict(published_days_ago=40, closes_in=-1),
    "nooit-openbaar": dict(published_days_ago=25, closes_in=5, route="niet_openbaar"),
    "nooit-openbaar-gesloten": dict(published_days_ago=25, closes_in=-2, route="niet_openbaar"),
}
VISIBLE_TO_PUBLIC = {"openbaar", "direct"}


def build_every_phase(make_vacancy):
    """{(employer, phase): vacancy} with titles like 'Zichtbaar openbaar Alfa' / 'Verborgen intern Beta'."""
    result = {}
    for employer in ("alfa", "beta"):
        for phase, kwargs in PHASES.items():
            word = "Zichtbaar" if phase in VISIBLE_TO_PUBLIC else "Verborgen"
            title = f"{word} {phase} {employer.capitalize()}"
            result[(employer, phase)] = make_vacancy(employer, title, **kwargs)
    return result


@pytest.fixture
def every_phase(make_vacancy):
    return build_every_phase(make_vacancy)


@pytest.fixture(scope="module")
def module_every_phase(module_network):
    return build_every_phase(vacancy_factory(module_network))


@pytest.fixture
def every_phase_from_module(module_every_phase):
    """In a module that assigns `every_phase = every_phase_from_module`: made once for the module."""
    return copy.deepcopy(module_every_phase)
