"""Demo content written by this project: the site, the library and a handful of projects.

Safe to run twice: existing pages and records are kept. The real library is loaded with
`manage.py import_inspiratie PATH` (see README). Everything created here is recorded (home.demo)
and removed again by `manage.py verwijder_demo`. Every address uses a reserved domain
(example.org, *.example): no mail from a demo ever reaches a real organisation.
"""

from datetime import date

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from agenda.demo import load_events
from home.demo import mark_demo
from home.inhoud import ensure_statements
from home.site_setup import (
    ensure_agenda_page,
    ensure_home,
    ensure_klus_index,
    ensure_library,
    ensure_story_index,
    ensure_training_pages,
    ensure_vacancy_pages,
)
from klussen.demo import load_klussen
from opleidingen.demo import load_school
from opleidingen.models import SchoolContactpersoon
from profielen.demo import load_profiles
from projecten.models import ProjectMateriaal, ProjectOrganisatie, ProjectPage
from reacties.demo import load_reactions
from ruilen.demo import load_swaps
from taxonomie.models import Organisatie, Thema
from vacatures.demo import load_twente
from vacatures.models import OrganisatiePage
from vacatures.permissions import ensure_coordinators_group
from verhalen.demo import load_stories
from vragen.demo import load_questions

ADMIN_USERNAME = "beheerder"
ADMIN_PASSWORD = "inbeweging-demo"  # noqa: S105 - stated in the README, demo only
SCHOOL_CONTACT_USERNAME = "school-enschede"  # the Twentse School's contact person of Enschede, same password

DEMO_PROJECTS = [
    {
        "title": "Fietsend naar het werk",
        "slug": "demo-fietsend-naar-het-werk",
        "organisaties": [("Zuiderwold", "drenthe")],
        "thema": "Vitaliteit",
        "looptijd": ("maart 2022 – februari 2023", date(2022, 3, 1), "maand", date(2023, 2, 1), "maand"),
        "samenvatting": (
            "Medewerkers van de gemeente Zuiderwold spaarden een jaar lang kilometers op de fiets. "
            "Wie minstens drie dagen per week fietste, kreeg een gesprek met een leefstijlcoach.\n\n"
            "Het verzuim op de deelnemende afdelingen daalde en de aanpak is met een draaiboek over te nemen."
        ),
        "materiaal": [("eindevaluatie", "Eindevaluatie fietsproject")],
    },
    {
        "title": "Leerbudget voor iedereen",
        "slug": "demo-leerbudget-voor-iedereen",
        "organisaties": [("Noorderhaven", "groningen")],
        "thema": "Leren en ontwikkelen",
        "looptijd": ("1 januari 2024 t/m 31 december 2027", date(2024, 1, 1), "dag", date(2027, 12, 31), "dag"),
        "samenvatting": (
            "Elke medewerker van Noorderhaven krijgt een persoonlijk leerbudget en een uur per week "
            "voor ontwikkeling. Leidinggevenden voeren er het goede gesprek over."
        ),
        "materiaal": [("projectplan", "Projectplan leerbudget")],
    },
    {
        "title": "Loopbaanweek in de regio",
        "slug": "demo-loopbaanweek-in-de-regio",
        "organisaties": [("Samenwerking Oostland", "overijssel")],
        "leden": ["Oostland-Noord", "Oostland-Zuid"],
        "thema": "Loopbaanontwikkeling",
        "looptijd": ("september 2023", date(2023, 9, 1), "maand", date(2023, 9, 1), "maand"),
        "samenvatting": (
            "Een week vol workshops, meeloopdagen en loopbaangesprekken voor medewerkers van twee "
            "gemeenten die samen één werkorganisatie vormen."
        ),
        "materiaal": [("podcast", "Een week meelopen bij de buren")],
    },
    {
        "title": "Team van de toekomst",
        "slug": "demo-team-van-de-toekomst-zuiderwold",
        "organisaties": [("Zuiderwold", "drenthe")],
        "thema": "Samenwerken",
        "looptijd": ("vanaf 2025", date(2025, 1, 1), "jaar", None, ""),
        "samenvatting": "Een team dat zelf zijn werk verdeelt, met begeleiding van een teamcoach.",
        "materiaal": [],
    },
    {
        "title": "Team van de toekomst",
        "slug": "demo-team-van-de-toekomst-noorderhaven",
        "organisaties": [("Noorderhaven", "groningen")],
        "thema": "Samenwerken",
        "looptijd": ("nog te bepalen", None, "", None, ""),
        "samenvatting": "Ook Noorderhaven werkt met zelforganiserende teams, met een eigen aanpak.",
        "materiaal": [("ervaringsverhaal", "Ervaringsverhaal van een teamlid")],
    },
]


