"""Registering through the user's path: the page's own link, the form, the confirmation mail (with the .ics
and the cancel link), the cancel button. Capacity, a second registration of the same address, the honeypot,
the rate limit, employees-only events for signed-in employees, and the retention period."""

import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from icalendar import Calendar

from agenda.models import Aanmelding
from agenda.tests.fixtures import at, build_agenda
from conftest import link_in_mail, sign_in
from kern.one_time_link import token_hash
from vacatures.tests import fixtures

network = fixtures.network_from_module


@pytest.fixture(scope="module")
def module_agenda(module_network):
    return build_agenda()


@pytest.fixture
def events(module_agenda):
    return module_agenda[1]


def register_via_page(client, event, naam, email=None, link_text=None):
    """Open the event page, follow its registration link, fill in the form; returns the answer."""
    html = client.get(event.url).content.decode()
    links = re.findall(r'href="(/agenda/aanmelden/[^"]+)"[^>]*>Aanmelden voor ([^<]+)<', html)
    url = next(href for href, text in links if link_text is None or text == link_text)
    form = client.get(url)
    assert form.status_code == 200
    data = {"naam": naam, **({"email": email} if email else {})}
    return client.post(url, data)


def test_register_get_mail_and_cancel_with_the_link(events):
    client = Client()
    event = events["open"]
    response = register_via_page(client, event, "Sanne de Boer", "Sanne@Kandidaat.example")
    assert response.status_code == 200 and "Je bent aangemeld" in response.content.decode()
    registration = Aanmelding.objects.get(evenement=event)
    assert (registration.naam, registration.email, registration.activiteit) == (
        "Sanne de Boer", "sanne@kandidaat.example", None,
    )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["sanne@kandidaat.example"]
    assert event.title in message.subject and event.wanneer in message.body
    attachment = Calendar.from_ical(message.attachments[0][1])
    assert [str(e["SUMMARY"]) for e in attachment.walk("VEVENT")] == [event.title]
    link = link_in_mail(message.body, r"/agenda/annuleren/[\w-]+/")
    token = link.split("/")[-2]
    registration.refresh_from_db()
    assert registration.annuleer_hash == token_hash(token) and token not in registration.annuleer_hash
    assert "Nog 1 plaats van de 2." in client.get(event.url).content.decode()
    # GET only asks (a mail scanner opening the link cancels nothing)
    page = client.get(link)
    assert page.status_code == 200 and "Meld me af" in page.content.decode()
    assert Aanmelding.objects.filter(pk=registration.pk).exists()
    done = client.post(link)
    assert done.status_code == 200 and "Je bent afgemeld" in done.content.decode()
    assert not Aanmelding.objects.filter(pk=registration.pk).exists()
    assert client.get(link).status_code == 410 and client.post(link).status_code == 410
    assert "Nog 2 plaatsen van de 2." in client.get(event.url).content.decode()


def test_capacity_is_kept_and_an_address_registers_once(events):
    event = events["open"]
    register_via_page(Client(), event, "Een", "een@example.org")
    again = register_via_page(Client(), event, "Een", "EEN@example.org")
    assert "Je bent aangemeld" in again.content.decode()
    assert event.registrations().count() == 1 and len(mail.outbox) == 1
    register_via_page(Client(), event, "Twee", "twee@example.org")
    html = Client().get(event.url).content.decode()
    assert "Vol: er zijn geen plaatsen meer." in html and "Aanmelden voor" not in html
    full = Client().post(f"/agenda/aanmelden/{event.pk}/", {"naam": "Drie", "email": "drie@example.org"})
    assert full.status_code == 409 and "geen plaatsen meer" in full.content.decode()
    assert event.registrations().count() == 2 and len(mail.outbox) == 2


def test_each_activity_has_its_own_registration(events):
    week = events["week"]
    meelopen = week.activiteiten.get(titel="Meelopen")
    response = register_via_page(Client(), week, "Kees", "kees@example.org", link_text="Meelopen")
    assert "Je bent aangemeld" in response.content.decode()
    registration = Aanmelding.objects.get()
    assert registration.activiteit == meelopen and registration.evenement_id == week.pk
    assert [str(e["SUMMARY"]) for e in Calendar.from_ical(mail.outbox[0].attachments[0][1]).walk("VEVENT")] == [
        f"Meelopen ({week.title})"
    ]
    html = Client().get(week.url).content.decode()
    assert "Vol: er zijn geen plaatsen meer." in html and "Aanmelden voor Meelopen" not in html
    assert "Aanmelden voor Webinar loopbaan" in html
    full = Client().post(f"/agenda/aanmelden/{week.pk}/activiteit/{meelopen.pk}/", {"naam": "X", "email": "x@example.org"})
    assert full.status_code == 409
    # no registration for the whole week, nor for an activity without registration, nor another event's activity
    slot = week.activiteiten.get(titel="Slotbijeenkomst")
    assert Client().get(f"/agenda/aanmelden/{week.pk}/").status_code == 404
    assert Client().get(f"/agenda/aanmelden/{week.pk}/activiteit/{slot.pk}/").status_code == 404
    assert Client().get(f"/agenda/aanmelden/{events['open'].pk}/activiteit/{meelopen.pk}/").status_code == 404
    assert Client().get(f"/agenda/aanmelden/{events['voorbij'].pk}/").status_code == 404


