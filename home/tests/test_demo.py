"""Demo content stays out of the real world and can be removed (issue 18, items 9 and 3).

- Every address in the database after load_demo uses a reserved domain (RFC 2606/6761).
- `manage.py verwijder_demo` removes exactly what the demo created; imported-like projects, and the
  organisations and themes they share with the demo, stay.
- The demo's daily figures count exactly the reactions the demo stored.
"""

import io
import re
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.db import models
from django.db.models import Count, F, Q, Sum
from django.utils import timezone
from wagtail.models import Page

from agenda.models import EvenementPage
from home.management.commands.load_demo import ADMIN_USERNAME, DEMO_PROJECTS
from home.models import DemoInhoud, HomePage
from opleidingen.choices import Status as InschrijvingStatus
from opleidingen.models import Doelstelling, Inschrijving, Sessie
from projecten.models import InspiratieIndexPage, ProjectPage
from rapportage.access import visible_employer_ids
from rapportage.figures import Periode, organisation_figures
from reacties.models import Dagcijfers, Reactie
from ruilen.models import Ruil
from taxonomie.models import Organisatie, Thema
from vacatures import phases
from vacatures.demo import TWENTE
from vacatures.models import OrganisatiePage, VacatureIndexPage, VacaturePage, WerkgeversIndexPage
from vragen.models import FaqVraag, Onderwerp, Routering, Status, Vraag

EMAIL = re.compile(r"[\w.+-]+@([\w-]+(?:\.[\w-]+)+)")
URL_HOST = re.compile(r"https?://([\w.-]+)")
RESERVED_TLDS = ("test", "example", "invalid", "localhost")
RESERVED_NAMES = ("example.com", "example.net", "example.org")


def is_reserved(domain):
    domain = domain.lower().rstrip(".")
    return domain.rsplit(".", 1)[-1] in RESERVED_TLDS or any(
        domain == name or domain.endswith("." + name) for name in RESERVED_NAMES
    )


def load_demo():
    call_command("load_demo", stdout=io.StringIO())


def every_domain_in_the_database():
    """(model, field, domain) for every e-mail address, employee e-mail domain and web address stored anywhere."""
    text_fields = (models.CharField, models.TextField, models.JSONField)
    for model in apps.get_models():
        fields = [f for f in model._meta.concrete_fields if isinstance(f, text_fields)]
        for row in model._base_manager.values_list("pk", *[f.attname for f in fields]).iterator():
            for field, value in zip(fields, row[1:], strict=True):
                if value in (None, ""):
                    continue
                text = str(value)
                for domain in EMAIL.findall(text):
                    yield model.__name__, field.name, domain
                for host in URL_HOST.findall(text):
                    yield model.__name__, field.name, host
                if isinstance(field, models.EmailField):
                    assert "@" in text
    for employer in OrganisatiePage.objects.all():
        for domain in employer.domain_list:
            yield "OrganisatiePage", "email_domeinen", domain


@pytest.mark.django_db(transaction=True)
def test_load_demo_stores_only_reserved_addresses_and_consistent_figures():
    load_demo()
    found = list(every_domain_in_the_database())
    emails = [d for m, f, d in found if f == "email_domeinen"]
    assert len(emails) == len(TWENTE)  # every demo employer has its employees' domain
    hosts_outside = {
        (model, field, domain) for model, field, domain in found
        if not is_reserved(domain) and domain != "127.0.0.1"
    }
    assert hosts_outside == set()
    assert VacaturePage.objects.filter(contact_email__endswith=".nl").count() == 0
    assert set(VacaturePage.objects.values_list("reageer_email", flat=True)) == {
        f"vacatures@{domain}" for _, _, domain, _ in TWENTE
    }

    # Item 3: every reaction in the daily figures is a stored reaction, per vacancy, day and origin.
    stored = Counter()
    for reactie in Reactie.objects.all():
        day = phases.local_date(reactie.aangemaakt)
        stored[(reactie.vacature_id, day, reactie.herkomst)] += 1
        # Only someone who could see the vacancy that day reacted.
        phase = phases.phase_on(reactie.vacature, day)
        allowed = {"intern": {"eigen"}, "netwerk": {"eigen", "netwerk"}, "openbaar": {"eigen", "netwerk", "extern"}}
        assert reactie.herkomst in allowed[phase], (phase, reactie.herkomst)
    counted = Counter()
    for row in Dagcijfers.objects.all():
        for herkomst in ("eigen", "netwerk", "extern"):
            if getattr(row, f"reacties_{herkomst}"):
                counted[(row.vacature_id, row.datum, herkomst)] += getattr(row, f"reacties_{herkomst}")
    assert len(stored) > 20 and counted == stored
    assert sum(stored.values()) == Reactie.objects.count()

    # The management report over the demo's two weeks shows the stored number.
    today = phases.local_date()
    coordinator = User.objects.get(username=ADMIN_USERNAME)
    rows, totals = organisation_figures(
        Periode(today - timedelta(days=13), today), None, visible_employer_ids(coordinator),
    )
    assert totals["reacties"] == Reactie.objects.count()
    assert totals["weergaven"] == Dagcijfers.objects.aggregate(n=Sum("weergaven"))["n"] > 0

    # The question desk: answered and open questions (one past its deadline), routed, and a published FAQ.
    assert Vraag.objects.filter(status=Status.BEANTWOORD, beantwoord_op__isnull=False).count() >= 2
    assert Vraag.objects.exclude(status=Status.BEANTWOORD).count() >= 2
    assert Vraag.objects.overdue(3).exists() and not Vraag.objects.filter(adviseur=None).exists()
    assert FaqVraag.objects.filter(gepubliceerd=True).count() >= 3
    # Jouw Baan Mijn Baan: the demo's offers make at least one pair and one ring of three.
    assert set(Ruil.objects.values_list("soort", flat=True)) == {"paar", "ring"}
    # The School: this year's target for each of the 17 Twente employers; a full session, a waiting list and
    # past sessions. The agenda: an event week with activities of their own.
    assert len(TWENTE) == 17
    assert set(Doelstelling.objects.filter(jaar=today.year).values_list("werkgever__title", flat=True)) == {
        title for title, *_ in TWENTE
    }
    taken = Count("inschrijvingen", filter=Q(inschrijvingen__status=InschrijvingStatus.INGESCHREVEN))
    assert Sessie.objects.annotate(taken=taken).filter(taken__gte=F("capaciteit")).exists()
    assert Inschrijving.objects.filter(status=InschrijvingStatus.WACHTLIJST).exists()
    assert Sessie.objects.filter(einde__lt=timezone.now()).exists()
    assert EvenementPage.objects.annotate(n=Count("activiteiten")).filter(n__gte=3).exists()


