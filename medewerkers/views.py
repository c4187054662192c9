"""Sign-in without passwords: a one-time link by e-mail to addresses of participating employers."""

from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from kern.one_time_link import token_hash
from kern.ratelimit import KEY, RATE, too_many

from .audience import sign_in, sign_out
from .forms import InlogForm
from .models import Inloglink, Medewerker, participates
from .tasks import send_sign_in_link


@require_http_methods(["GET", "POST"])
@ratelimit(key=KEY, rate=RATE, method="POST", block=False)
def inloggen(request):
    if request.method == "POST" and getattr(request, "limited", False):
        return too_many(request)
    form = InlogForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not form.is_bot():
            # Neutral: every address gets the same answer after the same work (one queued task); the
            # task decides whether the address belongs to a participating employer.
            email = form.cleaned_data["email"].strip().lower()
            send_sign_in_link.enqueue(email)
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
