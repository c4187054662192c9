"""Offering a job in real Chromium: the form with its errors, the saved offer, the match under ‘Mogelijke
ruilen’ and the ‘Interesse’ button; axe-core finds nothing on each state of the page."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from home.tests.browser import format_violations, open_browser, run_axe
from ruilen.models import Deelname, Ruilaanbod

from .conftest import make_offer


def assert_no_violations(page):
    violations = run_axe(page)
    assert violations == [], f"{page.url}: {format_violations(violations)}"


def sign_in(page, base_url, email):
    mail.outbox.clear()
    page.goto(base_url + "/medewerkers/inloggen/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_role("button", name="Stuur mij een inloglink").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    path = re.search(r"https?://[^/\s]+(/medewerkers/inloggen/[\w-]+/)", mail.outbox[0].body).group(1)
    page.goto(base_url + path)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_text("Ingelogd als medewerker van Alfa", exact=True)).to_be_visible()


@pytest.mark.django_db(transaction=True)
def test_offering_a_job_and_saying_interest(live_server, network):
    make_offer(network, "beta", "bert@beta.example", naam="Bert Jansen", functie="Beleidsadviseur wonen",
               vakgebied="beleid", wens_vakgebieden=["hr"], uren=36)
    with open_browser() as browser:
        page = browser.new_page()
        sign_in(page, live_server.url, "anna@alfa.example")
        page.goto(live_server.url + "/medewerkers/ruilen/")
        expect(page.get_by_role("heading", name="Jouw Baan Mijn Baan")).to_be_visible()
        assert_no_violations(page)

        page.get_by_role("button", name="Baan aanbieden").click()
        expect(page.get_by_text("Controleer de gemarkeerde velden.")).to_be_visible()
        expect(page.get_by_label("Functie", exact=True)).to_have_attribute("aria-invalid", "true")
        assert_no_violations(page)

        page.get_by_label("Je naam").fill("Anna de Vries")
        page.get_by_label("Functie", exact=True).fill("HR-adviseur")
        page.get_by_label("Vakgebied", exact=True).select_option("hr")
        page.get_by_label("Salarisschaal").fill("10")
        page.get_by_label("Uren per week").fill("32")
        page.get_by_label("Standplaats").fill("Enschede")
        page.get_by_label("Vroegste startdatum").fill("2027-03-01")
        page.get_by_label("Duur van de ruil (maanden)").select_option("3")
        page.get_by_label("Beleid en advies").check()
        page.get_by_label("Korte toelichting").fill("Ik wil graag een tijdje beleid maken.")
        page.get_by_role("button", name="Baan aanbieden").click()

        expect(page.get_by_text("Je ruilaanbod is opgeslagen.")).to_be_visible()
        expect(page.get_by_role("heading", name="Ruil met één ander")).to_be_visible()
        expect(page.get_by_role("heading", name="Beleidsadviseur wonen")).to_be_visible()
        assert "Bert Jansen" not in page.locator("main").inner_text()
        assert_no_violations(page)

        page.get_by_role("button", name="Interesse").click()
        expect(page.get_by_text("Je hebt interesse gezegd.")).to_be_visible()
        assert_no_violations(page)
    offer = Ruilaanbod.objects.get(medewerker__email="anna@alfa.example")
    assert offer.werkgever == network["alfa"] and offer.wens_vakgebieden == ["beleid"]
    assert Deelname.objects.get(aanbod=offer).interesse_op is not None
