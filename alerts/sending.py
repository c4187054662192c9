"""A run of the alerts of one frequency (`manage.py verstuur_alerts`, or the task `run_alerts`), and the
clean-up of old alerts (`cleanup`).

Per alert: the vacancies its search finds today among what its address may see (`alerts.matching`), that
became visible to the address on or after the day the alert was confirmed, minus its sent-log. Those go
into one mail. The mail's record, its sent-log rows and its queued mail task are written in one
transaction, so a run that is stopped halfway and started again sends no vacancy twice and misses none.
"""

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task
from tqdm import tqdm

from search.service import SearchUnavailable
from vacatures import phases

from .matching import Matcher
from .models import Alert, AlertVerzending, Soort, VerzondenVacature
from .tasks import send_keep_question, send_new_vacancies

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
UNCONFIRMED_KEPT = timedelta(days=7)
INACTIVE_AFTER = timedelta(days=365)  # 12 months without opening or changing: one mail asks to keep it
KEEP_ANSWER_WITHIN = timedelta(days=30)


@dataclass
class Summary:
    alerts: int = 0
    mails: int = 0
    vacatures: int = 0
    overgeslagen: int = 0  # alerts with a text query while the search engine could not be reached

    def line(self, frequentie):
        text = f"Vacaturealerts ({frequentie}): {self.alerts} alerts, {self.mails} mails, {self.vacatures} vacatures"
        if self.overgeslagen:
            text += f", {self.overgeslagen} overgeslagen (zoekmachine onbereikbaar; volgende keer opnieuw)"
        return text


def _send(alert, pks, matcher) -> bool:
    """One mail: its record, the sent-log rows and the queued mail task, in one transaction."""
    not_public = matcher.not_public(pks)
    try:
        with transaction.atomic():
            record = AlertVerzending.issue(alert, Soort.VACATURES)
            VerzondenVacature.objects.bulk_create([
                VerzondenVacature(alert=alert, vacature_id=pk, verzending=record, onder_water=pk in not_public)
                for pk in pks
            ])
            send_new_vacancies.enqueue(record.pk, matcher.today.isoformat())
    except IntegrityError:
        logger.info("Vacaturealert %s: tegelijk door een andere run verstuurd", alert.pk)
        return False
    # With the immediate task backend the mail has been tried: a failed one took its record with it.
    return AlertVerzending.objects.filter(pk=record.pk).exists()


def run(frequentie, today=None, batch_size=BATCH_SIZE, progress=False, send=True) -> Summary:
    """Match (and with `send`, mail) every confirmed alert of `frequentie` on `today` (Amsterdam)."""
    matcher = Matcher(today or phases.local_date())
    alerts = Alert.objects.filter(frequentie=frequentie, bevestigd_op__isnull=False).order_by("pk")
    summary = Summary()
    bar = tqdm(total=alerts.count(), unit="alert", disable=not progress, desc=f"alerts {frequentie}")
    last = 0
    while True:
        fields = ("pk", "email", "criteria", "criteria_sleutel", "bevestigd_op", "doelgroep", "doelgroep_sinds")
        batch = list(alerts.filter(pk__gt=last).only(*fields)[:batch_size])
        if not batch:
            break
        last = batch[-1].pk
        if send:
            changed = [alert for alert in batch if matcher.follow_audience(alert)]
            Alert.objects.bulk_update(changed, ["doelgroep", "doelgroep_sinds"])
        found = {}
        for alert in batch:
            try:
                found[alert.pk] = matcher.matches(alert, since=phases.local_date(alert.bevestigd_op))
            except SearchUnavailable:
                summary.overgeslagen += 1
        sent = set(
            VerzondenVacature.objects.filter(alert_id__in=list(found)).values_list("alert_id", "vacature_id")
        )
        for alert in batch:
            new = [pk for pk in found.get(alert.pk, ()) if (alert.pk, pk) not in sent]
            summary.alerts += 1
            if new and send and _send(alert, new, matcher):
                summary.mails += 1
                summary.vacatures += len(new)
            elif new and not send:
                summary.mails += 1
                summary.vacatures += len(new)
        bar.update(len(batch))
    bar.close()
    return summary


@dataclass
class Cleanup:
    onbevestigd: int = 0
    bewaarvragen: int = 0
    verlopen: int = 0


def cleanup(now=None) -> Cleanup:
    """Unconfirmed after 7 days: deleted. 12 months without opening or change: one mail asking whether to
    keep it; no answer within 30 days: deleted. (Deleting takes the address; counts stay.)"""
    now = now or timezone.now()
    result = Cleanup()
    unconfirmed = Alert.objects.filter(bevestigd_op__isnull=True, aangemaakt__lt=now - UNCONFIRMED_KEPT)
    result.onbevestigd = unconfirmed.delete()[1].get("alerts.Alert", 0)
    result.verlopen = Alert.objects.filter(
        bewaarvraag_op__isnull=False, bewaarvraag_op__lt=now - KEEP_ANSWER_WITHIN,
    ).delete()[1].get("alerts.Alert", 0)
    inactive = Alert.objects.filter(
        bevestigd_op__isnull=False, bewaarvraag_op__isnull=True, laatste_activiteit__lt=now - INACTIVE_AFTER,
    )
    delete_on = phases.local_date(now + KEEP_ANSWER_WITHIN) + timedelta(days=1)
    for alert in inactive.iterator():
        with transaction.atomic():
            Alert.objects.filter(pk=alert.pk).update(bewaarvraag_op=now)
            record = AlertVerzending.issue(alert, Soort.BEWAREN, now=now)
            send_keep_question.enqueue(record.pk, delete_on.isoformat())
        result.bewaarvragen += 1
    return result


@task()
def run_alerts(frequentie):
    """`manage.py verstuur_alerts` as a task, for a scheduler that queues tasks instead of running cron."""
    cleaned = cleanup()
    summary = run(frequentie)
    return {"alerts": summary.alerts, "mails": summary.mails, "vacatures": summary.vacatures,
            "verwijderd": cleaned.onbevestigd + cleaned.verlopen}
