"""manage.py backup [ARCHIEF]: the database and all uploads (media and private CVs) in one archive."""

from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from home.backup import make_backup


class Command(BaseCommand):
    help = "Maakt een back-up (tar.gz met manifest) van de database en alle geüploade bestanden, ook de cv's."

    def add_arguments(self, parser):
        parser.add_argument("archief", nargs="?", help="pad van het archief (standaard backups/inbeweging-<tijd>.tar.gz)")

    def handle(self, *args, archief=None, **options):
        if archief is None:
            Path("backups").mkdir(exist_ok=True)
            archief = f"backups/inbeweging-{timezone.localtime():%Y%m%d-%H%M%S}.tar.gz"
        manifest = make_backup(archief)
        files = len(manifest["bestanden"]) - 1
        self.stdout.write(f"Back-up gemaakt: {archief} ({manifest['objecten']} objecten, {files} bestanden)")
