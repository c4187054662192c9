"""The agenda in real Chromium: /agenda/, an event week with its activities, registering for an activity and
cancelling with the link from the mail; an employee signs in and registers for an employees-only event.
axe finds no violations on any of these pages."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from agenda.models import Aanmelding
from agenda.tests.fixtures import build_agenda
from conftest import link_in_mail
from home.tests.browser import format_violations, open_browser, run_axe
from vacatures.tests.test_browser_medewerker import sign_in as sign_in_in_browser


def assert_accessible(page):
    violations = run_axe(page)
    assert violations == [], format_violations(violations)


@pytest.mark.django_db(transaction=True)
def test_agenda_event_register_and_cancel(live_site, network):
    _, events = build_agenda()
    week = events["week"]
    # No database queries inside the browser block: Playwright's event loop runs there, and a query in it
    # would open a connection of its own that is never closed (PostgreSQL then cannot drop the test database).
    with open_browser() as browser:
        page = browser.new_page()
        page.goto(live_site.url + "/agenda/")
        expect(page.get_by_role("heading", level=1, name="Agenda")).to_be_visible()
        expect(page.get_by_text("3 evenementen")).to_be_visible()
        assert_accessible(page)

        page.get_by_role("link", name="Afgelopen evenementen").click()
        expect(page.get_by_text("271 deelnemers uit 9 gemeenten")).to_be_visible()
        assert_accessible(page)

        page.goto(live_site.url + "/agenda/")
        page.get_by_role("link", name=week.title).click()
        expect(page.get_by_role("heading", name="Activiteiten")).to_be_visible()
        assert_accessible(page)

        page.get_by_role("link", name="Aanmelden voor Meelopen").click()
        page.get_by_label("Naam").fill("Sanne de Boer")
        page.get_by_label("E-mailadres").fill("sanne@kandidaat.example")
        assert_accessible(page)
        page.get_by_role("button", name="Meld me aan").click()
        expect(page.get_by_role("heading", name="Je bent aangemeld")).to_be_visible()
        assert_accessible(page)

        assert len(mail.outbox) == 1  # the confirmation, with the cancel link
        page.goto(live_site.url + link_in_mail(mail.outbox[0].body, r"/agenda/annuleren/[\w-]+/"))
        assert_accessible(page)
        page.get_by_role("button", name="Meld me af").click()
        expect(page.get_by_role("heading", name="Je bent afgemeld")).to_be_visible()
    assert Aanmelding.objects.count() == 0 and mail.outbox[0].to == ["sanne@kandidaat.example"]


@pytest.mark.django_db(transaction=True)
def test_employee_sees_and_registers_for_an_employees_only_event(live_site, network):
    _, events = build_agenda()
    hidden = events["verborgen"]
    with open_browser() as browser:
        page = browser.new_page()
        sign_in_in_browser(page, live_site.url, "iemand@alfa.example")
        page.goto(live_site.url + "/agenda/")
        expect(page.get_by_text("4 evenementen")).to_be_visible()
        expect(page.get_by_text("Alleen voor medewerkers van deelnemende werkgevers").first).to_be_visible()
        assert_accessible(page)
        page.get_by_role("link", name=hidden.title).click()
        expect(page.get_by_text("Alleen voor medewerkers van deelnemende werkgevers.")).to_be_visible()
        assert_accessible(page)
        page.get_by_role("link", name=f"Aanmelden voor {hidden.title}").click()
        expect(page.get_by_label("E-mailadres")).to_have_count(0)
        page.get_by_label("Naam").fill("Iemand van Alfa")
        assert_accessible(page)
        page.get_by_role("button", name="Meld me aan").click()
        expect(page.get_by_role("heading", name="Je bent aangemeld")).to_be_visible()
    assert mail.outbox[-1].to == ["iemand@alfa.example"]
    assert Aanmelding.objects.get().evenement_id == hidden.pk
