"""Vacancy pages in real Chromium with axe-core: listing, filtered listing, a vacancy, employers."""

import pytest

from home.tests.browser import format_violations, open_browser, run_axe


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_vacancy_pages_have_no_wcag_violations(live_server, make_vacancy):
    vacancy = make_vacancy("alfa", "Adviseur werk en inkomen", reageer_url="https://example.org/solliciteer")
    make_vacancy("beta", "Medewerker burgerzaken", dienstverband="tijdelijk", uren_min=24, uren_max=32)
    paths = ["/vacatures/", "/vacatures/?dienstverband=vast&sorteer=sluitingsdatum", vacancy.url,
             "/werkgevers/", "/werkgevers/alfa/", "/zoeken/?q=adviseur"]
    with open_browser() as browser:
        page = browser.new_page()
        for path in paths:
            response = page.goto(live_server.url + path)
            assert response.status == 200, path
            violations = run_axe(page)
            assert violations == [], f"{path}: {format_violations(violations)}"
        page.goto(live_server.url + vacancy.url)
        assert page.get_by_role("link", name="Reageer op deze vacature").get_attribute("href") == (
            "https://example.org/solliciteer"
        )
