"""Reacting to a vacancy: a form with a CV, or a counted link out to the employer's own site."""

import logging
from uuid import uuid4

from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from kern.audience import audience_for
from kern.one_time_link import token_hash
from kern.ratelimit import KEY, RATE, too_many
from klussen.models import KlusPage
from vacatures import phases
from vacatures.models import Herkomst, VacaturePage

from . import cv
from .forms import KlusReactieForm, ReactieForm
from .models import KlusReactie, Reactie, count_reaction
from .tasks import confirm_klus_to_candidate, confirm_to_candidate, contact_address, notify_employer, notify_klus_employer

logger = logging.getLogger(__name__)


def origin(request, vacancy):
    """Derived, never asked: the sign-in tells whether someone is from the same or another participant."""
    werkgever_id = audience_for(request).werkgever_id
    if werkgever_id is None:
        return Herkomst.EXTERN
    return Herkomst.EIGEN if werkgever_id == vacancy.werkgever_id else Herkomst.NETWERK


def open_vacancy(request, pk):
    """The vacancy, if this visitor may see it and it is still open; otherwise 404 (nothing revealed)."""
    vacancy = get_object_or_404(VacaturePage.objects.live().public(), pk=pk)
    if vacancy.fase == phases.GESLOTEN or not vacancy.is_visible_to(request):
        raise Http404("Pagina niet gevonden")
    return vacancy


@csrf_exempt  # only so the upload limit is in place before the CSRF check reads the body: checked below
@require_http_methods(["GET", "POST"])
def reageren(request, pk):
    request.upload_handlers.insert(0, cv.CvSizeLimit(request))
    return _reageren(request, pk)


@csrf_protect
@ratelimit(key=KEY, rate=RATE, method="POST", block=False)
def _reageren(request, pk):
    vacancy = open_vacancy(request, pk)
    if request.method == "POST" and getattr(request, "limited", False):
        return too_many(request)
    form = ReactieForm(
        request.POST or None, request.FILES or None, cv_too_large=getattr(request, "cv_too_large", False),
        initial={"formulier": uuid4()},
    )
    if request.method == "POST" and form.is_valid():
        if not form.is_bot():
            store(request, vacancy, form)
        # The same page whether this submit stored the reaction, an earlier one did, or the mail is still out.
        return render(request, "reacties/bedankt.html", {"vacature": vacancy})
    return render(request, "reacties/reageren.html", {
        "vacature": vacancy, "form": form, "max_cv_bytes": cv.MAX_CV_BYTES, "cv_too_large": cv.TOO_LARGE,
    })


def store(request, vacancy, form):
    """Store and count the reaction once per form token, then queue its mail (sent by the task worker)."""
    token = form.cleaned_data.get("formulier") or uuid4()
    if Reactie.objects.filter(formulier_token=token).exists():
        logger.info("Reactie op vacature %s: formulier nogmaals verstuurd, niets opgeslagen", vacancy.pk)
        return
    reactie = form.save(commit=False)
    reactie.vacature = vacancy
    reactie.herkomst = origin(request, vacancy)
    reactie.formulier_token = token
    try:
        with transaction.atomic():
            reactie.save()
            count_reaction(vacancy.pk, phases.local_date(), reactie.herkomst)
    except IntegrityError:
        # The same form submitted twice at the same moment: the other request stored it.
        reactie.cv.delete(save=False)
        logger.info("Reactie op vacature %s: formulier tegelijk nogmaals verstuurd, niets opgeslagen", vacancy.pk)
        return
    if contact_address(vacancy):
        notify_employer.enqueue(reactie.pk)
    confirm_to_candidate.enqueue(reactie.pk)


@require_http_methods(["GET", "POST"])
def verwijderen(request, token):
    """The candidate's one-time link from the confirmation mail: GET asks, POST deletes the reaction and
    its CV (the daily counts stay). A used or unknown link answers 410."""
    reactie = Reactie.objects.filter(verwijder_hash=token_hash(token)).select_related("vacature").first()
    if reactie is None:  # a reaction to a klus has the same kind of link
        reactie = KlusReactie.objects.filter(verwijder_hash=token_hash(token)).select_related("klus").first()
    if reactie is None:
        return render(request, "reacties/verwijderen_ongeldig.html", status=410)
    klus = isinstance(reactie, KlusReactie)  # no CV, and nothing counted
    context = {"vacature": reactie.klus if klus else reactie.vacature, "klus": klus}
    if request.method == "GET":
        return render(request, "reacties/verwijderen.html", context)
    pk = reactie.pk
    reactie.delete()
    logger.info("Reactie %s verwijderd op verzoek van de kandidaat", pk)
    return render(request, "reacties/verwijderd.html", context)


@require_POST
@ratelimit(key=KEY, rate=RATE, method="POST", block=False)
def extern(request, pk):
    """A reaction through the employer's own site: counted (by origin), nothing personal stored."""
    vacancy = open_vacancy(request, pk)
    if not vacancy.reageer_url:
        raise Http404("Pagina niet gevonden")
    if not getattr(request, "limited", False):
        count_reaction(vacancy.pk, phases.local_date(), origin(request, vacancy))
    return HttpResponseRedirect(vacancy.reageer_url, status=303)


# --------------------------------------------------------------------------- klussen


def open_klus(request, pk):
    """The klus, if this visitor may see it (a signed-in employee of a participant, the klus open); else 404."""
    return get_object_or_404(KlusPage.objects.visible_to(audience_for(request)), pk=pk)


@require_http_methods(["GET", "POST"])
@ratelimit(key=KEY, rate=RATE, method="POST", block=False)
def reageren_klus(request, pk):
    """The short reaction form for a klus. Only reachable for whoever may see the klus."""
    klus = open_klus(request, pk)
    if request.method == "POST" and getattr(request, "limited", False):
        return too_many(request)
    medewerker = request.medewerker
    form = KlusReactieForm(
        request.POST or None, klus=klus, initial={"formulier": uuid4(), "email": medewerker.email},
    )
    if request.method == "POST" and form.is_valid():
        if not form.is_bot():
            store_klus(request, klus, form)
        return render(request, "reacties/bedankt.html", {"vacature": klus, "klus": True})
    return render(request, "reacties/reageren_klus.html", {"klus": klus, "form": form})


def store_klus(request, klus, form):
    token = form.cleaned_data.get("formulier") or uuid4()
    if KlusReactie.objects.filter(formulier_token=token).exists():
        logger.info("Reactie op klus %s: formulier nogmaals verstuurd, niets opgeslagen", klus.pk)
        return
    reactie = form.save(commit=False)
    reactie.klus = klus
    reactie.herkomst = origin(request, klus)
    reactie.formulier_token = token
    try:
        with transaction.atomic():
            reactie.save()
    except IntegrityError:
        logger.info("Reactie op klus %s: formulier tegelijk nogmaals verstuurd, niets opgeslagen", klus.pk)
        return
    notify_klus_employer.enqueue(reactie.pk)
    confirm_klus_to_candidate.enqueue(reactie.pk)
