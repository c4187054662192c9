"""Demo employees with mobility profiles (invented people, reserved `.example` addresses), so the HR search,
the invitation and ‘Past bij jouw profiel’ can be tried at once: sign in as one of them (for example
`profiel.ahmed@enschede.example`) or search as an editor of another employer."""

from datetime import timedelta

from django.utils import timezone

from medewerkers.models import Medewerker
from taxonomie.models import Regio
from vacatures.models import OrganisatiePage

from .models import Profiel, Vaardigheid

# (address, name, job title, field, scale, hours, skills, text, visible, also for own employer)
PROFILES = [
    ("profiel.ahmed@enschede.example", "Ahmed Demir", "Beleidsadviseur wonen", "beleid", 11, 36,
     ["woningbouw", "projectleiding", "participatie"],
     "Ik werk al acht jaar aan woonbeleid en zoek een nieuwe uitdaging in een kleinere gemeente.", True, False),
    ("profiel.linda@hengelo.example", "Linda Kuipers", "Medewerker burgerzaken", "dienstverlening", 7, 28,
     ["klantcontact", "reisdocumenten"], "Graag meer afwisseling; ook open voor een tijdelijke klus.", True, True),
    ("profiel.sven@almelo.example", "Sven Hofman", "Informatieadviseur", "ict", 10, 36,
     ["informatiebeheer", "Power BI", "projectleiding"], "Ik verbind ICT en de organisatie.", True, False),
    ("profiel.noor@oldenzaal.example", "Noor Bakker", "Jurist omgevingsrecht", "juridisch", 11, 32,
     ["Omgevingswet", "bezwaar en beroep"], "Op zoek naar een detachering van een half jaar.", True, False),
    ("profiel.tim@borne.example", "Tim Janssen", "Financieel adviseur", "financien", 9, 36,
     ["begroting", "Excel"], "Nog aan het verkennen: mijn profiel staat (nog) uit.", False, False),
]


DEMO_EMAILS = [row[0] for row in PROFILES]


def load_profiles():
    """Create the demo employees and their profiles (once); returns the number of new profiles."""
    made = 0
    twente = Regio.objects.filter(naam="Twente").first()
    for email, naam, functie, vakgebied, schaal, uren, skills, tekst, zichtbaar, eigen in PROFILES:
        domain = email.rsplit("@", 1)[1]
        werkgever = OrganisatiePage.objects.filter(email_domeinen__icontains=domain).first()
        if werkgever is None or Medewerker.objects.filter(email=email).exists():
            continue
        medewerker = Medewerker.objects.create(email=email, werkgever=werkgever, laatst_ingelogd=timezone.now())
        profiel = Profiel.objects.create(
            medewerker=medewerker, naam=naam, functie=functie, vakgebied=vakgebied, salarisschaal=schaal, uren=uren,
            plaatsen=werkgever.standaard_plaats, open_klus=made % 2 == 1, open_detachering=made % 3 == 0,
            beschikbaar_vanaf=timezone.localdate() + timedelta(days=30 * made) if made else None,
            tekst=tekst, zichtbaar=zichtbaar, zichtbaar_eigen_werkgever=eigen,
        )
        if twente:
            profiel.regios.add(twente)
        profiel.vaardigheden.set(Vaardigheid.from_names(skills))
        made += 1
    return made


def remove_profiles():
    """The demo employees and their profiles (each profile with its CV file, if one was added meanwhile)."""
    for profiel in Profiel.objects.filter(medewerker__email__in=DEMO_EMAILS):
        profiel.delete()
    return Medewerker.objects.filter(email__in=DEMO_EMAILS).delete()[0]
