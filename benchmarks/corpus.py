"""A synthetic Dutch corpus, created in bulk: treebeard paths computed here, rows written with bulk_create.

Projects go under the library; vacancy-like documents are a second batch of ProjectPage rows with
vacancy-like titles and texts under a second index page. (VacaturePage did not exist when this was
written and brings its own tree and visibility rules; here every document goes through the same model,
search fields and index, so the figures measure the search machinery.)
"""

import json
import random
import uuid
from datetime import date, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from home.site_setup import ensure_library
from projecten.models import InspiratieIndexPage, ProjectOrganisatie, ProjectPage, last_day
from taxonomie.models import Organisatie, Thema

ALPHABET = Page.alphabet
STEPLEN = Page.steplen

# Real words (with inflections, so stemming matters), most frequent first: Zipf-like frequencies.
COMMON = """
gemeente medewerkers werk organisatie project ontwikkeling team samen nieuwe aanpak
medewerker gemeenten werken jaar ervaring leidinggevenden ontwikkelen collega's afdeling begeleiding
training gesprek regio resultaten inzet deelnemers zorg beleid kennis onderzoek
vitaliteit duurzame inzetbaarheid leren loopbaan gezondheid werkplezier verzuim coaching
digitale vaardigheden programma traject pilot evaluatie workshop bijeenkomst netwerk
woningen woning wonen huisvesting burgers inwoners dienstverlening klantcontact publiek
cultuur verandering leiderschap management strategie mobiliteit talent stage trainee
jongeren ouderen diversiteit inclusie arbeidsmarkt werving selectie vacature functie
duurzaamheid energie klimaat omgeving ruimte openbare buitendienst groen onderhoud
sociaal domein jeugd wijkteam participatie werkgevers uitvoering toezicht handhaving
financien ict informatie data privacy beveiliging archief documentatie communicatie
""".split()

THEMAS = [
    "Vitaliteit", "Leren en ontwikkelen", "Loopbaanontwikkeling", "Samenwerken", "Leiderschap",
    "Duurzame inzetbaarheid", "Hybride werken", "Diversiteit en inclusie", "Arbeidsmarkt",
    "Digitalisering", "Werkdruk", "Organisatieontwikkeling",
]
TITLE_HEADS = [
    "Duurzame inzetbaarheid", "Vitaal aan het werk", "Leren op de werkvloer", "Samen sterker",
    "Loopbaangesprekken", "Hybride werken", "Talent in beeld", "Werkplezier", "Teamontwikkeling",
    "Gezond roosteren", "Mentorprogramma", "Digitale vaardigheden", "Leiderschap in de wijk",
    "Ontwikkelen van medewerkers", "Cafe voor collega's", "Mobiliteit in de regio",
]
FUNCTIES = [
    "Beleidsmedewerker", "Medewerker burgerzaken", "Projectleider", "Adviseur", "Teamleider",
    "Medewerker klantcontact", "Jurist", "Ontwikkelaar", "Toezichthouder", "Consulent",
    "Coördinator", "Medewerker buitendienst", "Informatieadviseur", "Controller", "Planner",
]
AFDELINGEN = [
    "duurzaamheid", "sociaal domein", "ruimtelijke ordening", "openbare ruimte", "financien",
    "ict", "wonen", "jeugd", "handhaving", "communicatie", "werk en inkomen", "vergunningen",
]
SYLLABLES = "ka be lo ri mu sa ne to vi da pe go ru li fa ho mi de su wa ze ko ta ni".split()


def pseudo_words(rng, n):
    seen = set()
    while len(seen) < n:
        seen.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(3, 4))) + rng.choice("nkstr"))
    return sorted(seen)


def base36(n):
    out = ""
    while n:
        n, r = divmod(n, len(ALPHABET))
        out = ALPHABET[r] + out
    return out.rjust(STEPLEN, "0")


class Corpus:
    """The generated documents' words, kept for computing expectations and picking queries."""

    def __init__(self, seed=2024, rare_words=20000):
        self.rng = random.Random(seed)
        self.vocabulary = COMMON + pseudo_words(self.rng, rare_words)
        # Zipf-Mandelbrot, weight 1/(rank + 20): the most common word is in about half the documents,
        # the rarest in a handful.
        weights = [1.0 / (rank + 20) for rank in range(len(self.vocabulary))]
        total = 0.0
        self.cum_weights = []
        for w in weights:
            total += w
            self.cum_weights.append(total)

    def text(self, n):
        return " ".join(self.rng.choices(self.vocabulary, cum_weights=self.cum_weights, k=n))


