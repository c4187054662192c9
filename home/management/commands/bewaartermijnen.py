"""Run nightly: applies every retention period of the site (home/retention.py), each in its own transaction.

    manage.py bewaartermijnen                          # all of them
    manage.py bewaartermijnen --alleen vragen reacties
    manage.py bewaartermijnen --nu 2027-06-01T03:00    # as if it were then (tests, catching up)

One rule that fails is logged and the others still run; the command then exits with an error.
"""

import logging
from datetime import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from home.retention import NAMES, TERMIJNEN

logger = logging.getLogger(__name__)


def moment(value):
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"--nu is geen datum en tijd: {value}") from exc
    return timezone.make_aware(parsed) if timezone.is_naive(parsed) else parsed


class Command(BaseCommand):
    help = (
        "Past alle bewaartermijnen toe: reacties, profielen (uitzetten en verwijderen na inactiviteit), "
        "inschrijvingen, aanmeldingen, vragen aan de adviseur en vacaturealerts. Dagelijks draaien."
    )

    def add_arguments(self, parser):
        parser.add_argument("--alleen", nargs="+", choices=NAMES, help="Alleen deze termijnen.")
        parser.add_argument("--nu", help="Reken vanaf dit moment (ISO 8601) in plaats van nu.")

    def handle(self, *args, alleen=None, nu=None, **options):
        now = moment(nu) if nu else timezone.now()
        failed = []
        for termijn in TERMIJNEN:
            if alleen and termijn.name not in alleen:
                continue
            try:
                with transaction.atomic():
                    line = termijn.run(now)
            except Exception:
                logger.exception("bewaartermijn %s mislukt", termijn.name)
                failed.append(termijn.name)
                continue
            self.stdout.write(line if alleen and len(alleen) == 1 else f"{termijn.name}: {line}")
        if failed:
            raise CommandError(f"Mislukt: {', '.join(failed)} (zie het log); de andere termijnen zijn toegepast.")
