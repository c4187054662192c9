"""The question desk: the form and the FAQ at /vragen/, and the asker's thread at /vragen/draad/<token>/.

The thread link is read with GET (nothing changes, so a mail scanner that opens it does no harm); closing the
question is a POST. The link works without an account, as long as the question is kept.
"""

import logging

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from kern.one_time_link import token_hash
from kern.ratelimit import KEY, RATE, too_many

from .forms import ReactieForm, VraagForm
from .models import FaqVraag, Routering, Status, Vraag, answer_time_target
from .tasks import confirm_question, notify_adviser

logger = logging.getLogger(__name__)


def published_faq():
    return FaqVraag.objects.filter(gepubliceerd=True).select_related("onderwerp")


@require_http_methods(["GET", "POST"])
@ratelimit(key=KEY, rate=RATE, method="POST", block=False)
def vragen(request):
    if request.method == "POST" and getattr(request, "limited", False):
        return too_many(request)
    medewerker = getattr(request, "medewerker", None)
    initial = {"email": medewerker.email} if medewerker is not None else {}
    form = VraagForm(request.POST or None, medewerker=medewerker, initial=initial)
    if request.method == "POST" and form.is_valid():
        if not form.is_bot():
            store(form, medewerker)
        return render(request, "vragen/bedankt.html", {"termijn": answer_time_target()})
    return render(request, "vragen/vragen.html", {
        "form": form, "medewerker": medewerker, "faq": published_faq(), "termijn": answer_time_target(),
    })


def store(form, medewerker):
    vraag = form.save(commit=False)
    if medewerker is not None:
        vraag.werkgever = medewerker.werkgever
        vraag.regio_id = medewerker.werkgever.regio_id
    vraag.adviseur = Routering.adviser_for(vraag.onderwerp, vraag.regio)
    vraag.save()
    logger.info("Vraag %s ontvangen over onderwerp %s", vraag.pk, vraag.onderwerp_id)
    confirm_question.enqueue(vraag.pk)
    if vraag.adviseur is not None:
        notify_adviser.enqueue(vraag.pk)


@require_http_methods(["GET", "POST"])
@ratelimit(key=KEY, rate=RATE, method="POST", block=False)
def draad(request, token):
    """GET shows the thread and changes nothing. POST `actie=afsluiten` closes the question; `actie=reageren`
    adds the asker's reaction (the question is open again and its adviser is told)."""
    vraag = Vraag.objects.filter(draadlinks__hash=token_hash(token)).select_related("onderwerp").first()
    if vraag is None:
        return render(request, "vragen/draad_ongeldig.html", status=410)
    form = ReactieForm(request.POST if request.POST.get("actie") == "reageren" else None)
    sent = False
    if request.method == "POST":
        if getattr(request, "limited", False):
            return too_many(request)
        action = request.POST.get("actie")
        if action == "afsluiten" and vraag.gesloten_op is None:
            vraag.gesloten_op = timezone.now()
            vraag.save(update_fields=["gesloten_op"])
            logger.info("Vraag %s afgesloten door de vrager", vraag.pk)
        elif action == "reageren" and form.is_valid():
            vraag.add_reaction(form.cleaned_data["reactie"])
            logger.info("Vraag %s: reactie van de vrager", vraag.pk)
            if vraag.adviseur_id:
                notify_adviser.enqueue(vraag.pk)
            form, sent = ReactieForm(), True
    context = {
        "vraag": vraag, "beantwoord": vraag.status == Status.BEANTWOORD and bool(vraag.antwoord),
        "form": form, "verstuurd": sent,
    }
    return render(request, "vragen/draad.html", context)
