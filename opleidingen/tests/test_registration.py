"""Registering for a session through the site: only signed-in employees, one step; a place or the waiting
list; the mail with the .ics (read back with icalendar) and the cancel link (GET asks, POST cancels); a
cancellation moves the first on the waiting list up and mails them."""

import re

from django.core import mail
from django.test import Client
from icalendar import Calendar

from conftest import link_in_mail, sign_in
from opleidingen.models import Inschrijving

pytest_plugins = ["opleidingen.tests.fixtures"]


def form_action(html):
    actions = re.findall(r'<form method="post" action="(/school/inschrijven/\d+/)"', html)
    assert actions, "no registration form on the page"
    return actions


def register_via_page(client, training, naam):
    html = client.get(training.url).content.decode()
    return client.post(form_action(html)[0], {"naam": naam})


def test_anonymous_visitors_see_the_sessions_but_cannot_register(make_training):
    training = make_training("Omgaan met agressie", sessions=[{"capaciteit": 4}])
    sessie = training.sessies.get()
    html = Client().get(training.url).content.decode()
    assert "nog 4 plaatsen" in html and "log in met je werkmail" in html
    assert "/school/inschrijven/" not in html
    response = Client().post(f"/school/inschrijven/{sessie.pk}/", {"naam": "Iemand"})
    assert response.status_code == 403
    assert not Inschrijving.objects.exists() and not mail.outbox


def test_an_employee_registers_in_one_step_and_gets_the_ics(make_training):
    training = make_training("Schrijven in begrijpelijke taal", sessions=[{"capaciteit": 2, "plaats": "Hengelo"}])
    sessie = training.sessies.get()
    client = sign_in("anna@alfa.example")
    response = register_via_page(client, training, "Anna de Boer")
    assert response.status_code == 200 and "Je bent ingeschreven" in response.content.decode()
    inschrijving = Inschrijving.objects.get()
    assert (inschrijving.status, inschrijving.naam, inschrijving.werkgever.title) == ("ingeschreven", "Anna de Boer", "Alfa")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anna@alfa.example"] and "ingeschreven" in message.subject
    name, content, mimetype = message.attachments[0]
    assert name.endswith(".ics") and mimetype == "text/calendar"
    events = Calendar.from_ical(content).walk("VEVENT")
    assert len(events) == 1
    event = events[0]
    assert str(event["SUMMARY"]) == training.title
    assert event.decoded("DTSTART") == sessie.start and event.decoded("DTEND") == sessie.einde
    assert "Hengelo" in str(event["LOCATION"])
    assert str(event["URL"]).endswith(training.url)
    # Local times with the zone's definition, so every calendar app shows the Dutch time.
    assert [str(tz["TZID"]) for tz in Calendar.from_ical(content).walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    # The page now says so, and offers no second registration; a second POST stores nothing new.
    html = client.get(training.url).content.decode()
    assert "Je bent ingeschreven voor deze sessie" in html and "nog 1 plaats" in html
    again = client.post(f"/school/inschrijven/{sessie.pk}/", {"naam": "Anna de Boer"})
    assert "Je was al aangemeld" in again.content.decode()
    assert Inschrijving.objects.count() == 1


def test_full_session_waiting_list_and_cancellation_promotes_the_first(make_training):
    training = make_training("Timemanagement", sessions=[{"capaciteit": 1}])
    sessie = training.sessies.get()
    first = sign_in("eerste@alfa.example")
    register_via_page(first, training, "Eerste")
    cancel_link = link_in_mail(mail.outbox[0].body, r"/school/annuleren/[\w-]+/")
    mail.outbox.clear()

    second = sign_in("tweede@beta.example")
    html = second.get(training.url).content.decode()
    assert "vol, inschrijven op de wachtlijst" in html and "Zet je op de wachtlijst" in html
    response = register_via_page(second, training, "Tweede")
    assert "Je staat op de wachtlijst" in response.content.decode()
    waiting_mail = mail.outbox[-1]
    assert waiting_mail.to == ["tweede@beta.example"]
    assert "wachtlijst" in waiting_mail.subject and not waiting_mail.attachments
    third = sign_in("derde@beta.example")
    register_via_page(third, training, "Derde")
    statuses = dict(Inschrijving.objects.values_list("naam", "status"))
    assert statuses == {"Eerste": "ingeschreven", "Tweede": "wachtlijst", "Derde": "wachtlijst"}
    mail.outbox.clear()

    # GET only asks (a mail scanner opening the link cancels nothing); POST cancels.
    visitor = Client()
    page = visitor.get(cancel_link)
    assert page.status_code == 200 and "Meld mij af" in page.content.decode()
    assert Inschrijving.objects.get(naam="Eerste").status == "ingeschreven"
    done = visitor.post(cancel_link)
    assert done.status_code == 200 and "Je bent afgemeld" in done.content.decode()
    statuses = dict(Inschrijving.objects.values_list("naam", "status"))
    assert statuses == {"Eerste": "geannuleerd", "Tweede": "ingeschreven", "Derde": "wachtlijst"}
    assert [m.to for m in mail.outbox] == [["tweede@beta.example"]]
    assert "Plaats vrijgekomen" in mail.outbox[0].subject and mail.outbox[0].attachments
    assert visitor.post(cancel_link).status_code == 410  # the link is used up
    assert sessie.inschrijvingen.filter(status="ingeschreven").count() == 1


def test_cancelling_from_the_waiting_list_promotes_nobody(make_training):
    training = make_training("Excel voor beleid", sessions=[{"capaciteit": 1}])
    register_via_page(sign_in("a@alfa.example"), training, "A")
    register_via_page(sign_in("b@alfa.example"), training, "B")
    link = link_in_mail(mail.outbox[-1].body, r"/school/annuleren/[\w-]+/")  # B's, on the waiting list
    mail.outbox.clear()
    Client().post(link)
    assert dict(Inschrijving.objects.values_list("naam", "status")) == {"A": "ingeschreven", "B": "geannuleerd"}
    assert not mail.outbox


def test_closed_or_unpublished_sessions_take_no_registration(make_training):
    closed = make_training("Gesloten", sessions=[{"days": 2, "deadline_days": 3}])
    hidden = make_training("Concept", live=False)
    client = sign_in("c@alfa.example")
    html = client.get(closed.url).content.decode()
    assert "Inschrijven is gesloten" in html and "/school/inschrijven/" not in html
    listing = Client().get("/opleidingen/").content.decode()
    assert "inschrijven gesloten" in listing and "Concept" not in listing
    assert client.post(f"/school/inschrijven/{closed.sessies.get().pk}/", {"naam": "C"}).status_code == 410
    assert client.post(f"/school/inschrijven/{hidden.sessies.get().pk}/", {"naam": "C"}).status_code == 404
    assert not Inschrijving.objects.exists()


def test_unknown_cancel_link_is_gone(db):
    assert Client().get("/school/annuleren/onzin/").status_code == 410


def test_an_employer_that_left_the_network_takes_its_employees_registration_away(network, make_training):
    training = make_training("Na vertrek", sessions=[{"capaciteit": 3}])
    client = sign_in("weg@beta.example")
    network["beta"].unpublish()  # no longer a participating employer: the next request is anonymous
    response = client.post(f"/school/inschrijven/{training.sessies.get().pk}/", {"naam": "Weg"})
    assert response.status_code == 403 and not Inschrijving.objects.exists()
