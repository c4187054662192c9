"""Run daily: deletes questions to the advisers whose retention period has ended."""

from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from vragen.retention import purge


class Command(BaseCommand):
    help = (
        "Verwijdert vragen aan de adviseur 12 maanden na het antwoord (een nooit beantwoorde vraag 12 maanden "
        "na ontvangst). Gepubliceerde veelgestelde vragen blijven: die bevatten geen persoonsgegevens. "
        "Dagelijks draaien."
    )

    def add_arguments(self, parser):
        parser.add_argument("--nu", help="Reken vanaf dit moment (ISO 8601, bijvoorbeeld 2027-06-01T03:00) "
                            "in plaats van nu; voor tests en inhaalslagen.")

    def handle(self, *args, nu=None, **options):
        now = None
        if nu:
            try:
                now = datetime.fromisoformat(nu)
            except ValueError as exc:
                raise CommandError(f"--nu is geen datum en tijd: {nu}") from exc
            if timezone.is_naive(now):
                now = timezone.make_aware(now)
        self.stdout.write(f"{purge(now)} vragen verwijderd.")
