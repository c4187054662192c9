"""‘Alle sessies beëindigen’: a coordinator signs out every employee of one employer at once
(for example when it leaves the network, or after a domain was added by mistake)."""

from datetime import timedelta

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.widgets import Button
from wagtail.log_actions import log

from vacatures.models import OrganisatiePage
from vacatures.roles import is_coordinator

from .models import SESSION_VALID_FOR, Medewerker, Sessiegrens

SESSIONS_ENDED = "medewerkers.sessies_beeindigd"
URL_NAME = "werkgever_sessies_beeindigen"


@require_http_methods(["GET", "POST"])
def end_sessions(request, pk):
    """GET asks for confirmation; POST ends the sessions. Coordinators only."""
    if not is_coordinator(request.user):
        raise PermissionDenied
    employer = get_object_or_404(OrganisatiePage, pk=pk)
    if request.method == "POST":
        Sessiegrens.end_sessions(employer, request.user)
        log(instance=employer, action=SESSIONS_ENDED, user=request.user)
        messages.success(
            request, f"Alle sessies van medewerkers van {employer.title} zijn beëindigd. "
            "Wie nog toegang heeft, logt opnieuw in met een nieuwe link.",
        )
        return redirect("wagtailadmin_explore", employer.get_parent().pk)
    recent = Medewerker.objects.filter(
        werkgever=employer, laatst_ingelogd__gte=timezone.now() - SESSION_VALID_FOR,
    ).count()
    return TemplateResponse(request, "medewerkers/admin/sessies_beeindigen.html", {
        "werkgever": employer, "recent": recent, "dagen": SESSION_VALID_FOR // timedelta(days=1),
        "grens": Sessiegrens.objects.filter(werkgever=employer).first(),
    })


@hooks.register("register_admin_urls")
def session_urls():
    return [path("werkgevers/<int:pk>/sessies-beeindigen/", end_sessions, name=URL_NAME)]


def end_sessions_button(page, user, priority):
    if isinstance(page.specific_deferred, OrganisatiePage) and is_coordinator(user):
        yield Button(
            "Alle sessies beëindigen", url=reverse(URL_NAME, args=[page.pk]), icon_name="logout", priority=priority,
        )


@hooks.register("register_page_header_buttons")
def header_button(page, user, view_name, next_url=None):
    yield from end_sessions_button(page, user, priority=60)


@hooks.register("register_page_listing_more_buttons")
def listing_button(page, user, next_url=None):
    yield from end_sessions_button(page, user, priority=60)


@hooks.register("register_log_actions")
def register_log_action(actions):
    actions.register_action(SESSIONS_ENDED, "Sessies beëindigd", "Alle sessies van medewerkers beëindigd")
