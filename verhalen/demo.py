"""Demo stories, written for this project (names invented): five stories under /verhalen/, linked to the demo's
vacancies, klussen, trainings, a library project and a swap, to show each part of the visibility rule
(`visibility.py`):

- a story with a public vacancy and a training: public, both links shown;
- a team's story only about an open klus: only signed-in employees see it;
- a story about the demo's pair swap and a training: public; the swap link shows once the employers agree;
- a team's story about a library project;
- a story about a vacancy ‘onder water’ and a training: public, the vacancy link only for employees.
"""

from datetime import timedelta

from klussen.models import KlusPage
from opleidingen.models import OpleidingPage
from projecten.models import ProjectPage
from ruilen.models import Ruil
from vacatures import phases
from vacatures.models import OrganisatiePage, VacaturePage

from .choices import Soort
from .models import VerhaalKoppeling, VerhaalPage


def _vacancy(phase, title):
    """A live vacancy in `phase` today: one called `title` if there is one, else the first by title (or None)."""
    found = [v for v in VacaturePage.objects.live().order_by("title", "pk") if v.fase == phase]
    return next((v for v in found if v.title == title), found[0] if found else None)


def _training(title):
    return OpleidingPage.objects.live().filter(title=title).first()


def _pair_swap():
    return Ruil.objects.filter(soort="paar", deelnames__aanbod__medewerker__email="s.demo@enschede.example").first()


def stories(today):
    """(slug, fields, employer titles, targets) of the demo stories; targets are pages or swaps (None skipped)."""
    return [
        ("demo-van-de-balie-naar-beleid", dict(
            title="Van de balie naar beleid", soort=Soort.PERSOON, datum=today - timedelta(days=12),
            intro="Na negen jaar burgerzaken wilde Yara weten of beleid iets voor haar was. Een loopbaantraining "
                  "en een openbare vacature bij de buurgemeente gaven het antwoord.",
            body="<p>Aan de balie hoorde Yara elke dag waar regels knellen. ‘Ik wilde aan de andere kant van de "
                 "tafel zitten, waar die regels worden gemaakt.’</p><h2>Eerst uitzoeken wat ik wil</h2><p>In de "
                 "training leerde ze haar drijfveren op papier zetten. Met dat papier ging ze het gesprek aan met "
                 "haar leidinggevende, en daarna solliciteerde ze.</p><p>Haar tip: lees vacatures van andere "
                 "deelnemers, ook als je nog niet weg wilt. Je ziet wat er gevraagd wordt en wat je al kunt.</p>",
            citaat="Ik kende de regels van de klantkant; nu help ik ze schrijven.", citaat_van="Yara, beleidsmedewerker",
        ), ["Gemeente Enschede", "Gemeente Hengelo"],
            [_vacancy(phases.OPENBAAR, "Beleidsadviseur sociaal domein"), _training("Regie op je loopbaan")]),
        ("demo-een-dashboard-voor-de-wijkteams", dict(
            title="Een dashboard voor de wijkteams", soort=Soort.TEAM, datum=today - timedelta(days=9),
            intro="Het team informatievoorziening haalde voor acht weken een collega van een andere gemeente binnen "
                  "om een dashboard te bouwen.",
            body="<p>De wijkteams werkten met losse lijstjes. Met een klus van acht weken kwam er een collega die "
                 "zulke dashboards al eens had gebouwd.</p><p>Het team leerde er zelf veel van: de collega werkte "
                 "mee in de sprints en liet een handleiding achter.</p>",
            citaat="Acht weken was precies lang genoeg om het samen af te maken.",
            citaat_van="Het team informatievoorziening",
        ), ["Gemeente Hengelo"],
            [KlusPage.objects.filter(slug="demo-klus-datadashboard").first()]),
        ("demo-drie-maanden-op-een-andere-stoel", dict(
            title="Drie maanden op een andere stoel", soort=Soort.PERSOON, datum=today - timedelta(days=6),
            intro="Een HR-adviseur en een beleidsadviseur ruilden via Jouw Baan Mijn Baan hun baan. Sanne vertelt "
                  "hoe de eerste weken gingen.",
            body="<p>‘Ruilen klonk spannend, maar mijn eigen baan bleef gewoon van mij.’ Sanne werkt tijdelijk aan "
                 "beleid, haar ruilpartner neemt haar adviesgesprekken over.</p><p>Beide werkgevers gaven akkoord "
                 "en spraken af wat er na drie maanden gebeurt: een terugkomgesprek, met wat ze allebei "
                 "meenemen.</p>",
            citaat="Ik zie nu waarom beleid soms anders uitpakt dan bedoeld.", citaat_van="Sanne, HR-adviseur",
        ), ["Gemeente Enschede", "Gemeente Hengelo"],
            [_pair_swap(), _training("Samenwerken in de regio")]),
        ("demo-een-week-meelopen-in-de-regio", dict(
            title="Een week meelopen in de regio", soort=Soort.TEAM, datum=today - timedelta(days=3),
            intro="Een team van Borne las in de bibliotheek over een loopbaanweek en organiseerde er zelf een, met "
                  "Almelo.",
            body="<p>Het idee kwam uit de inspiratiebibliotheek: een week met meeloopdagen en loopbaangesprekken. "
                 "Het team nam het draaiboek over en maakte het kleiner.</p><p>Twaalf collega's liepen een dag mee "
                 "bij de buren; drie van hen volgen nu een opleiding.</p>",
            citaat="We hoefden het wiel niet uit te vinden.", citaat_van="Het P&O-team",
        ), ["Gemeente Borne", "Gemeente Almelo"],
            [ProjectPage.objects.live().filter(slug="demo-loopbaanweek-in-de-regio").first()]),
        ("demo-onder-water-naar-een-nieuwe-baan", dict(
            title="Onder water naar een nieuwe baan", soort=Soort.PERSOON, datum=today - timedelta(days=1),
            intro="Tom zag een vacature die nog niet openbaar was en solliciteerde als eerste. Met een schrijftraining "
                  "op zak.",
            body="<p>Vacatures staan in het netwerk eerst alleen open voor medewerkers van de deelnemers. ‘Daardoor "
                 "was ik er vroeg bij.’</p><p>Zijn brief schreef hij na de training helder schrijven: korter, en "
                 "met een voorbeeld uit zijn werk.</p>",
            citaat="Het voelde niet als weggaan, maar als doorgroeien in dezelfde regio.", citaat_van="Tom, adviseur",
        ), ["Gemeente Almelo"],
            [_vacancy(phases.NETWERK, "Informatieadviseur"), _training("Helder schrijven voor inwoners")]),
    ]


def load_stories(index, mark=lambda obj: None):
    """Create the demo stories under `index` once (by slug); returns the number created."""
    today = phases.local_date()
    employers = {page.title: page for page in OrganisatiePage.objects.all()}
    created = 0
    for slug, fields, employer_titles, targets in stories(today):
        if VerhaalPage.objects.filter(slug=slug).exists():
            continue
        story = VerhaalPage(slug=slug, **fields)
        for order, target in enumerate(t for t in targets if t is not None):
            if isinstance(target, Ruil):
                story.koppelingen.add(VerhaalKoppeling(sort_order=order, ruil=target))
            else:
                story.koppelingen.add(VerhaalKoppeling(sort_order=order, pagina=target))
        story.werkgevers = [employers[t] for t in employer_titles if t in employers]
        index.add_child(instance=story)
        story.save_revision().publish()
        mark(story)
        created += 1
    return created
