"""Mail servers for tests, all real sockets on 127.0.0.1: one that refuses connections, one that accepts
them and never answers, and a working SMTP server (aiosmtpd) that keeps what it receives. Plus the
production task backend and its worker, run explicitly."""

import io
import socket
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from outbox import MAIL_TASKS

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def database_tasks():
    """The production task backend: a view only queues; `run_worker` runs what is due."""
    return override_settings(TASKS=DATABASE_TASKS)


def smtp_settings(port, timeout=2):
    return override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", EMAIL_HOST="127.0.0.1", EMAIL_PORT=port,
        EMAIL_TIMEOUT=timeout, EMAIL_USE_TLS=False, EMAIL_USE_SSL=False, EMAIL_HOST_USER="", EMAIL_HOST_PASSWORD="",
    )


def run_worker():
    """`manage.py db_worker --batch`: runs every task that is due, then stops (needs a transactional test)."""
    call_command("db_worker", "--batch", "--no-startup-delay", stdout=io.StringIO(), stderr=io.StringIO())


def mail_tasks():
    """Queued mail tasks (Wagtail queues tasks of its own, such as its reference index)."""
    return DBTaskResult.objects.filter(task_path__in=MAIL_TASKS)


def make_retries_due():
    """Time passes: the retries queued for later are due now."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_refused():
    """A port that is bound but not listening: every connection is refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


@pytest.fixture
def smtp_hanging():
    """A listening socket that is never read: the kernel accepts the connection, no greeting ever comes."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        yield sock.getsockname()[1]


class Received:
    def __init__(self):
        self.envelopes = []
        self.port = None

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.envelopes.append(envelope)
        return "250 OK"

    @property
    def recipients(self):
        return sorted(rcpt for envelope in self.envelopes for rcpt in envelope.rcpt_tos)

    def text_to(self, address):
        """The plain-text body of the one message to `address`."""
        (envelope,) = [e for e in self.envelopes if address in e.rcpt_tos]
        return message_from_bytes(envelope.original_content, policy=policy.default).get_content()


@pytest.fixture
def smtp_server():
    """A working SMTP server (aiosmtpd) on 127.0.0.1; `.envelopes` holds what it received."""
    received = Received()
    received.port = free_port()
    controller = Controller(received, hostname="127.0.0.1", port=received.port)
    controller.start()
    yield received
    controller.stop()
