"""The alert's mails are sent by background tasks (see outbox), with only ids among their arguments.

`send_new_vacancies` is queued inside the transaction that writes the mail's record and its sent-log
rows (`alerts.sending`): with the database task backend the three are committed together; with the
immediate backend the mail is sent inside that transaction. A mail that cannot be sent (after the
retries) deletes its record, and with it the sent-log rows: those vacancies go out with the next run.
"""

from datetime import date

from django.utils import timezone

from outbox import MAX_ATTEMPTS, deliver, mail_task

from . import mails
from .models import Alert, AlertVerzending, Soort


def _will_retry(mail, attempt):
    return attempt < MAX_ATTEMPTS and mail.get_backend().supports_defer


@mail_task
def send_confirmation(alert_id, attempt=1):
    """The double opt-in: a link whose GET shows a button and whose POST confirms."""
    alert = Alert.objects.filter(pk=alert_id, bevestigd_op__isnull=True).first()
    if alert is None:
        return
    record = AlertVerzending.issue(alert, Soort.BEVESTIGING)
    token = record.new_token()
    if deliver(mails.confirmation(alert, token), send_confirmation, (alert_id,), attempt, f"bevestiging alert {alert_id}"):
        AlertVerzending.objects.filter(pk=record.pk).update(verzonden_op=timezone.now())
    else:
        record.delete()  # nobody has this link


def vacancy_rows(record):
    rows = record.vacatures.select_related("vacature", "vacature__werkgever").order_by(
        "-onder_water", "vacature__sluitingsdatum", "vacature__title",
    )
    return [(row.vacature, row.onder_water) for row in rows]


@mail_task
def send_new_vacancies(verzending_id, today, attempt=1):
    """`today` (ISO date) is the day of the run. Each attempt gives the mail's links a new token."""
    record = AlertVerzending.objects.filter(pk=verzending_id, alert__isnull=False).select_related("alert").first()
    if record is None:
        return
    rows = vacancy_rows(record)
    if not rows:
        record.delete()
        return
    token = record.new_token()
    message = mails.new_vacancies(record.alert, token, rows, date.fromisoformat(today))
    what = f"vacaturealert {record.alert_id}"
    if deliver(message, send_new_vacancies, (verzending_id, today), attempt, what):
        AlertVerzending.objects.filter(pk=record.pk).update(verzonden_op=timezone.now())
    elif not _will_retry(send_new_vacancies, attempt):
        record.delete()  # and its sent-log rows: these vacancies go out with the next run


@mail_task
def send_keep_question(verzending_id, delete_on, attempt=1):
    record = AlertVerzending.objects.filter(pk=verzending_id, alert__isnull=False).select_related("alert").first()
    if record is None:
        return
    token = record.new_token()
    message = mails.keep_question(record.alert, token, date.fromisoformat(delete_on))
    if deliver(message, send_keep_question, (verzending_id, delete_on), attempt, f"bewaarvraag alert {record.alert_id}"):
        AlertVerzending.objects.filter(pk=record.pk).update(verzonden_op=timezone.now())
    elif not _will_retry(send_keep_question, attempt):
        record.delete()
        Alert.objects.filter(pk=record.alert_id).update(bewaarvraag_op=None)  # asked again next run
