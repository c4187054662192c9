"""An iCalendar file (.ics) for a session, attached to the confirmation mail."""

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event


def session_calendar(sessie, opleiding):
    calendar = Calendar()
    calendar.add("prodid", "-//In Beweging//Twentse School//NL")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", f"sessie-{sessie.pk}@{settings.SITE_URL.split('//', 1)[-1]}")
    event.add("summary", opleiding.title)
    event.add("dtstart", sessie.start)
    event.add("dtend", sessie.einde)
    event.add("dtstamp", timezone.now())
    event.add("location", "Online" if sessie.online else sessie.adres_tekst)
    event.add("description", f"{opleiding.title}, aangeboden door {opleiding.aanbieder}. {settings.SITE_URL}{opleiding.url}")
    calendar.add_component(event)
    return calendar.to_ical()
