"""Demo reactions and figures, so the management report shows something on a fresh `make run`."""

import io
from datetime import timedelta
from itertools import cycle

from django.core.files.base import ContentFile
from pypdf import PdfWriter

from vacatures import phases
from vacatures.models import Herkomst, VacaturePage

from .models import Dagcijfers, Reactie, count_reaction

NAMES = ["Anouk Visser", "Bram Smit", "Chantal Mulder", "Dirk de Groot", "Esra Yilmaz", "Freek Bos"]


def demo_pdf():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# Who could react on a day, by the vacancy's phase that day (intern: own staff; onder water: every participant).
ORIGINS = {
    phases.INTERN: [Herkomst.EIGEN],
    phases.NETWERK: [Herkomst.EIGEN, Herkomst.NETWERK],
    phases.OPENBAAR: [Herkomst.EIGEN, Herkomst.NETWERK, Herkomst.EXTERN],
}
DAYS = 14


def load_reactions():
    """Views and reactions on the demo vacancies over the last two weeks; a few closed ones marked filled.

    Every reaction counted in the daily figures is a stored `Reactie` (with a CV) received that day,
    from someone who could see the vacancy that day: the management report adds up to the reactions
    editors find under Reacties. Returns the number of reactions.
    """
    if Dagcijfers.objects.exists():
        return 0
    today = phases.local_date()
    vacancies = list(VacaturePage.objects.order_by("pk"))
    filled_by = cycle(Herkomst.values)
    for number, vacancy in enumerate(vacancies):
        if vacancy.sluitingsdatum < today and number % 2 == 0:
            vacancy.vervuld_op, vacancy.vervuld_door = vacancy.sluitingsdatum, next(filled_by)
            VacaturePage.objects.filter(pk=vacancy.pk).update(
                vervuld_op=vacancy.vervuld_op, vervuld_door=vacancy.vervuld_door,
            )
    names = cycle(NAMES)
    pdf = demo_pdf()
    created = 0
    for number, vacancy in enumerate(vacancies):
        for days_ago in range(DAYS - 1, -1, -1):
            day = today - timedelta(days=days_ago)
            phase = phases.phase_on(vacancy, day)
            if phase not in ORIGINS:  # planned or closed: nobody saw it
                continue
            Dagcijfers.add(vacancy.pk, day, weergaven=5 + (number * 7 + days_ago) % 40)
            if (number + days_ago) % 4:  # a reaction on about one open day in four
                continue
            origins = ORIGINS[phase]
            herkomst = origins[(number + days_ago) % len(origins)]
            reactie = Reactie(
                vacature=vacancy, naam=next(names), email=f"kandidaat{created + 1}@example.org",
                motivatie="Demoreactie: ik ben enthousiast over deze functie.", herkomst=herkomst,
            )
            reactie.cv.save(f"demo-cv-{created + 1}.pdf", ContentFile(pdf), save=False)
            reactie.save()
            received = phases.start_of_day(day) + timedelta(hours=9 + created % 8)
            Reactie.objects.filter(pk=reactie.pk).update(aangemaakt=received)
            count_reaction(vacancy.pk, day, herkomst)
            created += 1
    return created
