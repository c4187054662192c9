"""Saving an alert (double opt-in), confirming it, changing and stopping it.

Every link in a mail carries that mail's one-time token (`AlertVerzending`): a GET shows a page with a
button, only a POST acts, so a mail scanner that opens links confirms or stops nothing. The stop URL is
also the List-Unsubscribe URL: a POST to it (RFC 8058 one-click) stops the alert without a CSRF token.
"""

import logging

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from kern.one_time_link import is_unexpired
from kern.ratelimit import KEY, RATE, too_many

from . import criteria as alert_criteria
from .forms import AlertForm, FrequentieForm
from .matching import audience_for_email
from .models import MAX_PER_ADDRESS, Alert, AlertRefused, Soort
from .models import AlertVerzending as Verzending
from .sending import UNCONFIRMED_KEPT
from .tasks import send_confirmation

logger = logging.getLogger(__name__)

DUPLICATE = "Je hebt al een vacaturealert met precies deze zoekopdracht op dit e-mailadres."
TOO_MANY = f"Op dit e-mailadres staan al {MAX_PER_ADDRESS} vacaturealerts, het maximum. Stop eerst een andere alert."


def _context(criteria, form, querystring):
    return {
        "form": form, "omschrijving": alert_criteria.describe(criteria), "querystring": querystring,
        "terug": "/vacatures/" + (f"?{querystring}" if querystring else ""),
    }


@require_http_methods(["GET", "POST"])
@ratelimit(key=KEY, rate=RATE, method="POST", block=False)
def nieuw(request):
    """The form for the search in the query string (a /vacatures/ result page, or a vacancy's field and region)."""
    if request.method == "POST" and getattr(request, "limited", False):
        return too_many(request)
    criteria = alert_criteria.from_params(request.GET)
    querystring = alert_criteria.querystring(criteria)
    medewerker = getattr(request, "medewerker", None)
    form = AlertForm(request.POST or None, initial={"email": medewerker.email if medewerker else ""})
    if request.method == "POST" and form.is_valid():
        if form.is_bot():
            return render(request, "alerts/verstuurd.html")
        email = form.cleaned_data["email"]
        try:
            alert = Alert.objects.add(
                email, criteria, alert_criteria.key(criteria), form.cleaned_data["frequentie"],
            )
        except AlertRefused as refused:
            form.add_error("email", DUPLICATE if refused.reason == AlertRefused.DUPLICATE else TOO_MANY)
        else:
            send_confirmation.enqueue(alert.pk)
            return render(request, "alerts/verstuurd.html")
    return render(request, "alerts/nieuw.html", _context(criteria, form, querystring))


def _invalid(request):
    return render(request, "alerts/ongeldig.html", status=410)


@require_http_methods(["GET", "HEAD", "POST"])
def bevestigen(request, token):
    record = Verzending.by_token(token, Soort.BEVESTIGING)
    if record is None or not is_unexpired(record.alert.aangemaakt, UNCONFIRMED_KEPT):
        return _invalid(request)
    alert = record.alert
    context = {"alert": alert, "omschrijving": alert_criteria.describe(alert.criteria), "token": token}
    if request.method != "POST":
        return render(request, "alerts/bevestigen.html", context)
    now = timezone.now()
    Alert.objects.filter(pk=alert.pk, bevestigd_op__isnull=True).update(
        bevestigd_op=now, doelgroep=audience_for_email(alert.email).cache_key,
    )
    alert.touch(now)
    logger.info("Vacaturealert %s bevestigd", alert.pk)
    return render(request, "alerts/bevestigd.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
def beheren(request, token):
    """The alert's page (the ‘change’ link): its search in words, the frequency, keep and stop."""
    record = Verzending.by_token(token)
    if record is None or record.alert.bevestigd_op is None:
        return _invalid(request)
    alert = record.alert
    form = FrequentieForm(request.POST or None, initial={"frequentie": alert.frequentie})
    saved = False
    if request.method == "POST" and form.is_valid():
        Alert.objects.filter(pk=alert.pk).update(frequentie=form.cleaned_data["frequentie"])
        alert.frequentie = form.cleaned_data["frequentie"]
        alert.touch()
        saved = True
    return render(request, "alerts/beheren.html", {
        "alert": alert, "form": form, "token": token, "saved": saved,
        "omschrijving": alert_criteria.describe(alert.criteria),
        "zoeken": "/vacatures/?" + alert_criteria.querystring(alert.criteria),
    })


@csrf_exempt  # RFC 8058: the mail client POSTs `List-Unsubscribe=One-Click` here, without a CSRF token
@require_http_methods(["GET", "HEAD", "POST"])
def stoppen(request, token):
    """GET: a page with one button; POST (that button, or the mail client's one-click): the alert is deleted."""
    record = Verzending.by_token(token)
    if record is None:
        return render(request, "alerts/gestopt.html", {"al_gestopt": True}, status=410)
    if request.method != "POST":
        return render(request, "alerts/stoppen.html", {
            "omschrijving": alert_criteria.describe(record.alert.criteria), "token": token,
        })
    pk = record.alert_id
    Alert.objects.filter(pk=pk).delete()
    logger.info("Vacaturealert %s gestopt", pk)
    return render(request, "alerts/gestopt.html")
