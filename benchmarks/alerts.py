"""Vacancy-alert benchmark: `python -m benchmarks.alerts` (and `make bench`). See benchmarks/README.md.

In its own database (as benchmarks.search: a temporary SQLite file, or a database `bench` on the PostgreSQL
server of DATABASE_URL): 20 employers in 4 regions, 2,000 open vacancies of which 200 became visible today
(public, or onder water for employees), and 20,000 confirmed alerts with mixed criteria (facets, a word or
both; 30% at employees' addresses) whose sent-log already holds every vacancy they found yesterday. Times
`alerts.sending.run(..., send=False)`: the whole match of a daily run, without sending.
"""

import argparse
import os
import random
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
WORDS = ["beleid", "adviseur", "wonen", "sociaal", "financieel", "medewerker", "projectleider", "ict", "jeugd",
         "omgevingswet", "data", "communicatie"]
FUNCTIES = ["Beleidsadviseur", "Medewerker", "Projectleider", "Adviseur", "Coördinator", "Teamleider", "Specialist"]
ONDERWERPEN = ["wonen", "sociaal domein", "financiën", "ICT", "jeugd", "omgevingswet", "data", "communicatie",
               "openbare ruimte", "bedrijfsvoering"]


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--alerts", type=int, default=20_000)
    parser.add_argument("--vacancies", type=int, default=2_000)
    parser.add_argument("--new", type=int, default=200, help="vacancies that became visible today")
    parser.add_argument("--runs", type=int, default=3)
    return parser.parse_args(argv)


