"""Listings in real Chromium: every page reachable through the page's own "Volgende" links (issue 18,
item 0), and filters usable on a phone and by keyboard (item 5), each page checked with axe-core.

The library holds 45 projects of 135 organisations (three each): more than two pages of 20, and a
facet far longer than a phone screen, as in the real library (141 projects, 120+ organisations).
"""

import re

import pytest
from playwright.sync_api import expect

from home.tests.browser import format_violations, open_browser, run_axe, screenshot

PROJECTS = 45
PER_PAGE = 20
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
MAX_TABS = 25


def org(n):
    return f"Gemeente {n:03d}"


@pytest.fixture
def big_library(make_project):
    """45 projects; project i belongs to organisations 3i, 3i+1, 3i+2; the first 25 are about 'Leren'."""
    titles = []
    for i in range(PROJECTS):
        title = f"Project {i:02d}"
        make_project(title, orgs=[org(3 * i), org(3 * i + 1), org(3 * i + 2)],
                     thema="Leren" if i < 25 else "Vitaliteit", samenvatting=f"Over project {i}.")
        titles.append(title)
    return titles


def card_titles(page):
    return page.locator("ul.kaarten > li h2 a").all_inner_texts()


def follow_volgende(page, start_url):
    """Open `start_url` and click "Volgende" until there is none; every title seen, and every page's axe result."""
    page.goto(start_url)
    seen, pages = [], 0
    while True:
        pages += 1
        seen += card_titles(page)
        violations = run_axe(page)
        assert violations == [], f"{page.url}: {format_violations(violations)}"
        volgende = page.get_by_role("link", name="Volgende pagina")
        if volgende.count() == 0:
            return seen, pages
        with page.expect_navigation():
            volgende.click()


@pytest.mark.django_db(transaction=True)
def test_every_page_of_the_library_and_of_a_filtered_listing_is_reachable(live_server, big_library):
    with open_browser() as browser:
        page = browser.new_page()
        seen, pages = follow_volgende(page, live_server.url + "/inspiratie/")
        assert pages == 3  # 20 + 20 + 5
        assert sorted(seen) == sorted(big_library)  # each project exactly once
        assert len(seen) == len(set(seen)) == PROJECTS
        # The numbered links and "Vorige" lead to the same pages.
        # (Waiting for each navigation: right after a click the old document may be gone and the new not there.)
        with page.expect_navigation():
            page.get_by_role("link", name="Pagina 2").click()
        assert re.search(r"[?&]pagina=2\b", page.url)
        assert card_titles(page) == sorted(big_library)[PER_PAGE:2 * PER_PAGE]
        with page.expect_navigation():
            page.get_by_role("link", name="Vorige pagina").click()
        assert card_titles(page) == sorted(big_library)[:PER_PAGE]

        # With a filter, "Volgende" keeps it: the 25 projects about 'Leren', each once.
        seen, pages = follow_volgende(page, live_server.url + "/inspiratie/?thema=leren")
        assert pages == 2
        assert sorted(seen) == sorted(big_library[:25])


@pytest.mark.django_db(transaction=True)
def test_every_page_of_the_vacancies_and_the_site_search_is_reachable(live_server, make_vacancy, make_project):
    vacancies = [make_vacancy("alfa" if i % 2 else "beta", f"Functie {i:02d}").title for i in range(25)]
    projects = [make_project(f"Plan {i:02d}", orgs=["Ede"]).title for i in range(18)]
    with open_browser() as browser:
        page = browser.new_page()
        seen, pages = follow_volgende(page, live_server.url + "/vacatures/?sorteer=sluitingsdatum")
        assert pages == 2
        assert sorted(seen) == sorted(vacancies)
        seen, pages = follow_volgende(page, live_server.url + "/zoeken/")
        assert pages == 3  # 43 pages in all
        assert sorted(seen) == sorted(vacancies + projects)


def tabs_until(page, selector, limit=60):
    """Tab presses from the top of the page until the element matching `selector` has focus (None: not in `limit`).

    The page is loaded afresh (Chromium would go on from the last focused element); disclosures
    opened before are opened again."""
    opened = page.evaluate("Array.from(document.querySelectorAll('details[open][id], details[open].filterpaneel'))"
                           ".map(d => d.id || 'filterpaneel')")
    page.reload()
    for name in opened:
        page.evaluate("n => (n === 'filterpaneel' ? document.querySelector('.filterpaneel') "
                      ": document.getElementById(n)).open = true", name)
    for count in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement === document.querySelector(s)", selector):
            return count
    return None


