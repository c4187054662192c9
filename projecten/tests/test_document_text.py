"""Evaluation reports are searchable: PDF text is read in a background task and indexed with the
project that links the document; broken or encrypted PDFs are logged and skipped."""

import logging

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.models import Collection

from conftest import make_pdf
from projecten.models import DocumentTekst, ProjectMateriaal

PHRASE = "kwartiermaker zuurstofmeter"  # occurs only inside the PDF


def upload(admin_client, name, content):
    collection = Collection.objects.get(name="Evaluatierapporten")
    return admin_client.post("/admin/documents/multiple/add/", {
        "files[]": ContentFile(content, name=name), "collection": collection.pk,
    })


def link(project, document):
    ProjectMateriaal.objects.create(page=project, soort="eindevaluatie", titel="Eindevaluatie", document=document)
    project.save_revision().publish()


def test_text_inside_a_pdf_finds_the_project(admin_client, make_project, django_capture_on_commit_callbacks):
    project = make_project("Project met rapport", samenvatting="Niets bijzonders hier.")
    make_project("Ander project", samenvatting="Ook niets.")
    with django_capture_on_commit_callbacks(execute=True):
        assert upload(admin_client, "eindevaluatie.pdf", make_pdf(f"Het {PHRASE} werkte goed.")).status_code == 200
    document = get_document_model().objects.get()
    assert PHRASE in DocumentTekst.objects.get(document=document).tekst
    link(project, document)
    found = admin_client.get("/inspiratie/", {"q": PHRASE}).context["projects"]
    assert [p.title for p in found] == ["Project met rapport"]


@pytest.mark.parametrize(
    "content,reason",
    [(make_pdf("geheim", password="wachtwoord"), "versleuteld"), (b"%PDF-1.4 kapot", "")],
    ids=["encrypted", "broken"],
)
def test_unreadable_pdf_is_logged_and_skipped(admin_client, caplog, django_capture_on_commit_callbacks,
                                              content, reason):
    with caplog.at_level(logging.WARNING, logger="projecten.tasks"):
        with django_capture_on_commit_callbacks(execute=True):
            response = upload(admin_client, "rapport.pdf", content)
    assert response.status_code == 200 and get_document_model().objects.count() == 1  # the upload stands
    tekst = DocumentTekst.objects.get()
    assert tekst.status == DocumentTekst.Status.OVERGESLAGEN and tekst.tekst == ""
    assert reason in tekst.melding
    assert "overgeslagen" in caplog.text


@pytest.mark.django_db(transaction=True)
def test_extraction_runs_in_a_background_worker(make_project):
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        document = get_document_model().objects.create(
            title="Tussenrapportage", file=ContentFile(make_pdf(f"Tussentijds {PHRASE}"), name="tussen.pdf"),
        )
        assert not DocumentTekst.objects.exists()  # queued, not done
        call_command("db_worker", "--batch", "--no-startup-delay")
    assert PHRASE in DocumentTekst.objects.get(document=document).tekst
