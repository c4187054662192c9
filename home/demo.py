"""Demo content is recorded when load_demo creates it, and removed by `manage.py verwijder_demo`.

Only what the demo created is listed (`DemoInhoud`): an organisation or theme that already existed,
or that the importer later shares with a real project, is never removed.
"""

import logging
from collections import Counter

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import ProtectedError
from wagtail.models import Page

from profielen.demo import remove_profiles
from reacties.models import Reactie
from vacatures.models import VacaturePage, WerkgeverRedactie

from .models import DemoInhoud

logger = logging.getLogger(__name__)

# What the counts of demo_summary and remove_demo mean, in the order they are reported.
LABELS = {  # key: (one, more)
    "projecten": ("project", "projecten"),
    "werkgevers": ("werkgever", "werkgevers"),
    "vacatures": ("vacature", "vacatures"),
    "klussen": ("klus", "klussen"),
    "reacties": ("reactie (met cv)", "reacties (met cv)"),
    "evenementen": ("evenement", "evenementen"),
    "verhalen": ("ervaringsverhaal", "ervaringsverhalen"),
    "user": ("gebruiker", "gebruikers"),
    "organisatie": ("organisatie", "organisaties"),
    "thema": ("thema", "thema's"),
    "regio": ("regio", "regio's"),
    "vraag": ("vraag aan de adviseur", "vragen aan de adviseur"),
    "faqvraag": ("veelgestelde vraag", "veelgestelde vragen"),
    "routering": ("routeringsregel", "routeringsregels"),
    "onderwerp": ("onderwerp van vragen", "onderwerpen van vragen"),
    "behouden": ("behouden (in gebruik door echte inhoud)", "behouden (in gebruik door echte inhoud)"),
}


# Removed in this order: questions before their topics, routing before its adviser.
KINDS = ("vraag", "faqvraag", "routering", "user", "organisatie", "thema", "regio", "onderwerp")


def mark_demo(obj):
    """Record that the demo created `obj` (a page, user, organisation, theme, region, or a question, FAQ entry,
    topic or routing rule of the question desk)."""
    DemoInhoud.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False), object_id=obj.pk,
    )


def demo_objects(kind):
    """The recorded objects of one kind ('page' covers every page type), still present."""
    records = DemoInhoud.objects.select_related("content_type")
    ids = {}
    for record in records:
        model = record.content_type.model_class()
        if model is None:
            continue
        key = "page" if issubclass(model, Page) else model._meta.model_name
        if key == kind:
            ids.setdefault(Page if key == "page" else model, []).append(record.object_id)
    for model, pks in ids.items():
        yield from model.objects.filter(pk__in=pks).order_by("pk")


def demo_vacancies(pages):
    """Demo vacancies and every vacancy under a demo employer."""
    vacancies = VacaturePage.objects.none()
    for page in pages:
        vacancies |= VacaturePage.objects.filter(path__startswith=page.path)
    return vacancies


def count_pages(pages, vacancies):
    kinds = Counter(page.specific_class._meta.model_name for page in pages)
    return Counter(projecten=kinds["projectpage"], werkgevers=kinds["organisatiepage"], vacatures=vacancies.count(),
                   klussen=kinds["kluspage"],
                   evenementen=kinds["evenementpage"], verhalen=kinds["verhaalpage"])


def demo_summary():
    """What remove_demo would delete at most (nothing is touched): counts per kind."""
    pages = list(demo_objects("page"))
    vacancies = demo_vacancies(pages)
    counts = count_pages(pages, vacancies)
    counts["reacties"] = Reactie.objects.filter(vacature__in=vacancies.values("pk")).count()
    for kind in KINDS:
        counts[kind] = sum(1 for _ in demo_objects(kind))
    return counts


@transaction.atomic
def remove_demo():
    """Delete everything load_demo recorded; returns counts per kind (see LABELS) plus vacancies and reactions.

    A recorded organisation, theme or region that something else still refers to (a real imported
    project, a real employer) stays, and is counted under 'behouden'.
    """
    pages = list(demo_objects("page"))
    vacancies = demo_vacancies(pages)
    counts = count_pages(pages, vacancies)
    remove_profiles()  # the demo employees with profiles (profielen.demo), also at an employer that stays
    # Reactions one by one: each deletes its CV file (a cascade would leave the files behind).
    for reactie in Reactie.objects.filter(vacature__in=vacancies.values("pk")):
        reactie.delete()
        counts["reacties"] += 1
    # Each demo employer's editors' group goes with it.
    for redactie in WerkgeverRedactie.objects.filter(werkgever__in=[p.pk for p in pages]).select_related("group"):
        redactie.group.delete()
    for page in pages:
        if Page.objects.filter(pk=page.pk).exists():  # not already gone with its employer
            page.delete()
    for kind in KINDS:
        for obj in demo_objects(kind):
            try:
                with transaction.atomic():
                    obj.delete()
                counts[kind] += 1
            except ProtectedError:
                counts["behouden"] += 1
                logger.info("Demo-%s %s blijft: nog in gebruik door echte inhoud", kind, obj.pk)
    DemoInhoud.objects.all().delete()
    return counts
