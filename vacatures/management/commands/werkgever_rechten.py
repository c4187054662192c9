"""Create (or repair) the editors' group of every employer and the coordinators' group."""

from django.core.management.base import BaseCommand

from vacatures.models import OrganisatiePage, WerkgeversIndexPage
from vacatures.permissions import ensure_coordinators_group, ensure_employer_group


class Command(BaseCommand):
    help = "Maakt per werkgever de groep vacatureredacteuren met paginarechten aan, en de netwerkcoördinatoren."

    def handle(self, *args, **options):
        for employer in OrganisatiePage.objects.all():
            group = ensure_employer_group(employer)
            self.stdout.write(f"{employer.title}: {group.name}")
        index = WerkgeversIndexPage.objects.first()
        if index:
            self.stdout.write(f"Coördinatoren: {ensure_coordinators_group(index).name}")
