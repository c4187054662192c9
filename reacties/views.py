"""Reacting to a vacancy: a form with a CV, or a counted link out to the employer's own site."""

from django.conf import settings
from django.core.mail import send_mail
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_http_methods, require_POST
from django_ratelimit.decorators import ratelimit

from medewerkers.views import RATE, too_many
from vacatures import phases
from vacatures.models import Herkomst, VacaturePage
from vacatures.views import audience_for

from .forms import ReactieForm
from .models import count_reaction


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


@require_http_methods(["GET", "POST"])
@ratelimit(key="ip", rate=RATE, method="POST", block=False)
def reageren(request, pk):
    vacancy = open_vacancy(request, pk)
    if request.method == "POST" and getattr(request, "limited", False):
        return too_many(request)
    form = ReactieForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        if not form.is_bot():
            reactie = form.save(commit=False)
            reactie.vacature = vacancy
            reactie.herkomst = origin(request, vacancy)
            reactie.save()
            count_reaction(vacancy.pk, phases.local_date(), reactie.herkomst)
            notify_contact(request, vacancy, reactie)
        return render(request, "reacties/bedankt.html", {"vacature": vacancy})
    return render(request, "reacties/reageren.html", {"vacature": vacancy, "form": form})


@require_POST
@ratelimit(key="ip", rate=RATE, method="POST", block=False)
def extern(request, pk):
    """A reaction through the employer's own site: counted (by origin), nothing personal stored."""
    vacancy = open_vacancy(request, pk)
    if not vacancy.reageer_url:
        raise Http404("Pagina niet gevonden")
    if not getattr(request, "limited", False):
        count_reaction(vacancy.pk, phases.local_date(), origin(request, vacancy))
    return HttpResponseRedirect(vacancy.reageer_url, status=303)


def notify_contact(request, vacancy, reactie):
    to = vacancy.contact_email or vacancy.reageer_email
    if not to:
        return
    admin_url = request.build_absolute_uri(f"/admin/reacties/?vacature={vacancy.pk}")
    send_mail(
        f"Nieuwe reactie op {vacancy.title}",
        f"Er is een nieuwe reactie op de vacature ‘{vacancy.title}’ van {reactie.naam}.\n\n"
        f"Bekijk de reactie en het cv in het beheer (na inloggen): {admin_url}\n",
        settings.DEFAULT_FROM_EMAIL, [to],
    )
