"""Saving an alert in real Chromium from a filtered /vacatures/ page and confirming it through the link in the
mail; then the alert's own pages from the first alert mail. axe finds nothing on any of them."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from alerts.models import Alert
from alerts.sending import run
from alerts.tests.helpers import mails_to, went_live
from conftest import link_in_mail
from home.tests.browser import format_violations, open_browser, run_axe

EMAIL = "lid@elders.example"


def no_violations(page):
    violations = run_axe(page)
    assert violations == [], format_violations(violations)


@pytest.mark.django_db(transaction=True)
def test_save_confirm_and_stop_an_alert_in_the_browser(live_site, make_vacancy):
    went_live(make_vacancy("alfa", "Beleidsadviseur wonen"), days_ago=30)
    with open_browser() as browser:
        page = browser.new_page()
        page.goto(live_site.url + "/vacatures/?vakgebied=beleid&dienstverband=vast")
        page.get_by_role("link", name="Ontvang nieuwe vacatures per e-mail").click()
        expect(page.get_by_role("heading", name="Ontvang nieuwe vacatures per e-mail")).to_be_visible()
        expect(page.get_by_text("Vast, Beleid en advies")).to_be_visible()
        no_violations(page)
        page.get_by_label("Je e-mailadres").fill(EMAIL)
        page.get_by_label("Wekelijks, op maandag").check()
        page.get_by_role("button", name="Vacaturealert aanmaken").click()
        expect(page.get_by_role("heading", name="Bevestig je vacaturealert")).to_be_visible()
        no_violations(page)
        assert Alert.objects.get().bevestigd_op is None

        [confirmation] = mails_to(EMAIL)
        page.goto(live_site.url + link_in_mail(confirmation.body, r"/vacaturealerts/bevestigen/[\w-]+/"))
        no_violations(page)
        assert Alert.objects.get().bevestigd_op is None  # opening is not confirming
        page.get_by_role("button", name="Bevestigen").click()
        expect(page.get_by_role("heading", name="Je vacaturealert staat aan")).to_be_visible()
        no_violations(page)
        alert = Alert.objects.get()
        assert alert.bevestigd_op is not None and alert.frequentie == "wekelijks"
        assert alert.criteria == {"dienstverband": ["vast"], "vakgebied": ["beleid"]}

        make_vacancy("alfa", "Adviseur beleid", published_days_ago=0, closes_in=20, route="direct_openbaar")
        mail.outbox.clear()
        run("wekelijks")
        [message] = mails_to(EMAIL)
        assert "Adviseur beleid" in message.body and "Beleidsadviseur wonen" not in message.body
        page.goto(live_site.url + link_in_mail(message.body, r"/vacaturealerts/[\w-]+/"))
        expect(page.get_by_role("heading", name="Je vacaturealert")).to_be_visible()
        no_violations(page)
        page.get_by_role("link", name="Stop deze alert").click()
        no_violations(page)
        page.get_by_role("button", name="Alert stoppen").click()
        expect(page.get_by_role("heading", name="Je vacaturealert is gestopt")).to_be_visible()
        no_violations(page)
        page.close()  # no keep-alive request left on the live server when the test ends
    assert not Alert.objects.exists()
