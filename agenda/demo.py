"""Demo events for a fresh `make run`: a themed week with activities, an employees-only afternoon and a past
event with its follow-up text. Written for this project; dates relative to today, so the demo stays current."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from .choices import Doelgroep
from .models import Aanmelding, Activiteit, EvenementPage

NAMES = ["Ilse Brink", "Jeroen Kok", "Lotte Hendriks", "Mehmet Demir", "Nina Vos", "Olaf Peters"]


def at(day, hour, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def next_monday(today, weeks_ahead):
    return today + timedelta(days=(7 - today.weekday()) % 7 + 7 * weeks_ahead)


def load_events(agenda, mark=lambda obj: None):
    """Adds the demo events under `agenda` once (by slug). Returns the number of new events."""
    today = timezone.localdate()
    monday = next_monday(today, 5)
    created = 0

    def add(slug, activities=(), registrations=0, **fields):
        """activities: (fields, number registered) pairs."""
        nonlocal created
        if EvenementPage.objects.filter(slug=slug).exists():
            return
        event = EvenementPage(slug=slug, **fields)
        for sort_order, (values, _) in enumerate(activities):
            event.activiteiten.add(Activiteit(sort_order=sort_order, **values))
        agenda.add_child(instance=event)
        event.save_revision().publish()
        mark(event)
        created += 1
        registered = [(activity, count) for activity, (_, count) in zip(event.activiteiten.all(), activities, strict=True)]
        for activity, count in [(None, registrations), *registered]:
            for name in NAMES[:count]:
                Aanmelding.objects.create(evenement=event, activiteit=activity, naam=name,
                                          email=f"{name.split()[0].lower()}@example.org")

    def activity(title, day, start, end, place, capacity, registered=0, description="", online=False):
        return {"titel": title, "start": at(day, start), "eind": at(day, end), "plaats": place, "online": online,
                "aanmelden": True, "capaciteit": capacity, "omschrijving": description}, registered

    week = [
        activity("Meeloopdag bij een andere gemeente", monday, 9, 17, "Bij de gastgemeente", 12, 3,
                 "Loop een dag mee met iemand in een functie die je nieuwsgierig maakt, bij een andere werkgever."),
        activity("Workshop: wat wil ik hierna?", monday + timedelta(days=1), 13, 16, "Stadskantoor Hengelo", 2, 2,
                 "Een middag over je drijfveren en talenten, met een loopbaanadviseur."),
        activity("Webinar: solliciteren binnen het netwerk", monday + timedelta(days=2), 12, 13, "", None, 0,
                 "Hoe werken interne en ‘onder water’-vacatures, en hoe val je op?", online=True),
        activity("Afsluiting met de wethouders", monday + timedelta(days=4), 16, 18, "Theater, Enschede", 80, 5,
                 "Ervaringen van de week, en wat werkgevers ermee gaan doen."),
    ]
    add(
        "week-van-de-mobiliteit", title="Week van de mobiliteit", start=at(monday, 9),
        eind=at(monday + timedelta(days=4), 18), plaats="Verschillende plaatsen in Twente", online=True,
        organisator="Netwerk In Beweging (demo)", doelgroep=Doelgroep.IEDEREEN,
        samenvatting="Een week lang kijken bij een ander: meelopen, workshops en een webinar over je volgende stap.",
        omschrijving="<p>In de week van de mobiliteit zetten de deelnemende werkgevers hun deuren open. "
        "Meld je per activiteit aan.</p>",
        activities=week,
    )
    add(
        "netwerkmiddag-hr-adviseurs", title="Netwerkmiddag voor hr-adviseurs", start=at(monday + timedelta(days=14), 14),
        eind=at(monday + timedelta(days=14), 17), plaats="Gemeentehuis Almelo", online=False,
        organisator="Werkgroep mobiliteit (demo)", doelgroep=Doelgroep.MEDEWERKERS,
        samenvatting="Hr-adviseurs van de deelnemende werkgevers delen hoe zij interne kandidaten begeleiden.",
        aanmelden=True, capaciteit=40, registrations=4,
    )
    last_year = today - timedelta(days=120)
    add(
        "talentdag-najaar", title="Talentdag", start=at(last_year, 10), eind=at(last_year, 16),
        plaats="Congrescentrum, Enschede", organisator="Netwerk In Beweging (demo)", doelgroep=Doelgroep.IEDEREEN,
        samenvatting="Een dag met workshops over talent, vitaliteit en loopbaan.",
        nabericht="<p>Met 186 deelnemers van 12 werkgevers. De presentaties staan bij de organisator.</p>",
    )
    return created
