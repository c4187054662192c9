"""iCalendar (RFC 5545) building blocks shared by the agenda and the Twentse School, on the `icalendar`
library: one VEVENT, a calendar with its name, the VTIMEZONE of the events' years and the HTTP response.
Times are written in Europe/Amsterdam (settings.TIME_ZONE) with the VTIMEZONE that calendar apps need."""

from datetime import date
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event


def uid(kind, pk):
    """A stable, globally unique id: the same event keeps its id in every feed and attachment."""
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


def new_calendar(prodid, name):
    cal = Calendar()
    cal.add("prodid", prodid)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    return cal


def add_timezones(cal):
    """The VTIMEZONE of Europe/Amsterdam, covering the years of the calendar's events only (not 1970-2038)."""
    days = [timezone.localtime(moment).date() for item in cal.walk("VEVENT") for moment in (item.start, item.end)]
    if days:
        cal.add_missing_timezones(first_date=date(min(days).year, 1, 1), last_date=date(max(days).year + 1, 1, 1))
    else:
        cal.add_missing_timezones()
    return cal


def ics_response(cal, filename):
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
