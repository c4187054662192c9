"""In Chromium (axe: 0 violations on every employee page): an employee of Beta with a profile reacts to Alfa's
klus in one click (answering the manager question first; a second visit says "al gereageerd"); an HR editor of
Alfa invites the anonymous card to another klus in the real admin, the employee answers the manager question and
accepts, and only then does Alfa's invitations page show name and e-mail."""


import pytest
from django.contrib.auth.models import User
from django.core import mail
from playwright.sync_api import expect

from home.site_setup import ensure_klus_index
from home.tests.browser import open_browser
from klussen.tests.fixtures import klus_factory
from profielen.tests.test_browser_profiel import (
    PASSWORD,
    assert_no_violations,
    employee_sign_in,
    hr_sign_in,
    invite_card,
)
from reacties.models import PROFIEL, UITNODIGING, KlusReactie
from vacatures.models import WerkgeverRedactie


@pytest.mark.django_db(transaction=True)
def test_one_click_klus_reaction_and_invitation_to_a_klus(live_site, network):
    base = live_site.url
    ensure_klus_index()
    make = klus_factory(network)
    make("alfa", "Kwartiermaker wijkaanpak", contact_email="klussen@alfa.example", akkoord_leidinggevende=True)
    make("alfa", "Datadashboard bouwen", contact_email="klussen@alfa.example", vakgebied="ict")
    hr_user = User.objects.create_user("hr-alfa", "hr@alfa.example", PASSWORD)
    hr_user.groups.add(WerkgeverRedactie.objects.get(werkgever=network["alfa"]).group)

    with open_browser() as browser:
        employee = browser.new_page()
        employee_sign_in(employee, base, "merel@beta.example")
        employee.goto(base + "/medewerkers/profiel/")
        employee.get_by_label("Je naam").fill("Merel de Wit")
        employee.get_by_label("Huidige functie").fill("Adviseur wonen")
        employee.get_by_label("Vakgebied").select_option(label="Beleid en advies")
        employee.get_by_label("Salarisschaal").select_option(label="Schaal 10")
        employee.get_by_label("Uren per week").fill("32")
        employee.get_by_label("Zichtbaar voor andere werkgevers").check()
        employee.get_by_role("button", name="Profiel opslaan").click()
        expect(employee.get_by_text("Je profiel is opgeslagen.")).to_be_visible()

        employee.goto(base + "/klussen/")
        employee.get_by_role("link", name="Kwartiermaker wijkaanpak").click()
        expect(employee.get_by_role("button", name="Reageer met mijn profiel")).to_be_visible()
        assert_no_violations(employee)
        mail.outbox.clear()
        employee.get_by_label("Ja").check()
        employee.get_by_role("button", name="Reageer met mijn profiel").click()
        expect(employee.get_by_role("heading", level=1)).to_have_text("Bedankt voor je reactie")
        assert_no_violations(employee)
        employee.go_back()
        employee.reload()
        expect(employee.get_by_text("Je hebt al gereageerd", exact=False)).to_be_visible()
        expect(employee.get_by_role("button", name="Reageer met mijn profiel")).to_have_count(0)
        assert_no_violations(employee)

        hr = browser.new_page()
        hr_sign_in(hr, base)
        hr.goto(base + "/admin/profielen/")
        path = invite_card(hr, "Adviseur wonen", "Datadashboard bouwen", "Iets voor jou, naast je eigen werk?")
        employee.goto(base + path)
        expect(employee.get_by_text("Voor de klus", exact=False)).to_be_visible()
        assert_no_violations(employee)
        employee.get_by_label("Nee, nog niet").check()  # the klus needs the manager's agreement
        employee.get_by_role("button", name="Accepteren").click()
        expect(employee.get_by_text("Je hebt de uitnodiging geaccepteerd.", exact=False)).to_be_visible()
        assert_no_violations(employee)

        hr.reload()
        expect(hr.get_by_text("Merel de Wit", exact=False)).to_be_visible()
        expect(hr.get_by_role("link", name="merel@beta.example")).to_be_visible()

    herkomst = {title: (origin, besproken) for title, origin, besproken in
                KlusReactie.objects.values_list("klus__title", "herkomst", "besproken")}
    assert herkomst == {"Kwartiermaker wijkaanpak": (PROFIEL, "ja"), "Datadashboard bouwen": (UITNODIGING, "nee")}
