"""The sign-in mail, sent in the background (see outbox)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse

from kern.one_time_link import token_hash
from outbox import deliver, mail_task

from .models import Inloglink, employer_for_email


@mail_task
def send_sign_in_link(email, attempt=1):
    """Every sign-in request ends up here, whatever the address: the request itself did the same work
    for all of them. Only an address of a participating employer gets a link, valid for 30 minutes from
    this attempt; a link whose mail could not be sent is deleted (nobody has it)."""
    employer = employer_for_email(email)
    if employer is None:
        return
    token = Inloglink.issue(email, employer)
    link = settings.SITE_URL + reverse("medewerkers:bevestigen", args=[token])
    message = EmailMessage(
        "Je inloglink voor In Beweging",
        f"Hallo,\n\nMet deze link log je in bij In Beweging als medewerker van {employer.title}. "
        f"De link werkt één keer en is 30 minuten geldig:\n\n{link}\n\n"
        "Heb je dit niet aangevraagd? Dan kun je deze e-mail negeren.",
        settings.DEFAULT_FROM_EMAIL, [email],
    )
    if not deliver(message, send_sign_in_link, (email,), attempt, "inloglink"):
        Inloglink.objects.filter(token_hash=token_hash(token)).delete()
