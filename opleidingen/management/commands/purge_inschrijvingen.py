from django.core.management.base import BaseCommand

from opleidingen.retention import purge


class Command(BaseCommand):
    help = "Haalt naam en medewerker weg uit inschrijvingen voor sessies van vóór vorig jaar (na januari)."

    def handle(self, *args, **options):
        self.stdout.write(f"{purge()} inschrijvingen zonder persoonsgegevens gemaakt.")
