"""Mail to the employee, sent in the background (see outbox): an invitation, and the inactivity notices.
Each task gets an id and reads the rest when it runs; a profile deleted meanwhile gets no mail. A mail to
the employee never names other invitees or the HR user."""

from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import formats

from outbox import deliver, mail_task

from .models import Profiel, Uitnodiging


@mail_task
def send_invitation(uitnodiging_id, attempt=1):
    uitnodiging = Uitnodiging.objects.select_related(
        "profiel__medewerker", "vacature", "klus", "werkgever",
    ).filter(pk=uitnodiging_id).first()
    if uitnodiging is None:
        return
    link = settings.SITE_URL + reverse("profielen:uitnodiging", args=[uitnodiging.pk])
    message = EmailMessage(
        f"Uitnodiging van {uitnodiging.werkgever.title}: {uitnodiging.doel.title}",
        f"Hallo,\n\n{uitnodiging.werkgever.title} zag je anonieme profiel op In Beweging en nodigt je uit "
        f"om te reageren op de {uitnodiging.soort} ‘{uitnodiging.doel.title}’.\n\nHun bericht:\n{uitnodiging.bericht}\n\n"
        "De werkgever weet niet wie je bent. Pas als je de uitnodiging accepteert, ziet de werkgever je naam, "
        "e-mailadres en je cv (als je dat in je profiel hebt). Afwijzen maakt niets bekend.\n\n"
        f"Bekijk de uitnodiging en geef je antwoord (na inloggen):\n{link}\n",
        settings.DEFAULT_FROM_EMAIL, [uitnodiging.profiel.medewerker.email],
    )
    deliver(message, send_invitation, (uitnodiging_id,), attempt, f"uitnodiging {uitnodiging_id}")


@mail_task
def send_inactivity_notice(profiel_id, kind, deadline, attempt=1):
    """kind: "waarschuwing" (the profile switches off on `deadline`, an ISO date) or "uitgezet"."""
    profiel = Profiel.objects.select_related("medewerker").filter(pk=profiel_id).first()
    if profiel is None:
        return
    link = settings.SITE_URL + reverse("profielen:profiel")
    if kind == "waarschuwing":
        day = formats.date_format(date.fromisoformat(deadline), "j F Y")
        subject = "Je profiel op In Beweging gaat binnenkort uit"
        body = (
            f"Hallo,\n\nJe bent al een tijd niet ingelogd op In Beweging. Op {day} zetten we je profiel daarom "
            "uit: werkgevers zien je kaart dan niet meer. Log voor die datum in om het aan te laten:\n\n"
            f"{link}\n\nNa 12 maanden zonder inloggen verwijderen we je profiel en je cv.\n"
        )
    else:
        subject = "Je profiel op In Beweging staat uit"
        body = (
            "Hallo,\n\nJe bent 6 maanden niet ingelogd op In Beweging. Je profiel staat daarom uit: werkgevers "
            "zien je kaart niet meer. Log in en zet het weer aan als je wilt:\n\n"
            f"{link}\n\nNa 12 maanden zonder inloggen verwijderen we je profiel en je cv.\n"
        )
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [profiel.medewerker.email])
    deliver(message, send_inactivity_notice, (profiel_id, kind, deadline), attempt, f"profiel {profiel_id} {kind}")
