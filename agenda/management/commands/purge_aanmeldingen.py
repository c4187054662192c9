"""Delete registrations 30 days after the event or activity they are for has ended (run daily from cron)."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from agenda.models import Aanmelding

BEWAARTERMIJN = timedelta(days=30)


def purge(now=None):
    cutoff = (now or timezone.now()) - BEWAARTERMIJN
    expired = Aanmelding.objects.filter(
        Q(activiteit__isnull=True, evenement__eind__lt=cutoff) | Q(activiteit__eind__lt=cutoff)
    )
    return expired.delete()[1].get("agenda.Aanmelding", 0)


class Command(BaseCommand):
    help = "Verwijdert aanmeldingen voor evenementen en activiteiten die langer dan 30 dagen voorbij zijn."

    def handle(self, *args, **options):
        self.stdout.write(f"{purge()} aanmeldingen verwijderd.")
