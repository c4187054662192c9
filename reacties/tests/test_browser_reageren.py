"""The reaction form in real Chromium: a CV over 5 MB is refused before anything is sent (the server would
stop reading it), then a real PDF goes through and the candidate sees the thank-you page; axe finds nothing."""

import pytest
from playwright.sync_api import expect

from conftest import make_pdf
from home.tests.browser import format_violations, open_browser, run_axe
from reacties.models import Reactie


@pytest.mark.django_db(transaction=True)
def test_oversized_cv_is_refused_in_the_browser_before_upload(live_server, make_vacancy):
    vacancy = make_vacancy("alfa", "Adviseur sociaal domein", contact_email="werving@alfa.example")
    posts = []
    with open_browser() as browser:
        page = browser.new_page()
        page.on("request", lambda request: posts.append(request.url) if request.method == "POST" else None)
        page.goto(live_server.url + f"/vacatures/reageren/{vacancy.pk}/")
        page.get_by_label("Naam").fill("Sanne de Boer")
        page.get_by_label("E-mailadres").fill("sanne@kandidaat.example")
        page.get_by_label("Motivatie").fill("Ik wil graag.")
        cv_input = page.get_by_label("Je cv (pdf, hoogstens 5 MB)")
        cv_input.set_input_files(files=[{
            "name": "cv.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.7\n" + b"%" * (6 * 1024 * 1024),
        }])
        page.get_by_role("button", name="Verstuur reactie").click()
        expect(page.get_by_text("Je cv is groter dan 5 MB")).to_be_visible()
        assert posts == []  # nothing was sent
        expect(cv_input).to_have_attribute("aria-invalid", "true")
        violations = run_axe(page)
        assert violations == [], format_violations(violations)

        cv_input.set_input_files(files=[{"name": "cv.pdf", "mimeType": "application/pdf", "buffer": make_pdf()}])
        expect(page.get_by_text("Je cv is groter dan 5 MB")).to_be_hidden()
        page.get_by_role("button", name="Verstuur reactie").click()
        expect(page.get_by_role("heading", name="Bedankt voor je reactie")).to_be_visible()
    assert len(posts) == 1 and Reactie.objects.count() == 1