@transaction.atomic
def build(projects=10_000, vacancies=50_000, organisations=400, seed=2024):
    """Create the site tree, the taxonomy and `projects + vacancies` live ProjectPages. Returns counts."""
    corpus = Corpus(seed)
    rng = corpus.rng
    library = ensure_library()
    home = library.get_parent()
    stand_in = home.add_child(instance=InspiratieIndexPage(title="Vacatures (benchmark)", slug="vacatures-bench"))
    library.refresh_from_db()

    themas = Thema.objects.bulk_create(
        [Thema(naam=naam, slug=naam.lower().replace(" ", "-")) for naam in THEMAS]
    )
    orgs = Organisatie.objects.bulk_create(
        [Organisatie(naam=f"Gemeente {name.capitalize()}", slug=f"gemeente-{name}")
         for name in pseudo_words(rng, organisations)]
    )

    content_type = ContentType.objects.get_for_model(ProjectPage)
    locale = Locale.get_default()
    now = timezone.now()
    today = date.today()
    pages, details, org_links, texts = [], [], [], []

    def add(parent, index, title, samenvatting, body_words):
        slug = f"d{len(pages) + 1}"
        published = now - timedelta(minutes=len(pages))
        pages.append(Page(
            path=parent.path + base36(index + 1), depth=parent.depth + 1, numchild=0,
            translation_key=uuid.uuid4(), locale=locale, live=True, has_unpublished_changes=False,
            first_published_at=published, last_published_at=published, title=title, draft_title=title,
            slug=slug, content_type=content_type, url_path=f"{parent.url_path}{slug}/",
            seo_title="", search_description="",
        ))
        start = today - timedelta(days=rng.randint(-200, 1500)) if rng.random() < 0.9 else None
        end = start + timedelta(days=rng.randint(30, 900)) if start and rng.random() < 0.8 else None
        body = [{"type": "alinea", "value": f"<p>{body_words}</p>", "id": str(uuid.uuid4())}]
        details.append((
            rng.choice(themas).pk if rng.random() < 0.9 else None,
            rng.choice(["2021-1", "2021-2", ""]),
            rng.choice(["Jan Jansen", "Fatima el Amrani", "Piet de Vries", "Anouk Smit"]),
            "", start, "dag" if start else "", end, "dag" if end else "", last_day(end, "dag"),
            samenvatting, json.dumps(body),
        ))
        linked = rng.sample(orgs, 1 if rng.random() < 0.8 else 2)
        org_links.append(linked)
        thema = next((t.naam for t in themas if t.pk == details[-1][0]), "")
        # What the search fields other than the title hold, in their order (ProjectPage.search_fields):
        # samenvatting, body, contactpersoon, looptijd_tekst, materiaal_tekst, materiaal_titels, thema_namen
        # (the theme's name: these themes have no other spellings), thema naam, organisatie namen.
        texts.append((title, [samenvatting, body_words, details[-1][2], "", "", "", thema, thema,
                              *(o.naam for o in linked)]))

    for i in range(projects):
        head = rng.choice(TITLE_HEADS)
        org = rng.choice(orgs).naam
        add(library, i, f"{head} {corpus.text(2)} in {org}", corpus.text(30), corpus.text(90))
    for i in range(vacancies):
        title = f"{rng.choice(FUNCTIES)} {rng.choice(AFDELINGEN)} {corpus.text(1)}"
        add(stand_in, i, title, corpus.text(25), corpus.text(70))

    created = Page.objects.bulk_create(pages, batch_size=2000)
    Page.objects.filter(pk=library.pk).update(numchild=projects)
    Page.objects.filter(pk=stand_in.pk).update(numchild=vacancies)

    columns = ["page_ptr_id", "thema_id", "subsidieronde", "contactpersoon", "contactgegevens",
               "looptijd_start", "looptijd_start_precisie", "looptijd_eind", "looptijd_eind_precisie",
               "looptijd_eind_tot", "samenvatting", "body",
               "projectnummer", "looptijd_tekst", "importsleutel", "importhash", "heeft_evaluatie"]
    sql = (
        f"INSERT INTO {ProjectPage._meta.db_table} ({', '.join(columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    # Every tenth page has evaluation material (the library's "Evaluatie" facet).
    rows = [(page.pk, *detail, "", "", "", "", n % 10 == 0)
            for n, (page, detail) in enumerate(zip(created, details, strict=True))]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 5000):
            cursor.executemany(sql, rows[start:start + 5000])

    ProjectOrganisatie.objects.bulk_create(
        [ProjectOrganisatie(page_id=page.pk, organisatie_id=org.pk, sort_order=n)
         for page, linked in zip(created, org_links, strict=True) for n, org in enumerate(linked)],
        batch_size=5000,
    )
    # (pk, title, [texts of the other search fields])
    documents = [(page.pk, title, fields) for page, (title, fields) in zip(created, texts, strict=True)]
    return {"documents": documents, "organisations": orgs, "themes": themas, "corpus": corpus}
