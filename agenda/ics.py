"""iCalendar (RFC 5545) for the agenda, made with the `icalendar` library: the feed of upcoming public events
(/agenda/feed.ics) and one file per event (the event and its activities). Times in Europe/Amsterdam, with
the VTIMEZONE that calendar apps need. What goes in is decided by the caller (agenda/views.py)."""

from datetime import date
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.html import strip_tags
from icalendar import Calendar, Event

PRODID = "-//In Beweging//Agenda//NL"


def uid(kind, pk):
    return f"{kind}-{pk}@{urlsplit(settings.SITE_URL).hostname}"


def component(uid_, title, start, end, where, description, url, stamp):
    item = Event()
    item.add("uid", uid_)
    item.add("dtstamp", stamp)
    item.add("dtstart", timezone.localtime(start))
    item.add("dtend", timezone.localtime(end))
    item.add("summary", title)
    if where:
        item.add("location", where)
    if description:
        item.add("description", description)
    item.add("url", url)
    return item


def event_components(event, with_activities, stamp):
    url = event.get_full_url()
    yield component(uid("evenement", event.pk), event.title, event.start, event.eind, event.waar,
                    event.samenvatting, url, stamp)
    if with_activities:
        for activity in event.activiteiten.all():
            yield component(uid("activiteit", activity.pk), f"{activity.titel} ({event.title})", activity.start,
                            activity.eind, activity.waar, strip_tags(activity.omschrijving), url, stamp)


def new_calendar(name):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    return cal


def calendar(events, name, with_activities=False):
    cal = new_calendar(name)
    stamp = timezone.now()
    for event in events:
        for item in event_components(event, with_activities, stamp):
            cal.add_component(item)
    add_timezones(cal, [moment for item in cal.walk("VEVENT") for moment in (item.start, item.end)])
    return cal


def activity_calendar(activity, event):
    """One activity of an event (the attachment of a registration for it)."""
    cal = new_calendar(event.title)
    cal.add_component(component(
        uid("activiteit", activity.pk), f"{activity.titel} ({event.title})", activity.start, activity.eind,
        activity.waar, strip_tags(activity.omschrijving), event.get_full_url(), timezone.now(),
    ))
    add_timezones(cal, [activity.start, activity.eind])
    return cal


def add_timezones(cal, moments):
    """The VTIMEZONE of Europe/Amsterdam, covering the events' years only (not 1970-2038)."""
    days = [timezone.localtime(moment).date() for moment in moments]
    if days:
        cal.add_missing_timezones(first_date=date(min(days).year, 1, 1), last_date=date(max(days).year + 1, 1, 1))
    else:
        cal.add_missing_timezones()


def ics_response(cal, filename):
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
