"""Remove the demo content that `load_demo` created, for example before or after importing the real library.

    manage.py verwijder_demo --dry-run   # only shows what would go
    manage.py verwijder_demo
"""

from django.core.management.base import BaseCommand

from home.demo import LABELS, demo_summary, remove_demo


class Command(BaseCommand):
    help = (
        "Verwijdert de democontent van load_demo: demoprojecten, demowerkgevers met hun vacatures en reacties, "
        "de demobeheerder en de organisaties, thema's en regio's die alleen de demo gebruikte."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Toon wat verwijderd zou worden; verander niets.")

    def handle(self, *args, dry_run=False, **options):
        counts = demo_summary() if dry_run else remove_demo()
        summary = ", ".join(
            f"{counts[key]} {one if counts[key] == 1 else more}" for key, (one, more) in LABELS.items() if counts[key]
        )
        if dry_run:
            self.stdout.write(f"Zou verwijderen (hoogstens): {summary or 'niets'}.")
        else:
            self.stdout.write(self.style.SUCCESS(f"Democontent verwijderd: {summary or 'er was geen democontent'}."))
