"""Run daily: deletes reactions (and their CVs) whose retention period has ended."""

from django.core.management.base import BaseCommand

from reacties.retention import purge


class Command(BaseCommand):
    help = (
        "Verwijdert reacties met hun cv vier weken nadat de vacature is vervuld of gesloten, of na een jaar "
        "als de kandidaat toestemming gaf. De tellingen per vacature blijven bestaan. Dagelijks draaien."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{purge()} reacties verwijderd.")
