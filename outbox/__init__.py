"""Mail is sent by background tasks, never inside a request.

A view enqueues a `mail_task` (django-tasks) and answers at once. The task builds its message and calls
`deliver`: one SMTP attempt bounded by `EMAIL_TIMEOUT`; on failure the same task is enqueued again
after a growing delay (`RETRY_DELAYS`), then given up. Every failure is logged with what was being
sent and why, never with an e-mail address (an SMTP error text can name the recipient, so only its
class and code are logged).

With the database task backend (production: `TASKS_BACKEND=django_tasks_db.DatabaseBackend` and
`manage.py db_worker`), a mail task's row holds its arguments, which can include an e-mail address:
the row is deleted as soon as the task has finished. With the immediate backend (development), the
task runs inside the request; a failure is logged and never reaches the visitor, and there are no
retries (that backend cannot run a task later).
"""

import logging
import smtplib
from datetime import timedelta

from django.utils import timezone
from django_tasks import task
from django_tasks.signals import task_finished
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

# After the first attempt: 4 retries, 1 minute to 1 hour apart (about 81 minutes in all).
RETRY_DELAYS = (timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=15), timedelta(hours=1))
MAX_ATTEMPTS = 1 + len(RETRY_DELAYS)
# Refused, reset or timed out connections are OSErrors; everything the server answers is an SMTPException.
MAIL_ERRORS = (OSError, smtplib.SMTPException)

MAIL_TASKS: set[str] = set()


def mail_task(function):
    """A django-tasks task whose finished row (with its arguments) is deleted at once."""
    mail = task()(function)
    MAIL_TASKS.add(mail.module_path)
    return mail


def describe(exc):
    """The error without its text: its class, the SMTP reply code where there is one, and the error that
    caused it (smtplib reports a read timeout as SMTPServerDisconnected)."""
    code = getattr(exc, "smtp_code", None)
    text = f"{type(exc).__name__} {code}" if code else type(exc).__name__
    cause = exc.__cause__ or exc.__context__
    return f"{text} na {type(cause).__name__}" if isinstance(cause, OSError) else text


def deliver(message, mail, args, attempt, what):
    """Send `message`; if that fails, enqueue `mail(*args, attempt=attempt + 1)` after the next delay.

    `what` names the mail in the log (no personal data). Returns True if the message was sent.
    """
    try:
        message.send()
    except MAIL_ERRORS as exc:
        reason = describe(exc)
    else:
        if attempt > 1:
            logger.info("Mail %s verstuurd bij poging %d", what, attempt)
        return True

    if attempt >= MAX_ATTEMPTS:
        logger.error("Mail %s niet verstuurd na %d pogingen (%s); opgegeven", what, attempt, reason)
        return False
    if not mail.get_backend().supports_defer:
        logger.error(
            "Mail %s niet verstuurd (%s); niet opnieuw geprobeerd: takenbackend %s kan niet uitstellen",
            what, reason, mail.backend,
        )
        return False
    delay = RETRY_DELAYS[attempt - 1]
    mail.using(run_after=timezone.now() + delay).enqueue(*args, attempt=attempt + 1)
    logger.warning(
        "Mail %s niet verstuurd bij poging %d van %d (%s); opnieuw over %d s",
        what, attempt, MAX_ATTEMPTS, reason, delay.total_seconds(),
    )
    return False


def forget_finished_mail(sender, task_result, **kwargs):
    """A finished mail task's row in the task table goes, and with it the address among its arguments."""
    task = task_result.task
    if task.module_path in MAIL_TASKS and isinstance(task.get_backend(), DatabaseBackend):
        DBTaskResult.objects.filter(pk=task_result.id).delete()


task_finished.connect(forget_finished_mail, dispatch_uid="outbox-forget-finished-mail")
