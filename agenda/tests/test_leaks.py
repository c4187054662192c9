"""Employees-only events leak through no public channel, for every role: the agenda and its counts, the site
search and its suggestions, the iCalendar feed and the .ics per event, the sitemap, the API, JSON-LD, the
status code of the event's own URL, registering, and the admin's page chooser. Employees of any participating
employer see them on the site (list, search, page), never in the channels that are public by nature."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from icalendar import Calendar

from agenda.tests.fixtures import HIDDEN, SECRET, build_agenda
from conftest import sign_in
from vacatures.models import WerkgeverRedactie
from vacatures.permissions import ensure_coordinators_group
from vacatures.tests import fixtures

network = fixtures.network_from_module

PUBLIC_ROLES = ["anoniem", "buiten", "Editors", "Moderators", "redacteur-alfa", "coordinator"]
EMPLOYEES = ["medewerker-alfa", "medewerker-beta"]
ADMIN_ROLES = ["Editors", "Moderators", "redacteur-alfa"]


@pytest.fixture(scope="module")
def module_agenda(module_network):
    ensure_coordinators_group(module_network["werkgevers"])
    return build_agenda()


@pytest.fixture
def site(module_agenda, network):
    agenda, events = module_agenda
    return {"agenda": agenda, **events, **network}


def client_for(role, site):
    if role == "anoniem":
        return Client()
    if role == "buiten":  # tried to sign in with an address of no participating employer
        client = Client()
        client.post("/medewerkers/inloggen/", {"email": "iemand@buiten.example"})
        return client
    if role.startswith("medewerker-"):
        return sign_in(f"iemand@{role.removeprefix('medewerker-')}.example")
    user = User.objects.create_user(f"u-{role}", f"{role}@example.org", "x")
    if role == "redacteur-alfa":
        user.groups.add(WerkgeverRedactie.objects.get(werkgever=site["alfa"]).group)
    elif role == "coordinator":
        user.groups.add(Group.objects.get(name="Netwerkcoördinatoren"))
    else:
        user.groups.add(Group.objects.get(name=role))
    client = Client()
    client.force_login(user)
    return client


def titles(site, keys):
    return {site[key].title for key in keys}


PUBLIC_UPCOMING = ("open", "later", "week")  # live, open to everyone, not over
PUBLIC_LIVE = ("open", "later", "week", "voorbij")


def assert_no_secret(text):
    assert SECRET not in text
    assert "verborgen-zwaluwstaart" not in text


def feed_summaries(client):
    response = client.get("/agenda/feed.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert_no_secret(response.content.decode())
    return {str(event["SUMMARY"]) for event in Calendar.from_ical(response.content).walk("VEVENT")}


@pytest.mark.parametrize("role", PUBLIC_ROLES)
def test_public_roles_see_no_employees_only_event_anywhere(site, role):
    client = client_for(role, site)
    # the agenda, its count and its month filter
    response = client.get("/agenda/")
    assert_no_secret(response.content.decode())
    assert {e.title for e in response.context["evenementen"]} == titles(site, PUBLIC_UPCOMING)
    assert response.context["totaal"] == 3 and "3 evenementen" in response.content.decode()
    assert sum(count for _, _, count, _ in response.context["maanden"]) == 3
    assert response.context["doelgroepen"] == []
    past = client.get("/agenda/afgelopen/")
    assert_no_secret(past.content.decode())
    assert [e.title for e in past.context["evenementen"]] == [site["voorbij"].title]
    # site search and suggestions
    for q in (SECRET, "Verborgen", "overleg"):
        found = client.get("/zoeken/", {"q": q})
        assert found.context["search"].total == 0, q
        assert_no_secret(client.get("/zoeken/suggesties", {"q": q[:5]}).content.decode())
    everything = client.get("/zoeken/", {"soort": "evenementpage"})
    assert everything.context["search"].total == len(PUBLIC_LIVE)
    assert_no_secret(everything.content.decode())
    # feed, sitemap, API
    assert feed_summaries(client) == titles(site, PUBLIC_UPCOMING)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert_no_secret(sitemap)
    assert all(site[key].slug in sitemap for key in PUBLIC_LIVE)
    api = client.get("/api/v2/pages/", {"type": "agenda.EvenementPage", "limit": 100}).json()
    assert api["meta"]["total_count"] == len(PUBLIC_LIVE)
    assert {item["title"] for item in api["items"]} == titles(site, PUBLIC_LIVE)
    assert_no_secret(client.get("/api/v2/pages/", {"limit": 100}).content.decode())
    assert_no_secret(client.get("/api/v2/pages/", {"child_of": site["agenda"].pk}).content.decode())
    # the event's own URLs answer as if it did not exist
    missing = client.get("/agenda/bestaat-niet/")
    for key in HIDDEN:
        event = site[key]
        response = client.get(event.url)
        assert response.status_code == missing.status_code == 404
        assert_no_secret(response.content.decode())
        assert client.get(f"/agenda/{event.slug}.ics").status_code == 404
        assert client.get(f"/agenda/aanmelden/{event.pk}/").status_code == 404
        assert client.post(f"/agenda/aanmelden/{event.pk}/", {"naam": "X", "email": "x@example.org"}).status_code == 404
        assert client.get(f"/api/v2/pages/{event.pk}/").status_code == 404
        assert client.get("/api/v2/pages/find/", {"html_path": event.url}).status_code == 404
    assert site["verborgen"].aanmeldingen.count() == 0


@pytest.mark.parametrize("role", ADMIN_ROLES)
def test_admin_page_chooser_and_search_show_no_employees_only_event(site, role):
    client = client_for(role, site)
    agenda_pk = site["agenda"].pk
    for url in [
        "/admin/choose-page/search/?q=Verborgen", "/admin/choose-page/search/?q=overleg",
        "/admin/choose-page/search/?q=Verborgen&page_type=agenda.evenementpage",
        f"/admin/choose-page/{agenda_pk}/", "/admin/choose-page/?page_type=agenda.evenementpage",
        "/admin/pages/search/?q=Verborgen", f"/admin/pages/{agenda_pk}/?q=Verborgen&search_all=1",
        f"/admin/api/main/pages/?child_of={agenda_pk}&for_explorer=1", "/admin/api/main/pages/?search=Verborgen",
    ]:
        assert SECRET not in client.get(url).content.decode(), url
    # public events stay choosable
    assert "Open Pelikaan lunch" in client.get("/admin/choose-page/search/?q=Pelikaan").content.decode()
    for key in HIDDEN:
        pk = site[key].pk
        for url in (f"/admin/choose-page/{pk}/", f"/admin/pages/{pk}/edit/", f"/admin/api/main/pages/{pk}/"):
            response = client.get(url)
            assert response.status_code in (302, 403, 404), (url, response.status_code)
            assert SECRET not in response.content.decode(), url


@pytest.mark.parametrize("role", EMPLOYEES)
def test_employees_see_them_on_the_site_but_never_in_public_channels(site, role):
    client = client_for(role, site)
    response = client.get("/agenda/")
    assert {e.title for e in response.context["evenementen"]} == titles(site, (*PUBLIC_UPCOMING, "verborgen"))
    html = response.content.decode()
    assert "4 evenementen" in html and "Alleen voor medewerkers van deelnemende werkgevers</p>" in html
    mine = client.get("/agenda/", {"voor": "medewerkers"})
    assert [e.title for e in mine.context["evenementen"]] == [site["verborgen"].title]
    past = client.get("/agenda/afgelopen/")
    assert {e.title for e in past.context["evenementen"]} == titles(site, ("voorbij", "verborgen-voorbij"))
    assert client.get("/zoeken/", {"q": SECRET}).context["search"].total == 2
    page = client.get(site["verborgen"].url)
    assert page.status_code == 200 and page["X-Robots-Tag"] == "noindex, nofollow"
    assert "application/ld+json" not in page.content.decode()
    assert 'content="noindex, nofollow"' in page.content.decode()
    assert client.get(f"/agenda/{site['verborgen'].slug}.ics").status_code == 200
    # public by nature, whoever asks
    assert feed_summaries(client) == titles(site, PUBLIC_UPCOMING)
    assert_no_secret(client.get("/sitemap.xml").content.decode())
    api = client.get("/api/v2/pages/", {"type": "agenda.EvenementPage", "limit": 100}).json()
    assert api["meta"]["total_count"] == len(PUBLIC_LIVE)
    assert client.get(f"/api/v2/pages/{site['verborgen'].pk}/").status_code == 404


def test_a_draft_event_is_nowhere(site):
    client = Client()
    assert client.get("/agenda/").context["totaal"] == 3
    assert client.get("/agenda/open-concept-uil/").status_code == 404
    assert client.get("/agenda/open-concept-uil.ics").status_code == 404
    assert "Concept Uil" not in "".join(feed_summaries(client))


def test_sitemap_is_valid_xml_with_public_events(site):
    root = ET.fromstring(Client().get("/sitemap.xml").content)
    locations = [el.text for el in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert sum(1 for loc in locations if re.search(r"/agenda/open-", loc)) == len(PUBLIC_LIVE)
