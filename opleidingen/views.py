"""Registering for a session (signed-in employees only, one step) and cancelling through the mail's link."""

import logging

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from kern.one_time_link import token_hash

from . import registration
from .forms import InschrijfForm
from .models import Inschrijving, OpleidingPage, Sessie

logger = logging.getLogger(__name__)


def bookable_session(pk):
    """A session of a live, public training; otherwise 404."""
    sessie = get_object_or_404(Sessie.objects.select_related("opleiding"), pk=pk)
    if not OpleidingPage.objects.live().public().filter(pk=sessie.opleiding_id).exists():
        raise Http404("Pagina niet gevonden")
    return sessie


@require_http_methods(["GET", "POST"])
def inschrijven(request, pk):
    """GET: the form (or the sign-in hint); POST: register. The employer is the one of the sign-in."""
    sessie = bookable_session(pk)
    opleiding = sessie.opleiding
    medewerker = getattr(request, "medewerker", None)
    context = {"sessie": sessie, "opleiding": opleiding}
    if medewerker is None:
        return render(request, "opleidingen/inloggen_nodig.html", context, status=403)
    if not sessie.open_voor_inschrijving(timezone.now()):
        return render(request, "opleidingen/gesloten.html", context, status=410)
    form = InschrijfForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = registration.register(medewerker, sessie.pk, form.cleaned_data["naam"])
        except registration.Closed:
            return render(request, "opleidingen/gesloten.html", context, status=410)
        logger.info("Inschrijving %s voor sessie %s (%s)", result.inschrijving.pk, sessie.pk, result.inschrijving.status)
        context.update(inschrijving=result.inschrijving, nieuw=result.nieuw)
        return render(request, "opleidingen/ingeschreven.html", context)
    return render(request, "opleidingen/inschrijven.html", {**context, "form": form})


@require_http_methods(["GET", "POST"])
def annuleren(request, token):
    """The one-time link in the mail: GET asks, POST cancels (and moves the waiting list up)."""
    inschrijving = (
        Inschrijving.objects.filter(annuleer_hash=token_hash(token))
        .select_related("sessie", "sessie__opleiding").first()
    )
    if inschrijving is None:
        return render(request, "opleidingen/annuleren_ongeldig.html", status=410)
    context = {"inschrijving": inschrijving, "sessie": inschrijving.sessie, "opleiding": inschrijving.sessie.opleiding}
    if request.method == "GET":
        return render(request, "opleidingen/annuleren.html", context)
    registration.cancel(inschrijving.pk)
    logger.info("Inschrijving %s geannuleerd via de link", inschrijving.pk)
    return render(request, "opleidingen/geannuleerd.html", context)
