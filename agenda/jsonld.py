"""schema.org Event for an event open to everyone (only rendered on the page of a public event)."""

import json

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe


def place(item, url):
    locations = []
    if item.plaats:
        locations.append({"@type": "Place", "name": item.plaats,
                          "address": {"@type": "PostalAddress", "streetAddress": item.plaats, "addressCountry": "NL"}})
    if item.online:
        locations.append({"@type": "VirtualLocation", "url": url})
    return locations[0] if len(locations) == 1 else locations


def attendance_mode(item):
    if item.online and item.plaats:
        return "https://schema.org/MixedEventAttendanceMode"
    if item.online:
        return "https://schema.org/OnlineEventAttendanceMode"
    return "https://schema.org/OfflineEventAttendanceMode"


def event_data(event):
    url = event.get_full_url()
    data = {
        "@context": "https://schema.org/",
        "@type": "Event",
        "name": event.title,
        "description": event.samenvatting,
        "startDate": timezone.localtime(event.start).isoformat(),
        "endDate": timezone.localtime(event.eind).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": attendance_mode(event),
        "location": place(event, url),
        "organizer": {"@type": "Organization", "name": event.organisator},
        "isAccessibleForFree": True,
        "url": url,
    }
    sub_events = []
    for activity in event.activiteiten.all():
        sub_events.append({
            "@type": "Event",
            "name": activity.titel,
            "description": strip_tags(activity.omschrijving) or event.samenvatting,
            "startDate": timezone.localtime(activity.start).isoformat(),
            "endDate": timezone.localtime(activity.eind).isoformat(),
            "eventAttendanceMode": attendance_mode(activity),
            "location": place(activity, url),
            "url": url,
        })
    if sub_events:
        data["subEvent"] = sub_events
    return data


def event_json_ld(event):
    """The <script> body, safe to embed: '<', '>' and '&' are escaped inside the JSON."""
    text = json.dumps(event_data(event), ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - escaped above
