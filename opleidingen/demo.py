"""Demo content for the Twentse School: a catalogue with sessions (some full, some with a waiting list, some
past), this year's targets for the participating employers and registrations of demo employees.

Written by this project; every address is on a reserved domain (`.example`). Registrations are stored
directly (no mail goes out). Safe to run twice: a training that exists is kept as it is.
"""

from datetime import timedelta
from decimal import Decimal
from itertools import cycle

from django.utils import timezone

from medewerkers.models import Medewerker
from taxonomie.models import Thema
from vacatures.models import OrganisatiePage

from .choices import Status, Vorm
from .models import Doelstelling, Inschrijving, Jaarpercentage, OpleidingPage, Sessie

PERCENTAGE = Decimal("4.0")  # of the fte, this year

# (title, theme, format, provider, cost, text, sessions: (days from today, place or "" online, capacity, registrations))
TRAININGS = [
    ("Regie op je loopbaan", "Loopbaanontwikkeling", Vorm.KLASSIKAAL, "Loopbaanhuis Oost (demo)", 0,
     "Twee dagdelen over wat je drijft, wat je kunt en waar je naartoe wilt, met een eigen ontwikkelplan als "
     "resultaat.", [(-45, "Hengelo", 12, 12), (21, "Hengelo", 12, 7), (63, "Almelo", 12, 2)]),
    ("Helder schrijven voor inwoners", "Leren en ontwikkelen", Vorm.BLENDED, "Taalwerkplaats (demo)", 125,
     "Brieven en webteksten die inwoners in één keer begrijpen: een online module en een schrijfdag met "
     "teksten uit je eigen werk.", [(10, "Enschede", 8, 11), (52, "Enschede", 8, 3)]),
    ("Omgaan met agressie aan de balie", "Vitaliteit", Vorm.KLASSIKAAL, "Trainingsbureau Veilig Werk (demo)", 90,
     "Herkennen, de-escaleren en nazorg, geoefend met een trainingsacteur.",
     [(-30, "Almelo", 10, 9), (30, "Almelo", 10, 10)]),
    ("Projectmatig werken", "Samenwerken", Vorm.ONLINE, "Academie Publiek (demo)", 0,
     "Vier online bijeenkomsten over opdrachten formuleren, plannen en afronden.", [(14, "", 20, 6), (45, "", 20, 0)]),
    ("Vitaal aan het werk", "Vitaliteit", Vorm.KLASSIKAAL, "Beweegcoach Twente (demo)", 0,
     "Een middag over energie, slaap en bewegen, met een persoonlijk actieplan.", [(-12, "Nijverdal", 15, 14)]),
    ("Excel voor beleidsmedewerkers", "Leren en ontwikkelen", Vorm.ONLINE, "Academie Publiek (demo)", 60,
     "Draaitabellen en grafieken met cijfers uit de eigen organisatie.", [(2, "", 16, 9), (35, "", 16, 4)]),
    ("Feedback geven en ontvangen", "Samenwerken", Vorm.KLASSIKAAL, "Loopbaanhuis Oost (demo)", 0,
     "Oefenen met feedback in je team, in kleine groepen.", [(25, "Oldenzaal", 10, 10), (80, "Rijssen", 10, 1)]),
    ("Samenwerken in de regio", "Samenwerken", Vorm.BLENDED, "Twentse School (demo)", 0,
     "Hoe werk je samen met collega's van andere Twentse overheden? Met een meeloopdag bij een andere deelnemer.",
     [(75, "Enschede", 20, 5)]),
]

FTE = [420, 95, 1350, 60, 110, 150, 620, 160, 130, 240, 140, 300, 170, 160, 520, 380, 110]
FIRST = ["Anouk", "Bram", "Carla", "Daan", "Esra", "Freek", "Gerda", "Hamza", "Ilse", "Joost", "Karin", "Lars",
         "Mirjam", "Niels", "Olga", "Pieter", "Rianne", "Sven", "Tamara", "Wouter"]
LAST = ["Bosch", "Kamphuis", "Nijhuis", "Oude Egbrink", "Ter Haar", "Wolters", "Brinkman", "Lansink"]


def load_school(index, mark=lambda obj: None):
    """Trainings under `index`, targets and registrations; returns (new trainings, new registrations)."""
    employers = list(OrganisatiePage.objects.live().exclude(email_domeinen="").order_by("title"))
    year = timezone.localdate().year
    Jaarpercentage.objects.get_or_create(jaar=year, defaults={"percentage": PERCENTAGE})
    for number, (employer, fte) in enumerate(zip(employers, cycle(FTE), strict=False)):
        # Most targets follow from the fte; for a few the coordinator entered the number agreed.
        defaults = {"fte": Decimal(fte)} if number % 4 else {"aantal": max(3, fte // 30)}
        Doelstelling.objects.get_or_create(jaar=year, werkgever=employer, defaults=defaults)
    if not employers:
        return 0, 0
    people = cycle(range(len(FIRST) * len(LAST)))
    employer_cycle = cycle(employers)
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    trainings = registrations = 0
    for title, theme, vorm, provider, cost, text, sessions in TRAININGS:
        if OpleidingPage.objects.filter(title=title).exists():
            continue
        thema, new = Thema.objects.get_or_create(naam=theme)
        if new:
            mark(thema)
        page = OpleidingPage(
            title=title, thema=thema, vorm=vorm, aanbieder=provider, kosten=cost or None,
            omschrijving=f"<p>{text}</p><p>Voor medewerkers van alle deelnemende werkgevers in Twente.</p>",
        )
        for days, place, capacity, _ in sessions:
            start = (now + timedelta(days=days)).replace(hour=9)
            page.sessies.add(Sessie(
                start=start, einde=start + timedelta(hours=4), online=not place, plaats=place,
                adres="Opleidingscentrum (demo)" if place else "", capaciteit=capacity,
                inschrijven_tot=start - timedelta(days=3),
            ))
        index.add_child(instance=page)
        page.save_revision().publish()
        mark(page)
        trainings += 1
        for sessie, (_, _, capacity, count) in zip(page.sessies.order_by("start"), sorted(sessions), strict=True):
            for n in range(count):
                person = next(people)
                employer = next(employer_cycle)
                naam = f"{FIRST[person % len(FIRST)]} {LAST[person // len(FIRST) % len(LAST)]}"
                email = f"{naam.lower().replace(' ', '.')}@{employer.domain_list[0]}"
                medewerker, _ = Medewerker.objects.get_or_create(email=email, defaults={"werkgever": employer})
                status = Status.INGESCHREVEN if n < capacity else Status.WACHTLIJST
                if n % 7 == 6 and status == Status.INGESCHREVEN and count < capacity:
                    status = Status.GEANNULEERD
                when = sessie.start - timedelta(days=20 - n % 10)
                Inschrijving.objects.get_or_create(
                    medewerker=medewerker, sessie=sessie,
                    defaults={"werkgever": medewerker.werkgever, "naam": naam, "status": status, "aangemaakt": when,
                              "gewijzigd": when},
                )
                registrations += 1
    return trainings, registrations
