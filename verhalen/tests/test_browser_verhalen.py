"""/verhalen/ and a story in real Chromium, at 1280 and 390 px wide: filtering by a facet, opening a story with
its photo and quote, following its link to the vacancy, and back via ‘Ervaringen’. axe finds no violations."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from conftest import project_factory
from home.site_setup import ensure_library
from home.tests.browser import format_violations, open_browser, run_axe, screenshot
from verhalen.tests.fixtures import story_factory


def assert_accessible(page):
    violations = run_axe(page)
    assert violations == [], format_violations(violations)


@pytest.mark.django_db(transaction=True)
def test_verhalen_listing_and_a_story(live_site, network, make_vacancy):
    vacancy = make_vacancy("alfa", "Beleidsmedewerker Ooievaar", published_days_ago=30, closes_in=10)
    project = project_factory(ensure_library())("Project Reiger", materiaal=[("ervaringsverhaal", "Het verhaal van Reiger")])
    make = story_factory()
    photo = Image.objects.create(title="Foto", file=get_test_image_file(size=(640, 480)))
    story = make(
        "Van balie naar beleid", links=[vacancy, project], werkgevers=[network["alfa"]], soort="persoon",
        datum=timezone.localdate(), foto=photo, foto_alt="Een medewerker aan een bureau met dossiers",
        citaat="Ik zou het zo weer doen.", citaat_van="Yara, beleidsmedewerker",
    )
    make("Ons team ruilde mee", soort="team", links=[project], werkgevers=[network["beta"]])
    base = live_site.url
    with open_browser() as browser:
        for width, height in ((1280, 900), (390, 844)):
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(base + "/verhalen/")
            expect(page.get_by_role("heading", level=1, name="Verhalen")).to_be_visible()
            expect(page.get_by_text("2 resultaten")).to_be_visible()
            expect(page.get_by_role("heading", name="Ervaringsverhalen uit de bibliotheek")).to_be_visible()
            screenshot(page, f"verhalen-{width}.png")
            assert_accessible(page)

            if width < 600:
                page.locator("summary.filterpaneel__kop").click()
            page.locator("#facet-soort summary").click()
            page.get_by_label("Team (1)").check()
            page.get_by_role("button", name="Filters toepassen").click()
            expect(page).to_have_url(re.compile(r"soort=team"))
            expect(page.locator("ul.kaarten > li h2 a")).to_have_text(["Ons team ruilde mee"])
            assert_accessible(page)

            page.goto(base + "/verhalen/")
            page.get_by_role("link", name=story.title).click()
            expect(page.get_by_role("heading", level=1, name=story.title)).to_be_visible()
            expect(page.get_by_role("img", name="Een medewerker aan een bureau met dossiers")).to_be_visible()
            expect(page.locator("blockquote")).to_contain_text("Ik zou het zo weer doen.")
            screenshot(page, f"verhaal-{width}.png")
            assert_accessible(page)

            page.get_by_role("link", name=vacancy.title).click()
            expect(page.get_by_role("heading", level=1, name=vacancy.title)).to_be_visible()
            ervaringen = page.locator("section.ervaringen")
            expect(ervaringen.get_by_role("link", name=story.title)).to_be_visible()
            assert_accessible(page)
            page.close()