def build(args, rng):
    from django.db import connection
    from django.utils import timezone
    from wagtail.models import Locale, Page
    from wagtail.search.backends import get_search_backend

    from alerts import criteria as alert_criteria
    from alerts.matching import Matcher
    from alerts.models import Alert, AlertVerzending, VerzondenVacature
    from home.site_setup import ensure_vacancy_pages
    from kern.one_time_link import new_token, token_hash
    from taxonomie.models import Organisatie, Regio
    from vacatures import phases
    from vacatures.choices import Dienstverband, Vakgebied
    from vacatures.listing import HOUR_BANDS, SCALE_BANDS
    from vacatures.models import OrganisatiePage, VacaturePage

    today = phases.local_date()
    werkgevers, _ = ensure_vacancy_pages()
    regions = [Regio.objects.create(naam=n, slug=n.lower()) for n in ("Twente", "Gelderland", "Utrecht", "Drenthe")]
    employers = []
    for n in range(20):
        name = f"Gemeente {n:02d}"
        page = werkgevers.add_child(instance=OrganisatiePage(
            title=name, slug=f"gemeente-{n:02d}", organisatie=Organisatie.objects.create(naam=name),
            regio=regions[n % 4], email_domeinen=f"gemeente{n:02d}.example",
        ))
        page.save_revision().publish()
        employers.append(page)

    # Vacancies in bulk: Page rows, then the VacaturePage rows, then the search index.
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(VacaturePage)
    locale = Locale.get_default()
    now = timezone.now()
    pages, details, counts = [], [], {e.pk: 0 for e in employers}
    for i in range(args.vacancies):
        employer = rng.choice(employers)
        counts[employer.pk] += 1
        parent = employer
        title = f"{rng.choice(FUNCTIES)} {rng.choice(ONDERWERPEN)}"
        slug = f"v{i + 1}"
        new = i < args.new
        route = rng.random()
        if new and route < 0.5:  # public today
            start_openbaar = start_netwerk = publicatiedatum = today
        elif new:  # onder water from today
            publicatiedatum, start_netwerk, start_openbaar = today - timedelta(days=7), today, today + timedelta(days=14)
        else:  # visible for weeks
            publicatiedatum = today - timedelta(days=rng.randint(25, 60))
            start_netwerk, start_openbaar = publicatiedatum + timedelta(days=7), publicatiedatum + timedelta(days=21)
        went_live = phases.start_of_day(publicatiedatum) + timedelta(hours=8)
        pages.append(Page(
            path=parent.path + f"{counts[employer.pk]:04d}", depth=parent.depth + 1, numchild=0,
            translation_key=uuid.uuid4(), locale=locale, live=True, has_unpublished_changes=False,
            first_published_at=went_live, last_published_at=went_live, title=title, draft_title=title, slug=slug,
            content_type=content_type, url_path=f"{parent.url_path}{slug}/", seo_title="", search_description="",
        ))
        low = rng.choice([16, 24, 32, 36])
        details.append(dict(
            werkgever_id=employer.pk, dienstverband=rng.choice(Dienstverband.values), uren_min=low,
            uren_max=min(low + rng.choice([0, 4, 8]), 40), salarisschaal=rng.randint(5, 14), salaris_min=None,
            salaris_max=None, opleidingsniveau="hbo", vakgebied=rng.choice(Vakgebied.values), werkplaats=employer.title,
            vacaturenummer="", publicatieroute="eigen_data", publicatiedatum=publicatiedatum,
            start_netwerk=start_netwerk, start_openbaar=start_openbaar,
            sluitingsdatum=today + timedelta(days=rng.randint(5, 40)), contactpersoon="P. de Vries",
            contact_telefoon="", contact_email="", reageer_url="", reageer_email="",
            omschrijving=f"<p>Je werkt aan {rng.choice(ONDERWERPEN)} en {rng.choice(WORDS)}.</p>", vervuld_op=None,
            vervuld_door="",
        ))
    created = Page.objects.bulk_create(pages, batch_size=1000)
    for employer in employers:
        Page.objects.filter(pk=employer.pk).update(numchild=counts[employer.pk])
    columns = ["page_ptr_id", *details[0]]
    sql = (f"INSERT INTO {VacaturePage._meta.db_table} ({', '.join(columns)}) "
           f"VALUES ({', '.join(['%s'] * len(columns))})")
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(page.pk, *detail.values()) for page, detail in zip(created, details, strict=True)])
    backend = get_search_backend()
    vacancies = list(VacaturePage.objects.all())
    for start in range(0, len(vacancies), 500):
        backend.add_bulk(VacaturePage, vacancies[start:start + 500])
    if hasattr(backend, "rebuild_common_terms"):
        backend.rebuild_common_terms()
    from search.version import bump_content_version

    bump_content_version()

    # Alerts with mixed criteria, confirmed two months ago.
    facets = {
        "vakgebied": Vakgebied.values, "dienstverband": Dienstverband.values,
        "uren": [v for v, *_ in HOUR_BANDS], "schaal": [v for v, *_ in SCALE_BANDS],
        "regio": [r.pk for r in regions], "organisatie": [e.pk for e in employers],
    }
    confirmed = now - timedelta(days=60)
    alerts = []
    for n in range(args.alerts):
        criteria = {}
        for name in rng.sample(list(facets), rng.choice([1, 2, 2, 3])):
            criteria[name] = sorted(rng.sample(facets[name], rng.choice([1, 1, 2])), key=facets[name].index)
        if rng.random() < 0.3:
            criteria["q"] = rng.choice(WORDS)
        if rng.random() < 0.3:
            email = f"medewerker{n}@gemeente{rng.randrange(20):02d}.example"
        else:
            email = f"iemand{n}@elders{n % 50}.example"
        alerts.append(Alert(email=email, criteria=criteria, criteria_sleutel=alert_criteria.key(criteria),
                            frequentie="dagelijks", aangemaakt=confirmed, bevestigd_op=confirmed,
                            laatste_activiteit=confirmed))
    alerts = Alert.objects.bulk_create(alerts, batch_size=2000)

    # The sent-log: every vacancy each alert found yesterday went out in yesterday's mail.
    matcher = Matcher(today - timedelta(days=1))
    records = AlertVerzending.objects.bulk_create(
        [AlertVerzending(alert=a, soort="vacatures", token_hash=token_hash(new_token()), verzonden_op=now)
         for a in alerts], batch_size=2000)
    rows = 0
    batch = []
    for alert, record in zip(alerts, records, strict=True):
        for pk in matcher.matches(alert, since=phases.local_date(confirmed)):
            batch.append(VerzondenVacature(alert_id=alert.pk, vacature_id=pk, verzending_id=record.pk))
        if len(batch) > 20_000:
            VerzondenVacature.objects.bulk_create(batch, batch_size=5000)
            rows += len(batch)
            batch = []
    VerzondenVacature.objects.bulk_create(batch, batch_size=5000)
    return rows + len(batch)


def main(argv=None):
    args = parse_args(argv)
    sys.path.insert(0, str(BASE_DIR))
    from benchmarks.search import use_own_database

    sqlite_path = use_own_database()
    os.environ.pop("SEARCH_BACKEND", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    from alerts.sending import run
    from benchmarks.search import machine

    clock = time.perf_counter()
    call_command("migrate", verbosity=0)
    print(f"migrate: {time.perf_counter() - clock:.1f} s")
    clock = time.perf_counter()
    rows = build(args, random.Random(2026))
    print(f"{args.vacancies} vacancies ({args.new} new today), {args.alerts} alerts, sent-log {rows} rows: "
          f"{time.perf_counter() - clock:.1f} s")
    times = []
    for _ in range(args.runs):
        clock = time.perf_counter()
        summary = run("dagelijks", send=False)
        times.append(time.perf_counter() - clock)
        print(summary.line("dagelijks") + f" (zonder versturen) in {times[-1]:.1f} s")
    print()
    print(machine())
    print(f"match of {args.alerts} alerts against {args.vacancies} open vacancies: best {min(times):.1f} s, "
          f"worst {max(times):.1f} s over {args.runs} runs")
    if sqlite_path:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{sqlite_path}{suffix}").unlink(missing_ok=True)
        sqlite_path.parent.rmdir()


if __name__ == "__main__":
    main()
