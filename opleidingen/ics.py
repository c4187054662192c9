"""An iCalendar file (.ics) for a session, attached to the confirmation mail (building blocks in
kern/icalendar.py, as the agenda's)."""

from django.conf import settings
from django.utils import timezone

from kern.icalendar import add_timezones, component, new_calendar, uid


def session_calendar(sessie, opleiding):
    cal = new_calendar("-//In Beweging//Twentse School//NL", opleiding.title)
    cal.add("method", "PUBLISH")
    cal.add_component(component(
        uid("sessie", sessie.pk), opleiding.title, sessie.start, sessie.einde,
        "Online" if sessie.online else sessie.adres_tekst,
        f"{opleiding.title}, aangeboden door {opleiding.aanbieder}.", f"{settings.SITE_URL}{opleiding.url}",
        timezone.now(),
    ))
    return add_timezones(cal).to_ical()
