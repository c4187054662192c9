"""Mail about a reaction, sent in the background (see outbox): a note to the employer's contact and a
confirmation to the candidate. The tasks get the reaction's id only and read the rest when they run;
a reaction deleted in the meantime gets no mail."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import formats, timezone

from kern.one_time_link import new_token, token_hash
from outbox import deliver, mail_task

from .models import BEWAARTERMIJN_MET_TOESTEMMING, BEWAARTERMIJN_NA_SLUITING, KlusReactie, Reactie


def contact_address(vacancy):
    return vacancy.contact_email or vacancy.reageer_email


def _reaction(reactie_id):
    return Reactie.objects.select_related("vacature", "vacature__werkgever").filter(pk=reactie_id).first()


@mail_task
def notify_employer(reactie_id, attempt=1):
    reactie = _reaction(reactie_id)
    if reactie is None or not contact_address(reactie.vacature):
        return
    vacancy = reactie.vacature
    admin_url = f"{settings.SITE_URL}/admin/reacties/?vacature={vacancy.pk}"
    message = EmailMessage(
        f"Nieuwe reactie op {vacancy.title}",
        f"Er is een nieuwe reactie op de vacature ‘{vacancy.title}’ van {reactie.naam}.\n\n"
        f"Bekijk de reactie en het cv in het beheer (na inloggen): {admin_url}\n",
        settings.DEFAULT_FROM_EMAIL, [contact_address(vacancy)],
    )
    deliver(message, notify_employer, (reactie_id,), attempt, f"reactie {reactie_id} aan werkgever")


def retention_text(reactie):
    """How long this reaction is kept, in the words of the rules in retention.py."""
    if reactie.toestemming_bewaren:
        # `bewaartermijnen` deletes it on the first day after a year from its receipt
        until = timezone.localdate(reactie.aangemaakt + BEWAARTERMIJN_MET_TOESTEMMING) + timedelta(days=1)
        return (
            "Je gaf toestemming om je gegevens een jaar te bewaren voor andere passende vacatures. "
            f"We verwijderen je reactie en cv daarom op {formats.date_format(until, 'j F Y')}."
        )
    closing = reactie.vacature.sluitingsdatum
    # a vacancy closes at the end of its closing date: `bewaartermijnen` deletes on the 29th day after it
    latest = formats.date_format(closing + BEWAARTERMIJN_NA_SLUITING + timedelta(days=1), "j F Y")
    return (
        "We verwijderen je reactie en cv vier weken nadat de vacature is vervuld of gesloten. De vacature "
        f"sluit op {formats.date_format(closing, 'j F Y')}, dus uiterlijk op {latest} "
        "(tenzij de werkgever de sluitingsdatum verschuift). Het aantal reacties op de vacature houden we "
        "bij, zonder gegevens over jou."
    )


def confirmation_body(reactie, deletion_link):
    vacancy = reactie.vacature
    contact = contact_address(vacancy)
    lines = [
        f"Hallo {reactie.naam},",
        "",
        f"Bedankt voor je reactie op de vacature ‘{vacancy.title}’ bij {vacancy.werkgever.title}. "
        "We hebben je reactie doorgestuurd naar de werkgever. Dit heb je ons gestuurd:",
        "",
        f"Naam: {reactie.naam}",
        f"E-mailadres: {reactie.email}",
        f"Telefoon: {reactie.telefoon or 'niet ingevuld'}",
        "Cv: meegestuurd als pdf (niet in deze e-mail)",
        f"Een jaar bewaren voor andere vacatures: {'ja' if reactie.toestemming_bewaren else 'nee'}",
        "",
        "Motivatie:",
        reactie.motivatie,
        "",
        "Hoe lang we je gegevens bewaren",
        retention_text(reactie),
        "",
        "Eerder laten verwijderen",
        "Wil je dat we je reactie en cv nu al verwijderen? Open deze link en bevestig daar:",
        deletion_link,
    ]
    if contact:
        lines += ["", f"Vragen over de vacature? Mail de werkgever: {contact} (of beantwoord deze e-mail)."]
    lines += ["", "Met vriendelijke groet,", "In Beweging"]
    return "\n".join(lines) + "\n"


@mail_task
def confirm_to_candidate(reactie_id, attempt=1):
    """What the candidate sent (without the CV), how long it is kept and a one-time deletion link.
    Only the link's hash is stored; each attempt makes a new link (an unsent one is never known)."""
    reactie = _reaction(reactie_id)
    if reactie is None:
        return
    token = new_token()
    Reactie.objects.filter(pk=reactie.pk).update(verwijder_hash=token_hash(token))
    link = settings.SITE_URL + reverse("reageren:verwijderen", args=[token])
    contact = contact_address(reactie.vacature)
    message = EmailMessage(
        f"Je reactie op {reactie.vacature.title}",
        confirmation_body(reactie, link),
        settings.DEFAULT_FROM_EMAIL, [reactie.email],
        reply_to=[contact] if contact else None,
    )
    deliver(message, confirm_to_candidate, (reactie_id,), attempt, f"bevestiging reactie {reactie_id}")


