"""Mail about a registration, sent in the background (see outbox): the confirmation (a place, with an
.ics file, or the waiting list) and the news that a place came free. Each mail has a one-time link to
cancel (only its hash is stored; each mail makes a new link, so an unsent one is never known)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse

from kern.one_time_link import new_token, token_hash
from outbox import deliver, mail_task

from .choices import Status
from .ics import session_calendar
from .models import Inschrijving


def _registration(inschrijving_id):
    return (
        Inschrijving.objects.select_related("sessie", "sessie__opleiding", "medewerker", "werkgever")
        .filter(pk=inschrijving_id).first()
    )


def body(inschrijving, soort, link):
    sessie, opleiding = inschrijving.sessie, inschrijving.sessie.opleiding
    if inschrijving.status == Status.INGESCHREVEN:
        opening = (
            "Er is een plaats vrijgekomen: je staat nu ingeschreven" if soort == "plaats"
            else "Je bent ingeschreven"
        ) + f" voor ‘{opleiding.title}’."
        agenda = "In de bijlage staat de afspraak voor je agenda (.ics)."
    else:
        opening = (
            f"De sessie van ‘{opleiding.title}’ is vol. Je staat op de wachtlijst: komt er een plaats vrij, "
            "dan krijg je die in volgorde van aanmelding en mailen we je meteen."
        )
        agenda = ""
    lines = [
        f"Hallo {inschrijving.naam},",
        "",
        opening,
        "",
        f"Wanneer: {sessie.wanneer}",
        f"Waar: {'online (de link volgt van de aanbieder)' if sessie.online else sessie.adres_tekst}",
        f"Aanbieder: {opleiding.aanbieder}",
        f"Kosten: {opleiding.kosten_tekst}",
    ]
    if agenda:
        lines += ["", agenda]
    lines += [
        "",
        "Kun je toch niet? Meld je dan af via deze link, dan gaat je plaats naar de volgende op de wachtlijst:",
        link,
        "",
        f"De contactpersoon van de Twentse School bij {inschrijving.werkgever.title} ziet je inschrijving.",
        "",
        "Met vriendelijke groet,",
        "Twentse School, In Beweging",
    ]
    return "\n".join(lines) + "\n"


@mail_task
def mail_registration(inschrijving_id, soort="bevestiging", attempt=1):
    """`soort`: 'bevestiging' (after registering) or 'plaats' (moved up from the waiting list)."""
    inschrijving = _registration(inschrijving_id)
    if inschrijving is None or inschrijving.status == Status.GEANNULEERD or inschrijving.medewerker is None:
        return
    token = new_token()
    Inschrijving.objects.filter(pk=inschrijving.pk).update(annuleer_hash=token_hash(token))
    link = settings.SITE_URL + reverse("opleidingen:annuleren", args=[token])
    opleiding = inschrijving.sessie.opleiding
    if inschrijving.status == Status.INGESCHREVEN:
        subject = f"{'Plaats vrijgekomen: je' if soort == 'plaats' else 'Je'} bent ingeschreven voor {opleiding.title}"
    else:
        subject = f"Je staat op de wachtlijst voor {opleiding.title}"
    message = EmailMessage(subject, body(inschrijving, soort, link), settings.DEFAULT_FROM_EMAIL,
                           [inschrijving.medewerker.email])
    if inschrijving.status == Status.INGESCHREVEN:
        message.attach("opleiding.ics", session_calendar(inschrijving.sessie, opleiding), "text/calendar")
    deliver(message, mail_registration, (inschrijving_id, soort), attempt, f"inschrijving {inschrijving_id} ({soort})")
