"""Editors in real Chromium: from the admin menu to the import warnings and the URL-ontbreekt worklist,
following the admin's own links, and off the lists again by editing the project."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from playwright.sync_api import expect

from home.tests.browser import open_browser
from projecten.models import ImportWarning, ProjectMateriaal, ProjectPage

SOURCE = """Oeverdam: Lab

Gemeente Oeverdam

Project: Leerlab
Contactpersoon gemeente: A. Smit
Contactgegevens: a.smit@oeverdam.example
Thema: Vitaliteit
Looptijd: 2021

Het project in het kort
Leren in een lab.

Beluister hier de podcast over het lab.

Nieuwsbrief
"""


@pytest.fixture
def imported(tmp_path, library):
    path = tmp_path / "bron.txt"
    path.write_text(SOURCE, encoding="utf-8")
    call_command("import_inspiratie", str(path))
    User.objects.create_superuser("redactie", "redactie@example.org", "geheim-wachtwoord-1")


def sign_in(page, base):
    page.goto(base + "/admin/login/")
    page.fill("input[name=username]", "redactie")
    page.fill("input[name=password]", "geheim-wachtwoord-1")
    page.locator("form button[type=submit]").click()
    expect(page.get_by_role("button", name="Bibliotheekwerk")).to_be_visible()


def open_menu_item(page, label):
    page.get_by_role("button", name="Bibliotheekwerk").click()
    page.get_by_role("link", name=label).click()


@pytest.mark.django_db(transaction=True)
def test_an_editor_works_through_a_warning_and_a_missing_link(live_server, imported):
    warning = ImportWarning.objects.get()
    assert warning.melding.startswith("Kop en projecttitel verschillen")
    with open_browser() as browser:
        page = browser.new_page()
        sign_in(page, live_server.url)

        # The warning: from the list to the project, ticked off there while editing.
        open_menu_item(page, "Importmeldingen")
        expect(page.get_by_text("Kop en projecttitel verschillen")).to_be_visible()
        page.get_by_role("link", name="Leerlab", exact=True).click()
        page.get_by_label("Regel 1 – Kop en titel verschillen", exact=False).check()
        page.get_by_role("button", name="Bewaar concept").click()
        expect(page.locator(".messages")).to_contain_text("Leerlab")
        open_menu_item(page, "Importmeldingen")
        expect(page.get_by_text("afgehandeld", exact=True)).to_be_visible()

        # The missing link: from the worklist to the project, a URL added, published, off the list.
        open_menu_item(page, "URL ontbreekt")
        page.get_by_role("link", name="Beluister hier de podcast over het lab.").click()
        page.locator("#id_materiaal-0-url").fill("https://podcast.example/lab")
        page.get_by_role("button", name="Meer acties").click()
        page.get_by_role("button", name="Publiceren").click()
        expect(page.locator(".messages")).to_contain_text("gepubliceerd")
        open_menu_item(page, "URL ontbreekt")
        expect(page.get_by_text("Beluister hier de podcast over het lab.")).to_have_count(0)

    warning.refresh_from_db()
    assert warning.afgehandeld and warning.afgehandeld_door.username == "redactie"
    assert ProjectMateriaal.objects.get().url == "https://podcast.example/lab"
    assert ProjectPage.objects.get().live
