"""Registering through the user's path: the page's own link, the form, the confirmation mail (with the .ics
and the cancel link), the cancel button. Capacity and the waiting list (a cancellation moves the first up),
a second registration of the same address, the honeypot, the rate limit, employees-only events for signed-in
employees, and the retention period."""

import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from icalendar import Calendar

from agenda.models import Aanmelding
from agenda.tests.fixtures import at, build_agenda, make_event
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
    links = re.findall(r'href="(/agenda/aanmelden/[^"]+)"[^>]*>Aanmelden voor (?:de wachtlijst van )?([^<]+)<', html)
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


def names_and_waiting():
    return dict(Aanmelding.objects.values_list("naam", "wachtlijst"))


def cancel_links():
    """The cancel link of each address, from the mails in the outbox (a later mail's link replaces the earlier)."""
    return {message.to[0]: link_in_mail(message.body, r"/agenda/annuleren/[\w-]+/") for message in mail.outbox}


def test_a_full_event_puts_new_registrations_on_the_waiting_list(events):
    event = events["open"]  # 2 places
    register_via_page(Client(), event, "Een", "een@example.org")
    again = register_via_page(Client(), event, "Een", "EEN@example.org")
    assert "Je bent aangemeld" in again.content.decode()
    assert event.registrations().count() == 1 and len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Aangemeld: Open Pelikaan lunch"
    assert "Je bent aangemeld voor ‘Open Pelikaan lunch’." in mail.outbox[0].body
    register_via_page(Client(), event, "Twee", "twee@example.org")
    html = Client().get(event.url).content.decode()
    assert "Vol: je kunt je aanmelden voor de wachtlijst." in html
    assert "Aanmelden voor de wachtlijst van Open Pelikaan lunch" in html
    form = Client().get(f"/agenda/aanmelden/{event.pk}/").content.decode()
    assert "dan kom je op de wachtlijst" in form and "Zet me op de wachtlijst" in form

    response = register_via_page(Client(), event, "Drie", "drie@example.org")
    page = response.content.decode()
    assert response.status_code == 200 and "Je staat op de wachtlijst" in page and "Je bent aangemeld" not in page
    assert names_and_waiting() == {"Een": False, "Twee": False, "Drie": True}
    message = mail.outbox[-1]
    assert message.to == ["drie@example.org"] and message.subject == "Op de wachtlijst: Open Pelikaan lunch"
    assert "‘Open Pelikaan lunch’ is vol. Je staat op de wachtlijst" in message.body
    assert "Je bent aangemeld" not in message.body and message.attachments == []
    # The waiting list takes no place: still full, still 0 places left.
    assert event.plaatsen_over == 0
    assert "Vol: je kunt je aanmelden voor de wachtlijst." in Client().get(event.url).content.decode()
    # The same address again gets its place on the waiting list back, without a second mail.
    again = register_via_page(Client(), event, "Drie", "drie@example.org")
    assert "Je staat op de wachtlijst" in again.content.decode() and len(mail.outbox) == 3


def test_cancelling_a_place_moves_the_first_on_the_waiting_list_up(events):
    event = events["open"]  # 2 places
    for naam in ("Een", "Twee", "Drie", "Vier", "Vijf"):
        register_via_page(Client(), event, naam, f"{naam.lower()}@example.org")
    links = cancel_links()
    mail.outbox.clear()
    assert names_and_waiting() == {"Een": False, "Twee": False, "Drie": True, "Vier": True, "Vijf": True}

    visitor = Client()
    page = visitor.get(links["een@example.org"])
    assert "Je meldt je af voor ‘Open Pelikaan lunch’" in page.content.decode()
    assert names_and_waiting()["Een"] is False and mail.outbox == []  # GET only asks
    done = visitor.post(links["een@example.org"])
    assert done.status_code == 200 and "Je bent afgemeld" in done.content.decode()
    # Drie registered first of the three waiting: Drie gets the place, and the only mail.
    assert names_and_waiting() == {"Twee": False, "Drie": False, "Vier": True, "Vijf": True}
    assert [m.to for m in mail.outbox] == [["drie@example.org"]]
    message = mail.outbox[0]
    assert message.subject == "Er is een plaats vrijgekomen: Open Pelikaan lunch"
    assert "Er is een plaats vrijgekomen: je bent nu aangemeld voor ‘Open Pelikaan lunch’." in message.body
    assert [str(e["SUMMARY"]) for e in Calendar.from_ical(message.attachments[0][1]).walk("VEVENT")] == [
        "Open Pelikaan lunch"
    ]
    # This mail's link cancels Drie's place now; the one from the waiting-list mail no longer works.
    assert Client().get(links["drie@example.org"]).status_code == 410
    assert "Meld me af" in Client().get(cancel_links()["drie@example.org"]).content.decode()
    assert "Vol: je kunt je aanmelden voor de wachtlijst." in Client().get(event.url).content.decode()


