"""The agenda on top of the small network (employers Alfa and Beta): events open to everyone, an
employees-only event, a past event with its follow-up text and a week with activities.

Titles: 'Open ...' may be seen by anyone, anything with SECRET only by employees of participating employers."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from agenda.choices import Doelgroep
from agenda.models import Activiteit, EvenementPage
from home.site_setup import ensure_agenda_page

SECRET = "Zwaluwstaart"  # in the title and text of the employees-only events only


def at(days, hour, minute=0):
    """An aware datetime `days` from today, at hour:minute in Amsterdam."""
    return timezone.make_aware(datetime.combine(timezone.localdate() + timedelta(days=days), time(hour, minute)))


def make_event(agenda, title, days=10, hours=(10, 12), live=True, activities=(), **fields):
    values = dict(
        slug=title.lower().replace(" ", "-"), start=at(days, hours[0]), eind=at(days, hours[1]),
        plaats="Stadhuis, Enschede", organisator="Netwerk Twente", doelgroep=Doelgroep.IEDEREEN,
        samenvatting=f"Samenvatting van {title}.",
    )
    values.update(fields)
    event = EvenementPage(title=title, **values)
    for order, activity in enumerate(activities):
        event.activiteiten.add(Activiteit(sort_order=order, **activity))
    agenda.add_child(instance=event)
    if live:
        event.save_revision().publish()
    else:
        event.unpublish()
    return event


def build_agenda():
    agenda = ensure_agenda_page()
    events = {
        "open": make_event(agenda, "Open Pelikaan lunch", days=10, hours=(12, 14), aanmelden=True, capaciteit=2),
        "later": make_event(agenda, "Open Reiger dag", days=40, hours=(9, 17), online=True, plaats=""),
        "verborgen": make_event(
            agenda, f"Verborgen {SECRET} overleg", days=12, doelgroep=Doelgroep.MEDEWERKERS,
            samenvatting=f"Alleen voor medewerkers: {SECRET}.", aanmelden=True, capaciteit=5,
        ),
        "verborgen-voorbij": make_event(
            agenda, f"Verborgen {SECRET} terugblik", days=-30, doelgroep=Doelgroep.MEDEWERKERS,
            nabericht=f"<p>{SECRET}: 40 deelnemers</p>",
        ),
        "voorbij": make_event(agenda, "Open Talent week", days=-60, hours=(9, 17),
                              nabericht="<p>271 deelnemers uit 9 gemeenten</p>"),
        "week": make_event(
            agenda, "Open Mobiliteit week", days=20, hours=(9, 17), plaats="Twente",
            activities=[
                dict(titel="Meelopen", start=at(20, 9), eind=at(20, 17), plaats="Hengelo", aanmelden=True,
                     capaciteit=1),
                dict(titel="Webinar loopbaan", start=at(21, 12), eind=at(21, 13), online=True, aanmelden=True),
                dict(titel="Slotbijeenkomst", start=at(24, 16), eind=at(24, 18), plaats="Enschede"),
            ],
        ),
        "concept": make_event(agenda, "Open Concept Uil", days=15, live=False),
    }
    return agenda, events


HIDDEN = ("verborgen", "verborgen-voorbij")
