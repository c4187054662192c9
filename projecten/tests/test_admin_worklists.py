"""Editors work through the last import's warnings and the material without a link, in the admin."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from projecten.models import ImportRun, ImportWarning, ProjectMateriaal, ProjectPage

FOOTER = "\nNieuwsbrief\n"
SOURCE = """Oeverdam: Datateam

Gemeente Oeverdam

Project: Datateam
Contactpersoon gemeente: A. Smit
Contactgegevens: a.smit@oeverdam.example
Budget: € 10.000
Thema: Vitaliteit
Looptijd: 2021

Het project in het kort
Een team dat cijfers gebruikt.

Lees hier het eindrapport van het datateam.

Kribbeland: Fietsroute

Gemeente Kribbeland

Project: Leerlab
Thema: Vitaliteit
Looptijd: maart 2021 - 31 september 2021

Het project in het kort
Leren in een lab.

Beluister hier de podcast over het lab.
""" + FOOTER


@pytest.fixture
def imported(tmp_path, library):
    path = tmp_path / "bron.txt"
    path.write_text(SOURCE, encoding="utf-8")
    call_command("import_inspiratie", str(path))
    return ImportRun.latest()


@pytest.fixture
def editor(client, db):
    user = User.objects.create_user("redacteur", "r@example.org", "x")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def test_the_listing_shows_the_last_imports_warnings_with_their_project(admin_client, imported):
    expected = list(ImportWarning.objects.filter(run=imported).values_list("melding", flat=True))
    assert len(expected) == 5  # Budget; heading vs title; no contact person, no details; 31 september
    html = admin_client.get("/admin/importmeldingen/").content.decode()
    for melding in expected:
        assert melding.replace("'", "&#x27;") in html, melding
    leerlab = ProjectPage.objects.get(title="Leerlab")
    assert f'href="/admin/pages/{leerlab.pk}/edit/"' in html
    assert str(imported) in html


def test_the_listing_filters_by_kind_and_status(admin_client, imported):
    html = admin_client.get("/admin/importmeldingen/?soort=contact").content.decode()
    assert "Geen contactpersoon opgegeven" in html and "bewaard als extra gegeven" not in html
    warning = ImportWarning.objects.get(soort="veld")
    warning.afgehandeld = True
    warning.save()
    html = admin_client.get("/admin/importmeldingen/?afgehandeld=false").content.decode()
    assert "bewaard als extra gegeven" not in html and "Geen contactpersoon opgegeven" in html


def test_an_editor_marks_a_warning_handled(client, editor, imported):
    warning = ImportWarning.objects.get(soort="veld")
    response = client.post(f"/admin/importmeldingen/edit/{warning.pk}/", {"afgehandeld": "on"})
    assert response.status_code == 302
    warning.refresh_from_db()
    assert warning.afgehandeld and warning.afgehandeld_door == editor and warning.afgehandeld_op


def test_warnings_cannot_be_added_or_deleted_by_hand(admin_client, imported):
    warning = ImportWarning.objects.first()
    assert admin_client.get("/admin/importmeldingen/new/").status_code in (302, 403)
    admin_client.post(f"/admin/importmeldingen/delete/{warning.pk}/")
    assert ImportWarning.objects.filter(pk=warning.pk).exists()


def test_the_project_edit_page_lists_its_open_warnings(admin_client, imported):
    page = ProjectPage.objects.get(title="Leerlab")
    html = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Meldingen van de import" in html
    for warning in page.importmeldingen.all():
        assert f"Regel 17 – {warning.get_soort_display()}: {warning.melding}".replace("'", "&#x27;") in html
    assert "bewaard als extra gegeven" not in html
    other = ProjectPage.objects.get(title="Datateam")
    assert "bewaard als extra gegeven" in admin_client.get(f"/admin/pages/{other.pk}/edit/").content.decode()
    # once handled, a warning leaves the edit page; with none left the panel is gone
    page.importmeldingen.update(afgehandeld=True)
    assert "Meldingen van de import" not in admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()


def test_the_url_worklist_lists_material_without_a_link_and_links_to_the_project(client, editor, imported):
    html = client.get("/admin/url-ontbreekt/").content.decode()
    for material in ProjectMateriaal.objects.all():
        assert material.titel in html
        assert f'href="/admin/pages/{material.page_id}/edit/"' in html
    material = ProjectMateriaal.objects.get(soort="podcast")
    page = material.page
    page.materiaal = [ProjectMateriaal(soort="podcast", titel=material.titel, url="https://podcast.example/lab")]
    page.save_revision().publish()
    html = client.get("/admin/url-ontbreekt/").content.decode()
    assert material.titel not in html
    assert "Lees hier het eindrapport van het datateam." in html
    assert client.get("/admin/url-ontbreekt/new/").status_code in (302, 403)
