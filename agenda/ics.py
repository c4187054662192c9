"""iCalendar for the agenda (building blocks in kern/icalendar.py): the feed of upcoming public events
(/agenda/feed.ics) and one file per event (the event and its activities). What goes in is decided by the
caller (agenda/views.py)."""

from django.utils import timezone
from django.utils.html import strip_tags

from kern.icalendar import add_timezones, component, new_calendar, uid

PRODID = "-//In Beweging//Agenda//NL"


def event_components(event, with_activities, stamp):
    url = event.get_full_url()
    yield component(uid("evenement", event.pk), event.title, event.start, event.eind, event.waar,
                    event.samenvatting, url, stamp)
    if with_activities:
        for activity in event.activiteiten.all():
            yield activity_component(activity, event, url, stamp)


def activity_component(activity, event, url, stamp):
    return component(uid("activiteit", activity.pk), f"{activity.titel} ({event.title})", activity.start,
                     activity.eind, activity.waar, strip_tags(activity.omschrijving), url, stamp)


def calendar(events, name, with_activities=False):
    cal = new_calendar(PRODID, name)
    stamp = timezone.now()
    for event in events:
        for item in event_components(event, with_activities, stamp):
            cal.add_component(item)
    return add_timezones(cal)


def activity_calendar(activity, event):
    """One activity of an event (the attachment of a registration for it)."""
    cal = new_calendar(PRODID, event.title)
    cal.add_component(activity_component(activity, event, event.get_full_url(), timezone.now()))
    return add_timezones(cal)
