"""Reacting to a klus in one click with the profile: the klus page's own button (a POST with CSRF), the manager
question first when the klus needs it, name, e-mail and the CV (a copy, deleted with the reaction) for that
employer only, a second click stores nothing ("al gereageerd"); without a profile the short form stays."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from conftest import link_in_mail, make_pdf, sign_in
from home.site_setup import ensure_klus_index
from klussen.tests.fixtures import klus_factory
from klussen.tests.test_leaks import client_for
from profielen.models import Profiel
from profielen.tests.helpers import body, hr_client, profile_form
from reacties.models import PROFIEL, KlusReactie
from reacties.retention import purge

EMPLOYEE = "kraan@beta.example"


@pytest.fixture
def klus(network):
    ensure_klus_index()
    return klus_factory(network)("alfa", "Kwartiermaker wijkaanpak", contact_email="klussen@alfa.example")


def with_profile(email=EMPLOYEE, cv=True, csrf=True):
    """Signed in with a profile made through the real form; `csrf`: a client that checks CSRF as a browser."""
    signed_in = sign_in(email)
    client = Client(enforce_csrf_checks=csrf)
    client.cookies = signed_in.cookies
    page = body(client.get("/medewerkers/profiel/"))
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = profile_form(naam="Karin Kraanvogel")
    if cv:
        data["cv"] = SimpleUploadedFile("cv.pdf", make_pdf("Cv van Karin Kraanvogel"), "application/pdf")
    assert client.post("/medewerkers/profiel/", {**data, "csrfmiddlewaretoken": token}).status_code == 302
    return client


def klus_page(client):
    listing = body(client.get("/klussen/"))
    url = re.search(r'href="(/werkgevers/alfa/[\w-]+/)"', listing).group(1)
    return url, body(client.get(url))


def one_click_form(html):
    """The klus page's one-click form: its action and the fields it posts (CSRF token included)."""
    form = re.search(r'<form method="post" action="([^"]+)" class="klus-met-profiel">(.*?)</form>', html, re.S)
    assert form, "no one-click form"
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form.group(2)))
    return form.group(1), fields, form.group(2)


def test_one_click_after_the_manager_question_shares_name_email_and_cv(network, klus):
    client = with_profile()
    page_url, html = klus_page(client)
    action, fields, form_html = one_click_form(html)
    assert action == f"/medewerkers/profiel/klus/{klus.pk}/reageren/"
    assert "Heb je dit met je leidinggevende besproken?" in form_html and "required" in form_html
    assert "Reageer met het korte formulier" in html  # the short form stays available
    # without CSRF token: refused
    assert client.post(action, {"besproken": "ja"}).status_code == 403
    # without an answer to the manager question: the form again, nothing stored, nothing mailed
    mail.outbox.clear()
    response = client.post(action, fields)
    assert response.status_code == 200
    assert "Zeg of je de klus met je leidinggevende hebt besproken." in body(response)
    assert not KlusReactie.objects.exists() and not mail.outbox
    response = client.post(action, {**fields, "besproken": "ja"})
    assert "Bedankt voor je reactie" in body(response)

    reactie = KlusReactie.objects.get()
    profiel = Profiel.objects.get()
    assert (reactie.klus_id, reactie.herkomst, reactie.besproken) == (klus.pk, PROFIEL, "ja")
    assert (reactie.naam, reactie.email, reactie.medewerker_id) == ("Karin Kraanvogel", EMPLOYEE, profiel.medewerker_id)
    assert "Beleidsadviseur wonen" in reactie.motivatie and "projectleiding" in reactie.motivatie
    # the CV is the reaction's own copy in private storage, not the profile's file
    assert reactie.cv.name != profiel.cv.name and reactie.cv.storage is profiel.cv.storage
    with reactie.cv.open("rb") as copy, profiel.cv.open("rb") as original:
        assert copy.read() == original.read()
    to_employer, confirmation = sorted(mail.outbox, key=lambda m: m.to[0])
    assert to_employer.to == ["klussen@alfa.example"] and confirmation.to == [EMPLOYEE]

    # the employee's export names the reaction
    exported = client.get("/medewerkers/profiel/export/").json()["reacties_op_klussen"]
    assert [(r["klus"], r["herkomst"], r["e-mailadres"]) for r in exported] == [
        ("Kwartiermaker wijkaanpak", "Profiel (één klik)", EMPLOYEE),
    ]
    # a second click: nothing new, "al gereageerd"; the klus page says so too
    mail.outbox.clear()
    again = client.post(action, {**fields, "besproken": "ja"})
    assert "Je hebt al gereageerd" in body(again)
    assert KlusReactie.objects.count() == 1 and not mail.outbox
    html = body(client.get(page_url))
    assert "Je hebt al gereageerd" in html and 'class="klus-met-profiel"' not in html

    # Alfa's editors download the CV; Beta's (the employee's own employer) and coordinators do not
    listing = body(hr_client("hr-alfa", network).get("/admin/klusreacties/"))
    assert "Karin Kraanvogel" in listing and EMPLOYEE in listing
    cv_link = re.search(r'href="(/admin/reacties/klus/\d+/cv/)"', listing).group(1)
    assert b"".join(hr_client("hr-alfa", network).get(cv_link).streaming_content).startswith(b"%PDF-")
    for role in ("hr-beta", "coordinator"):
        assert hr_client(role, network).get(cv_link).status_code == 404, role
    assert "Karin Kraanvogel" not in body(hr_client("hr-beta", network).get("/admin/klusreacties/"))

    # the candidate's deletion link removes the reaction and its CV copy; the profile's CV stays
    storage, copy_name = reactie.cv.storage, reactie.cv.name
    deletion = link_in_mail(confirmation.body, r"/vacatures/reageren/verwijderen/[\w-]+/")
    plain = Client()
    assert "is verwijderd" in body(plain.post(deletion))
    assert not KlusReactie.objects.exists() and not storage.exists(copy_name)
    assert storage.exists(profiel.cv.name)


