"""Demo reactions and figures, so the management report shows something on a fresh `make run`."""

import io
from datetime import timedelta
from itertools import cycle

from django.core.files.base import ContentFile
from pypdf import PdfWriter

from vacatures import phases
from vacatures.models import Herkomst, VacaturePage

from .models import Dagcijfers, Reactie

NAMES = ["Anouk Visser", "Bram Smit", "Chantal Mulder", "Dirk de Groot", "Esra Yilmaz", "Freek Bos"]


def demo_pdf():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def load_reactions():
    """Views and reactions of every origin on the demo vacancies; a few closed ones marked filled."""
    if Dagcijfers.objects.exists():
        return 0
    today = phases.local_date()
    origins = cycle(Herkomst.values)
    names = cycle(NAMES)
    pdf = demo_pdf()
    created = 0
    for number, vacancy in enumerate(VacaturePage.objects.order_by("pk")):
        for days_ago in range(0, 14, 3):
            day = today - timedelta(days=days_ago)
            if day < vacancy.publicatiedatum:
                continue
            Dagcijfers.add(
                vacancy.pk, day, weergaven=5 + (number * 7 + days_ago) % 40,
                reacties_eigen=number % 2, reacties_netwerk=(number + days_ago) % 3, reacties_extern=number % 4,
            )
        if vacancy.fase != phases.GESLOTEN and number % 3 == 0:
            reactie = Reactie(
                vacature=vacancy, naam=next(names), email=f"kandidaat{number}@example.org",
                motivatie="Demoreactie: ik ben enthousiast over deze functie.", herkomst=next(origins),
            )
            reactie.cv.save(f"demo-cv-{number}.pdf", ContentFile(pdf), save=False)
            reactie.save()
            created += 1
        elif vacancy.sluitingsdatum < today and number % 2 == 0:
            VacaturePage.objects.filter(pk=vacancy.pk).update(
                vervuld_op=vacancy.sluitingsdatum, vervuld_door=next(origins),
            )
    return created
