"""Mail about reactions goes out from the task worker, never inside the request: the candidate gets the
same answer at once whether the mail server is up, down or hanging; the worker retries later; a double
submit stores one reaction; the candidate's confirmation says what was sent, how long it is kept and
how to have it deleted early."""

import logging
import re
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import formats, timezone

from conftest import make_pdf
from kern.one_time_link import token_hash
from outbox import MAX_ATTEMPTS, RETRY_DELAYS
from outbox.tests.fixtures import database_tasks, mail_tasks, make_retries_due, run_worker, smtp_settings
from reacties.models import Dagcijfers, Reactie
from vacatures import phases

CANDIDATE = "sanne@kandidaat.example"
CONTACT = "werving@alfa.example"


@pytest.fixture
def vacancy(make_vacancy):
    return make_vacancy("alfa", "Beleidsadviseur wonen", contact_email=CONTACT)


def url(vacancy):
    return f"/vacatures/reageren/{vacancy.pk}/"


def filled_in_form(client, vacancy, **changes):
    """The page's own form, with its one-time token, filled in as a candidate would."""
    html = client.get(url(vacancy)).content.decode()
    token = re.search(r'name="formulier" value="([0-9a-f-]{36})"', html).group(1)
    data = {
        "formulier": token, "naam": "Sanne de Boer", "email": CANDIDATE, "telefoon": "06 12345678",
        "motivatie": "Ik werk graag aan betaalbaar wonen.",
    }
    data.update(changes)
    return data


def with_cv(data):
    return {**data, "cv": SimpleUploadedFile("cv.pdf", make_pdf(), content_type="application/pdf")}


def without_csrf(response):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("server", ["refused", "hanging"])
def test_reaction_answers_at_once_with_the_mail_server_down_and_the_worker_sends_later(
    client, vacancy, server, request, smtp_server, caplog,
):
    port = request.getfixturevalue(f"smtp_{server}")
    timeout = 2
    with database_tasks(), smtp_settings(port, timeout=timeout):
        data = with_cv(filled_in_form(client, vacancy))
        started = time.monotonic()
        response = client.post(url(vacancy), data)
        elapsed = time.monotonic() - started
        assert response.status_code == 200 and "Bedankt voor je reactie" in response.content.decode()
        assert elapsed < timeout  # the request never waits for the mail server
        assert Reactie.objects.count() == 1
        assert Dagcijfers.objects.get(vacature=vacancy).reacties_extern == 1
        assert mail_tasks().filter(status="READY").count() == 2  # employer and candidate

        with caplog.at_level(logging.INFO, logger="outbox"):
            started = time.monotonic()
            run_worker()
            worked = time.monotonic() - started
        if server == "hanging":  # each of the two attempts waits EMAIL_TIMEOUT, then gives up
            assert 2 * timeout <= worked < 2 * timeout + 5
        retries = list(mail_tasks())
        assert len(retries) == 2 and {r.status for r in retries} == {"READY"}
        assert all(r.args_kwargs["kwargs"] == {"attempt": 2} for r in retries)
        assert all(r.run_after >= timezone.now() + RETRY_DELAYS[0] - timedelta(seconds=30) for r in retries)
        reason = "SMTPServerDisconnected na TimeoutError" if server == "hanging" else "ConnectionRefusedError"
        assert caplog.text.count(f"poging 1 van {MAX_ATTEMPTS} ({reason})") == 2
        assert "@" not in caplog.text  # no e-mail address in the log
        assert smtp_server.envelopes == []

    # The mail server is back; when the retries are due, the worker sends both.
    with database_tasks(), smtp_settings(smtp_server.port):
        make_retries_due()
        run_worker()
    assert smtp_server.recipients == sorted([CANDIDATE, CONTACT])
    assert not mail_tasks().exists()  # finished mail tasks leave no rows (with addresses) behind


@pytest.mark.django_db(transaction=True)
def test_retries_are_bounded_and_the_last_failure_is_logged(client, vacancy, smtp_refused, caplog):
    with database_tasks(), smtp_settings(smtp_refused):
        client.post(url(vacancy), with_cv(filled_in_form(client, vacancy)))
        with caplog.at_level(logging.INFO, logger="outbox"):
            for _ in range(MAX_ATTEMPTS):
                run_worker()
                make_retries_due()
    assert not mail_tasks().exists()
    assert caplog.text.count(f"niet verstuurd na {MAX_ATTEMPTS} pogingen (ConnectionRefusedError); opgegeven") == 2
    assert "@" not in caplog.text
    assert Reactie.objects.count() == 1  # the reaction itself is safe in the admin


def cv_files():
    folder = Path(settings.PRIVATE_MEDIA_ROOT)
    return {p for p in folder.rglob("*.pdf")}


