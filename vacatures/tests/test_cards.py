"""What a vacancy card and page tell (issue 18, items 4 and 10): salary with a Dutch thousands
separator, the date it was placed and "nieuw", who may see a vacancy that is not public yet, the
filter "Alleen nog niet openbaar", the feed's title and an employer's projects in the library."""

import re
from datetime import timedelta

import pytest
from django.test import Client

from conftest import sign_in
from vacatures.models import euro
from vacatures.tests.fixtures import TODAY

NBSP = "\u00a0"


def cards(response):
    """{title: card html} of the listing's vacancy cards."""
    html = response.content.decode()
    found = {}
    for card in re.findall(r'<li class="kaart">(.*?)</li>', html, re.S):
        title = re.search(r'<a [^>]*>([^<]+)</a>', card).group(1)
        found[title] = card
    return found


def signed_in(employer):
    return sign_in(f"iemand@{employer}.example")


def test_euro_amounts_are_grouped_the_dutch_way():
    assert euro(3900) == f"€{NBSP}3.900"
    assert euro(12500) == f"€{NBSP}12.500"
    assert euro(950) == f"€{NBSP}950"


def test_cards_show_salary_date_and_nieuw(client, make_vacancy):
    make_vacancy("alfa", "Beide bedragen", salaris_min=3900, salaris_max=5525, published_days_ago=30)
    make_vacancy("alfa", "Alleen vanaf", salaris_min=3100, salaris_max=None, salarisschaal=None, published_days_ago=30)
    make_vacancy("beta", "Geen bedrag", salaris_min=None, salaris_max=None, salarisschaal=8, published_days_ago=30)
    # Direct openbaar, placed two days ago: new. Public for 9 days (published 30 days ago, 7 + 14 days): not new.
    make_vacancy("beta", "Net geplaatst", route="direct_openbaar", published_days_ago=2)
    found = cards(client.get("/vacatures/"))

    assert f"€{NBSP}3.900 – €{NBSP}5.525 bruto per maand (schaal 10)" in found["Beide bedragen"]
    assert f"vanaf €{NBSP}3.100 bruto per maand</dd>" in found["Alleen vanaf"]
    assert "Salaris<" not in found["Geen bedrag"] and "<dt>Schaal</dt><dd>8</dd>" in found["Geen bedrag"]

    def placed(days_ago):
        day = TODAY - timedelta(days=days_ago)
        months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
                  "oktober", "november", "december"]
        return f"<dt>Geplaatst</dt><dd>{day.day} {months[day.month - 1]} {day.year}</dd>"

    assert placed(9) in found["Beide bedragen"]
    assert placed(2) in found["Net geplaatst"]
    assert ">nieuw</span>" in found["Net geplaatst"]
    assert [title for title, html in found.items() if ">nieuw</span>" in html] == ["Net geplaatst"]


def test_vacancy_page_salary_with_thousands_separator(client, make_vacancy):
    vacancy = make_vacancy("alfa", "Adviseur", salaris_min=3400, salaris_max=4900)
    html = client.get(vacancy.url).content.decode()
    assert f"<dd>€{NBSP}3.400 – €{NBSP}4.900</dd>" in html
    assert "€ 3400" not in html


def test_only_employees_get_the_not_public_filter_and_it_lists_exactly_theirs(every_phase):
    anonymous = Client().get("/vacatures/")
    assert "zichtbaarheid" not in {f.name for f in anonymous.context["search"].facets}
    assert "niet-openbaar" not in anonymous.content.decode()
    # The parameter means nothing to an anonymous visitor: the same public list.
    same = Client().get("/vacatures/", {"zichtbaarheid": "niet-openbaar"})
    assert [v.pk for v in same.context["vacatures"]] == [v.pk for v in anonymous.context["vacatures"]]

    employee = signed_in("beta")
    listing = employee.get("/vacatures/")
    facet = next(f for f in listing.context["search"].facets if f.name == "zichtbaarheid")
    # Beta's employee: both employers' netwerk and nooit-openbaar vacancies, and Beta's own intern one.
    want = {every_phase[k].title for k in [("alfa", "netwerk"), ("beta", "netwerk"), ("alfa", "nooit-openbaar"),
                                           ("beta", "nooit-openbaar"), ("beta", "intern")]}
    assert [(o.label, o.count) for o in facet.options] == [("Alleen nog niet openbaar", 5)]
    filtered = employee.get("/vacatures/", {"zichtbaarheid": "niet-openbaar"})
    assert {v.title for v in filtered.context["vacatures"]} == want
    assert "Je ziet ook 5 vacatures die nog niet openbaar zijn" in listing.content.decode()
    assert "Openbare vacatures" not in listing.content.decode()


def test_not_public_texts(every_phase):
    netwerk = every_phase[("alfa", "netwerk")]
    assert netwerk.alleen_voor.startswith("Alleen voor medewerkers van deelnemende werkgevers, openbaar vanaf ")
    assert netwerk.start_openbaar == TODAY + timedelta(days=11)
    assert every_phase[("beta", "intern")].alleen_voor == "Alleen voor medewerkers van Beta"
    assert every_phase[("beta", "nooit-openbaar")].alleen_voor == (
        "Alleen voor medewerkers van deelnemende werkgevers; deze vacature wordt niet openbaar"
    )
    assert every_phase[("beta", "openbaar")].alleen_voor == ""
    assert every_phase[("beta", "openbaar")].deel_waarschuwing == ""
    intern = every_phase[("beta", "intern")]
    assert intern.volgende_fasen.startswith("Vanaf ") and "openbaar vanaf" in intern.volgende_fasen


def test_feed_title_names_the_site_once(client, make_vacancy):
    make_vacancy("alfa", "Adviseur", published_days_ago=30)
    body = client.get("/vacatures/feed/").content.decode()
    assert "<title>Vacatures – In Beweging</title>" in body
    assert "Vacatures – Vacatures" not in body
    assert f"€{NBSP}3.400 – €{NBSP}4.900" in body


@pytest.mark.django_db
def test_employer_page_links_to_its_projects_in_the_library(client, network, make_project):
    alfa, beta = network["alfa"], network["beta"]
    make_project("Vitaal bij Alfa", orgs=["Alfa"])
    make_project("Samen met Alfa", orgs=["Alfa", "Ede"])
    make_project("Alleen Ede", orgs=["Ede"])
    html = client.get(alfa.url).content.decode()
    link = re.search(r'<a [^>]*href="([^"]+)">([^<]+ in de inspiratiebibliotheek)</a>', html)
    assert link.group(2) == "2 projecten van Alfa in de inspiratiebibliotheek"
    assert link.group(1) == f"/inspiratie/?organisatie={alfa.organisatie.slug}"
    listing = client.get(link.group(1).replace("&amp;", "&"))
    assert sorted(p.title for p in listing.context["projects"]) == ["Samen met Alfa", "Vitaal bij Alfa"]
    # No projects: no link (never a link that lists the whole library).
    assert "inspiratiebibliotheek" not in client.get(beta.url).content.decode()
