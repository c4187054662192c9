"""The confirmation of a registration, sent in the background (see outbox): what and when, the event as an
.ics attachment, and a one-time cancel link (only its hash is stored; each attempt makes a new link)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse

from kern.one_time_link import new_token, token_hash
from outbox import deliver, mail_task

from . import ics
from .models import Aanmelding


def confirmation_body(aanmelding, cancel_link):
    event, item = aanmelding.evenement, aanmelding.onderdeel
    lines = [
        f"Hallo {aanmelding.naam},",
        "",
        f"Je bent aangemeld voor ‘{aanmelding.titel}’.",
        "",
        f"Wanneer: {item.wanneer}",
        f"Waar: {item.waar}",
        f"Organisator: {event.organisator}",
        f"Meer informatie: {event.get_full_url()}",
        "",
        "De afspraak zit als agenda-bestand (.ics) bij deze e-mail.",
        "",
        "Kun je toch niet? Meld je af via deze link, dan komt je plaats vrij voor een ander:",
        cancel_link,
        "",
        "We bewaren je naam en e-mailadres tot 30 dagen na afloop en verwijderen ze daarna.",
        "",
        "Met vriendelijke groet,",
        "In Beweging",
    ]
    return "\n".join(lines) + "\n"


@mail_task
def confirm_registration(aanmelding_id, attempt=1):
    aanmelding = Aanmelding.objects.select_related("evenement", "activiteit").filter(pk=aanmelding_id).first()
    if aanmelding is None:
        return
    token = new_token()
    Aanmelding.objects.filter(pk=aanmelding.pk).update(annuleer_hash=token_hash(token))
    link = settings.SITE_URL + reverse("agenda:annuleren", args=[token])
    message = EmailMessage(
        f"Aangemeld: {aanmelding.titel}", confirmation_body(aanmelding, link),
        settings.DEFAULT_FROM_EMAIL, [aanmelding.email],
    )
    event = aanmelding.evenement
    if aanmelding.activiteit_id:
        cal = ics.activity_calendar(aanmelding.activiteit, event)
    else:
        cal = ics.calendar([event], event.title)
    message.attach("afspraak.ics", cal.to_ical(), "text/calendar")
    deliver(message, confirm_registration, (aanmelding_id,), attempt, f"bevestiging aanmelding {aanmelding_id}")
