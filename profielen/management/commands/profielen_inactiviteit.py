"""Run daily: warns, switches off and deletes profiles of employees who did not sign in for a long time."""

from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from profielen.inactivity import run


class Command(BaseCommand):
    help = (
        "Zet profielen uit na 6 maanden zonder inloggen (met een e-mail 4 weken en 1 week van tevoren) en "
        "verwijdert ze met hun cv na 12 maanden. Dagelijks draaien. --now=2026-06-01T03:00 doet alsof het dan is."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", help="ISO-moment voor de klok (standaard: nu)")

    def handle(self, *args, now=None, **options):
        moment = None
        if now:
            try:
                moment = datetime.fromisoformat(now)
            except ValueError as exc:
                raise CommandError(f"Geen geldig moment: {now}") from exc
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment)
        done = run(moment)
        self.stdout.write(
            f"{done['gewaarschuwd']} gewaarschuwd, {done['uitgezet']} uitgezet, {done['verwijderd']} verwijderd."
        )
