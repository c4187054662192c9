"""Reacting to a klus: a signed-in employee follows the page's own links to the short form, which asks about
the manager when the klus needs their agreement; the mails go out through the reaction tasks; the employer's
editors read the reaction in the admin; coordinators see no personal data; others see nothing."""

import re
from datetime import timedelta

import pytest
from django.core import mail

from conftest import link_in_mail, sign_in
from home.site_setup import ensure_klus_index
from klussen.tests.fixtures import TODAY, klus_factory
from klussen.tests.test_leaks import client_for
from reacties.models import KlusReactie
from reacties.retention import purge
from vacatures.tests import fixtures

network = fixtures.network_from_module
EMPLOYEE = "sanne@beta.example"


@pytest.fixture
def klus(network):
    ensure_klus_index()
    return klus_factory(network)("alfa", "Kwartiermaker wijkaanpak", contact_email="klussen@alfa.example")


def links(html, pattern):
    return re.findall(rf'href="({pattern})"', html)


def react(client, klus, **changes):
    """From /klussen/ through the klus page to its form, filled in as the employee would."""
    listing = client.get("/klussen/").content.decode()
    page_url = links(listing, r"/werkgevers/alfa/[\w-]+/")[0]
    page = client.get(page_url).content.decode()
    form_url = links(page, r"/vacatures/reageren/klus/\d+/")[0]
    form = client.get(form_url)
    assert form.status_code == 200
    html = form.content.decode()
    token = re.search(r'name="formulier" value="([0-9a-f-]{36})"', html).group(1)
    assert f'value="{EMPLOYEE}"' in html  # the e-mail address of the sign-in
    data = {"formulier": token, "naam": "Sanne Smit", "email": EMPLOYEE, "motivatie": "Ik ken de wijken goed."}
    data.update(changes)
    return form_url, html, client.post(form_url, data)


def test_an_employee_reacts_and_both_sides_get_a_mail(network, klus):
    client = sign_in(EMPLOYEE)
    form_url, html, response = react(client, klus)
    assert "Heb je dit met je leidinggevende besproken?" in html and 'type="file"' not in html
    assert response.status_code == 200
    assert "Zeg of je de klus met je leidinggevende hebt besproken." in response.content.decode()
    assert not KlusReactie.objects.exists() and not mail.outbox
    form_url, html, response = react(client, klus, besproken="ja")
    assert "Bedankt voor je reactie" in response.content.decode()
    reactie = KlusReactie.objects.get()
    assert (reactie.klus_id, reactie.herkomst, reactie.besproken) == (klus.pk, "netwerk", "ja")
    to_employer, confirmation = sorted(mail.outbox, key=lambda m: m.to[0])
    assert to_employer.to == ["klussen@alfa.example"] and "Sanne Smit" in to_employer.body
    assert EMPLOYEE not in to_employer.body
    assert confirmation.to == [EMPLOYEE]
    assert "Besproken met je leidinggevende: ja" in confirmation.body
    assert "Ik ken de wijken goed." in confirmation.body
    # The same form sent again stores nothing new.
    client.post(form_url, {"formulier": re.search(r'value="([0-9a-f-]{36})"', html).group(1), "naam": "Sanne Smit",
                           "email": EMPLOYEE, "motivatie": "Nogmaals", "besproken": "ja"})
    assert KlusReactie.objects.count() == 1
    # The link in the confirmation deletes the reaction (GET asks, POST deletes).
    deletion = link_in_mail(confirmation.body, r"/vacatures/reageren/verwijderen/[\w-]+/")
    assert "Kwartiermaker wijkaanpak" in client.get(deletion).content.decode()
    assert "is verwijderd" in client.post(deletion).content.decode()
    assert not KlusReactie.objects.exists()
    assert client.get(deletion).status_code == 410


def test_without_manager_agreement_there_is_no_such_question(network, klus):
    klus.akkoord_leidinggevende = False
    klus.save_revision().publish()
    client = sign_in(EMPLOYEE)
    _, html, response = react(client, klus)
    assert "leidinggevende" not in html
    assert "Bedankt voor je reactie" in response.content.decode()
    assert KlusReactie.objects.get().besproken == ""


def test_only_who_may_see_the_klus_can_react(network, klus):
    url = f"/vacatures/reageren/klus/{klus.pk}/"
    for role in ("anoniem", "buitenstaander", "Editors", "redacteur-alfa", "coordinator"):
        assert client_for(role, network).get(url).status_code == 404, role
        assert client_for(role, network).post(url, {"naam": "x"}).status_code == 404, role
    klus.afgesloten_op, klus.uitkomst = TODAY, "ingetrokken"
    klus.save_revision().publish()
    assert sign_in(EMPLOYEE).get(url).status_code == 404
    assert not KlusReactie.objects.exists()


def test_the_employers_editors_read_the_reaction_and_nobody_else_does(network, klus):
    react(sign_in(EMPLOYEE), klus, besproken="nee")
    reactie = KlusReactie.objects.get()
    own = client_for("redacteur-alfa", network).get("/admin/klusreacties/").content.decode()
    assert "Sanne Smit" in own and EMPLOYEE in own and "Kwartiermaker wijkaanpak" in own
    coordinator = client_for("coordinator", network).get("/admin/klusreacties/").content.decode()
    assert "Kwartiermaker wijkaanpak" in coordinator and "afgeschermd" in coordinator
    assert "Sanne Smit" not in coordinator and EMPLOYEE not in coordinator
    for role in ("redacteur-beta", "Editors", "Moderators"):
        response = client_for(role, network).get("/admin/klusreacties/")
        text = response.content.decode()
        assert "Sanne Smit" not in text and "Kwartiermaker" not in text, role
        for url in (f"/admin/klusreacties/edit/{reactie.pk}/", f"/admin/klusreacties/delete/{reactie.pk}/"):
            response = client_for(role, network).get(url)
            assert response.status_code in (302, 403, 404) and "Sanne" not in response.content.decode()


def test_reactions_go_four_weeks_after_the_klus_closed(network, klus):
    react(sign_in(EMPLOYEE), klus, besproken="ja")
    assert purge(klus.sluitingsdatum + timedelta(weeks=4)) == 0
    assert purge(klus.sluitingsdatum + timedelta(weeks=4, days=1)) == 1
    assert not KlusReactie.objects.exists()
