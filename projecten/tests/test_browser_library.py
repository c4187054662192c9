"""The library in real Chromium: home, /inspiratie/, a filtered listing and a project page,
each checked with axe-core for WCAG 2.1 A/AA, and the filters used without JavaScript."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from home.tests.browser import format_violations, open_browser, run_axe


@pytest.fixture
def library_content(make_project):
    from projecten.models import ProjectVeld

    vitaal = make_project(
        "Vitaal in Ede", orgs=["Ede"], thema="Vitaliteit", ronde="2021-1",
        start=date(2020, 1, 1), end=date(2020, 12, 31), samenvatting="Over gezond werken.\n\nMeer.",
        materiaal=[("eindevaluatie", "Eindevaluatie vitaliteit")],
        contactpersoon="J. Jansen", contactgegevens="j.jansen@ede.example",
        body=[("evaluatie", {"soort": "evaluatie", "kop": "Korte evaluatie",
                             "tekst": "<h3>Het doel</h3><p>Gezonder werken.</p><ul><li>Gelukt</li></ul>"})],
    )
    vitaal.extra_velden = [ProjectVeld(label="Budget", waarde="€ 45.000")]
    vitaal.save_revision().publish()
    make_project("Leren in Wageningen", orgs=["Wageningen"], thema="Leren en ontwikkelen",
                 start=date(2021, 1, 1), samenvatting="Over leren.")
    return make_project("Samen in de regio", orgs=["Ede", "Wageningen"], thema="Vitaliteit",
                        start=date(2021, 6, 1), end=date(2022, 6, 1), samenvatting="Over samenwerken.")


@pytest.mark.django_db(transaction=True)
def test_library_pages_have_no_wcag_violations(live_server, library_content):
    from projecten.models import ProjectPage

    project_url = library_content.url
    evaluated = ProjectPage.objects.get(title="Vitaal in Ede").url
    with open_browser() as browser:
        page = browser.new_page()
        for path in ["/", "/inspiratie/", "/inspiratie/?thema=vitaliteit&status=afgerond", project_url, evaluated,
                     "/inspiratie/?evaluatie=ja&sorteer=startdatum"]:
            response = page.goto(live_server.url + path)
            assert response.status == 200, path
            assert page.get_attribute("html", "lang") == "nl"
            violations = run_axe(page)
            assert violations == [], f"{path}: {format_violations(violations)}"


@pytest.mark.django_db(transaction=True)
def test_filters_work_without_javascript(live_server, library_content):
    with open_browser() as browser:
        context = browser.new_context(java_script_enabled=False)
        page = context.new_page()
        page.goto(live_server.url + "/inspiratie/")
        expect(page.locator("ul.kaarten > li")).to_have_count(3)
        # Without JavaScript the filters start closed; a click on "Filters" and on the facet opens them.
        page.get_by_text("Filters", exact=True).click()
        page.locator("#facet-thema summary").click()
        page.get_by_label("Leren en ontwikkelen (1)").check()
        page.get_by_role("button", name="Filters toepassen").click()
        expect(page).to_have_url(re.compile(r"thema=leren-en-ontwikkelen"))
        expect(page.locator("ul.kaarten > li h2")).to_have_text(["Leren in Wageningen"])
        page.get_by_role("link", name="Verwijder filter: Thema: Leren en ontwikkelen").click()
        expect(page.locator("ul.kaarten > li")).to_have_count(3)
        context.close()


@pytest.mark.django_db(transaction=True)
def test_typing_offers_suggestions(live_server, library_content):
    with open_browser() as browser:
        page = browser.new_page()
        page.goto(live_server.url + "/inspiratie/")
        page.locator("#q").press_sequentially("vitaa", delay=30)
        # A locator, not wait_for_function: the site's CSP forbids eval of a string predicate.
        page.locator("#q-suggesties option").first.wait_for(state="attached", timeout=5000)
        options = page.eval_on_selector_all("#q-suggesties option", "els => els.map(e => e.value)")
        assert options == ["Vitaal in Ede"]