def test_honeypot_and_rate_limit(events):
    week = events["week"]
    webinar = week.activiteiten.get(titel="Webinar loopbaan")
    url = f"/agenda/aanmelden/{week.pk}/activiteit/{webinar.pk}/"
    client = Client()
    bot = client.post(url, {"naam": "Bot", "email": "bot@example.org", "website": "http://spam.example"})
    assert "Je bent aangemeld" in bot.content.decode()
    assert not Aanmelding.objects.exists() and mail.outbox == []
    invalid = Client().post(url, {"naam": "", "email": "geen-adres"})
    assert invalid.status_code == 200 and "Controleer de gemarkeerde velden" in invalid.content.decode()
    # 10 posts an hour per visitor address (kern.ratelimit), the two above included
    for n in range(8):
        assert client.post(url, {"naam": f"P{n}", "email": f"p{n}@example.org"}).status_code == 200
    assert client.post(url, {"naam": "Elf", "email": "elf@example.org"}).status_code == 429
    assert Aanmelding.objects.count() == 8 and len(mail.outbox) == 8


def test_employees_only_event_for_signed_in_employees(events):
    event = events["verborgen"]
    assert Client().get(f"/agenda/aanmelden/{event.pk}/").status_code == 404
    client = sign_in("iemand@beta.example")
    form = client.get(f"/agenda/aanmelden/{event.pk}/").content.decode()
    assert 'name="email"' not in form and "medewerker van Beta" in form
    response = register_via_page(client, event, "Iemand van Beta")
    assert "Je bent aangemeld" in response.content.decode()
    registration = Aanmelding.objects.get()
    assert registration.email == "iemand@beta.example" and registration.medewerker.werkgever.title == "Beta"
    assert mail.outbox[0].to == ["iemand@beta.example"]


def test_registrations_are_deleted_30_days_after_the_event(events):
    week = events["week"]
    old = Aanmelding.objects.create(evenement=events["voorbij"], naam="Oud", email="oud@example.org")
    kept = Aanmelding.objects.create(evenement=events["open"], naam="Nu", email="nu@example.org")
    activity = Aanmelding.objects.create(
        evenement=week, activiteit=week.activiteiten.get(titel="Meelopen"), naam="Act", email="act@example.org",
    )
    recent = Aanmelding.objects.create(evenement=events["verborgen-voorbij"], naam="Recent", email="r@example.org")
    output = io.StringIO()
    # A fixed clock (09:00 today, Amsterdam): the events end at 12:00, so the 30 days do not depend on the hour
    # the test runs at.
    now = at(0, 9)
    call_command("bewaartermijnen", "--alleen", "aanmeldingen", "--nu", now.isoformat(), stdout=output)
    assert output.getvalue() == "1 aanmeldingen verwijderd.\n"
    assert set(Aanmelding.objects.values_list("pk", flat=True)) == {kept.pk, activity.pk, recent.pk}
    assert not Aanmelding.objects.filter(pk=old.pk).exists()
    assert events["verborgen-voorbij"].eind > now - timedelta(days=30)


@pytest.mark.parametrize("kind", ["Editors", "Moderators", "redacteur-alfa", "coordinator"])
def test_registrations_in_the_admin_for_coordinators_only(events, network, kind):
    from django.contrib.auth.models import Group, User

    from vacatures.models import WerkgeverRedactie

    Aanmelding.objects.create(evenement=events["open"], naam="Persoon Geheim", email="geheim@example.org")
    user = User.objects.create_user(f"u-{kind}", f"{kind}@example.org", "x")
    if kind == "redacteur-alfa":
        user.groups.add(WerkgeverRedactie.objects.get(werkgever=network["alfa"]).group)
    else:
        user.groups.add(Group.objects.get(name="Netwerkcoördinatoren" if kind == "coordinator" else kind))
    client = Client()
    client.force_login(user)
    for url in ("/admin/aanmeldingen/", "/admin/aanmeldingen/?export=csv", "/admin/aanmeldingen/?q=Geheim"):
        response = client.get(url)
        content = b"".join(response.streaming_content) if response.streaming else response.content
        if kind == "coordinator":
            assert response.status_code == 200 and b"geheim@example.org" in content, url
        else:
            assert response.status_code in (302, 403) and b"geheim" not in content.lower(), url
    if kind == "coordinator":  # and they edit the agenda
        assert client.get(f"/admin/pages/{events['open'].pk}/edit/").status_code == 200
