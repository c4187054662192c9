"""An employer's editor enters a vacancy in the real admin (Chromium), from the empty form, and copies it.

Issue 18, item 1: the title panel did not fill the web address (slug), so 'Publiceren' failed on the
hidden 'Promoten' tab; a copy needed a new slug typed by hand. Here nobody touches the slug.
"""

import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from home.tests.browser import format_violations, open_browser, run_axe
from vacatures import phases
from vacatures.models import VacaturePage, WerkgeverRedactie

PASSWORD = "redacteur-wachtwoord"  # noqa: S105 - test user


@pytest.fixture
def alfa_editor(network):
    """Not a superuser: only a member of 'Vacatureredacteuren Alfa'."""
    user = User.objects.create_user("redacteur-alfa", "redacteur@alfa.example", PASSWORD)
    user.groups.add(WerkgeverRedactie.objects.get(werkgever=network["alfa"]).group)
    return user


def sign_in(page, base_url, user):
    page.goto(base_url + "/admin/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def fill_required_fields(page):
    """Every required field of the content tab that the employer's defaults leave empty."""
    page.get_by_role("textbox", name="Functietitel*").fill("Beleidsadviseur wonen en leefomgeving")
    page.get_by_role("combobox", name="Soort dienstverband*").select_option(label="Vast")
    page.get_by_role("combobox", name="Vakgebied*").select_option(label="Ruimte, wonen en milieu")
    page.get_by_role("combobox", name="Opleidingsniveau*").select_option(label="Hbo")
    page.get_by_role("spinbutton", name="Uren per week, minimaal*").fill("32")
    page.get_by_role("spinbutton", name="Uren per week, maximaal*").fill("36")
    page.get_by_role("combobox", name="Publicatie*").select_option(label="Direct openbaar")
    page.get_by_role("textbox", name="Contactpersoon*").fill("Petra de Vries")
    editor = page.locator("[data-contentpath='omschrijving'] [role='textbox']")
    editor.click()
    editor.press_sequentially("Je werkt aan een gemeente waar het goed wonen is.")
    # Draftail writes its hidden input a moment after the last keystroke, as for a person who types.
    expect(page.locator("#id_omschrijving")).to_have_value(re.compile("goed wonen"))


def publish(page):
    """Wagtail's footer: the primary action is 'Concept opslaan', 'Publiceren' sits in its dropdown."""
    page.locator("footer .w-dropdown__toggle").first.click()
    page.get_by_role("button", name="Publiceren").click()


@pytest.mark.django_db(transaction=True)
def test_editor_publishes_a_new_vacancy_and_a_copy_without_touching_the_slug(live_server, network, alfa_editor):
    alfa = network["alfa"]
    with open_browser() as browser:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        sign_in(page, live_server.url, alfa_editor)

        # From the menu to the empty form: Vacatures -> 'Vacature toevoegen' -> the one employer this editor has.
        page.get_by_role("link", name="Vacatures", exact=True).click()
        page.get_by_role("link", name=re.compile(r"vacature toevoegen", re.I)).first.click()
        if "/choose_parent/" in page.url:  # Wagtail asks for the parent page when there is a choice
            page.get_by_role("button", name=re.compile("Kies een bovenliggende pagina", re.I)).click()
            page.get_by_role("link", name="Alfa").click()
            page.get_by_role("button", name="Doorgaan").click()
        expect(page).to_have_url(re.compile(rf"/admin/pages/add/vacatures/vacaturepage/{alfa.pk}/$"))
        # Wagtail's autosave listens for changes only once its scripts have run: typing earlier goes unnoticed.
        page.wait_for_load_state("networkidle")

        fill_required_fields(page)
        # The title fills the web address on the 'Promoten' tab (Wagtail's TitleFieldPanel).
        expect(page.locator("#id_slug")).to_have_value("beleidsadviseur-wonen-en-leefomgeving")
        # Wagtail 8 autosaves a changed form as a draft, 500 ms after the last change. Clicking 'Publiceren'
        # while that request runs would race it (see the report), so, like an editor who glances at the
        # indicator, wait until the autosave has had its moment and is not in progress. Whether it saved
        # depends on when its scripts took their first look at the form; either way no stray draft may remain.
        page.wait_for_timeout(1_000)
        page.wait_for_load_state("networkidle")
        expect(page.locator("#w-autosave-indicator")).not_to_have_attribute(
            "data-w-autosave-state-value", "saving", timeout=15_000,
        )
        publish(page)
        expect(page.locator(".messages")).to_contain_text("gepubliceerd")

        first = VacaturePage.objects.get()
        assert first.live and first.slug == "beleidsadviseur-wonen-en-leefomgeving"
        assert first.werkgever_id == alfa.pk and first.owner_id == alfa_editor.pk
        assert first.publicatiedatum == phases.local_date()  # the employer's defaults were used

        # Copy it: 'Acties' -> 'Kopiëren' on its edit page; the proposed web address is free.
        page.goto(f"{live_server.url}/admin/pages/{first.pk}/edit/")
        page.get_by_role("button", name="Acties", exact=True).click()
        page.get_by_role("link", name="Kopiëren").click()
        expect(page.locator("#id_new_slug")).to_have_value("beleidsadviseur-wonen-en-leefomgeving-1")
        page.get_by_role("button", name=re.compile("Kopieer deze pagina", re.I)).click()
        expect(page.locator(".messages")).to_contain_text("gekopieerd")

        copy = VacaturePage.objects.exclude(pk=first.pk).get()
        assert not copy.live
        page.goto(f"{live_server.url}/admin/pages/{copy.pk}/edit/")
        publish(page)
        expect(page.locator(".messages")).to_contain_text("gepubliceerd")

        first.refresh_from_db()
        copy.refresh_from_db()
        assert copy.live and first.live
        assert {first.slug, copy.slug} == {
            "beleidsadviseur-wonen-en-leefomgeving", "beleidsadviseur-wonen-en-leefomgeving-1",
        }
        assert copy.werkgever_id == alfa.pk and copy.sluitingsdatum == first.sluitingsdatum

        # Both are public ('Direct openbaar') at their own address, for a visitor who is not signed in.
        visitor = browser.new_context().new_page()
        for vacancy in (first, copy):
            response = visitor.goto(live_server.url + vacancy.url)
            assert response.status == 200, vacancy.url
            expect(visitor.get_by_role("heading", level=1)).to_have_text("Beleidsadviseur wonen en leefomgeving")
            violations = run_axe(visitor)
            assert violations == [], f"{vacancy.url}: {format_violations(violations)}"
        assert first.url != copy.url
        assert VacaturePage.objects.count() == 2  # no stray draft from an autosave
