"""The agenda's own URLs next to the pages: the iCalendar feed, an .ics per event, registering and cancelling.

Every view starts from `EvenementPage.objects.visible_to(...)`: what someone may not see answers 404."""

import logging

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET, require_http_methods
from django_ratelimit.decorators import ratelimit

from kern.audience import PUBLIC, audience_for
from kern.icalendar import ics_response
from kern.one_time_link import token_hash
from kern.ratelimit import KEY, RATE, too_many

from . import ics
from .choices import Doelgroep
from .forms import AanmeldForm
from .models import Aanmelding, EvenementPage
from .registration import Gesloten, cancel, register
from .tasks import confirm_registration

logger = logging.getLogger(__name__)


@require_GET
def feed(request):
    """Upcoming public events, always: calendar apps fetch it without signing in, so it is public for everyone."""
    events = EvenementPage.objects.visible_to(PUBLIC).upcoming()
    return ics_response(ics.calendar(events, "In Beweging – agenda"), "agenda.ics")


@require_GET
def event_ics(request, slug):
    event = get_object_or_404(EvenementPage.objects.visible_to(audience_for(request)), slug=slug)
    response = ics_response(ics.calendar([event], event.title, with_activities=True), f"{slug}.ics")
    if not event.is_openbaar:
        response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def visible_event(request, pk):
    return get_object_or_404(EvenementPage.objects.visible_to(audience_for(request)), pk=pk)


@require_http_methods(["GET", "POST"])
@ratelimit(key=KEY, rate=RATE, method="POST", block=False)
def aanmelden(request, pk, activiteit=None):
    """Register for an event or one of its activities. Employees-only events: signed-in employees only (their
    address comes from the sign-in). Open events: name and address, honeypot and rate limit. When it is full,
    the registration goes on the waiting list."""
    event = visible_event(request, pk)
    activity = get_object_or_404(event.activiteiten, pk=activiteit) if activiteit is not None else None
    item = activity or event
    if not item.aanmelden:
        raise Http404("Pagina niet gevonden")
    medewerker = getattr(request, "medewerker", None)
    context = {"evenement": event, "activiteit": activity, "onderdeel": item, "medewerker": medewerker}
    if event.doelgroep == Doelgroep.MEDEWERKERS and medewerker is None:  # not reached: visible_to says 404
        raise Http404("Pagina niet gevonden")
    if item.is_voorbij:
        return render(request, "agenda/aanmelden_niet.html", context, status=200 if request.method == "GET" else 409)
    if request.method == "POST" and getattr(request, "limited", False):
        return too_many(request)
    form = AanmeldForm(request.POST or None, medewerker=medewerker)
    if request.method == "POST" and form.is_valid():
        if form.is_bot():
            return render(request, "agenda/aangemeld.html", context)
        email = medewerker.email if medewerker else form.cleaned_data["email"].strip().lower()
        try:
            aanmelding, created = register(event, activity, form.cleaned_data["naam"], email, medewerker)
        except Gesloten:
            return render(request, "agenda/aanmelden_niet.html", context, status=409)
        if created:
            confirm_registration.enqueue(aanmelding.pk)
        logger.info("Aanmelding voor evenement %s, activiteit %s%s", event.pk, activiteit, "" if created else " (al)")
        context["aanmelding"] = aanmelding
        return render(request, "agenda/aangemeld.html", context)
    context["form"] = form
    return render(request, "agenda/aanmelden.html", context)


@require_http_methods(["GET", "POST"])
def annuleren(request, token):
    """The cancel link from the mail: GET asks, POST deletes the registration (its place goes to the first on the
    waiting list)."""
    aanmelding = (
        Aanmelding.objects.filter(annuleer_hash=token_hash(token)).select_related("evenement", "activiteit").first()
    )
    if aanmelding is None:
        return render(request, "agenda/annuleren_ongeldig.html", status=410)
    context = {"titel": aanmelding.titel, "evenement": aanmelding.evenement, "wachtlijst": aanmelding.wachtlijst}
    if request.method == "GET":
        return render(request, "agenda/annuleren.html", context)
    cancel(aanmelding)
    logger.info("Aanmelding %s geannuleerd", aanmelding.pk)
    return render(request, "agenda/geannuleerd.html", context)
