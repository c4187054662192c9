"""Demo content for the vacancy exchange: the Twente network with vacancies in every phase.

The 17 participants are the ones the network reported on in 2015; the vacancies are invented, and
every e-mail domain is a reserved one (RFC 2606: `.example`), so no demo mail reaches a real
municipality. Employees sign in with an address such as `iemand@enschede.example`.
"""

from datetime import timedelta
from itertools import cycle

from taxonomie.models import Organisatie, Regio

from . import phases
from .models import Dienstverband, Opleidingsniveau, OrganisatiePage, Publicatieroute, VacaturePage, Vakgebied

TWENTE = [  # (page title, organisation kind, e-mail domain, place)
    ("Gemeente Almelo", "gemeente", "almelo.example", "Almelo"),
    ("Gemeente Borne", "gemeente", "borne.example", "Borne"),
    ("Gemeente Enschede", "gemeente", "enschede.example", "Enschede"),
    ("Gemeentelijk Belastingkantoor Twente", "gemeenschappelijke_regeling", "gbtwente.example", "Hengelo"),
    ("Gemeente Haaksbergen", "gemeente", "haaksbergen.example", "Haaksbergen"),
    ("Gemeente Hellendoorn", "gemeente", "hellendoorn.example", "Nijverdal"),
    ("Gemeente Hengelo", "gemeente", "hengelo.example", "Hengelo"),
    ("Gemeente Hof van Twente", "gemeente", "hofvantwente.example", "Goor"),
    ("Gemeente Losser", "gemeente", "losser.example", "Losser"),
    ("Noaberkracht Dinkelland Tubbergen", "samenwerkingsverband", "noaberkracht.example", "Denekamp"),
    ("Gemeente Oldenzaal", "gemeente", "oldenzaal.example", "Oldenzaal"),
    ("Regio Twente", "gemeenschappelijke_regeling", "regiotwente.example", "Enschede"),
    ("Gemeente Rijssen-Holten", "gemeente", "rijssen-holten.example", "Rijssen"),
    ("Gemeente Twenterand", "gemeente", "twenterand.example", "Vriezenveen"),
    ("Waterschap Vechtstromen", "waterschap", "vechtstromen.example", "Almelo"),
    ("Veiligheidsregio Twente", "veiligheidsregio", "vrtwente.example", "Enschede"),
    ("Gemeente Wierden", "gemeente", "wierden.example", "Wierden"),
]

JOBS = [  # (title, field of work, level, scale, hours min, hours max)
    ("Beleidsadviseur sociaal domein", Vakgebied.SOCIAAL, Opleidingsniveau.HBO, 11, 32, 36),
    ("Medewerker burgerzaken", Vakgebied.DIENSTVERLENING, Opleidingsniveau.MBO, 7, 24, 32),
    ("Informatieadviseur", Vakgebied.ICT, Opleidingsniveau.HBO, 10, 36, 36),
    ("Jurist omgevingsrecht", Vakgebied.JURIDISCH, Opleidingsniveau.WO, 11, 32, 36),
    ("Financieel adviseur", Vakgebied.FINANCIEN, Opleidingsniveau.HBO, 10, 28, 36),
    ("Communicatieadviseur", Vakgebied.COMMUNICATIE, Opleidingsniveau.HBO, 10, 24, 32),
    ("Opzichter openbare ruimte", Vakgebied.TECHNIEK, Opleidingsniveau.MBO, 8, 36, 40),
    ("HR-adviseur", Vakgebied.HR, Opleidingsniveau.HBO, 10, 20, 28),
    ("Teamleider publiekszaken", Vakgebied.BESTUUR, Opleidingsniveau.HBO, 12, 36, 36),
    ("Stagiair beleid", Vakgebied.BELEID, Opleidingsniveau.HBO, None, 12, 16),
    ("Adviseur crisisbeheersing", Vakgebied.VEILIGHEID, Opleidingsniveau.HBO, 11, 36, 36),
    ("Consulent werk en inkomen", Vakgebied.SOCIAAL, Opleidingsniveau.MBO, 8, 32, 36),
]

