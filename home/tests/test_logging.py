"""Logs (issue 17 section 3, issue 10 item 7): unhandled exceptions with their path on standard error,
JSON lines with a request id, and no e-mail address or sign-in token from the sign-in and reaction flows."""

import io
import json
import logging.config
import sys

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import path

from config.logging import logging_config, redact_path
from conftest import make_pdf, sign_in_link


def broken(request):
    raise RuntimeError("kapot bij het verwerken van iemand@voorbeeld.example")


urlpatterns = [path("kapot/", broken)]


@pytest.fixture
def json_logs():
    """The production logging configuration; its standard-error handler writes to a buffer here."""
    from django.conf import settings

    logging.config.dictConfig(logging_config(json_lines=True, level="DEBUG"))
    (handler,) = logging.getLogger().handlers
    assert handler.stream is sys.stderr
    buffer = io.StringIO()
    handler.setStream(buffer)
    yield buffer.getvalue
    logging.config.dictConfig(settings.LOGGING)


@pytest.mark.urls(__name__)
def test_unhandled_exception_logged_with_path_and_traceback(json_logs, db, settings):
    assert settings.DEBUG is False
    response = Client(raise_request_exception=False).get("/kapot/?email=iemand@voorbeeld.example")
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
    lines = [json.loads(line) for line in json_logs().splitlines() if line.startswith("{")]
    error = next(line for line in lines if line["logger"] == "django.request")
    assert error["level"] == "ERROR" and error["message"] == "Internal Server Error: /kapot/"
    assert "Traceback" in error["exc_info"] and "RuntimeError: kapot bij het verwerken" in error["exc_info"]
    assert error["request_id"] == response["X-Request-ID"]
    assert "iemand@voorbeeld.example" not in json.dumps(lines) and "[e-mailadres]" in error["exc_info"]


def test_sign_in_and_reaction_flows_log_no_address_or_token(json_logs, make_vacancy):
    vacancy = make_vacancy("alfa", "Beleidsmedewerker", contact_email="werving@alfa.example")
    c = Client()
    c.post("/medewerkers/inloggen/", {"email": "medewerker@alfa.example"})
    link = sign_in_link()
    token = link.rstrip("/").rsplit("/", 1)[1]
    c.get(link)
    c.post(link)
    c.post(link)  # used twice: 410, which Django logs with the path
    c.post("/medewerkers/inloggen/", {"email": "iemand@elders.example"})
    c.post(f"/vacatures/reageren/{vacancy.pk}/", {
        "naam": "Sanne de Boer", "email": "sanne@voorbeeld.example", "telefoon": "0612345678",
        "motivatie": "Graag.", "cv": SimpleUploadedFile("cv.pdf", make_pdf(), content_type="application/pdf"),
    })
    c.post(f"/vacatures/reageren/{vacancy.pk}/", {"naam": "x", "email": "fout@voorbeeld.example"})
    logs = json_logs()
    assert "Gone: /medewerkers/inloggen/[token]/" in logs  # the flows did log something
    for secret in ("medewerker@alfa.example", "iemand@elders.example", "sanne@voorbeeld.example",
                   "fout@voorbeeld.example", "werving@alfa.example", token, "0612345678"):
        assert secret not in logs


def test_access_log_path_has_no_query_and_no_token():
    assert redact_path("/medewerkers/inloggen/AbC-123_x/?next=/") == "/medewerkers/inloggen/[token]/"
    assert redact_path("/zoeken/?q=jan@example.org") == "/zoeken/"
