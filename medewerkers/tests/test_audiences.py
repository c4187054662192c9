"""What each audience sees in each channel: anonymous, an employee of Alfa, an employee of Beta."""

import json
import re

import pytest
from django.test import Client

from conftest import sign_in
from vacatures.tests import fixtures

# Written out by hand from the phases in vacatures/tests/fixtures.py (PHASES):
PUBLIC = {"openbaar", "direct"}
NETWORK = {"netwerk", "nooit-openbaar"}  # 'onder water': every participant's employees


def expected(audience):
    """{(employer, phase)} visible to `audience` ('anoniem', 'alfa' or 'beta')."""
    seen = {(e, p) for e in ("alfa", "beta") for p in PUBLIC}
    if audience != "anoniem":
        seen |= {(e, p) for e in ("alfa", "beta") for p in NETWORK}
        seen.add((audience, "intern"))
    return seen


# Every test here only reads: the network, its vacancies and the signed-in clients are made once for the module.
network, every_phase = fixtures.network_from_module, fixtures.every_phase_from_module


@pytest.fixture(scope="module")
def clients(module_network):
    return {"anoniem": Client(), **{e: sign_in(f"medewerker@{e}.example") for e in ("alfa", "beta")}}


def titles(every_phase, keys):
    return {every_phase[k].title for k in keys}


@pytest.mark.parametrize("audience", ["anoniem", "alfa", "beta"])
def test_listing_counts_search_employer_pages_and_vacancy_pages(clients, every_phase, audience):
    c = clients[audience]
    want = expected(audience)
    listing = c.get("/vacatures/")
    assert {v.title for v in listing.context["vacatures"]} == titles(every_phase, want)
    organisations = next(f for f in listing.context["search"].facets if f.name == "organisatie")
    assert {o.value: o.count for o in organisations.options} == {
        e: sum(1 for k in want if k[0] == e) for e in ("alfa", "beta")
    }
    searched = c.get("/vacatures/", {"q": "Verborgen"}).context["vacatures"]
    assert {v.title for v in searched} == {t for t in titles(every_phase, want) if t.startswith("Verborgen")}
    for employer in ("alfa", "beta"):
        html = c.get(f"/werkgevers/{employer}/").content.decode()
        for key, vacancy in every_phase.items():
            if key[0] == employer:
                assert (vacancy.title in html) == (key in want), (audience, key)
    for key, vacancy in every_phase.items():
        status = c.get(vacancy.url).status_code
        if key in want:
            assert status == 200, (audience, key)
        else:
            assert status in (404, 410), (audience, key)


@pytest.mark.parametrize("audience", ["anoniem", "alfa", "beta"])
def test_site_search_follows_the_audience(clients, every_phase, audience):
    found = clients[audience].get("/zoeken/", {"q": "Verborgen"})
    titles_found = {page.title for page, _ in found.context["results"]}
    assert titles_found == {t for t in titles(every_phase, expected(audience)) if t.startswith("Verborgen")}


@pytest.mark.parametrize("audience", ["alfa", "beta"])
def test_feed_sitemap_api_and_json_ld_stay_public_whoever_asks(clients, every_phase, audience):
    c = clients[audience]
    hidden = [v for k, v in every_phase.items() if k not in expected("anoniem")]
    for path in ["/vacatures/feed/", "/sitemap.xml", "/api/v2/pages/?type=vacatures.VacaturePage&limit=100"]:
        body = c.get(path).content.decode()
        for vacancy in hidden:
            assert vacancy.title not in body, (path, vacancy.title)
    internal = every_phase[(audience, "intern")]
    html = c.get(internal.url).content.decode()
    assert internal.title in html and "application/ld+json" not in html
    assert 'content="noindex' in html
    public = every_phase[(audience, "openbaar")]
    data = re.search(r'<script type="application/ld\+json">(.*?)</script>', c.get(public.url).content.decode(), re.S)
    assert json.loads(data.group(1))["title"] == public.title


def test_cache_never_serves_one_audience_to_another(clients, every_phase):
    secret = every_phase[("alfa", "intern")].title
    order = ["alfa", "anoniem", "beta", "alfa", "anoniem", "beta"]  # each fills or hits the cache in turn
    for audience in order:
        listed = {v.title for v in clients[audience].get("/vacatures/").context["vacatures"]}
        assert (secret in listed) == (audience == "alfa"), audience
        assert listed == titles(every_phase, expected(audience))
    response = clients["alfa"].get("/vacatures/")
    assert "private" in response["Cache-Control"] and "Cookie" in response["Vary"]


@pytest.mark.parametrize("audience", ["anoniem", "alfa", "beta"])
def test_suggestions_follow_the_audience(clients, every_phase, audience):
    data = clients[audience].get("/zoeken/suggesties", {"q": "verbor"}).json()
    suggested = {s["title"] for s in data["suggestions"]}
    assert suggested == {t for t in titles(every_phase, expected(audience)) if t.startswith("Verborgen")}
