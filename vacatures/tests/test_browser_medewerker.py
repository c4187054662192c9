"""A signed-in employee in real Chromium can tell what is theirs alone (issue 18, item 4): cards and
pages say who may see a vacancy that is not public yet, the filter "Alleen nog niet openbaar" lists
exactly those, sharing such a link comes with a warning; axe-core finds nothing on any of these pages."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from playwright.sync_api import expect

from home.tests.browser import format_violations, open_browser, run_axe, screenshot
from vacatures.tests.fixtures import TODAY

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]


def dutch(day):
    text = f"{day.day} {MONTHS[day.month - 1]}"
    return text if day.year == TODAY.year else f"{text} {day.year}"


# The fixture's 'netwerk' vacancies were published 10 days ago: 7 days intern, 14 onder water.
NETWERK_TEXT = f"Alleen voor medewerkers van deelnemende werkgevers, openbaar vanaf {dutch(TODAY + timedelta(days=11))}"
NEVER_TEXT = "Alleen voor medewerkers van deelnemende werkgevers; deze vacature wordt niet openbaar"
INTERN_TEXT = "Alleen voor medewerkers van Alfa"


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


def assert_no_violations(page):
    violations = run_axe(page)
    assert violations == [], f"{page.url}: {format_violations(violations)}"


def card(page, title):
    return page.locator("ul.kaarten > li").filter(has=page.get_by_role("link", name=title, exact=True))


@pytest.mark.django_db(transaction=True)
def test_employee_sees_what_is_theirs_alone(live_server, every_phase):
    base = live_server.url
    # Written out from the fixture's phases: what only an employee of Alfa sees.
    only_employees = {
        every_phase[("alfa", "netwerk")].title: NETWERK_TEXT,
        every_phase[("beta", "netwerk")].title: NETWERK_TEXT,
        every_phase[("alfa", "nooit-openbaar")].title: NEVER_TEXT,
        every_phase[("beta", "nooit-openbaar")].title: NEVER_TEXT,
        every_phase[("alfa", "intern")].title: INTERN_TEXT,
    }
    public = {every_phase[(e, p)].title for e in ("alfa", "beta") for p in ("openbaar", "direct")}
    with open_browser() as browser:
        page = browser.new_page()
        sign_in(page, base, "medewerker@alfa.example")

        page.goto(base + "/vacatures/")
        assert "Openbare vacatures" not in page.locator("main").inner_text()
        expect(page.get_by_text("Je ziet ook 5 vacatures die nog niet openbaar zijn")).to_be_visible()
        screenshot(page, "vacatures-medewerker-1280.png")
        for title, text in only_employees.items():
            expect(card(page, title).locator(".afgeschermd")).to_have_text(text)
        for title in public:
            expect(card(page, title).locator(".afgeschermd")).to_have_count(0)
        assert_no_violations(page)

        # The filter "Alleen nog niet openbaar": exactly the five.
        expect(page.locator(".filterpaneel")).to_have_attribute("open", "")  # a wide screen
        page.locator("#facet-zichtbaarheid summary").click()
        page.get_by_label("Alleen nog niet openbaar (5)").check()
        page.get_by_role("button", name="Filters toepassen").click()
        expect(page).to_have_url(re.compile(r"zichtbaarheid=niet-openbaar"))
        titles = page.locator("ul.kaarten > li h2 a").all_inner_texts()
        assert sorted(titles) == sorted(only_employees)
        assert_no_violations(page)

        # The page of a vacancy onder water: who may see it, until when, and a warning next to its link.
        netwerk = every_phase[("beta", "netwerk")]
        page.goto(base + netwerk.url)
        main = page.locator("main").inner_text()
        assert "(netwerk (onder water))" not in main.lower()
        expect(page.locator(".afgeschermd-melding")).to_contain_text(NETWERK_TEXT)
        link = page.get_by_label("Link naar deze vacature")
        expect(link).to_have_value(settings.SITE_URL + netwerk.url)  # the site's one address, as on every channel
        warning = page.locator("#delen-let-op")
        expect(warning).to_have_text(
            "Let op: alleen ingelogde medewerkers van deelnemende werkgevers kunnen deze link openen, tot de vacature "
            f"op {dutch(TODAY + timedelta(days=11))} openbaar wordt. Anderen krijgen ‘Pagina niet gevonden’."
        )
        expect(link).to_have_attribute("aria-describedby", "delen-let-op")
        page.set_viewport_size({"width": 390, "height": 844})
        screenshot(page, "vacature-netwerk-390.png")
        page.locator("#delen-let-op").scroll_into_view_if_needed()
        screenshot(page, "vacature-netwerk-delen-390.png")
        assert page.locator("meta[property^='og:'], link[rel=canonical], meta[name=description]").count() == 0
        expect(page.locator("meta[name=robots]")).to_have_attribute("content", "noindex, nofollow")
        assert_no_violations(page)

        intern = every_phase[("alfa", "intern")]
        page.goto(base + intern.url)
        expect(page.locator(".afgeschermd-melding")).to_contain_text(INTERN_TEXT)
        expect(page.locator("#delen-let-op")).to_contain_text("alleen ingelogde medewerkers van Alfa kunnen deze link")
        assert_no_violations(page)

        # A public vacancy has no warning.
        page.goto(base + every_phase[("alfa", "openbaar")].url)
        assert page.locator(".afgeschermd-melding, #delen-let-op").count() == 0

        # Anonymous: no such filter, and its parameter changes nothing.
        anonymous = browser.new_page()
        anonymous.goto(base + "/vacatures/?zichtbaarheid=niet-openbaar")
        assert anonymous.locator("#facet-zichtbaarheid").count() == 0
        assert sorted(anonymous.locator("ul.kaarten > li h2 a").all_inner_texts()) == sorted(public)
        assert anonymous.locator(".afgeschermd").count() == 0
        assert anonymous.goto(base + netwerk.url).status == 404