class Command(BaseCommand):
    help = "Laadt democontent: startpagina, inspiratiebibliotheek, enkele demoprojecten en een beheerder."

    @transaction.atomic
    def handle(self, *args, **options):
        home = ensure_home()
        ensure_statements(home)
        library = ensure_library()
        created = 0
        for data in DEMO_PROJECTS:
            if ProjectPage.objects.filter(slug=data["slug"]).exists():
                continue
            self.create_project(library, data)
            created += 1
        werkgevers, _ = ensure_vacancy_pages()
        ensure_coordinators_group(werkgevers)
        vacancies = load_twente(werkgevers, mark=mark_demo)
        reactions = load_reactions()
        ensure_klus_index()
        klussen = load_klussen(mark=mark_demo)
        profiles = load_profiles()
        trainings, registrations = load_school(ensure_training_pages(), mark=mark_demo)
        events = load_events(ensure_agenda_page(), mark=mark_demo)
        offers = load_swaps()
        stories = load_stories(ensure_story_index(), mark=mark_demo)
        self.create_admin()
        self.create_school_contact()
        questions = load_questions(mark_demo, ADMIN_PASSWORD)
        self.stdout.write(self.style.SUCCESS(
            f"Democontent geladen: {created} nieuwe projecten, {vacancies} nieuwe vacatures, {reactions} reacties, "
            f"{klussen} nieuwe klussen, "
            f"{profiles} profielen, "
            f"{trainings} nieuwe opleidingen met {registrations} inschrijvingen, "
            f"{events} nieuwe evenementen, "
            f"{questions} vragen aan de adviseur, "
            f"{offers} ruilaanbiedingen, "
            f"{stories} nieuwe ervaringsverhalen."
        ))

    def create_project(self, library, data):
        raw, start, start_p, end, end_p = data["looptijd"]
        thema = self.get_or_create(Thema, naam=data["thema"])
        page = ProjectPage(
            title=data["title"], slug=data["slug"], thema=thema, samenvatting=data["samenvatting"],
            looptijd_tekst=raw, looptijd_start=start, looptijd_start_precisie=start_p,
            looptijd_eind=end, looptijd_eind_precisie=end_p,
            contactpersoon="Team Inspiratie (demo)", contactgegevens="inspiratie@example.org",
        )
        for naam, provincie in data["organisaties"]:
            soort = Organisatie.Soort.SAMENWERKINGSVERBAND if data.get("leden") else Organisatie.Soort.GEMEENTE
            org = self.get_or_create(Organisatie, naam=naam, defaults={"provincie": provincie, "soort": soort})
            for lid in data.get("leden", []):
                org.leden.add(self.get_or_create(Organisatie, naam=lid, defaults={"provincie": provincie}))
            page.organisaties.add(ProjectOrganisatie(organisatie=org))
        for soort, titel in data["materiaal"]:
            page.materiaal.add(ProjectMateriaal(soort=soort, titel=titel))
        library.add_child(instance=page)
        page.save_revision().publish()
        mark_demo(page)

    @staticmethod
    def get_or_create(model, **lookup):
        obj, created = model.objects.get_or_create(**lookup)
        if created:
            mark_demo(obj)
        return obj

    def create_school_contact(self):
        """A contact person of the Twentse School for Gemeente Enschede (sees only Enschede's registrations)."""
        User = get_user_model()
        enschede = OrganisatiePage.objects.filter(title="Gemeente Enschede").first()
        if enschede is None or User.objects.filter(username=SCHOOL_CONTACT_USERNAME).exists():
            return
        user = User.objects.create_user(SCHOOL_CONTACT_USERNAME, "school@enschede.example", ADMIN_PASSWORD)
        mark_demo(user)
        SchoolContactpersoon.objects.create(werkgever=enschede, gebruiker=user)
        self.stdout.write(f"Contactpersoon Twentse School aangemaakt: {SCHOOL_CONTACT_USERNAME} / {ADMIN_PASSWORD}")

    def create_admin(self):
        User = get_user_model()
        if not User.objects.filter(username=ADMIN_USERNAME).exists():
            mark_demo(User.objects.create_superuser(ADMIN_USERNAME, "beheerder@example.org", ADMIN_PASSWORD))
            self.stdout.write(f"Beheerder aangemaakt: {ADMIN_USERNAME} / {ADMIN_PASSWORD}")