@pytest.mark.django_db(transaction=True)
def test_verwijder_demo_removes_the_demo_and_keeps_the_real_library(make_project):
    load_demo()
    # What an import adds afterwards: real projects, one sharing an organisation and a theme with the demo.
    real = [
        make_project("Hybride werken in Coevorden", orgs=["Coevorden"], thema="Samenwerken",
                     importsleutel="coevorden|hybride werken"),
        make_project("Vitaal Zuiderwold", orgs=["Zuiderwold"], thema="Vitaliteit", importsleutel="zuiderwold|vitaal"),
        make_project("Leren in Enschede", orgs=["Enschede"], importsleutel="enschede|leren"),
    ]
    cv_files = [Path(r.cv.path) for r in Reactie.objects.all()]
    assert cv_files and all(path.is_file() for path in cv_files)
    demo_employer_groups = list(Group.objects.filter(werkgever_redactie__isnull=False).values_list("pk", flat=True))
    projects_before = ProjectPage.objects.count()
    assert projects_before == len(DEMO_PROJECTS) + len(real)

    out = io.StringIO()
    call_command("verwijder_demo", "--dry-run", stdout=out)
    assert f"{len(DEMO_PROJECTS)} projecten, {len(TWENTE)} werkgevers" in out.getvalue()
    assert ProjectPage.objects.count() == projects_before and DemoInhoud.objects.exists()

    out = io.StringIO()
    call_command("verwijder_demo", stdout=out)
    assert "Democontent verwijderd" in out.getvalue()

    assert sorted(ProjectPage.objects.values_list("title", flat=True)) == sorted(p.title for p in real)
    assert all(p.live for p in ProjectPage.objects.all())
    assert not Page.objects.filter(slug__in=[d["slug"] for d in DEMO_PROJECTS]).exists()
    assert OrganisatiePage.objects.count() == 0 and VacaturePage.objects.count() == 0
    assert Reactie.objects.count() == 0 and Dagcijfers.objects.count() == 0
    assert not any(path.exists() for path in cv_files)
    assert not Group.objects.filter(pk__in=demo_employer_groups).exists()
    assert not User.objects.filter(username=ADMIN_USERNAME).exists()
    assert DemoInhoud.objects.count() == 0
    for model in (Vraag, FaqVraag, Onderwerp, Routering):
        assert not model.objects.exists(), model
    # Shared with real projects: kept. Only the demo's: gone.
    assert set(Organisatie.objects.values_list("naam", flat=True)) == {"Coevorden", "Zuiderwold", "Enschede"}
    assert set(Thema.objects.values_list("naam", flat=True)) >= {"Samenwerken", "Vitaliteit"}
    assert not Thema.objects.filter(naam__in=["Leren en ontwikkelen", "Loopbaanontwikkeling"]).exists()
    # The site itself stays: home, library, employers' and vacancies' index pages.
    for model in (HomePage, InspiratieIndexPage, WerkgeversIndexPage, VacatureIndexPage):
        assert model.objects.live().count() == 1, model

    # A second run finds nothing; a new load_demo brings the demo back.
    out = io.StringIO()
    call_command("verwijder_demo", stdout=out)
    assert "er was geen democontent" in out.getvalue()
    load_demo()
    assert OrganisatiePage.objects.count() == len(TWENTE)
