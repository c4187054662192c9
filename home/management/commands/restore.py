"""manage.py restore ARCHIEF --ja: replaces the database's content and writes the uploads back."""

from django.core.management.base import BaseCommand, CommandError

from home.backup import BackupError, read_archive, restore_backup


class Command(BaseCommand):
    help = ("Zet een back-up van `manage.py backup` terug: vervangt alle inhoud van de database en zet de "
            "bestanden terug. Draai eerst `manage.py migrate`.")

    def add_arguments(self, parser):
        parser.add_argument("archief")
        parser.add_argument("--ja", action="store_true", help="niet vragen: de huidige inhoud wordt vervangen")
        parser.add_argument("--controleer", action="store_true", help="alleen het archief controleren")

    def handle(self, *args, archief, ja=False, controleer=False, **options):
        try:
            if controleer:
                manifest, members = read_archive(archief)
                self.stdout.write(f"Archief in orde: {manifest['objecten']} objecten, {len(members) - 1} bestanden, "
                                  f"gemaakt {manifest['gemaakt']}")
                return
            if not ja:
                raise CommandError("Dit vervangt alle inhoud van de database. Bevestig met --ja.")
            manifest = restore_backup(archief)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Teruggezet: {manifest['objecten']} objecten, {len(manifest['bestanden']) - 1} "
                          f"bestanden (van {manifest['gemaakt']}); de zoekindex is opnieuw opgebouwd.")
