"""The employee's own profile at /medewerkers/profiel/ (signed-in employees only)."""

import json

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods
from django_ratelimit.decorators import ratelimit

from kern.ratelimit import KEY, RATE, too_many
from reacties import cv
from reacties.views import open_klus

from . import services
from .forms import KlusMetProfielForm, ProfielForm
from .matching import matches_for
from .models import STATISTIEK_DAGEN, Profiel, Uitnodiging, Vaardigheid


def employee_only(view):
    def wrapped(request, *args, **kwargs):
        if getattr(request, "medewerker", None) is None:
            return redirect("medewerkers:inloggen")
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    return wrapped


def own_profile(request):
    return Profiel.objects.filter(medewerker=request.medewerker).first()


@csrf_exempt  # only so the upload limit is in place before the CSRF check reads the body: checked below
@require_http_methods(["GET", "POST"])
@employee_only
def profiel(request):
    request.upload_handlers.insert(0, cv.CvSizeLimit(request))
    return _profiel(request)


@csrf_protect
def _profiel(request):
    instance = own_profile(request)
    form = ProfielForm(
        request.POST or None, request.FILES or None, instance=instance, medewerker=request.medewerker,
    )
    if request.method == "POST" and getattr(request, "cv_too_large", False):
        form.add_error(None, cv.TOO_LARGE)
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        if saved.zichtbaar:
            saved.uitgezet_wegens_inactiviteit = None
        saved.bijgewerkt = timezone.now()
        saved.save(update_fields=["bijgewerkt", "uitgezet_wegens_inactiviteit"])
        messages.success(request, "Je profiel is opgeslagen.")
        for warning in form.warnings:
            messages.warning(request, warning)
        return redirect("profielen:profiel")
    return render(request, "profielen/profiel.html", {
        "form": form, "profiel": instance,
        "suggesties": list(Vaardigheid.objects.values_list("naam", flat=True)[:200]),
        "statistiek": services.statistics(instance) if instance else [],
        "uitnodigingen": instance.uitnodigingen.select_related("werkgever", "vacature", "klus") if instance else [],
        "matches": matches_for(instance, request) if instance else [],
        "dagen": STATISTIEK_DAGEN, "max_cv_bytes": cv.MAX_CV_BYTES, "cv_too_large": cv.TOO_LARGE,
        "maanden_uit": 6, "maanden_weg": 12,
    })


@require_http_methods(["GET"])
@employee_only
def export(request):
    data = services.export(own_profile(request), request.medewerker)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="mijn-profiel.json"'
    return response


@require_http_methods(["GET"])
@employee_only
def eigen_cv(request):
    instance = own_profile(request)
    if instance is None or not instance.cv:
        raise Http404("Geen cv")
    response = HttpResponse(instance.cv.open("rb").read(), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="cv.pdf"'
    return response


@require_http_methods(["GET", "POST"])
@employee_only
def verwijderen(request):
    instance = own_profile(request)
    if request.method == "POST":
        if instance is not None:
            instance.delete()  # the CV file goes with it (Profiel.delete)
        messages.success(request, "Je profiel en je cv zijn verwijderd.")
        return redirect("profielen:profiel")
    return render(request, "profielen/verwijderen.html", {"profiel": instance})


@require_http_methods(["GET", "POST"])
@employee_only
def uitnodiging(request, pk):
    """GET shows the invitation and two buttons; POST accepts or declines. Accepting an invitation to a klus that
    needs the manager's agreement first asks whether the employee discussed it, as the reaction form does."""
    invitation = get_object_or_404(
        Uitnodiging.objects.select_related("werkgever", "vacature", "klus", "profiel"),
        pk=pk, profiel__medewerker=request.medewerker,
    )
    form = KlusMetProfielForm(request.POST or None, klus=invitation.klus) if invitation.klus_id else None
    if request.method == "POST" and invitation.status == Uitnodiging.Status.OPEN:
        if request.POST.get("antwoord") == "accepteren":
            if form is not None and not form.is_valid():
                return render(request, "profielen/uitnodiging.html", {"uitnodiging": invitation, "form": form})
            services.accept(invitation, besproken=form.cleaned_data.get("besproken", "") if form else "")
            messages.success(request, f"Je hebt de uitnodiging geaccepteerd. {invitation.werkgever.title} ziet nu "
                             "je naam, e-mailadres en cv.")
        elif request.POST.get("antwoord") == "afwijzen":
            services.decline(invitation)
            messages.success(request, "Je hebt de uitnodiging afgewezen. De werkgever weet niet wie je bent.")
        return redirect("profielen:uitnodiging", pk=pk)
    return render(request, "profielen/uitnodiging.html", {"uitnodiging": invitation, "form": form})



@require_http_methods(["GET", "POST"])
@employee_only
@ratelimit(key=KEY, rate=RATE, method="POST", block=False)
def klus_reageren(request, pk):
    """React to a klus in one click with the profile (the klus page's button posts here). Only for whoever may
    see the klus (else 404); without a profile, the short form. A second click shows the first reaction."""
    klus = open_klus(request, pk)
    instance = own_profile(request)
    if instance is None:
        return redirect("reageren:klus", pk=klus.pk)
    existing = klus.reacties.filter(medewerker=request.medewerker).first()
    if existing is not None:
        return render(request, "profielen/klus_al_gereageerd.html", {"klus": klus, "reactie": existing})
    if request.method == "POST" and getattr(request, "limited", False):
        return too_many(request)
    form = KlusMetProfielForm(request.POST or None, klus=klus)
    if request.method == "POST" and form.is_valid():
        reactie, created = services.react_to_klus(
            instance, klus, "Reactie met mijn profiel op In Beweging.", besproken=form.cleaned_data.get("besproken", ""),
        )
        if not created:
            return render(request, "profielen/klus_al_gereageerd.html", {"klus": klus, "reactie": reactie})
        return render(request, "reacties/bedankt.html", {"vacature": klus, "klus": True, "met_profiel": True})
    return render(request, "profielen/klus_reageren.html", {"klus": klus, "form": form, "profiel": instance})
