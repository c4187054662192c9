"""The accessibility and privacy statements that `load_demo` puts on a new site (text written by this
project; editors keep them current in Wagtail under Home)."""

from datetime import date

from home.models import InhoudPage

TOEGANKELIJKHEID = """
<h2>Onze ambitie</h2>
<p>We willen dat iedereen In Beweging kan gebruiken: met toetsenbord, schermlezer, vergroting of spraakbesturing.
De site volgt de eisen van het Besluit digitale toegankelijkheid overheid: de Web Content Accessibility
Guidelines (WCAG) 2.1 op niveau A en AA, zoals opgenomen in de Europese norm EN 301 549.</p>
<h2>Hoe we dit bewaken</h2>
<ul>
<li>De pagina's zijn gebouwd met de componenten van het NL Design System.</li>
<li>Bij elke wijziging controleert een automatische test de belangrijkste pagina's met axe-core op de WCAG-regels.</li>
<li>Redacteuren krijgen in het beheer hulp bij kopjes, alternatieve teksten en linkteksten.</li>
</ul>
<h2>Wat nog niet goed gaat</h2>
<p>Een volledig onderzoek door een onafhankelijke deskundige is nog niet gedaan. Tot die tijd is de status
‘voldoet gedeeltelijk’. Pdf-bestanden die organisaties bij hun project aanleveren, zoals evaluatierapporten,
zijn niet altijd toegankelijk; vraag gerust om een andere vorm.</p>
<h2>Loop je ergens tegenaan?</h2>
<p>Laat het ons weten via het e-mailadres onderaan elke pagina. Je krijgt binnen vijf werkdagen antwoord.
Ben je niet tevreden over hoe we je melding behandelen, dan kun je terecht bij de Nationale ombudsman.</p>
"""

PRIVACY = """
<h2>Wie is verantwoordelijk</h2>
<p>In Beweging wordt beheerd door het regionale netwerk van publieke werkgevers dat deze site aanbiedt. Vacatures
en reacties zijn van de werkgever die de vacature plaatst; die werkgever is verantwoordelijk voor wat er met een
reactie gebeurt.</p>
<h2>Wat we bewaren</h2>
<ul>
<li><strong>Bezoekers</strong>: geen IP-adressen, geen volgcookies, geen zoekvragen per persoon. We tellen
weergaven per vacature per dag, zonder te weten wie keek. Zoekwoorden tellen we per dag, zonder te weten wie zocht.</li>
<li><strong>Medewerkers die inloggen</strong>: je e-mailadres, je werkgever en het moment van je laatste inlog.
De inloglink bewaren we alleen als versleutelde controlewaarde; hij werkt 30 minuten en één keer. Je sessie
duurt hoogstens 30 dagen.</li>
<li><strong>Reacties op een vacature</strong>: je naam, e-mailadres, telefoonnummer (als je dat invult), je
motivatie en je cv. Alleen de redacteuren van de werkgever die de vacature plaatste kunnen ze inzien.</li>
<li><strong>Vacaturealerts</strong>: je e-mailadres, je zoekopdracht, hoe vaak je mail wilt, wanneer je de
alert aanmaakte, bevestigde en voor het laatst wijzigde, en welke vacatures we je al stuurden. De links in de
mails bewaren we alleen als versleutelde controlewaarde. We houden niet bij of je een mail opent of op een link
klikt.</li>
<li><strong>Je mobiliteitsprofiel</strong> (als je er een maakt): je naam, functie, vakgebied, schaal, uren,
regio's, waarvoor je openstaat, vanaf wanneer, vaardigheden, een korte tekst en eventueel je cv. Je profiel staat
standaard uit. Zet je het aan, dan zien HR-medewerkers van andere deelnemende werkgevers een anonieme kaart, zonder
naam, e-mailadres, werkgever of cv; je eigen werkgever alleen als je dat apart aanzet. Pas als je een uitnodiging
accepteert, ziet die ene werkgever je naam, e-mailadres en cv. We tellen per werkgever hoe vaak je kaart getoond
en geopend is, en we leggen vast welke HR-medewerker zocht, een kaart bekeek of uitnodigde.</li>
<li><strong>Vragen aan de adviseur</strong>: je naam, e-mailadres, werkgever (als je die invult of ingelogd
bent), het onderwerp, je vraag en ons antwoord. Alleen de adviseurs en coördinatoren van het netwerk kunnen ze
inzien. De link in de e-mail bewaren we alleen als versleutelde controlewaarde.</li>
<li><strong>Technische logboeken</strong>: foutmeldingen en verzoeken, zonder e-mailadressen, inloglinks of
IP-adressen, om storingen op te lossen.</li>
</ul>
<h2>Hoe lang</h2>
<ul>
<li>Een reactie met cv verwijderen we automatisch vier weken nadat de vacature is vervuld of gesloten.</li>
<li>Gaf je toestemming om je reactie langer te bewaren, dan verwijderen we haar na een jaar.</li>
<li>Een vacaturealert die je niet binnen 7 dagen bevestigt, verwijderen we met je adres. Een alert die je
12 maanden niet wijzigt of bewaart, krijgt één mail met de vraag of hij mag blijven; zonder antwoord binnen 30
dagen verwijderen we hem. Stop je een alert, dan verwijderen we hem en je adres meteen.</li>
<li>Log je 6 maanden niet in, dan zetten we je profiel uit; 4 weken en 1 week van tevoren krijg je een e-mail.
Na 12 maanden zonder inloggen verwijderen we je profiel en je cv. Je kunt je profiel en cv ook zelf op elk moment
in één keer verwijderen, en alles wat we over je bewaren downloaden.</li>
<li>Een vraag aan de adviseur en het antwoord verwijderen we 12 maanden na het antwoord; een vraag die nooit
beantwoord is 12 maanden na ontvangst. Een vraag die we als veelgestelde vraag publiceren, herschrijven we
eerst zonder namen, werkgevers of andere herleidbare details; die tekst blijft staan.</li>
<li>Het aantal reacties per vacature blijft bewaard voor de rapportage, zonder persoonsgegevens.</li>
<li>Back-ups bewaren we versleuteld en kort; daarna worden ze vernietigd.</li>
</ul>
<h2>Je rechten</h2>
<p>Je mag vragen welke gegevens we van je hebben, ze laten verbeteren of laten verwijderen. Mail ons via het
adres onderaan elke pagina. Ben je het niet eens met hoe we met je gegevens omgaan, dan kun je een klacht
indienen bij de Autoriteit Persoonsgegevens.</p>
"""

PAGES = [
    {"slug": "toegankelijkheid", "title": "Toegankelijkheidsverklaring",
     "inleiding": "Hoe toegankelijk In Beweging is, en wat je kunt doen als iets niet werkt.", "body": TOEGANKELIJKHEID},
    {"slug": "privacy", "title": "Privacyverklaring",
     "inleiding": "Welke gegevens In Beweging bewaart, waarom en hoe lang.", "body": PRIVACY},
]


def ensure_statements(home) -> int:
    """Create the pages that do not exist yet under the home page; returns how many were made."""
    made = 0
    for data in PAGES:
        if InhoudPage.objects.filter(slug=data["slug"]).exists():
            continue
        page = home.add_child(instance=InhoudPage(bijgewerkt=date(2026, 12, 1), **data))
        page.save_revision().publish()
        made += 1
    return made
