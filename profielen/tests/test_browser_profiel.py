"""In Chromium (axe: 0 violations on the employee's pages): an employee of Beta fills in the profile form and
switches it on; an HR editor of Alfa finds the anonymous card, invites it; the employee follows the link in the
mail and accepts; only then does Alfa's invitations page show name and e-mail."""

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from playwright.sync_api import expect

from home.tests.browser import format_violations, open_browser, run_axe
from vacatures.models import WerkgeverRedactie

PASSWORD = "hr-wachtwoord"  # noqa: S105 - test user


def assert_no_violations(page):
    violations = run_axe(page)
    assert violations == [], f"{page.url}: {format_violations(violations)}"


def employee_sign_in(page, base, email):
    mail.outbox.clear()
    page.goto(base + "/medewerkers/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_role("button", name="Stuur mij een inloglink").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    path = re.search(r"https?://[^/\s]+(/medewerkers/inloggen/[\w-]+/)", mail.outbox[0].body).group(1)
    page.goto(base + path)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_text("Ingelogd als medewerker van Beta", exact=True)).to_be_visible()


def hr_sign_in(page, base, username="hr-alfa"):
    page.goto(base + "/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def invite_card(hr, card, target, message):
    """On an open profile search: open `card`, invite it for `target` (a vacancy or klus) with `message`.
    Returns the path of the invitation in the mail to the employee; the HR page still shows no name."""
    hr.get_by_role("link", name=card).click()
    assert_no_violations(hr)  # the anonymous card
    hr.get_by_role("link", name="Uitnodigen").click()
    assert_no_violations(hr)  # the invitation form
    hr.get_by_label("Uitnodigen voor").select_option(label=target)
    hr.get_by_label("Kort bericht").fill(message)
    mail.outbox.clear()
    hr.get_by_role("button", name="Uitnodiging versturen").click()
    expect(hr.get_by_role("cell", name="anoniem")).to_be_visible()
    assert "Merel" not in hr.content()
    return re.search(r"https?://[^/\s]+(/medewerkers/profiel/uitnodigingen/\d+/)", mail.outbox[0].body).group(1)


@pytest.mark.django_db(transaction=True)
def test_profile_form_invitation_and_acceptance(live_site, network, make_vacancy):
    base = live_site.url
    make_vacancy("alfa", "Adviseur wonen Alfa", published_days_ago=2, closes_in=25)
    hr_user = User.objects.create_user("hr-alfa", "hr@alfa.example", PASSWORD)
    hr_user.groups.add(WerkgeverRedactie.objects.get(werkgever=network["alfa"]).group)

    with open_browser() as browser:
        employee = browser.new_page()
        employee_sign_in(employee, base, "merel@beta.example")
        employee.get_by_role("link", name="Mijn profiel").click()
        expect(employee.get_by_role("heading", level=1)).to_have_text("Mijn mobiliteitsprofiel")
        assert not employee.get_by_label("Zichtbaar voor andere werkgevers").is_checked()  # off by default
        assert_no_violations(employee)
        employee.get_by_label("Je naam").fill("Merel de Wit")
        employee.get_by_label("Huidige functie").fill("Adviseur wonen")
        employee.get_by_label("Vakgebied").select_option(label="Beleid en advies")
        employee.get_by_label("Salarisschaal").select_option(label="Schaal 10")
        employee.get_by_label("Uren per week").fill("32")
        employee.get_by_label("Vaardigheden").fill("woningbouw, participatie")
        employee.get_by_label("Korte tekst").fill("Bel me op 06-12345678")
        employee.get_by_label("Zichtbaar voor andere werkgevers").check()
        employee.get_by_role("button", name="Profiel opslaan").click()
        expect(employee.get_by_text("Je tekst bevat een telefoonnummer", exact=False).first).to_be_visible()
        assert_no_violations(employee)
        employee.get_by_label("Korte tekst").fill("Ik werk graag aan betaalbaar wonen.")
        employee.get_by_role("button", name="Profiel opslaan").click()
        expect(employee.get_by_text("Je profiel is opgeslagen.")).to_be_visible()
        assert employee.get_by_label("Zichtbaar voor andere werkgevers").is_checked()
        assert_no_violations(employee)

        hr = browser.new_page()
        hr_sign_in(hr, base)
        hr.get_by_role("link", name="Profielen zoeken").click()  # the admin menu, as an HR editor finds it
        expect(hr.get_by_role("heading", name="1 kaart")).to_be_visible()
        assert "Merel" not in hr.content() and "merel@beta.example" not in hr.content()
        assert_no_violations(hr)
        path = invite_card(hr, "Adviseur wonen", "Adviseur wonen Alfa", "Zou je willen reageren?")
        assert_no_violations(hr)  # the invitations list
        employee.goto(base + path)
        expect(employee.get_by_role("heading", level=1)).to_have_text("Uitnodiging van Alfa")
        assert_no_violations(employee)
        employee.get_by_role("button", name="Accepteren").click()
        expect(employee.get_by_text("Je hebt de uitnodiging geaccepteerd.", exact=False)).to_be_visible()

        hr.reload()
        expect(hr.get_by_text("Merel de Wit", exact=False)).to_be_visible()
        expect(hr.get_by_role("link", name="merel@beta.example")).to_be_visible()
        assert_no_violations(hr)
