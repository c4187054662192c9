"""/vacatures/: facet counts against counts computed here, sorting, cards, the RSS feed's filters."""

import copy
import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest

from vacatures.tests import fixtures
from vacatures.tests.fixtures import TODAY, vacancy_factory

# Public vacancies with hand-picked properties. Hours bands by hand: a vacancy belongs to each band
# its range reaches into (tot-16 <16, 16-24, 24-32, 32-36, 36-plus >=36).
DATA = [
    dict(title="Beleidsmedewerker", employer="alfa", dienstverband="vast", uren=(32, 36), schaal=10,
         vakgebied="beleid", bands={"32-36", "36-plus"}, schaalband="9-10", closes_in=5),
    dict(title="Jurist", employer="alfa", dienstverband="tijdelijk", uren=(36, 36), schaal=11,
         vakgebied="juridisch", bands={"36-plus"}, schaalband="11-12", closes_in=15),
    dict(title="Baliemedewerker", employer="beta", dienstverband="vast", uren=(16, 24), schaal=6,
         vakgebied="dienstverlening", bands={"16-24", "24-32"}, schaalband="tot-6", closes_in=1),
    dict(title="Stagiair", employer="beta", dienstverband="stage", uren=(8, 16), schaal=None,
         vakgebied="beleid", bands={"tot-16", "16-24"}, schaalband=None, closes_in=30),
    dict(title="Teamleider", employer="beta", dienstverband="vast", uren=(36, 40), schaal=13,
         vakgebied="bestuur", bands={"36-plus"}, schaalband="13-plus", closes_in=9),
]
REGION = {"alfa": "twente", "beta": "gelderland"}


# The vacancies are made once for the module; each test gets its own copies (one unpublishes a vacancy).
network = fixtures.network_from_module


@pytest.fixture(scope="module")
def module_public_vacancies(module_network):
    make_vacancy = vacancy_factory(module_network)
    result = {}
    for i, d in enumerate(DATA):
        result[d["title"]] = make_vacancy(
            d["employer"], d["title"], published_days_ago=30 + i, closes_in=d["closes_in"],
            dienstverband=d["dienstverband"], uren_min=d["uren"][0], uren_max=d["uren"][1],
            salarisschaal=d["schaal"], vakgebied=d["vakgebied"],
        )
    make_vacancy("alfa", "Verborgen intern", published_days_ago=1)  # must never count
    return result


@pytest.fixture
def public_vacancies(module_public_vacancies):
    return copy.deepcopy(module_public_vacancies)


def values(d, facet):
    return {
        "organisatie": {d["employer"]}, "regio": {REGION[d["employer"]]}, "dienstverband": {d["dienstverband"]},
        "uren": d["bands"], "schaal": {d["schaalband"]} - {None}, "vakgebied": {d["vakgebied"]},
    }[facet]


def expected(selected, facet):
    counts = {}
    for d in DATA:
        if all(values(d, f) & set(v) for f, v in selected.items() if f != facet):
            for value in values(d, facet):
                counts[value] = counts.get(value, 0) + 1
    return counts


@pytest.mark.parametrize("selected", [
    {},
    {"uren": ["36-plus"]},
    {"dienstverband": ["vast"], "regio": ["gelderland"]},
    {"uren": ["16-24", "32-36"], "vakgebied": ["beleid"]},
    {"schaal": ["9-10", "13-plus"], "organisatie": ["beta"]},
])
def test_facet_counts(client, public_vacancies, selected):
    query = "&".join(f"{f}={v}" for f, vs in selected.items() for v in vs)
    search = client.get("/vacatures/?" + query).context["search"]
    assert search.total == sum(1 for d in DATA if all(values(d, f) & set(v) for f, v in selected.items()))
    for facet in search.facets:
        assert {o.value: o.count for o in facet.options if o.count} == expected(selected, facet.name), facet.name


def test_sorting_by_closing_date_and_newest(client, public_vacancies):
    by_closing = [v.title for v in client.get("/vacatures/?sorteer=sluitingsdatum").context["vacatures"]]
    assert by_closing == [d["title"] for d in sorted(DATA, key=lambda d: d["closes_in"])]
    newest = [v.title for v in client.get("/vacatures/").context["vacatures"]]
    assert newest == [d["title"] for d in DATA]  # published 30, 31, 32, ... days ago


def test_card_shows_what_a_job_seeker_needs(client, public_vacancies):
    html = client.get("/vacatures/?organisatie=beta").content.decode()
    assert "Baliemedewerker" in html and "16–24 uur per week" in html
    assert "reageren kan nog 1 dag" in html
    assert "reageren kan nog 9 dagen" in html
    assert (TODAY + timedelta(days=9)).strftime("%Y") in html


def test_more_than_one_filter_is_noindex(client, public_vacancies):
    assert "noindex" not in client.get("/vacatures/?regio=twente").content.decode()
    assert "noindex" in client.get("/vacatures/?regio=twente&uren=36-plus").content.decode()


def test_feed_takes_the_same_filters(client, public_vacancies):
    response = client.get("/vacatures/feed/?dienstverband=vast&regio=gelderland")
    assert response["Content-Type"].startswith("application/rss+xml")
    titles = [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]
    assert sorted(titles) == ["Baliemedewerker – Beta", "Teamleider – Beta"]


@pytest.mark.parametrize("query", ["uren=99", "pagina=abc", "q=%22(", "schaal=&schaal=x", "sorteer=drop"])
def test_bad_parameters_answer_200(client, public_vacancies, query):
    assert client.get("/vacatures/?" + query).status_code == 200


def test_the_cached_listing_follows_unpublishing_and_a_renamed_region(client, public_vacancies):
    """The listing is cached per audience (vacatures/cache.py); every change to pages or taxonomy is a new
    content version, so a region renamed in the taxonomy shows at once, not after the cache's hour."""
    from taxonomie.models import Regio

    first = client.get("/vacatures/").content.decode()
    assert "Jurist" in first and "Twente" in first and "Twente en Salland" not in first
    region = Regio.objects.get(naam="Twente")
    region.naam = "Twente en Salland"
    region.save()
    assert "Twente en Salland" in client.get("/vacatures/").content.decode()
    public_vacancies["Jurist"].unpublish()
    assert "Jurist" not in client.get("/vacatures/").content.decode()
