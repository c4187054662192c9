"""manage.py vergelijk_import PATH: compare the imported library with an independent reading of the source."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from projecten.importer.compare import compare, read_source
from projecten.models import ProjectPage


class Command(BaseCommand):
    help = (
        "Vergelijkt de geïmporteerde projecten veld voor veld met een eenvoudige, onafhankelijke lezing "
        "van het bronbestand en toont per veld hoeveel projecten overeenkomen."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Pad naar het tekstbestand dat geïmporteerd is")
        parser.add_argument("--details", action="store_true", help="Toon elk verschil met regelnummer")

    def handle(self, path, details=False, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"{path}: bestand niet gevonden")
        entries = read_source(file.read_text(encoding="utf-8"))
        pages = list(
            ProjectPage.objects.exclude(importsleutel="").order_by("path").select_related("thema")
            .prefetch_related("organisaties__organisatie__leden", "materiaal", "extra_velden")
        )
        results = compare(entries, pages)
        self.stdout.write(f"Veldvergelijking: {len(entries)} projecten in de bron, {len(pages)} geïmporteerd")
        for result in results:
            self.stdout.write(f"  {result.name:<32} {result.agree:>3} van {result.compared:>3} gelijk")
            shown = result.differences if details else result.differences[:3]
            for where in shown:
                self.stdout.write(f"      verschil: {where}")
            if len(result.differences) > len(shown):
                self.stdout.write(f"      … en nog {len(result.differences) - len(shown)} (zie --details)")
        titles = results[0]
        if titles.agree != len(entries) or len(pages) != len(entries):
            raise CommandError("De geïmporteerde projecten komen niet overeen met de bron")
