"""Smoke test in a real browser: base.html, the NL Design System CSS and WCAG checks.

Renders the 404 page (templates/404.html extends base.html) so it needs no content.
Needs the built frontend (`make frontend`) and Debian's chromium.
"""

import re

import pytest
from playwright.sync_api import expect

from home.tests.browser import format_violations, open_browser, run_axe


@pytest.mark.django_db(transaction=True)
def test_404_page_in_browser(live_server):
    with open_browser() as browser:
        page = browser.new_page()
        stylesheets = {}
        page.on(
            "response",
            lambda r: stylesheets.__setitem__(r.url, r.status) if r.url.endswith(".css") else None,
        )
        response = page.goto(live_server.url + "/bestaat-niet/")

        assert response is not None and response.status == 404
        assert page.title() == "Pagina niet gevonden | In Beweging"
        assert page.get_attribute("html", "lang") == "nl"
        assert page.locator("h1").inner_text() == "Pagina niet gevonden"
        assert page.locator("main#main").count() == 1
        assert page.locator('nav[aria-label="Hoofdmenu"] a').all_inner_texts() == [
            "Home",
            "Inspiratie",
            "Vacatures",
            "Agenda",
            "Verhalen",
            "Vragen",
            "Zoeken",
        ]
        assert page.locator('nav[aria-label="Hoofdmenu"] [aria-current]').count() == 0

        # All three stylesheets are served, and their rules and tokens are applied.
        names = sorted(url.rsplit("/", 1)[-1] for url in stylesheets)
        assert names == ["site.css", "theme.css", "utrecht.css"], stylesheets
        assert set(stylesheets.values()) == {200}, stylesheets
        styles = page.evaluate(
            """() => {
                const root = getComputedStyle(document.documentElement);
                return {
                    fontFamily: root.fontFamily,
                    themeToken: root.getPropertyValue('--basis-color-default-color-document').trim(),
                    siteToken: root.getPropertyValue('--utrecht-focus-outline-color').trim(),
                    footerBackground: getComputedStyle(document.querySelector('footer')).backgroundColor,
                };
            }"""
        )
        assert "Noto Sans" in styles["fontFamily"], styles  # utrecht-root rule + theme token
        assert styles["themeToken"], styles  # theme.css
        assert styles["siteToken"], styles  # site.css
        assert styles["footerBackground"] not in ("", "rgba(0, 0, 0, 0)"), styles  # page-footer + theme

        # The skip link is off-screen until it gets keyboard focus, then visible at the top.
        skip_link = page.locator("a.utrecht-skip-link")
        assert skip_link.inner_text() == "Naar hoofdinhoud"
        assert skip_link.get_attribute("href") == "#main"
        assert skip_link.bounding_box()["y"] < 0
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.textContent") == "Naar hoofdinhoud"
        box = skip_link.bounding_box()
        assert box["y"] >= 0 and box["height"] > 0
        page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(r"#main$"))  # waits: the fragment navigation follows the key press

        violations = run_axe(page)
        assert not violations, format_violations(violations)
