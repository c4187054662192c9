"""manage.py import_inspiratie PATH [--dry-run] [--force]: load the A&O inspiration page export.

In home, with the other commands that build the site: the importer (projecten/importer) gets the
library page from home.site_setup, which makes it under the home page when it is missing."""

import logging
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from home.site_setup import ensure_library
from projecten.importer.load import ImportRefused, load
from projecten.importer.parser import ImportFormatError, parse

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Importeert de inspiratieprojecten uit de tekstexport van de A&O-inspiratiepagina. "
        "Alles of niets: bij een fout blijft de database zoals hij was."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Pad naar het tekstbestand")
        parser.add_argument("--dry-run", action="store_true", help="Laat zien wat er zou veranderen, zonder op te slaan")
        parser.add_argument(
            "--force", action="store_true",
            help="Werk ook projecten bij waarvan de tekst meer dan de helft korter zou worden",
        )

    def refuse(self, path, message):
        logger.error("import_inspiratie %s geweigerd: %s", path, message.splitlines()[0])
        raise CommandError(f"{path}: {message}\nEr is niets opgeslagen.")

    def handle(self, path, dry_run=False, force=False, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"{path}: bestand niet gevonden")
        try:
            text = file.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise CommandError(f"{path}: geen UTF-8-tekst (byte {exc.start}): is dit de tekstexport?") from exc
        try:
            entries = parse(text)
        except ImportFormatError as exc:
            self.refuse(path, str(exc))

        bar = tqdm(total=len(entries), unit="project", disable=not sys.stderr.isatty(), file=sys.stderr)
        try:
            summary = load(entries, ensure_library, dry_run=dry_run, progress=bar.update, force=force, source=file.name)
        except ImportRefused as exc:
            self.refuse(path, str(exc))
        except Exception as exc:
            raise CommandError(f"{path}: import afgebroken, niets opgeslagen: {exc!r}") from exc
        finally:
            bar.close()

        for line, title, warning in summary.warnings:
            self.stdout.write(f"  waarschuwing regel {line} ({title}): {warning}")
        prefix = ""
        if dry_run:
            prefix = "[proefrun, niets opgeslagen] "
            for title in summary.created:
                self.stdout.write(f"  zou aanmaken: {title}")
            for title in summary.updated:
                self.stdout.write(f"  zou bijwerken: {title}")
        kinds = ", ".join(f"{kind}: {n}" for kind, n in sorted(summary.warnings_by_kind().items())) or "geen"
        self.stdout.write(
            self.style.SUCCESS(
                f"{prefix}{len(entries)} projecten gelezen: {len(summary.created)} aangemaakt, "
                f"{len(summary.updated)} bijgewerkt, {summary.unchanged} ongewijzigd. "
                f"Waarschuwingen: {len(summary.warnings)} ({kinds})."
            )
        )
