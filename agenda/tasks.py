"""Mail about a registration, sent in the background (see outbox): the confirmation (a place, or the waiting
list) and the news that a place came free. What and when, for a place the event as an .ics attachment, and a
one-time cancel link (only its hash is stored; each mail and each attempt makes a new link)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse

from kern.one_time_link import new_token, token_hash
from outbox import deliver, mail_task

from . import ics
from .models import Aanmelding


def confirmation_body(aanmelding, soort, cancel_link):
    event, item = aanmelding.evenement, aanmelding.onderdeel
    if aanmelding.wachtlijst:
        opening = (
            f"‘{aanmelding.titel}’ is vol. Je staat op de wachtlijst: komt er een plaats vrij, dan krijg je die "
            "in volgorde van aanmelding en mailen we je meteen."
        )
        cancel = ["Wil je niet meer op de wachtlijst staan? Meld je af via deze link:"]
    else:
        opening = "Er is een plaats vrijgekomen: je bent nu aangemeld" if soort == "plaats" else "Je bent aangemeld"
        opening += f" voor ‘{aanmelding.titel}’."
        cancel = [
            "De afspraak zit als agenda-bestand (.ics) bij deze e-mail.",
            "",
            "Kun je toch niet? Meld je af via deze link, dan komt je plaats vrij voor een ander:",
        ]
    lines = [
        f"Hallo {aanmelding.naam},",
        "",
        opening,
        "",
        f"Wanneer: {item.wanneer}",
        f"Waar: {item.waar}",
        f"Organisator: {event.organisator}",
        f"Meer informatie: {event.get_full_url()}",
        "",
        *cancel,
        cancel_link,
        "",
        "We bewaren je naam en e-mailadres tot 30 dagen na afloop en verwijderen ze daarna.",
        "",
        "Met vriendelijke groet,",
        "In Beweging",
    ]
    return "\n".join(lines) + "\n"


@mail_task
def confirm_registration(aanmelding_id, soort="bevestiging", attempt=1):
    """`soort`: 'bevestiging' (after registering) or 'plaats' (moved up from the waiting list)."""
    aanmelding = Aanmelding.objects.select_related("evenement", "activiteit").filter(pk=aanmelding_id).first()
    if aanmelding is None:
        return
    token = new_token()
    Aanmelding.objects.filter(pk=aanmelding.pk).update(annuleer_hash=token_hash(token))
    link = settings.SITE_URL + reverse("agenda:annuleren", args=[token])
    if aanmelding.wachtlijst:
        subject = "Op de wachtlijst"
    else:
        subject = "Er is een plaats vrijgekomen" if soort == "plaats" else "Aangemeld"
    message = EmailMessage(
        f"{subject}: {aanmelding.titel}", confirmation_body(aanmelding, soort, link),
        settings.DEFAULT_FROM_EMAIL, [aanmelding.email],
    )
    if not aanmelding.wachtlijst:  # the appointment comes with a place
        event = aanmelding.evenement
        if aanmelding.activiteit_id:
            cal = ics.activity_calendar(aanmelding.activiteit, event)
        else:
            cal = ics.calendar([event], event.title)
        message.attach("afspraak.ics", cal.to_ical(), "text/calendar")
    deliver(message, confirm_registration, (aanmelding_id, soort), attempt, f"{soort} aanmelding {aanmelding_id}")
