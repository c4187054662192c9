"""Cron: daily 07:00 `verstuur_alerts --frequentie dagelijks`, Monday 07:00 `--frequentie wekelijks`
(Europe/Amsterdam). Each run first cleans up (unconfirmed and unanswered alerts), then mails."""

import sys

from django.core.management.base import BaseCommand

from alerts.models import Frequentie
from alerts.sending import cleanup, run


class Command(BaseCommand):
    help = (
        "Verstuurt de vacaturealerts van één frequentie: per alert de vacatures die sinds de vorige mail "
        "zichtbaar werden voor dat adres. Ruimt eerst onbevestigde en onbeantwoorde alerts op."
    )

    def add_arguments(self, parser):
        parser.add_argument("--frequentie", required=True, choices=Frequentie.values)
        parser.add_argument("--zonder-opschonen", action="store_true", help="Sla het opschonen over.")
        parser.add_argument("--alleen-tellen", action="store_true", help="Alleen matchen en tellen, niets versturen.")

    def handle(self, *args, frequentie, zonder_opschonen=False, alleen_tellen=False, **options):
        if not zonder_opschonen and not alleen_tellen:
            cleaned = cleanup()
            self.stdout.write(
                f"Opgeschoond: {cleaned.onbevestigd} onbevestigd verwijderd, {cleaned.bewaarvragen} bewaarvragen "
                f"verstuurd, {cleaned.verlopen} zonder antwoord verwijderd"
            )
        summary = run(frequentie, progress=sys.stderr.isatty(), send=not alleen_tellen)
        self.stdout.write(summary.line(frequentie))