def test_retention_purges_the_cv_copy_with_the_reaction(network, klus):
    klus.akkoord_leidinggevende = False
    klus.save_revision().publish()
    client = with_profile()
    _, html = klus_page(client)
    action, fields, form_html = one_click_form(html)
    assert "leidinggevende" not in form_html
    client.post(action, fields)
    reactie = KlusReactie.objects.get()
    assert reactie.besproken == "" and reactie.cv
    storage, name = reactie.cv.storage, reactie.cv.name
    assert purge(klus.sluitingsdatum + timedelta(weeks=4)) == 0 and storage.exists(name)
    assert purge(klus.sluitingsdatum + timedelta(weeks=4, days=1)) == 1
    assert not KlusReactie.objects.exists() and not storage.exists(name)


def test_without_a_profile_the_short_form_and_without_a_cv_no_file(network, klus):
    client = sign_in("zonder@beta.example")
    _, html = klus_page(client)
    assert 'class="klus-met-profiel"' not in html
    assert f'href="/vacatures/reageren/klus/{klus.pk}/"' in html
    # the one-click address sends someone without a profile to the short form
    response = client.post(f"/medewerkers/profiel/klus/{klus.pk}/reageren/", {"besproken": "ja"})
    assert response.status_code == 302 and response["Location"] == f"/vacatures/reageren/klus/{klus.pk}/"
    assert not KlusReactie.objects.exists()
    # a profile without a CV reacts without a file
    client = with_profile("zondercv@beta.example", cv=False)
    _, html = klus_page(client)
    action, fields, _ = one_click_form(html)
    client.post(action, {**fields, "besproken": "nee"})
    assert not KlusReactie.objects.get().cv


def test_only_who_may_see_the_klus_reaches_the_one_click(network, klus):
    url = f"/medewerkers/profiel/klus/{klus.pk}/reageren/"
    for role in ("anoniem", "buitenstaander", "Editors", "redacteur-alfa", "coordinator"):
        response = client_for(role, network).post(url, {"besproken": "ja"})
        assert response.status_code in (302, 404), role
        assert response.status_code == 404 or response["Location"].startswith("/medewerkers/inloggen"), role
    client = with_profile(csrf=False)
    klus.afgesloten_op, klus.uitkomst = klus.startdatum - timedelta(days=40), "ingetrokken"
    klus.save_revision().publish()
    assert client.post(url, {"besproken": "ja"}).status_code == 404
    assert not KlusReactie.objects.exists()
