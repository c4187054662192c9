"""Demo klussen under the Twente employers of vacatures/demo.py, in every state: open (with and without
remote work or the manager's agreement), past the closing date without an outcome, and closed as ingevuld
(by an employee of the own and of another employer), niet ingevuld and ingetrokken. Invented by this project."""

from datetime import timedelta

from vacatures import phases
from vacatures.models import OrganisatiePage

from .models import KlusPage

# (slug, title, employer, filled by, field, hours, weeks, remote, manager, closes in, closed days ago, outcome)
KLUSSEN = [
    ("demo-klus-inwonerspanel", "Inwonerspanel opzetten", "Enschede", None, "communicatie", 8, 12, True, True,
     21, None, ""),
    ("demo-klus-datadashboard", "Dashboard voor de wijkteams", "Hengelo", None, "ict", 16, 8, True, False,
     14, None, ""),
    ("demo-klus-verkiezingen", "Extra handen bij de verkiezingen", "Almelo", None, "dienstverlening", 24, 3, False,
     True, 9, None, ""),
    ("demo-klus-archief", "Archief op orde voor de overdracht", "Oldenzaal", None, "juridisch", 12, 26, False, True,
     30, None, ""),
    ("demo-klus-subsidieregeling", "Evaluatie van een subsidieregeling", "Borne", None, "beleid", 8, 6, True, True,
     -4, None, ""),
    ("demo-klus-aanbesteding", "Meeschrijven aan een aanbesteding", "Losser", "Gemeente Wierden", "financien", 16, 10,
     False, True, 10, 3, "ingevuld"),
    ("demo-klus-onboarding", "Inwerkprogramma vernieuwen", "Wierden", "Gemeente Wierden", "hr", 8, 8, True, False,
     12, 5, "ingevuld"),
    ("demo-klus-bomenkaart", "Bomenkaart bijwerken", "Haaksbergen", None, "techniek", 20, 4, False, True,
     -2, 6, "niet_ingevuld"),
    ("demo-klus-oefening", "Draaiboek voor een crisisoefening", "Regio Twente", None, "veiligheid", 12, 6, False, True,
     15, 1, "ingetrokken"),
]


def load_klussen(mark=lambda obj: None):
    """Create the demo klussen under their employers (skipped when an employer is missing or the klus exists);
    returns the number created. `mark` is called with every klus created."""
    today = phases.local_date()
    employers = {page.organisatie.naam: page for page in OrganisatiePage.objects.select_related("organisatie")}
    titles = {page.title: page for page in employers.values()}
    created = 0
    for slug, title, owner, filled_by, field, hours, weeks, remote, manager, closes_in, closed_ago, outcome in KLUSSEN:
        employer = employers.get(owner)
        if employer is None or KlusPage.objects.filter(slug=slug).exists():
            continue
        klus = KlusPage(
            title=title, slug=slug, vakgebied=field, uren_per_week=hours, duur_weken=weeks, op_afstand=remote,
            akkoord_leidinggevende=manager, startdatum=today + timedelta(days=closes_in + 14),
            sluitingsdatum=today + timedelta(days=closes_in), plaats=employer.standaard_plaats or owner,
            contactpersoon="Team Mobiliteit (demo)",
            contact_email=f"klussen@{employer.domain_list[0]}" if employer.domain_list else "klussen@example.org",
            omschrijving=(
                f"<p>{employer.title} zoekt voor {weeks} weken een collega van een andere deelnemende organisatie "
                f"die {hours} uur per week meedenkt en meewerkt. Je houdt je eigen baan en werkgever.</p>"
            ),
            vaardigheden="Zelfstandig werken\nGoed kunnen samenwerken",
            afgesloten_op=today - timedelta(days=closed_ago) if closed_ago is not None else None,
            uitkomst=outcome,
            ingevuld_door=titles.get(filled_by) if filled_by else None,
        )
        if outcome == "ingevuld" and klus.ingevuld_door is None:
            klus.ingevuld_door = employer
        employer.add_child(instance=klus)
        klus.save_revision().publish()
        mark(klus)
        created += 1
    return created
