"""The Twentse School in real Chromium: an employee signs in, finds a training in the catalogue, registers
for a session in one step, and cancels with the link from the confirmation mail; axe finds nothing on
the catalogue, the training page, the confirmation and the cancel pages."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from home.tests.browser import format_violations, open_browser, run_axe
from opleidingen.models import Inschrijving

pytest_plugins = ["opleidingen.tests.fixtures"]


def no_violations(page):
    violations = run_axe(page)
    assert violations == [], format_violations(violations)


@pytest.mark.django_db(transaction=True)
def test_register_for_a_training_and_cancel(live_site, make_training):
    make_training("Helder schrijven", thema="Leren en ontwikkelen", sessions=[{"capaciteit": 3, "plaats": "Borne"}])
    base = live_site.url
    with open_browser() as browser:
        page = browser.new_page()
        mail.outbox.clear()
        page.goto(base + "/medewerkers/inloggen/")
        page.get_by_label("E-mailadres").fill("sanne@alfa.example")
        page.get_by_role("button", name="Stuur mij een inloglink").click()
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        path = re.search(r"https?://[^/\s]+(/medewerkers/inloggen/[\w-]+/)", mail.outbox[0].body).group(1)
        page.goto(base + path)
        page.get_by_role("button", name="Inloggen").click()
        mail.outbox.clear()

        page.goto(base + "/opleidingen/")
        expect(page.get_by_text("nog 3 plaatsen", exact=False)).to_be_visible()
        no_violations(page)
        page.get_by_role("link", name="Helder schrijven").click()
        expect(page.get_by_role("heading", level=1, name="Helder schrijven")).to_be_visible()
        no_violations(page)
        page.get_by_label("Je naam").fill("Sanne Wolters")
        page.get_by_role("button", name="Schrijf je in").click()
        expect(page.get_by_role("heading", level=1, name="Je bent ingeschreven")).to_be_visible()
        no_violations(page)
        assert "Je bent ingeschreven" in mail.outbox[0].subject  # the database is read after the browser is closed

        link = re.search(r"https?://[^/\s]+(/school/annuleren/[\w-]+/)", mail.outbox[0].body).group(1)
        page.goto(base + link)
        expect(page.get_by_role("button", name="Meld mij af")).to_be_visible()
        no_violations(page)
        page.get_by_role("button", name="Meld mij af").click()
        expect(page.get_by_role("heading", level=1, name="Je bent afgemeld")).to_be_visible()
        no_violations(page)
    assert Inschrijving.objects.get().status == "geannuleerd"
