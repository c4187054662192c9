"""Mail about a question, sent in the background (outbox): the confirmation with the thread link to the asker,
a note to the routed adviser (no personal data, only a link into the admin) and the answer to the asker.
Each task gets the question's id and reads the rest when it runs; a question deleted meanwhile gets no mail."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse

from outbox import deliver, mail_task

from .models import Vraag, answer_time_target

BEWAREN = ("We bewaren je vraag en ons antwoord 12 maanden na het antwoord en verwijderen ze daarna. "
           "Een vraag die nooit beantwoord is, verwijderen we 12 maanden na ontvangst.")


def _question(vraag_id):
    return Vraag.objects.select_related("onderwerp", "adviseur").filter(pk=vraag_id).first()


def thread_link(vraag):
    return settings.SITE_URL + reverse("vragen:draad", args=[vraag.new_link()])


@mail_task
def confirm_question(vraag_id, attempt=1):
    vraag = _question(vraag_id)
    if vraag is None:
        return
    body = "\n".join([
        f"Hallo {vraag.naam},",
        "",
        f"Bedankt voor je vraag over ‘{vraag.onderwerp}’. Een adviseur van het netwerk antwoordt binnen "
        f"{answer_time_target()} werkdagen. Je krijgt het antwoord per e-mail.",
        "",
        "Je vraag:",
        vraag.vraag,
        "",
        "Je vraag en het antwoord lezen kan ook zonder account, via deze persoonlijke link (stuur hem niet door):",
        thread_link(vraag),
        "",
        BEWAREN,
        "",
        "Met vriendelijke groet,",
        "In Beweging",
    ]) + "\n"
    message = EmailMessage("Je vraag aan de adviseur", body, settings.DEFAULT_FROM_EMAIL, [vraag.email])
    deliver(message, confirm_question, (vraag_id,), attempt, f"bevestiging vraag {vraag_id}")


@mail_task
def notify_adviser(vraag_id, attempt=1):
    vraag = _question(vraag_id)
    if vraag is None or vraag.adviseur is None or not vraag.adviseur.email:
        return
    admin_url = f"{settings.SITE_URL}/admin/vragen/vraag/edit/{vraag.pk}/"
    what = "een reactie op je antwoord" if vraag.vervolg else "een nieuwe vraag"
    message = EmailMessage(
        f"{what[0].upper()}{what[1:]} over {vraag.onderwerp}",
        f"Er is {what} over ‘{vraag.onderwerp}’ voor je binnengekomen.\n\n"
        f"Lees en beantwoord haar in het beheer (na inloggen): {admin_url}\n",
        settings.DEFAULT_FROM_EMAIL, [vraag.adviseur.email],
    )
    deliver(message, notify_adviser, (vraag_id,), attempt, f"nieuwe vraag {vraag_id} aan adviseur")


@mail_task
def send_answer(vraag_id, attempt=1):
    vraag = _question(vraag_id)
    if vraag is None or not vraag.antwoord:
        return
    body = "\n".join([
        f"Hallo {vraag.naam},",
        "",
        f"Je vraag over ‘{vraag.onderwerp}’ is beantwoord.",
        "",
        "Je vraag:",
        vraag.vraag,
        "",
        "Ons antwoord:",
        vraag.antwoord,
        "",
        "Je vraag en het antwoord teruglezen, of je vraag afsluiten, kan via deze persoonlijke link:",
        thread_link(vraag),
        "",
        BEWAREN,
        "",
        "Met vriendelijke groet,",
        "In Beweging",
    ]) + "\n"
    message = EmailMessage(f"Antwoord op je vraag over {vraag.onderwerp}", body, settings.DEFAULT_FROM_EMAIL,
                           [vraag.email])
    deliver(message, send_answer, (vraag_id,), attempt, f"antwoord op vraag {vraag_id}")
