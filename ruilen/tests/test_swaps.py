"""Offering a job, ‘Mogelijke ruilen’, interest and the reveal, through the real pages and the mails."""

import io
import re
from collections import Counter

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.core.management import call_command

from conftest import link_in_mail, sign_in
from ruilen.models import Ruil, Ruilaanbod, Status
from vacatures.models import WerkgeverRedactie
from vacatures.roles import COORDINATORS

from .conftest import coordinator_user, editor_user, form_data, make_offer

URL = "/medewerkers/ruilen/"


def offer_by_form(client, captured, **changes):
    with captured(execute=True):
        response = client.post(URL, form_data(**changes))
    assert response.status_code == 302
    return response


def swaps_section(html):
    """‘Mogelijke ruilen’ only (the form below holds the employee's own name)."""
    return html.split('id="ruilen-kop"', 1)[1].split('id="aanbod-kop"', 1)[0]


def interest_forms(html):
    return re.findall(r'action="(/medewerkers/ruilen/\d+/interesse/)"', html)


def test_anonymous_visitors_are_sent_to_the_sign_in(client, swap_network):
    for url in (URL, URL + "aanbod/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/medewerkers/inloggen/"
    assert client.post(URL, form_data()).status_code == 302
    assert not Ruilaanbod.objects.exists()


def test_offering_a_job_stores_it_with_the_employer_from_the_sign_in(swap_network, django_capture_on_commit_callbacks):
    anna = sign_in("anna@alfa.example")
    page = anna.get(URL)
    assert page.status_code == 200 and "Baan aanbieden" in page.content.decode()
    offer_by_form(anna, django_capture_on_commit_callbacks, werkgever=swap_network["beta"].pk)  # ignored
    offer = Ruilaanbod.objects.get()
    assert offer.werkgever == swap_network["alfa"] and offer.medewerker.email == "anna@alfa.example"
    assert offer.wens_vakgebieden == ["beleid"] and offer.maanden == 3
    # Changing it keeps one offer.
    offer_by_form(anna, django_capture_on_commit_callbacks, functie="Senior HR-adviseur")
    assert Ruilaanbod.objects.get().functie == "Senior HR-adviseur"
    assert "Senior HR-adviseur" in anna.get(URL).content.decode()


def test_form_errors_and_the_honeypot(swap_network, django_capture_on_commit_callbacks):
    anna = sign_in("anna@alfa.example")
    response = anna.post(URL, form_data(maanden="7", functie=""))
    assert response.status_code == 200 and "Vul je functie in." in response.content.decode()
    offer_by_form(anna, django_capture_on_commit_callbacks, website="http://spam.example")
    assert not Ruilaanbod.objects.exists()


def test_offers_are_shown_only_to_employees_of_other_employers(client, swap_network, django_capture_on_commit_callbacks):
    anna = sign_in("anna@alfa.example")
    offer_by_form(anna, django_capture_on_commit_callbacks, functie="Unieke functie XYZ")
    colleague = sign_in("collega@alfa.example")
    bert = sign_in("bert@beta.example")
    assert "Unieke functie XYZ" not in colleague.get(URL + "aanbod/").content.decode()
    assert "Unieke functie XYZ" not in anna.get(URL + "aanbod/").content.decode()
    seen = bert.get(URL + "aanbod/").content.decode()
    assert "Unieke functie XYZ" in seen
    # An anonymous card: no name, no address, no employer.
    for secret in ("Anna de Vries", "anna@alfa.example", "Alfa"):
        assert secret not in seen.split("<main", 1)[1]
    # Not to anonymous visitors, nor on the site's other channels.
    for url in ("/zoeken/?q=Unieke", "/sitemap.xml", "/api/v2/pages/?search=Unieke"):
        assert "Unieke functie XYZ" not in client.get(url).content.decode()
    # An employer that stops participating takes its offers out of view.
    swap_network["alfa"].unpublish()
    assert "Unieke functie XYZ" not in bert.get(URL + "aanbod/").content.decode()


def test_a_pair_from_offer_to_reveal(swap_network, django_capture_on_commit_callbacks):
    editors = {key: editor_user(swap_network, key) for key in ("alfa", "beta", "gamma")}
    coordinator = coordinator_user()
    anna, bert = sign_in("anna@alfa.example"), sign_in("bert@beta.example")
    offer_by_form(anna, django_capture_on_commit_callbacks)
    assert not mail.outbox
    offer_by_form(bert, django_capture_on_commit_callbacks, naam="Bert Jansen", functie="Beleidsadviseur wonen",
                  vakgebied="beleid", wens_vakgebieden=["hr"], plaats="Arnhem", uren="36")
    # The match is found at once and mailed to each, separately and without names.
    ruil = Ruil.objects.get()
    assert ruil.soort == "paar" and ruil.status == Status.VOORGESTELD
    assert sorted(m.to[0] for m in mail.outbox) == ["anna@alfa.example", "bert@beta.example"]
    for message in mail.outbox:
        assert len(message.to) == 1 and "Bert Jansen" not in message.body and "Anna de Vries" not in message.body
    path = link_in_mail(next(m for m in mail.outbox if m.to == ["anna@alfa.example"]).body)
    mail.outbox.clear()

    page = anna.get(path).content.decode()
    assert "Mogelijke ruilen" in page and "Beleidsadviseur wonen" in page
    assert "Bert Jansen" not in page and "bert@beta.example" not in page
    [action] = interest_forms(page)
    with django_capture_on_commit_callbacks(execute=True):
        assert anna.post(action).status_code == 302
    assert not mail.outbox  # one yes is not enough
    assert "bert@beta.example" not in anna.get(URL).content.decode()
    assert "anna@alfa.example" not in bert.get(URL).content.decode()
    # An outsider cannot say yes for them.
    gamma_employee = sign_in("greet@gamma.example")
    with django_capture_on_commit_callbacks(execute=True):
        gamma_employee.post(action)
    assert not mail.outbox

    [action_b] = interest_forms(bert.get(URL).content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        bert.post(action_b)
    ruil.refresh_from_db()
    assert ruil.voorgesteld_op is not None
    participants = {m.to[0]: m for m in mail.outbox if len(m.to) == 1 and m.to[0].split("@")[0] in ("anna", "bert")}
    assert "Bert Jansen <bert@beta.example>" in participants["anna@alfa.example"].body
    assert "Anna de Vries <anna@alfa.example>" in participants["bert@beta.example"].body
    employer_mails = {m.to[0]: m for m in mail.outbox if m not in participants.values()}
    assert sorted(employer_mails) == sorted([editors["alfa"].email, editors["beta"].email, coordinator.email])
    assert all(len(m.to) == 1 and f"/admin/ruilen/{ruil.pk}/" in m.body for m in employer_mails.values())
    assert employer_mails[editors["alfa"].email].subject == f"Ruil {ruil.pk} voorgesteld: akkoord van Alfa nodig"
    assert "Je kunt akkoord geven namens Alfa en Beta." in employer_mails[coordinator.email].body
    assert len(mail.outbox) == 5
    # Now the names show on the page, for both.
    assert "Bert Jansen" in anna.get(URL).content.decode() and "bert@beta.example" in anna.get(URL).content.decode()
    assert "anna@alfa.example" in bert.get(URL).content.decode()
    assert "anna@alfa.example" not in gamma_employee.get(URL + "aanbod/").content.decode()

    # The nightly run mails nothing new.
    mail.outbox.clear()
    call_command("ruil_matches", stdout=io.StringIO())
    assert not mail.outbox


def test_withdrawing_an_offer_deletes_it(swap_network, django_capture_on_commit_callbacks):
    anna = sign_in("anna@alfa.example")
    offer_by_form(anna, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        assert anna.post(URL + "intrekken/").status_code == 302
    assert not Ruilaanbod.objects.exists()


@pytest.mark.parametrize("method", ["get"])
def test_interest_is_post_only(swap_network, method):
    anna = sign_in("anna@alfa.example")
    assert getattr(anna, method)(URL + "1/interesse/").status_code == 405


def test_in_a_ring_names_show_and_each_person_is_mailed_once_after_the_third_yes(
        swap_network, django_capture_on_commit_callbacks):
    for employer in ("alfa", "beta", "gamma", "delta"):
        editor_user(swap_network, employer)
    coordinator_user()
    # one person editing for two employers of the ring, one both editor and coordinator
    shared = User.objects.create_user("gedeeld", "hr@gamma-delta.example", "x")
    shared.groups.add(*(WerkgeverRedactie.objects.get(werkgever=swap_network[e]).group for e in ("gamma", "delta")))
    both = User.objects.create_user("beide", "beide@beta.example", "x")
    both.groups.add(WerkgeverRedactie.objects.get(werkgever=swap_network["beta"]).group,
                    Group.objects.get(name=COORDINATORS))
    people = {
        "r1@gamma.example": make_offer(swap_network, "gamma", "r1@gamma.example", naam="Rosa Een", vakgebied="ict",
                                       wens_vakgebieden=["juridisch"]),
        "r2@delta.example": make_offer(swap_network, "delta", "r2@delta.example", naam="Ruud Twee",
                                       vakgebied="financien", wens_vakgebieden=["ict"]),
        "r3@beta.example": make_offer(swap_network, "beta", "r3@beta.example", naam="Rik Drie", vakgebied="juridisch",
                                      wens_vakgebieden=["financien"]),
    }
    with django_capture_on_commit_callbacks(execute=True):
        call_command("ruil_matches", stdout=io.StringIO())
    assert Ruil.objects.get().soort == "ring"
    clients = {email: sign_in(email) for email in people}
    names = [offer.naam for offer in people.values()]
    for number, client in enumerate(clients.values(), start=1):
        [action] = interest_forms(client.get(URL).content.decode())
        with django_capture_on_commit_callbacks(execute=True):
            client.post(action)
        for other_email, other in clients.items():
            page = swaps_section(other.get(URL).content.decode())
            others = [offer.naam for e, offer in people.items() if e != other_email]
            if number < 3:
                assert not any(name in page for name in names), (number, other_email)
                assert not mail.outbox
            else:
                assert all(name in page for name in others) and people[other_email].naam not in page
    participant_mails = [m for m in mail.outbox if m.to[0] in people]
    assert sorted(m.to[0] for m in participant_mails) == sorted(people)
    # Everybody gets one mail about the proposed swap; Alfa's editor none (Alfa is not in it).
    assert Counter(address for m in mail.outbox for address in m.to + m.cc + m.bcc) == {
        "r1@gamma.example": 1, "r2@delta.example": 1, "r3@beta.example": 1,
        "redactie@gamma.example": 1, "redactie@delta.example": 1, "redactie@beta.example": 1,
        "coordinator@example.org": 1, "hr@gamma-delta.example": 1, "beide@beta.example": 1,
    }
    # ... naming the employers that person acts for (the coordinators: all of them)
    assert {m.to[0]: m.subject.split(": ", 1)[1] for m in mail.outbox if m not in participant_mails} == {
        "redactie@gamma.example": "akkoord van Gamma nodig", "redactie@delta.example": "akkoord van Delta nodig",
        "redactie@beta.example": "akkoord van Beta nodig", "hr@gamma-delta.example": "akkoord van Gamma en Delta nodig",
        "coordinator@example.org": "akkoord van Gamma, Delta en Beta nodig",
        "beide@beta.example": "akkoord van Gamma, Delta en Beta nodig",
    }