def test_cancelling_from_the_waiting_list_moves_nobody_up(events):
    event = events["open"]  # 2 places
    for naam in ("Een", "Twee", "Drie", "Vier"):
        register_via_page(Client(), event, naam, f"{naam.lower()}@example.org")
    link = cancel_links()["vier@example.org"]
    mail.outbox.clear()
    assert "Je haalt je van de wachtlijst voor ‘Open Pelikaan lunch’" in Client().get(link).content.decode()
    assert "Je bent afgemeld" in Client().post(link).content.decode()
    assert names_and_waiting() == {"Een": False, "Twee": False, "Drie": True}
    assert mail.outbox == []


def test_an_activity_has_its_own_waiting_list(events):
    week = events["week"]
    meelopen = week.activiteiten.get(titel="Meelopen")  # 1 place
    for naam in ("Kees", "Lies", "Mo"):
        register_via_page(Client(), week, naam, f"{naam.lower()}@example.org", link_text="Meelopen")
    assert names_and_waiting() == {"Kees": False, "Lies": True, "Mo": True}
    assert [m.subject for m in mail.outbox] == [
        "Aangemeld: Meelopen (Open Mobiliteit week)", *["Op de wachtlijst: Meelopen (Open Mobiliteit week)"] * 2,
    ]
    html = Client().get(week.url).content.decode()
    assert "Aanmelden voor de wachtlijst van Meelopen" in html and "Aanmelden voor Webinar loopbaan" in html
    links = cancel_links()
    mail.outbox.clear()
    Client().post(links["mo@example.org"])  # from the waiting list: nobody moves up
    assert names_and_waiting() == {"Kees": False, "Lies": True} and mail.outbox == []
    Client().post(links["kees@example.org"])
    assert names_and_waiting() == {"Lies": False}
    assert [m.to for m in mail.outbox] == [["lies@example.org"]]
    assert mail.outbox[0].subject == "Er is een plaats vrijgekomen: Meelopen (Open Mobiliteit week)"
    assert [str(e["SUMMARY"]) for e in Calendar.from_ical(mail.outbox[0].attachments[0][1]).walk("VEVENT")] == [
        "Meelopen (Open Mobiliteit week)"
    ]
    assert Aanmelding.objects.get().activiteit == meelopen


def test_a_past_event_takes_no_registration(module_agenda):
    event = make_event(module_agenda[0], "Open Gisteren", days=-1, aanmelden=True, capaciteit=1)
    page = Client().get(f"/agenda/aanmelden/{event.pk}/")
    assert page.status_code == 200 and "Dit evenement is voorbij." in page.content.decode()
    response = Client().post(f"/agenda/aanmelden/{event.pk}/", {"naam": "Laat", "email": "laat@example.org"})
    assert response.status_code == 409 and not Aanmelding.objects.exists() and mail.outbox == []


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
    Aanmelding.objects.create(evenement=events["voorbij"], naam="Oud wachtend", email="w@example.org", wachtlijst=True)
    recent = Aanmelding.objects.create(evenement=events["verborgen-voorbij"], naam="Recent", email="r@example.org")
    output = io.StringIO()
    # A fixed clock (09:00 today, Amsterdam): the events end at 12:00, so the 30 days do not depend on the hour
    # the test runs at.
    now = at(0, 9)
    call_command("bewaartermijnen", "--alleen", "aanmeldingen", "--nu", now.isoformat(), stdout=output)
    assert output.getvalue() == "2 aanmeldingen verwijderd.\n"
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


def test_deleting_a_registration_in_the_admin_moves_the_waiting_list_up(events):
    from django.contrib.auth.models import Group, User
    from wagtail.models import ModelLogEntry

    event = events["open"]  # 2 places
    for naam in ("Een", "Twee", "Drie"):
        register_via_page(Client(), event, naam, f"{naam.lower()}@example.org")
    mail.outbox.clear()
    user = User.objects.create_user("coordinator", "coordinator@example.org", "x")
    user.groups.add(Group.objects.get(name="Netwerkcoördinatoren"))
    client = Client()
    client.force_login(user)
    export = b"".join(client.get("/admin/aanmeldingen/?export=csv").streaming_content).decode()
    assert "Plaats of wachtlijst" in export and "drie@example.org,Open Pelikaan lunch,wachtlijst" in export
    een = Aanmelding.objects.get(naam="Een")
    assert client.post(f"/admin/aanmeldingen/delete/{een.pk}/").status_code == 302
    assert names_and_waiting() == {"Twee": False, "Drie": False}
    assert [m.to for m in mail.outbox] == [["drie@example.org"]]
    assert ModelLogEntry.objects.filter(action="wagtail.delete", object_id=str(een.pk)).exists()
