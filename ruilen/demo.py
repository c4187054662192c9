"""Demo offers for Jouw Baan Mijn Baan, written for this project: employees of the Twente demo employers
(vacatures/demo.py) who offer their job. Together they make one pair (Enschede–Hengelo), one ring of three
(Almelo → Oldenzaal → Borne → Almelo) and one offer without a match. Names are invented; addresses use the
demo employers' reserved domains (`.example`). The demo's swaps are marked as announced, so no run mails them.
"""

from datetime import date

from django.utils import timezone

from medewerkers.models import Medewerker, employer_for_email
from vacatures import phases

from .matching import add_months
from .models import Aanbodtelling, Ruil, Ruilaanbod
from .service import store_matches

OFFERS = [  # (address, name, job, field, scale, hours, place, months, wished fields, wished places, text)
    ("s.demo@enschede.example", "Sanne Demo", "HR-adviseur", "hr", 10, 32, "Enschede", 3, ["beleid"],
     "Hengelo, Almelo", "Ik adviseer leidinggevenden over verzuim en wil graag zien hoe beleid ontstaat."),
    ("h.demo@hengelo.example", "Hamid Demo", "Beleidsadviseur arbeidsmarkt", "beleid", 10, 36, "Hengelo", 4, ["hr"],
     "Twente", "Na zes jaar beleid wil ik de uitvoering in: een tijd als HR-adviseur."),
    ("a.demo@almelo.example", "Anouk Demo", "Informatieadviseur", "ict", 10, 36, "Almelo", 3, ["juridisch"],
     "", "Ik ken de informatiewetten van binnenuit en wil ze eens als jurist toepassen."),
    ("o.demo@oldenzaal.example", "Okke Demo", "Financieel adviseur", "financien", 9, 36, "Oldenzaal", 3, ["ict"],
     "Twente", "Ik werk graag met data en wil ervaren hoe een informatieteam werkt."),
    ("b.demo@borne.example", "Bente Demo", "Jurist bezwaar en beroep", "juridisch", 10, 32, "Borne", 3, ["financien"],
     "", "Van bezwaarschriften naar begrotingen: drie maanden financiën lijkt me leerzaam."),
    ("l.demo@losser.example", "Lars Demo", "Communicatieadviseur", "communicatie", 9, 28, "Losser", 2, ["techniek"],
     "Enschede", "Ik wil graag eens met de buitendienst mee."),
]


def demo_start(today):
    """The first day of the month after next: a period that lies ahead whenever the demo is loaded."""
    return add_months(date(today.year, today.month, 1), 2)


def load_swaps():
    """Create the demo offers (once) and store their matches; returns the number of new offers."""
    today = phases.local_date()
    start = demo_start(today)
    created = 0
    for email, naam, functie, vakgebied, schaal, uren, plaats, maanden, wens, plaatsen, tekst in OFFERS:
        employer = employer_for_email(email)
        if employer is None:
            continue
        medewerker, _ = Medewerker.objects.get_or_create(email=email, defaults={"werkgever": employer})
        if Ruilaanbod.objects.filter(medewerker=medewerker).exists():
            continue
        Ruilaanbod.objects.create(
            medewerker=medewerker, werkgever=employer, naam=naam, functie=functie, vakgebied=vakgebied, schaal=schaal,
            uren=uren, plaats=plaats, vroegste_start=start, maanden=maanden, wens_vakgebieden=wens,
            wens_plaatsen=plaatsen, toelichting=tekst,
        )
        Aanbodtelling.objects.create(werkgever=employer, aangeboden_op=today)
        created += 1
    store_matches()
    Ruil.objects.filter(gemeld__isnull=True, deelnames__aanbod__medewerker__email__in=[o[0] for o in OFFERS]).update(
        gemeld=timezone.now())
    return created
