"""Demo content of the question desk, written by this project: topics, an adviser with routing, answered and
open questions (one past its deadline) and published FAQ entries. Every address uses a reserved domain."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from vacatures import phases

from .models import FaqVraag, Onderwerp, Routering, Status, Vraag
from .roles import ensure_advisers_group
from .workdays import add_working_days

ADVISER_USERNAME = "adviseur"

TOPICS = ["Loopbaan en mobiliteit", "Detacheren en ruilen", "Regelingen en verlof"]

# (topic, name, question, days ago, answer or "", working days until the answer, status)
QUESTIONS = [
    (0, "Mirjam Hoekstra (demo)",
     "Ik werk zes jaar als beleidsmedewerker bij mijn gemeente en wil weten hoe het werk bij een andere "
     "overheidsorganisatie in de regio is. Kan ik eerst een paar dagen meelopen?",
     12, "Ja, dat kan. Deelnemers aan het netwerk spreken meeloopdagen onderling af. Bespreek het eerst met je "
     "leidinggevende; de adviseur zoekt daarna een collega bij een andere deelnemer met hetzelfde vak. Meelopen "
     "telt als werktijd.", 2, Status.BEANTWOORD),
    (1, "Youssef el Amrani (demo)",
     "Blijf ik in dienst van mijn eigen werkgever als ik een half jaar bij een andere gemeente ga werken?",
     9, "Ja. Bij een detachering blijf je in dienst van je eigen werkgever en houd je je eigen salaris en "
     "rechten. De werkgevers maken samen afspraken over de duur en de kosten.", 4, Status.BEANTWOORD),
    (2, "Ingrid Postma (demo)",
     "Mag ik mijn opleidingsbudget gebruiken voor een cursus die past bij een functie buiten mijn organisatie?",
     1, "", 0, Status.IN_BEHANDELING),
    (0, "Hans Kuipers (demo)",
     "Ik ben 61 en zou graag mijn kennis overdragen aan jongere collega's bij een andere deelnemer. Kan dat?",
     8, "", 0, Status.NIEUW),
]

FAQ = [
    (0, "Kan ik een paar dagen meelopen bij een andere deelnemer?",
     "Ja. Bespreek het met je leidinggevende en stel je vraag via dit formulier: de adviseur zoekt een collega "
     "met hetzelfde vak bij een andere deelnemer. Meelopen telt als werktijd."),
    (1, "Blijf ik in dienst van mijn werkgever bij een detachering?",
     "Ja. Je blijft in dienst van je eigen werkgever, met je eigen salaris en rechten. De werkgevers maken samen "
     "afspraken over de duur en de kosten."),
    (2, "Waar vind ik de regelingen voor verlof en opleiding?",
     "In de cao en de regelingen van je eigen werkgever. De adviseur helpt je ze te vergelijken als je een "
     "overstap overweegt."),
]


def load_questions(mark, password):
    """Create the demo desk once; `mark` records each object for verwijder_demo. Returns the number of questions."""
    if Onderwerp.objects.filter(naam=TOPICS[0]).exists():
        return 0
    topics = []
    for order, name in enumerate(TOPICS, start=1):
        topic = Onderwerp.objects.create(naam=name, volgorde=order)
        mark(topic)
        topics.append(topic)
    User = get_user_model()  # noqa: N806 - a model class
    adviser = User.objects.filter(username=ADVISER_USERNAME).first()
    if adviser is None:
        adviser = User.objects.create_user(
            ADVISER_USERNAME, "adviseur@netwerk.example", password, first_name="Anna", last_name="Adviseur",
        )
        mark(adviser)
    adviser.groups.add(ensure_advisers_group())
    for rule in (Routering(onderwerp=topics[0], adviseur=adviser), Routering(adviseur=adviser)):
        rule.save()
        mark(rule)

    now = timezone.now()
    for topic, name, text, days_ago, answer, working_days, status in QUESTIONS:
        received = now - timedelta(days=days_ago)
        answered = None
        if answer:
            day = add_working_days(phases.local_date(received), working_days)
            answered = phases.start_of_day(day) + timedelta(hours=11)
        vraag = Vraag.objects.create(
            onderwerp=topics[topic], naam=name, email=f"{name.split()[0].lower()}@thuis.example", vraag=text,
            ontvangen=received, adviseur=adviser, status=status, antwoord=answer, beantwoord_op=answered,
        )
        mark(vraag)
    for order, (topic, question, answer) in enumerate(FAQ, start=1):
        mark(FaqVraag.objects.create(onderwerp=topics[topic], vraag=question, antwoord=answer, gepubliceerd=True,
                                     volgorde=order))
    return len(QUESTIONS)
