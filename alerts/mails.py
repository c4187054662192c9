"""The mails of an alert, built from templates (text and HTML): confirmation, new vacancies, keep-or-stop."""

from datetime import date, timedelta
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats

from vacatures import phases

from . import criteria as alert_criteria


def site_url(path: str) -> str:
    return urljoin(settings.SITE_URL + "/", path)


def day(value: date) -> str:
    return formats.date_format(value, "j F Y")


def marker(vacancy, onder_water: bool, today: date) -> str:
    """Who may see a vacancy that is not public yet, and until when (empty for a public one)."""
    if not onder_water:
        return ""
    if phases.phase_on(vacancy, today) == phases.INTERN:
        until = vacancy.start_netwerk - timedelta(days=1) if vacancy.start_netwerk else None
        who = f"alleen voor medewerkers van {vacancy.werkgever.title}"
    else:
        until = vacancy.start_openbaar - timedelta(days=1) if vacancy.start_openbaar else None
        who = "alleen voor medewerkers van deelnemende werkgevers"
    return f"{who} tot {day(until)}" if until else f"{who}; deze vacature wordt niet openbaar"


def links(token):
    return {
        "beheren": site_url(reverse("alerts:beheren", args=[token])),
        "stoppen": site_url(reverse("alerts:stoppen", args=[token])),
    }


def message(alert, subject, template, context):
    context = {**context, "alert": alert, "criteria": alert_criteria.describe(alert.criteria)}
    mail = EmailMultiAlternatives(
        subject, render_to_string(f"alerts/mail/{template}.txt", context),
        settings.DEFAULT_FROM_EMAIL, [alert.email], headers=context.get("headers"),
    )
    mail.attach_alternative(render_to_string(f"alerts/mail/{template}.html", context), "text/html")
    return mail


def confirmation(alert, token):
    link = site_url(reverse("alerts:bevestigen", args=[token]))
    return message(alert, "Bevestig je vacaturealert", "bevestiging", {"link": link})


def subject_for(vacancies) -> str:
    first = vacancies[0].title
    others = len(vacancies) - 1
    if not others:
        return f"Nieuwe vacature: {first}"
    return f"Nieuwe vacatures: {first} en {others} andere"


def new_vacancies(alert, token, rows, today: date):
    """`rows`: (vacancy, onder_water) in the order of the mail: onder water first, then by closing date."""
    items = [
        {
            "vacature": vacancy,
            "url": site_url(vacancy.get_url()),
            "sluit": day(vacancy.sluitingsdatum),
            "marker": marker(vacancy, onder_water, today),
        }
        for vacancy, onder_water in rows
    ]
    urls = links(token)
    headers = {
        "List-Unsubscribe": f"<{urls['stoppen']}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
    search = site_url("/vacatures/?" + alert_criteria.querystring(alert.criteria))
    return message(
        alert, subject_for([v for v, _ in rows]), "vacatures",
        {"items": items, "headers": headers, "zoeken": search, **urls},
    )


def keep_question(alert, token, delete_on: date):
    urls = links(token)
    headers = {"List-Unsubscribe": f"<{urls['stoppen']}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    return message(
        alert, "Wil je je vacaturealert houden?", "bewaren",
        {"verwijderdatum": day(delete_on), "headers": headers, **urls},
    )