# (days since publication, closing in days, route): together they give every phase.
SCHEDULES = [
    (30, 10, Publicatieroute.STANDAARD),        # openbaar
    (3, 25, Publicatieroute.STANDAARD),         # intern
    (12, 20, Publicatieroute.STANDAARD),        # netwerk (onder water)
    (2, 26, Publicatieroute.DIRECT_OPENBAAR),   # openbaar from day one
    (40, -5, Publicatieroute.STANDAARD),        # closed after being public
    (10, 18, Publicatieroute.NIET_OPENBAAR),    # never public
    (-3, 28, Publicatieroute.STANDAARD),        # planned
]

SALARY = {7: (2600, 3700), 8: (2800, 4000), 10: (3400, 4900), 11: (3900, 5500), 12: (4300, 6100)}


def load_twente(werkgevers_index, mark=lambda obj: None):
    """Create the 17 employers and their demo vacancies; returns the number of new vacancies.

    `mark` is called with every region, organisation, employer page and vacancy this creates (not with what
    existed before), so the caller can record the demo content.
    """
    regio, new = Regio.objects.get_or_create(naam="Twente")
    if new:
        mark(regio)
    today = phases.local_date()
    jobs, types, schedules = cycle(JOBS), cycle(Dienstverband.values), cycle(SCHEDULES)
    created = 0
    for number, (title, kind, domain, place) in enumerate(TWENTE, start=1):
        naam = title.removeprefix("Gemeente ")
        organisatie, new = Organisatie.objects.get_or_create(
            naam=naam, defaults={"soort": kind, "provincie": Organisatie.Provincie.OVERIJSSEL},
        )
        if new:
            mark(organisatie)
        employer = OrganisatiePage.objects.filter(organisatie=organisatie).first()
        if employer is None:
            employer = werkgevers_index.add_child(instance=OrganisatiePage(
                title=title, organisatie=organisatie, regio=regio, email_domeinen=domain,
                standaard_plaats=place, intro=f"<p>{title} deelt zijn vacatures in het netwerk Twente.</p>",
            ))
            employer.save_revision().publish()
            mark(employer)
        if employer.get_children().exists():
            continue
        for index in range(4 if number % 3 else 5):
            job_title, vakgebied, niveau, schaal, uren_min, uren_max = next(jobs)
            since, closing, route = next(schedules)
            lowest, highest = SALARY.get(schaal, (None, None))
            vacancy = VacaturePage(
                title=job_title, slug=f"{job_title.lower().replace(' ', '-')}-{number}-{index}",
                dienstverband=next(types), vakgebied=vakgebied, opleidingsniveau=niveau,
                salarisschaal=schaal, salaris_min=lowest, salaris_max=highest,
                uren_min=uren_min, uren_max=uren_max, werkplaats=place,
                vacaturenummer=f"TW-{number:02d}{index:02d}", publicatieroute=route,
                publicatiedatum=today - timedelta(days=since), sluitingsdatum=today + timedelta(days=closing),
                contactpersoon="Team Werving (demo)", contact_email=f"werving@{domain}",
                reageer_email=f"vacatures@{domain}",
                omschrijving=(
                    f"<p>{title} zoekt een {job_title.lower()}. Je werkt in een team dat dicht bij de inwoners "
                    "staat en samenwerkt met de andere Twentse overheden.</p>"
                    "<h2>Wat we vragen</h2><ul><li>Relevante opleiding en ervaring</li>"
                    "<li>Plezier in samenwerken</li></ul>"
                ),
            )
            vacancy.fill_phase_dates_for(employer)
            employer.add_child(instance=vacancy)
            vacancy.save_revision().publish()
            mark(vacancy)  # also under an employer that existed before
            created += 1
    return created
