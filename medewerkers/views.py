"""Sign-in without passwords: a one-time link by e-mail to addresses of participating employers."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from .audience import sign_in, sign_out
from .forms import InlogForm
from .models import Inloglink, Medewerker, employer_for_email, participates, token_hash

RATE = "10/h"  # per IP address, for sign-in requests and reactions alike


def too_many(request):
    return render(request, "medewerkers/te_vaak.html", status=429)


@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate=RATE, method="POST", block=False)
def inloggen(request):
    if request.method == "POST" and getattr(request, "limited", False):
        return too_many(request)
    form = InlogForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].strip().lower()
        employer = employer_for_email(email)
        if employer is None:
            # Neutral: the participating domains are never listed or hinted at.
            return render(request, "medewerkers/geen_deelnemer.html", status=200)
        if not form.is_bot():
            token = Inloglink.issue(email, employer)
            link = request.build_absolute_uri(reverse("medewerkers:bevestigen", args=[token]))
            send_mail(
                "Je inloglink voor In Beweging",
                f"Hallo,\n\nMet deze link log je in bij In Beweging als medewerker van {employer.title}. "
                f"De link werkt één keer en is 30 minuten geldig:\n\n{link}\n\n"
                "Heb je dit niet aangevraagd? Dan kun je deze e-mail negeren.",
                settings.DEFAULT_FROM_EMAIL, [email],
            )
        # The same answer whether or not a mail went out.
        return render(request, "medewerkers/verstuurd.html")
    return render(request, "medewerkers/inloggen.html", {"form": form})


@require_http_methods(["GET", "POST"])
def bevestigen(request, token):
    """GET shows a button (mail scanners that open links don't use them up); POST signs in."""
    link = Inloglink.objects.filter(token_hash=token_hash(token)).select_related("werkgever").first()
    if link is None or not link.is_valid() or not participates(link.email, link.werkgever):
        return render(request, "medewerkers/ongeldig.html", status=410)
    if request.method == "GET":
        return render(request, "medewerkers/bevestigen.html", {"werkgever": link.werkgever})
    with transaction.atomic():
        used = Inloglink.objects.filter(pk=link.pk, gebruikt__isnull=True).update(gebruikt=timezone.now())
        if not used:
            return render(request, "medewerkers/ongeldig.html", status=410)
        medewerker, _ = Medewerker.objects.update_or_create(
            email=link.email, defaults={"werkgever": link.werkgever, "laatst_ingelogd": timezone.now()},
        )
    sign_in(request, medewerker)
    return redirect("/vacatures/")


@require_POST
def uitloggen(request):
    sign_out(request)
    return redirect("/")