# --------------------------------------------------------------------------- klussen


def _klus_reaction(reactie_id):
    return KlusReactie.objects.select_related("klus", "klus__werkgever").filter(pk=reactie_id).first()


@mail_task
def notify_klus_employer(reactie_id, attempt=1):
    """To the klus's contact: a new reaction, read in the admin (no personal data beyond the name)."""
    reactie = _klus_reaction(reactie_id)
    if reactie is None:
        return
    klus = reactie.klus
    admin_url = f"{settings.SITE_URL}/admin/klusreacties/?klus={klus.pk}"
    message = EmailMessage(
        f"Nieuwe reactie op de klus {klus.title}",
        f"Er is een nieuwe reactie op de klus ‘{klus.title}’ van {reactie.naam}.\n\n"
        f"Bekijk de reactie in het beheer (na inloggen): {admin_url}\n",
        settings.DEFAULT_FROM_EMAIL, [klus.contact_email],
    )
    deliver(message, notify_klus_employer, (reactie_id,), attempt, f"klusreactie {reactie_id} aan werkgever")


def klus_confirmation_body(reactie, deletion_link):
    klus = reactie.klus
    # `bewaartermijnen` deletes it on the 29th day after the klus closed (see retention.py)
    latest = formats.date_format(klus.sluitingsdatum + BEWAARTERMIJN_NA_SLUITING + timedelta(days=1), "j F Y")
    lines = [
        f"Hallo {reactie.naam},",
        "",
        f"Bedankt voor je reactie op de klus ‘{klus.title}’ bij {klus.werkgever.title}. "
        "We hebben je reactie doorgestuurd naar de contactpersoon. Dit heb je ons gestuurd:",
        "",
        f"Naam: {reactie.naam}",
        f"E-mailadres: {reactie.email}",
        f"Telefoon: {reactie.telefoon or 'niet ingevuld'}",
    ]
    if reactie.besproken:
        lines.append(f"Besproken met je leidinggevende: {reactie.get_besproken_display().lower()}")
    lines += [
        "",
        "Motivatie:",
        reactie.motivatie,
        "",
        "Hoe lang we je gegevens bewaren",
        "We verwijderen je reactie vier weken nadat de klus is afgesloten of gesloten. De klus sluit op "
        f"{formats.date_format(klus.sluitingsdatum, 'j F Y')}, dus uiterlijk op {latest} "
        "(tenzij de werkgever de sluitingsdatum verschuift).",
        "",
        "Eerder laten verwijderen",
        "Wil je dat we je reactie nu al verwijderen? Open deze link en bevestig daar:",
        deletion_link,
        "",
        f"Vragen over de klus? Mail {klus.contactpersoon}: {klus.contact_email} (of beantwoord deze e-mail).",
        "",
        "Met vriendelijke groet,",
        "In Beweging",
    ]
    return "\n".join(lines) + "\n"


@mail_task
def confirm_klus_to_candidate(reactie_id, attempt=1):
    """What the employee sent, how long it is kept and a one-time deletion link (only its hash is stored)."""
    reactie = _klus_reaction(reactie_id)
    if reactie is None:
        return
    token = new_token()
    KlusReactie.objects.filter(pk=reactie.pk).update(verwijder_hash=token_hash(token))
    link = settings.SITE_URL + reverse("reageren:verwijderen", args=[token])
    message = EmailMessage(
        f"Je reactie op de klus {reactie.klus.title}",
        klus_confirmation_body(reactie, link),
        settings.DEFAULT_FROM_EMAIL, [reactie.email], reply_to=[reactie.klus.contact_email],
    )
    deliver(message, confirm_klus_to_candidate, (reactie_id,), attempt, f"bevestiging klusreactie {reactie_id}")
