"""/klussen/ in real Chromium: an anonymous visitor gets the sign-in prompt; a signed-in employee of Alfa
filters the klussen, opens one of Beta's and reacts with the short form (the manager question included);
axe-core finds nothing on any of these pages."""

import pytest
from playwright.sync_api import expect

from home.tests.browser import format_violations, open_browser, run_axe, screenshot
from klussen.tests.fixtures import WORD, build_every_state
from reacties.models import KlusReactie
from vacatures.tests.test_browser_medewerker import sign_in


def assert_no_violations(page):
    violations = run_axe(page)
    assert violations == [], f"{page.url}: {format_violations(violations)}"


@pytest.mark.django_db(transaction=True)
def test_employee_browses_klussen_and_reacts(live_server, network):
    klussen = build_every_state(network)
    base = live_server.url
    with open_browser() as browser:
        page = browser.new_page()
        page.goto(base + "/klussen/")
        expect(page.get_by_role("link", name="Inloggen als medewerker").first).to_be_visible()
        assert WORD not in page.content()
        assert_no_violations(page)

        sign_in(page, base, "iemand@alfa.example")
        page.goto(base + "/klussen/")
        cards = page.locator("ul.kaarten > li")
        expect(cards).to_have_count(4)
        assert_no_violations(page)
        page.locator("summary", has_text="Op afstand").click()
        page.get_by_label("Op afstand mogelijk (2)").check()
        page.get_by_role("button", name="Filters toepassen").click()
        expect(cards).to_have_count(2)
        screenshot(page, "klussen.png")
        page.get_by_role("link", name=klussen[("beta", "open-op-afstand")].title).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(klussen[("beta", "open-op-afstand")].title)
        assert_no_violations(page)
        page.get_by_role("link", name="Reageer op deze klus").click()
        page.get_by_label("Naam").fill("Sam Jansen")
        page.get_by_label("Waarom wil je deze klus doen?").fill("Ik heb dit eerder gedaan.")
        page.get_by_role("button", name="Verstuur reactie").click()
        expect(page.get_by_text("Zeg of je de klus met je leidinggevende hebt besproken.")).to_be_visible()
        assert_no_violations(page)
        page.get_by_label("Ja").check()
        page.get_by_role("button", name="Verstuur reactie").click()
        expect(page.get_by_role("heading", name="Bedankt voor je reactie")).to_be_visible()
        assert_no_violations(page)
    reactie = KlusReactie.objects.get()
    assert (reactie.klus_id, reactie.besproken, reactie.herkomst) == (
        klussen[("beta", "open-op-afstand")].pk, "ja", "netwerk")
