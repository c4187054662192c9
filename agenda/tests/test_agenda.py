"""The agenda as the public sees it: upcoming first, past events apart with their follow-up text, the month
filter, the event page with its activities, the .ics files read back with icalendar, and JSON-LD."""

import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from agenda.listing import month_key
from agenda.tests.fixtures import build_agenda
from vacatures.tests import fixtures

network = fixtures.network_from_module
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.fixture(scope="module")
def module_agenda(module_network):
    return build_agenda()


@pytest.fixture
def events(module_agenda):
    return module_agenda[1]


def test_upcoming_in_date_order_and_past_apart_with_follow_up(client, events):
    response = client.get("/agenda/")
    assert [e.title for e in response.context["evenementen"]] == [
        events["open"].title, events["week"].title, events["later"].title,
    ]
    html = response.content.decode()
    assert "271 deelnemers" not in html and 'href="/agenda/afgelopen/"' in html
    past = client.get("/agenda/afgelopen/")
    assert past.status_code == 200
    assert "271 deelnemers uit 9 gemeenten" in past.content.decode()
    page = client.get(events["voorbij"].url).content.decode()
    assert "Na afloop" in page and "271 deelnemers uit 9 gemeenten" in page
    assert "Aanmelden voor" not in page


def test_month_filter(client, events):
    key = month_key(events["later"].start)
    expected = [e.title for e in (events["open"], events["week"], events["later"]) if month_key(e.start) == key]
    response = client.get("/agenda/", {"maand": key})
    assert [e.title for e in response.context["evenementen"]] == expected
    assert 'content="noindex, follow"' in response.content.decode()
    unknown = client.get("/agenda/", {"maand": "1999-01", "voor": "medewerkers"})
    assert unknown.context["totaal"] == 3  # unknown values fall away; the audience filter is for employees


def test_event_page_shows_activities_places_left_and_links(client, events):
    week = events["week"]
    html = client.get(week.url).content.decode()
    assert "Meelopen" in html and "Webinar loopbaan" in html and "Slotbijeenkomst" in html
    assert "Nog 1 plaats van de 1." in html
    assert "Aanmelden nodig, geen maximum aantal plaatsen." in html
    links = re.findall(r'href="(/agenda/aanmelden/[^"]+)"', html)
    activities = {a.titel: a.pk for a in week.activiteiten.all()}
    assert links == [f"/agenda/aanmelden/{week.pk}/activiteit/{activities[t]}/" for t in ("Meelopen", "Webinar loopbaan")]
    assert f'href="/agenda/{week.slug}.ics"' in html
    open_html = client.get(events["open"].url).content.decode()
    assert "Nog 2 plaatsen van de 2." in open_html and f'href="/agenda/aanmelden/{events["open"].pk}/"' in open_html


def read_ics(response):
    assert response.status_code == 200 and response["Content-Type"] == "text/calendar; charset=utf-8"
    cal = Calendar.from_ical(response.content)
    assert any(tz["TZID"] == "Europe/Amsterdam" for tz in cal.walk("VTIMEZONE"))
    return {str(item["UID"]): item for item in cal.walk("VEVENT")}


def check_vevent(item, title, start, end, location, url):
    assert str(item["SUMMARY"]) == title
    for prop, moment in (("DTSTART", start), ("DTEND", end)):
        value = item[prop]
        assert value.params["TZID"] == "Europe/Amsterdam"
        assert value.dt == moment and value.dt.utcoffset() == moment.astimezone(AMSTERDAM).utcoffset()
        assert value.dt.replace(tzinfo=None) == moment.astimezone(AMSTERDAM).replace(tzinfo=None)
    assert str(item["LOCATION"]) == location
    assert str(item["URL"]) == url


def test_feed_has_upcoming_public_events_read_back_with_icalendar(client, events):
    host = settings.SITE_URL.split("//")[1].split(":")[0]
    items = read_ics(client.get("/agenda/feed.ics"))
    expected = {f"evenement-{events[k].pk}@{host}": events[k] for k in ("open", "later", "week")}
    assert set(items) == set(expected)
    for uid, event in expected.items():
        check_vevent(items[uid], event.title, event.start, event.eind, event.waar, event.get_full_url())
    assert str(items[f"evenement-{events['later'].pk}@{host}"]["LOCATION"]) == "Online"


def test_ics_per_event_has_its_activities(client, events):
    host = settings.SITE_URL.split("//")[1].split(":")[0]
    week = events["week"]
    items = read_ics(client.get(f"/agenda/{week.slug}.ics"))
    assert len(items) == 4
    check_vevent(items[f"evenement-{week.pk}@{host}"], week.title, week.start, week.eind, "Twente", week.get_full_url())
    for activity in week.activiteiten.all():
        check_vevent(items[f"activiteit-{activity.pk}@{host}"], f"{activity.titel} ({week.title})", activity.start,
                     activity.eind, activity.waar, week.get_full_url())
    past = read_ics(client.get(f"/agenda/{events['voorbij'].slug}.ics"))  # a past public event keeps its file
    assert list(past.values())[0]["SUMMARY"] == events["voorbij"].title


def json_ld(html):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def test_json_ld_event_with_sub_events(client, events):
    week = events["week"]
    data = json_ld(client.get(week.url).content.decode())
    assert data["@type"] == "Event" and data["name"] == week.title
    assert data["startDate"] == timezone.localtime(week.start).isoformat()
    assert data["endDate"] == timezone.localtime(week.eind).isoformat()
    assert data["startDate"][-6:] in ("+01:00", "+02:00")
    assert data["location"]["name"] == "Twente"
    assert data["organizer"] == {"@type": "Organization", "name": "Netwerk Twente"}
    assert data["url"] == week.get_full_url()
    assert [sub["name"] for sub in data["subEvent"]] == ["Meelopen", "Webinar loopbaan", "Slotbijeenkomst"]
    webinar = data["subEvent"][1]
    assert webinar["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert webinar["location"]["@type"] == "VirtualLocation"
    online = json_ld(client.get(events["later"].url).content.decode())
    assert online["location"] == {"@type": "VirtualLocation", "url": events["later"].get_full_url()}


def test_reserved_slug_is_refused(events):
    from django.core.exceptions import ValidationError

    event = events["open"]
    event.slug = "feed"
    with pytest.raises(ValidationError):
        event.full_clean()


def test_search_finds_public_events(client, events):
    response = Client().get("/zoeken/", {"q": "Pelikaan"})
    assert [page.title for page, soort in response.context["results"]] == [events["open"].title]
    assert response.context["results"][0][1] == "Evenement"
