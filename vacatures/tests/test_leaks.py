"""No channel reveals a vacancy that is not public: not its title, not its existence, not a count."""

import json
import re
import xml.etree.ElementTree as ET

import pytest

from vacatures.tests import fixtures
from vacatures.tests.fixtures import VISIBLE_TO_PUBLIC

# Every test here only reads: the network and its vacancies are made once for the module.
network, every_phase = fixtures.network_from_module, fixtures.every_phase_from_module


@pytest.fixture
def hidden(every_phase):
    return [v for (_, phase), v in every_phase.items() if phase not in VISIBLE_TO_PUBLIC]


@pytest.fixture
def visible(every_phase):
    return [v for (_, phase), v in every_phase.items() if phase in VISIBLE_TO_PUBLIC]


def assert_no_hidden(text, hidden, query_echoed=False):
    for vacancy in hidden:
        assert vacancy.title not in text, vacancy.title
        assert vacancy.slug not in text, vacancy.slug
    if not query_echoed:
        assert "Verborgen" not in text


def test_listing_and_facet_counts(client, hidden, visible):
    response = client.get("/vacatures/")
    assert response.status_code == 200
    assert_no_hidden(response.content.decode(), hidden)
    search = response.context["search"]
    assert search.total == len(visible) == 4
    assert {v.title for v in response.context["vacatures"]} == {v.title for v in visible}
    organisations = next(f for f in search.facets if f.name == "organisatie")
    assert {o.value: o.count for o in organisations.options} == {"alfa": 2, "beta": 2}
    for facet in search.facets:
        assert sum(o.count for o in facet.options) <= len(visible) or facet.name == "uren"


def test_text_search_on_the_listing_finds_nothing_hidden(client, hidden):
    response = client.get("/vacatures/", {"q": "Verborgen"})
    assert response.context["search"].total == 0
    assert_no_hidden(response.content.decode(), hidden, query_echoed=True)


def test_site_search(client, hidden, visible):
    response = client.get("/zoeken/", {"q": "Verborgen"})
    assert response.status_code == 200
    assert response.context["search"].total == 0
    response = client.get("/zoeken/", {"q": "Zichtbaar"})
    assert response.context["search"].total == len(visible)
    assert_no_hidden(response.content.decode(), hidden)


def test_employer_pages(client, network, hidden, visible):
    html = client.get("/werkgevers/alfa/").content.decode()
    assert_no_hidden(html, hidden)
    assert {"Zichtbaar openbaar Alfa", "Zichtbaar direct Alfa"} <= set(re.findall(r"Zichtbaar \w+ Alfa", html))
    index = client.get("/werkgevers/").content.decode()
    assert sorted(re.findall(r">(\w+)</a> — (\d+) open vacature", index)) == [("Alfa", "2"), ("Beta", "2")]


def test_rss_feed(client, hidden, visible):
    response = client.get("/vacatures/feed/")
    assert response.status_code == 200
    assert_no_hidden(response.content.decode(), hidden)
    titles = {item.findtext("title") for item in ET.fromstring(response.content).iter("item")}
    assert titles == {f"{v.title} – {v.werkgever.title}" for v in visible}


def test_sitemap(client, hidden, visible):
    xml = client.get("/sitemap.xml").content.decode()
    assert_no_hidden(xml, hidden)
    for vacancy in visible:
        assert vacancy.slug in xml


def test_api(client, hidden, visible, network):
    listing = client.get("/api/v2/pages/?type=vacatures.VacaturePage&limit=100").json()
    assert listing["meta"]["total_count"] == len(visible)
    assert {item["title"] for item in listing["items"]} == {v.title for v in visible}
    everything = client.get("/api/v2/pages/?limit=100").content.decode()
    assert_no_hidden(everything, hidden)
    children = client.get(f"/api/v2/pages/?child_of={network['alfa'].pk}").content.decode()
    assert_no_hidden(children, hidden)
    for vacancy in hidden:
        assert client.get(f"/api/v2/pages/{vacancy.pk}/").status_code == 404
        found = client.get("/api/v2/pages/find/", {"html_path": vacancy.url})
        assert found.status_code == 404


def test_own_url_answers_as_if_it_did_not_exist(client, every_phase):
    missing = client.get("/werkgevers/alfa/bestaat-niet/")
    for (_, phase), vacancy in every_phase.items():
        response = client.get(vacancy.url)
        html = response.content.decode()
        if phase in VISIBLE_TO_PUBLIC:
            assert response.status_code == 200
        elif phase == "gesloten":
            continue  # was public once: see test_closed_vacancy_says_so
        else:
            assert response.status_code == missing.status_code == 404, (phase, response.status_code)
            assert vacancy.title not in html
            assert "application/ld+json" not in html


def test_closed_vacancy_says_so_without_a_way_to_react(client, every_phase):
    vacancy = every_phase[("alfa", "gesloten")]
    response = client.get(vacancy.url)
    html = response.content.decode()
    assert response.status_code == 410
    assert "Deze vacature is gesloten" in html
    assert "Alfa" in html and vacancy.sluitingsdatum.strftime("%Y") in html
    assert 'content="noindex' in html and response["X-Robots-Tag"] == "noindex"
    assert "Reageren" not in html.replace("Reageren kan niet meer", "")
    assert "application/ld+json" not in html


def test_json_ld_only_on_public_vacancies(client, every_phase):
    vacancy = every_phase[("alfa", "openbaar")]
    html = client.get(vacancy.url).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["@type"] == "JobPosting"
    assert data["title"] == vacancy.title
    assert data["hiringOrganization"]["name"] == "Alfa"
    assert data["datePosted"] == vacancy.start_openbaar.isoformat()
    assert data["validThrough"].startswith(vacancy.sluitingsdatum.isoformat() + "T23:59:59+0")
    assert data["employmentType"] == "FULL_TIME"
    assert data["baseSalary"] == {
        "@type": "MonetaryAmount", "currency": "EUR",
        "value": {"@type": "QuantitativeValue", "unitText": "MONTH", "minValue": 3400, "maxValue": 4900},
    }
    assert data["jobLocation"]["address"]["addressLocality"] == "Enschede"
    assert data["identifier"]["value"] == vacancy.vacaturenummer
    assert "Een mooie baan." in data["description"]


def test_home_page_count(client, hidden, visible):
    html = client.get("/").content.decode()
    assert f"Er staan nu {len(visible)} vacatures open." in html