FIRST_RESULT = "ul.kaarten > li:first-child h2 a"
APPLY = ".filterpaneel__knop button"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", ["/inspiratie/", "/vacatures/"])
def test_on_a_phone_the_first_result_is_on_the_first_screen(live_server, big_library, make_vacancy, path):
    for i in range(3):
        make_vacancy("alfa", f"Adviseur {i}")
    with open_browser() as browser:
        page = browser.new_page(viewport=PHONE)
        page.goto(live_server.url + path)
        first = page.locator(FIRST_RESULT)
        box = first.bounding_box()
        assert box["y"] + box["height"] <= PHONE["height"], box  # visible without scrolling
        expect(page.locator("details.filterpaneel")).not_to_have_attribute("open", "")
        screenshot(page, f"{path.strip('/')}-390.png")
        tabs = tabs_until(page, FIRST_RESULT)
        print(f"{path} 390 px: first result bottom at y={box['y'] + box['height']:.0f}, {tabs} tabs")
        assert tabs <= MAX_TABS
        # The filters open with their disclosure; then the apply button is within reach too.
        page.get_by_text("Filters", exact=True).click()
        violations = run_axe(page)
        assert violations == [], format_violations(violations)
        tabs = tabs_until(page, APPLY)
        print(f"{path} 390 px, filters opened: {tabs} tabs to the apply button")
        assert tabs <= MAX_TABS

        page.set_viewport_size(DESKTOP)
        page.goto(live_server.url + path)
        expect(page.locator("details.filterpaneel")).to_have_attribute("open", "")  # opened on wide screens
        screenshot(page, f"{path.strip('/')}-1280.png")
        tabs = tabs_until(page, FIRST_RESULT), tabs_until(page, APPLY)
        print(f"{path} 1280 px: {tabs[0]} tabs to the first result, {tabs[1]} to the apply button")
        assert max(tabs) <= MAX_TABS
        violations = run_axe(page)
        assert violations == [], format_violations(violations)


@pytest.mark.django_db(transaction=True)
def test_long_facet_shows_the_largest_values_toon_alle_and_a_filter_box(live_server, make_project):
    # 'Ede' is in 3 projects, 'Epe' in 2, 20 other organisations in one each.
    make_project("Een", orgs=["Ede", "Epe", "Org 01"])
    make_project("Twee", orgs=["Ede", "Epe", "Org 02"])
    make_project("Drie", orgs=["Ede"] + [f"Org {n:02d}" for n in range(3, 21)])
    with open_browser() as browser:
        page = browser.new_page(viewport=DESKTOP)
        page.goto(live_server.url + "/inspiratie/")
        facet = page.locator("#facet-organisatie")
        facet.locator("summary").first.click()
        visible = facet.locator(".filtergroep__optie:visible label")
        expect(visible).to_have_count(8)
        labels = visible.all_inner_texts()
        assert "Ede (3)" in labels and "Epe (2)" in labels
        # Typing filters the values, the hidden ones too.
        facet.get_by_label("Zoek in gemeente of organisatie").fill("org 1")
        expect(visible).to_have_text([f"Org {n:02d} (1)" for n in range(10, 20)])
        facet.get_by_label("Zoek in gemeente of organisatie").fill("")
        facet.get_by_text("Toon alle 22").click()
        expect(visible).to_have_count(22)
        violations = run_axe(page)
        assert violations == [], format_violations(violations)
        facet.get_by_label("Org 17 (1)").check()
        page.get_by_role("button", name="Filters toepassen").click()
        expect(page.locator("ul.kaarten > li h2")).to_have_text(["Drie"])
        # The chosen value is shown without "Toon alle", its group open.
        expect(page.locator("#facet-organisatie")).to_have_attribute("open", "")
        expect(page.get_by_label("Org 17 (1)")).to_be_checked()
        expect(page.get_by_label("Org 17 (1)")).to_be_visible()

        # Without JavaScript: the same disclosures work, there is just no box to type in.
        context = browser.new_context(java_script_enabled=False, viewport=PHONE)
        nojs = context.new_page()
        nojs.goto(live_server.url + "/inspiratie/")
        nojs.get_by_text("Filters", exact=True).click()
        nojs.locator("#facet-organisatie summary").first.click()
        expect(nojs.locator("#facet-organisatie .filtergroep__optie:visible")).to_have_count(8)
        assert nojs.locator("#facet-organisatie input[type=search]").count() == 0
        nojs.get_by_text("Toon alle 22").click()
        nojs.get_by_label("Org 05 (1)").check()
        nojs.get_by_role("button", name="Filters toepassen").click()
        expect(nojs.locator("ul.kaarten > li h2")).to_have_text(["Drie"])
        context.close()
