"""Editors: the project listing (filters, CSV/XLSX export), the moderation workflow, the collection."""

import csv
import io
from datetime import date

import openpyxl
import pytest
from django.contrib.auth.models import Group, User
from wagtail.models import Collection, Workflow

from conftest import library_from_module, project_factory
from projecten.models import ProjectPage

# The three projects are made once for the module (their tests only read them).
library = library_from_module


@pytest.fixture(scope="module")
def three_projects(module_library):
    make_project = project_factory(module_library)
    make_project("Alfa", orgs=["Ede"], thema="Vitaliteit", start=date(2019, 1, 1), end=date(2019, 12, 31))
    make_project("Beta", orgs=["Wageningen"], thema="Vitaliteit", start=date(2020, 1, 1), end=date(2099, 1, 1))
    make_project("Gamma", orgs=["Ede"], thema="Leren en ontwikkelen", materiaal=[("video", "Video zonder link")])


def test_listing_filters_by_organisation_theme_and_status(admin_client, three_projects):
    from taxonomie.models import Organisatie, Thema

    ede = Organisatie.objects.get(naam="Ede").pk
    vitaliteit = Thema.objects.get(naam="Vitaliteit").pk
    html = admin_client.get(f"/admin/projecten/?organisatie={ede}").content.decode()
    assert "Alfa" in html and "Gamma" in html and "Beta" not in html
    html = admin_client.get(f"/admin/projecten/?thema={vitaliteit}&status=lopend").content.decode()
    assert "Beta" in html and "Alfa" not in html and "Gamma" not in html


def test_csv_export(admin_client, three_projects):
    response = admin_client.get("/admin/projecten/?export=csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    by_title = {row["Titel"]: row for row in rows}
    assert set(by_title) == {"Alfa", "Beta", "Gamma"}
    assert by_title["Alfa"]["Status"] == "afgerond"
    assert by_title["Gamma"]["Materiaal zonder link"] == "1"
    assert by_title["Beta"]["Organisaties"] == "Wageningen"


def test_xlsx_export(admin_client, three_projects):
    response = admin_client.get("/admin/projecten/?export=xlsx")
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    rows = list(sheet.values)
    assert rows[0][0] == "Titel"
    assert sorted(r[0] for r in rows[1:]) == ["Alfa", "Beta", "Gamma"]


def test_editor_cannot_publish_directly_and_moderator_approval_is_required(client, make_project, library):
    """Projects go through Wagtail's own moderation workflow before they go live."""
    workflow = library.get_workflow()
    assert isinstance(workflow, Workflow) and workflow.active
    editor = User.objects.create_user("redacteur", "r@example.org", "x", is_staff=False)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    page = make_project("Concept", live=False)
    edit_url = f"/admin/pages/{page.pk}/edit/"
    post = {
        "title": "Concept bijgewerkt", "slug": page.slug,
        "organisaties-TOTAL_FORMS": "1", "organisaties-INITIAL_FORMS": "1", "organisaties-MIN_NUM_FORMS": "1",
        "organisaties-MAX_NUM_FORMS": "1000", "organisaties-0-id": str(page.organisaties.first().pk),
        "organisaties-0-organisatie": str(page.organisaties.first().organisatie_id), "organisaties-0-ORDER": "1",
        "materiaal-TOTAL_FORMS": "0", "materiaal-INITIAL_FORMS": "0", "materiaal-MIN_NUM_FORMS": "0",
        "materiaal-MAX_NUM_FORMS": "1000", "body-count": "0",
        "extra_velden-TOTAL_FORMS": "0", "extra_velden-INITIAL_FORMS": "0", "extra_velden-MIN_NUM_FORMS": "0",
        "extra_velden-MAX_NUM_FORMS": "1000",
        "action-publish": "1",
    }
    client.post(edit_url, post)
    page.refresh_from_db()
    assert not page.live, "an editor must not be able to publish"
    post.pop("action-publish")
    post["action-submit"] = "1"
    client.post(edit_url, post)
    page.refresh_from_db()
    assert page.current_workflow_state is not None
    assert page.current_workflow_state.status == "in_progress"
    assert not page.live


def test_evaluation_reports_have_their_own_collection(db):
    assert Collection.objects.filter(name="Evaluatierapporten").exists()


def test_admin_speaks_dutch(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert 'lang="nl"' in html
    assert ProjectPage._meta.verbose_name == "project"
