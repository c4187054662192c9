"""The report in real Chromium with axe-core (WCAG 2.1 A/AA), for the part this app draws."""

import os

import pytest
from django.contrib.auth.models import User

from home.tests.browser import format_violations, open_browser, run_axe

from .test_figures import build_dataset


@pytest.fixture
def dataset(network):
    """Made for this test alone: a transaction test cannot share the module's rows."""
    return build_dataset(network)


@pytest.mark.django_db(transaction=True)
def test_report_has_no_wcag_violations(live_server, client, dataset):
    client.force_login(User.objects.create_superuser("beheer", "beheer@example.org", "x"))
    with open_browser() as browser:
        context = browser.new_context(viewport={"width": 1400, "height": 2400})
        context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
        page = context.new_page()
        response = page.goto(f"{live_server.url}/admin/rapportage/management/?van=2024-01-01&tot=2024-12-31")
        assert response.status == 200
        assert page.get_by_role("table", name="Vacatures, reacties en weergaven per organisatie").count() == 1
        if os.environ.get("RAPPORTAGE_SCREENSHOT"):
            page.screenshot(path=os.environ["RAPPORTAGE_SCREENSHOT"], full_page=True)
        violations = run_axe(page, "#listing-results")
        assert violations == [], format_violations(violations)
