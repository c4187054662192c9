"""Vacancy pages in real Chromium with axe-core: listing, filtered listing, a vacancy, employers."""

import pytest
from playwright.sync_api import expect

from home.tests.browser import format_violations, open_browser, run_axe


@pytest.mark.django_db(transaction=True)
def test_vacancy_pages_have_no_wcag_violations(live_server, make_vacancy):
    vacancy = make_vacancy("alfa", "Adviseur werk en inkomen", reageer_url="https://example.org/solliciteer")
    make_vacancy("beta", "Medewerker burgerzaken", dienstverband="tijdelijk", uren_min=24, uren_max=32)
    other = make_vacancy("alfa", "Beleidsmedewerker")
    paths = ["/vacatures/", "/vacatures/?dienstverband=vast&sorteer=sluitingsdatum", vacancy.url,
             "/werkgevers/", "/werkgevers/alfa/", "/zoeken/?q=adviseur", "/medewerkers/inloggen/",
             f"/vacatures/reageren/{other.pk}/"]
    with open_browser() as browser:
        page = browser.new_page()
        for path in paths:
            response = page.goto(live_server.url + path)
            assert response.status == 200, path
            violations = run_axe(page)
            assert violations == [], f"{path}: {format_violations(violations)}"
        page.goto(live_server.url + vacancy.url)
        button = page.get_by_role("button", name="Reageer via de site van Alfa")
        assert button.count() == 1
        # Reactions form: a wrong file is refused with a Dutch message, without JavaScript help.
        page.goto(live_server.url + f"/vacatures/reageren/{other.pk}/")
        page.get_by_label("Naam").fill("Test Persoon")
        page.get_by_label("E-mailadres").fill("test@example.org")
        page.get_by_label("Motivatie").fill("Graag.")
        page.get_by_label("Je cv (pdf, hoogstens 5 MB)").set_input_files(
            files=[{"name": "cv.pdf", "mimeType": "application/pdf", "buffer": b"geen pdf"}]
        )
        page.get_by_role("button", name="Verstuur reactie").click()
        expect(page.get_by_text("Je cv is geen pdf-bestand")).to_be_visible()
        violations = run_axe(page)
        assert violations == [], format_violations(violations)