def test_double_submit_stores_one_reaction(client, vacancy):
    files_before = cv_files()
    with database_tasks():
        data = filled_in_form(client, vacancy)
        first = client.post(url(vacancy), with_cv(data))
        second = client.post(url(vacancy), with_cv(data))  # the same form again (double click, back + resend)
    assert first.status_code == second.status_code == 200
    assert without_csrf(first) == without_csrf(second)
    assert Reactie.objects.count() == 1
    assert Dagcijfers.objects.get(vacature=vacancy).reacties_extern == 1
    assert sorted(mail_tasks().values_list("task_path", flat=True)) == [  # one mail each, queued once
        "reacties.tasks.confirm_to_candidate", "reacties.tasks.notify_employer",
    ]
    assert cv_files() - files_before == {Path(Reactie.objects.get().cv.path)}  # one CV file on disk
    # A new visit to the form is a new reaction; a mangled token does not stop one either.
    client.post(url(vacancy), with_cv(filled_in_form(client, vacancy, naam="Tweede kandidaat")))
    client.post(url(vacancy), with_cv(filled_in_form(client, vacancy, naam="Derde kandidaat", formulier="x<>")))
    assert Reactie.objects.count() == 3


def test_with_the_immediate_backend_a_mail_failure_never_reaches_the_candidate(client, vacancy, smtp_refused, caplog):
    """Development runs tasks inside the request: a failing mail is logged, the answer is the same."""
    with smtp_settings(smtp_refused), caplog.at_level(logging.INFO, logger="outbox"):
        response = client.post(url(vacancy), with_cv(filled_in_form(client, vacancy)))
    assert response.status_code == 200 and "Bedankt voor je reactie" in response.content.decode()
    assert Reactie.objects.count() == 1
    assert caplog.text.count("niet opnieuw geprobeerd") == 2 and "@" not in caplog.text


def confirmation():
    (message,) = [m for m in mail.outbox if m.to == [CANDIDATE]]
    return message


def test_candidate_gets_a_confirmation_and_can_have_the_reaction_deleted(client, vacancy):
    client.post(url(vacancy), with_cv(filled_in_form(client, vacancy)))
    message = confirmation()
    body = message.body
    assert message.subject == "Je reactie op Beleidsadviseur wonen"
    for sent in ("Sanne de Boer", CANDIDATE, "06 12345678", "Ik werk graag aan betaalbaar wonen.", "Alfa"):
        assert sent in body
    assert message.attachments == [] and "%PDF" not in body  # the CV stays out of the mail
    assert message.reply_to == [CONTACT] and f"Mail de werkgever: {CONTACT}" in body
    # Kept until four weeks after closing (`bewaartermijnen` deletes on the 29th day after the closing date).
    last_day = vacancy.sluitingsdatum + timedelta(days=29)
    assert f"uiterlijk op {formats.date_format(last_day, 'j F Y')}" in body
    assert "Een jaar bewaren voor andere vacatures: nee" in body

    path = re.search(re.escape(settings.SITE_URL) + r"(/vacatures/reageren/verwijderen/([\w-]+)/)", body)
    reactie = Reactie.objects.get()
    assert reactie.verwijder_hash == token_hash(path.group(2))  # only the hash is stored
    cv_file = Path(reactie.cv.path)

    ask = client.get(path.group(1))
    assert ask.status_code == 200 and "Verwijder mijn reactie" in ask.content.decode()
    assert Reactie.objects.exists()  # opening the link (a mail scanner) deletes nothing
    done = client.post(path.group(1))
    assert done.status_code == 200 and "Je reactie is verwijderd" in done.content.decode()
    assert not Reactie.objects.exists() and not cv_file.exists()
    assert Dagcijfers.objects.get(vacature=vacancy).reacties_extern == 1  # the count stays
    assert client.post(path.group(1)).status_code == 410
    assert client.get("/vacatures/reageren/verwijderen/verzonnen-token/").status_code == 410


def test_confirmation_with_consent_and_without_employer_address(client, make_vacancy):
    vacancy = make_vacancy("beta", "Jurist", contact_email="", reageer_email="")
    client.post(url(vacancy), with_cv(filled_in_form(client, vacancy, toestemming_bewaren="on")))
    assert [m.to for m in mail.outbox] == [[CANDIDATE]]  # no employer address: only the confirmation
    body = confirmation().body
    a_year_on = phases.local_date() + timedelta(days=366)
    assert f"op {formats.date_format(a_year_on, 'j F Y')}" in body
    assert "Een jaar bewaren voor andere vacatures: ja" in body
    assert "Mail de werkgever" not in body and confirmation().reply_to == []
