"""Mail about swaps, sent in the background (see outbox). Each task gets ids only and reads the rest when it
runs; one message per person, so nobody sees another's address before everybody said yes."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db.models import Q

from outbox import deliver, mail_task
from vacatures.roles import COORDINATORS

from .models import Deelname, Ruil

SWAP_PAGE = "/medewerkers/ruilen/"


def _deelname(deelname_id):
    return (
        Deelname.objects.select_related("ruil", "aanbod", "aanbod__medewerker", "werkgever")
        .filter(pk=deelname_id, aanbod__isnull=False).first()
    )


def _kind(ruil):
    return "een ruil met één ander" if ruil.soort == "paar" else "een ruil in een ring van drie"


@mail_task
def mail_new_match(deelname_id, attempt=1):
    """A new possible swap: anonymous, with the link to ‘Mogelijke ruilen’."""
    deelname = _deelname(deelname_id)
    if deelname is None:
        return
    message = EmailMessage(
        "Er is een mogelijke ruil voor je baan",
        "Hallo,\n\n"
        f"Voor je aanbod ‘{deelname.aanbod.functie}’ bij Jouw Baan Mijn Baan is {_kind(deelname.ruil)} gevonden. "
        "Bekijk de andere banen (zonder namen) bij Mogelijke ruilen en zeg ‘Interesse’ als je wilt:\n\n"
        f"{settings.SITE_URL}{SWAP_PAGE}\n\n"
        "Pas als iedereen in de ruil interesse heeft, zien jullie elkaars naam en e-mailadres.\n\n"
        "Met vriendelijke groet,\nIn Beweging\n",
        settings.DEFAULT_FROM_EMAIL, [deelname.aanbod.medewerker.email],
    )
    deliver(message, mail_new_match, (deelname_id,), attempt, f"nieuwe ruil {deelname.ruil_id}")


@mail_task
def mail_swap_proposed(deelname_id, attempt=1):
    """Everybody said yes: the others' names, e-mail addresses and jobs, and what happens next."""
    deelname = _deelname(deelname_id)
    if deelname is None:
        return
    others = [
        f"- {d.aanbod.naam} <{d.aanbod.medewerker.email}>, {d.aanbod.functie} bij {d.werkgever.title}"
        for d in deelname.ruil.ordered_deelnames() if d.pk != deelname.pk and d.aanbod is not None
    ]
    message = EmailMessage(
        "Iedereen heeft interesse in jullie ruil",
        f"Hallo {deelname.aanbod.naam},\n\n"
        f"Iedereen in {_kind(deelname.ruil)} heeft ‘Interesse’ gezegd. Dit zijn de anderen:\n\n"
        + "\n".join(others)
        + "\n\nNeem gerust contact met elkaar op. Jullie werkgevers krijgen bericht en moeten de ruil "
        "goedkeuren; daarna hoor je meer.\n\n"
        f"De ruil staat ook bij Mogelijke ruilen: {settings.SITE_URL}{SWAP_PAGE}\n\n"
        "Met vriendelijke groet,\nIn Beweging\n",
        settings.DEFAULT_FROM_EMAIL, [deelname.aanbod.medewerker.email],
    )
    deliver(message, mail_swap_proposed, (deelname_id,), attempt, f"ruil {deelname.ruil_id} voorgesteld")


def _users(**filters):
    return get_user_model().objects.filter(is_active=True, **filters).exclude(email="")


def proposal_recipients(ruil_id):
    """Who hears that a swap is proposed, one address each: the editors of its employers and the network's
    coordinators (active users with an address)."""
    werkgever_ids = Deelname.objects.filter(ruil_id=ruil_id).values("werkgever_id")
    users = _users().filter(
        Q(groups__werkgever_redactie__werkgever_id__in=werkgever_ids) | Q(groups__name=COORDINATORS),
    )
    return sorted(set(users.values_list("email", flat=True)))


def _and(names):
    return " en ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else names[0]


@mail_task
def mail_employer_proposed(ruil_id, email, attempt=1):
    """To one employer editor or coordinator, once per swap: the swap's employers and jobs, and on behalf of
    which of them this person can agree in the admin (a coordinator: all)."""
    ruil = Ruil.objects.filter(pk=ruil_id).first()
    deelnames = list(ruil.ordered_deelnames()) if ruil else []
    users = _users(email=email)
    edited = set(users.values_list("groups__werkgever_redactie__werkgever_id", flat=True))
    coordinator = users.filter(groups__name=COORDINATORS).exists()
    own = list(dict.fromkeys(d.werkgever.title for d in deelnames if coordinator or d.werkgever_id in edited))
    if not own:
        return
    jobs = "\n".join(
        f"- {d.werkgever.title}: ‘{d.aanbod.functie}’" if d.aanbod else f"- {d.werkgever.title}" for d in deelnames
    )
    message = EmailMessage(
        f"Ruil {ruil.pk} voorgesteld: akkoord van {_and(own)} nodig",
        f"Medewerkers van deze werkgevers willen via Jouw Baan Mijn Baan tijdelijk ruilen ({_kind(ruil)}):\n\n"
        f"{jobs}\n\n"
        "Alle deelnemers hebben interesse; nu moet elke werkgever akkoord geven. "
        f"Je kunt akkoord geven namens {_and(own)}.\n\n"
        f"Bekijk de ruil en geef akkoord in het beheer (na inloggen): {settings.SITE_URL}/admin/ruilen/{ruil.pk}/\n",
        settings.DEFAULT_FROM_EMAIL, [email],
    )
    deliver(message, mail_employer_proposed, (ruil_id, email), attempt, f"ruil {ruil_id} aan werkgever")
