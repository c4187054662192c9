"""The lists of /agenda/ (upcoming) and /agenda/afgelopen/ (past), with two cheap filters: month and
audience. The visible queryset comes in from the page (`EvenementPage.objects.visible_to(audience)`):
every number and option here is counted over it, so nothing hidden is ever counted."""

from django.utils import formats, timezone

from kern.audience import audience_for

from .choices import Doelgroep

MONTH_PARAM = "maand"
AUDIENCE_PARAM = "voor"


def month_key(moment):
    return timezone.localtime(moment).strftime("%Y-%m")


def month_label(key):
    year, month = (int(part) for part in key.split("-"))
    return formats.date_format(timezone.datetime(year, month, 1), "F Y")


def agenda_context(request, visible, past):
    events = list((visible.past() if past else visible.upcoming()).only(
        "pk", "title", "url_path", "slug", "start", "eind", "plaats", "online", "organisator", "doelgroep",
        "samenvatting", "nabericht", "depth", "path",
    ))
    months = {}
    for event in events:
        key = month_key(event.start)
        months[key] = months.get(key, 0) + 1
    month = request.GET.get(MONTH_PARAM, "")
    if month not in months:
        month = ""
    employee = audience_for(request).werkgever_id is not None
    audience = request.GET.get(AUDIENCE_PARAM, "") if employee else ""
    if audience not in Doelgroep.values:
        audience = ""
    selected = [
        e for e in events
        if (not month or month_key(e.start) == month) and (not audience or e.doelgroep == audience)
    ]
    return {
        "evenementen": selected,
        "afgelopen": past,
        "totaal": len(selected),
        "maanden": [(key, month_label(key), count, key == month) for key, count in sorted(months.items())],
        "gekozen_maand": month,
        "doelgroepen": [(value, label, value == audience) for value, label in Doelgroep.choices] if employee else [],
        "gekozen_doelgroep": audience,
        "filters_actief": bool(month or audience),
        "MONTH_PARAM": MONTH_PARAM,
        "AUDIENCE_PARAM": AUDIENCE_PARAM,
    }
