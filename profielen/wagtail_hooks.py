"""HR in the admin: search anonymous cards (counts first), open one, invite it to a vacancy; the list of the
employer's invitations (name, e-mail and CV only after acceptance); the audit log for coordinators.

Who may search: members of an employer's editors' group (`vacatures.permissions`), for that employer only.
Coordinators, superusers and Wagtail's Editors and Moderators without such a group see no cards; coordinators
read the audit log.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.views.decorators.http import require_http_methods
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from klussen.models import KlusPage
from vacatures.models import OrganisatiePage, VacaturePage
from vacatures.permissions import employer_ids_edited_by
from vacatures.roles import is_coordinator

from .forms import UitnodigingForm
from .matching import profiles_fitting
from .models import Logregel, Profiel, Uitnodiging, Weergave
from .tasks import send_invitation
from .zoeken import profile_search


def current_employer(request):
    """The employer this HR user acts for: one of the employers whose editors' group they are in."""
    ids = employer_ids_edited_by(request.user)
    if not ids:
        raise PermissionDenied
    employers = OrganisatiePage.objects.filter(pk__in=ids).order_by("title")
    chosen = request.GET.get("werkgever") or request.POST.get("werkgever")
    if chosen and chosen.isdigit() and int(chosen) in ids:
        return employers.get(pk=int(chosen)), employers
    return employers.first(), employers


def log(request, werkgever, actie, kaart=None, details=""):
    Logregel.objects.create(
        gebruiker=request.user, werkgever=werkgever, actie=actie, kaart=kaart, details=details[:500],
    )


def zoeken(request):
    werkgever, employers = current_employer(request)
    params = request.GET.copy()
    params.pop("werkgever", None)
    result = profile_search(werkgever.pk, params)
    shown = result.page_ids()
    Weergave.add(shown, werkgever.pk, "in_zoekresultaat")
    log(request, werkgever, Logregel.Actie.ZOEKEN, details=f"{params.urlencode()} → {result.total} kaarten")
    return TemplateResponse(request, "profielen/admin/zoeken.html", {
        "werkgever": werkgever, "werkgevers": employers, "result": result,
        "kaarten": result.page_obj.object_list,
    })


def _card(werkgever, kenmerk):
    """The card, only if this employer may see it: otherwise 404, as if it did not exist."""
    return get_object_or_404(
        Profiel.objects.for_employer(werkgever.pk).prefetch_related("regios", "vaardigheden"), kenmerk=kenmerk,
    )


def kaart(request, kenmerk):
    werkgever, _ = current_employer(request)
    profiel = _card(werkgever, kenmerk)
    Weergave.add([profiel.pk], werkgever.pk, "geopend")
    log(request, werkgever, Logregel.Actie.KAART, kaart=profiel.kenmerk)
    return TemplateResponse(request, "profielen/admin/kaart.html", {"werkgever": werkgever, "kaart": profiel})


@require_http_methods(["GET", "POST"])
def uitnodigen(request, kenmerk):
    werkgever, _ = current_employer(request)
    profiel = _card(werkgever, kenmerk)
    form = UitnodigingForm(request.POST or None, werkgever_id=werkgever.pk)
    if request.method == "POST" and form.is_valid():
        target = form.cleaned_data["doel"]
        kind = "klus" if isinstance(target, KlusPage) else "vacature"
        invitation = Uitnodiging.objects.create(
            profiel=profiel, werkgever=werkgever, door=request.user, bericht=form.cleaned_data["bericht"],
            **{kind: target},
        )
        log(request, werkgever, Logregel.Actie.UITNODIGING, kaart=profiel.kenmerk, details=f"{kind} {target.pk}")
        send_invitation.enqueue(invitation.pk)
        messages.success(request, "De uitnodiging is verstuurd. Je ziet hier of ze wordt geaccepteerd.")
        return redirect(f"{reverse('profielen_admin:uitnodigingen')}?werkgever={werkgever.pk}")
    return TemplateResponse(request, "profielen/admin/uitnodigen.html", {
        "werkgever": werkgever, "kaart": profiel, "form": form,
    })


def uitnodigingen(request):
    werkgever, employers = current_employer(request)
    invitations = Uitnodiging.objects.filter(werkgever=werkgever).select_related(
        "vacature", "klus", "reactie", "klus_reactie", "profiel",
    )
    return TemplateResponse(request, "profielen/admin/uitnodigingen.html", {
        "werkgever": werkgever, "werkgevers": employers, "uitnodigingen": invitations,
        "geaccepteerd": Uitnodiging.Status.GEACCEPTEERD,
    })


def logboek(request):
    if not is_coordinator(request.user):
        raise PermissionDenied
    regels = Logregel.objects.select_related("gebruiker", "werkgever")[:500]
    return TemplateResponse(request, "profielen/admin/logboek.html", {"regels": regels})


urls = (
    [
        path("", zoeken, name="zoeken"),
        path("kaart/<uuid:kenmerk>/", kaart, name="kaart"),
        path("kaart/<uuid:kenmerk>/uitnodigen/", uitnodigen, name="uitnodigen"),
        path("uitnodigingen/", uitnodigingen, name="uitnodigingen"),
        path("logboek/", logboek, name="logboek"),
    ],
    "profielen_admin",
)


@hooks.register("register_admin_urls")
def profielen_urls():
    return [path("profielen/", include(urls))]


class HrMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(employer_ids_edited_by(request.user))


class CoordinatorMenuItem(MenuItem):
    def is_shown(self, request):
        return is_coordinator(request.user)


@hooks.register("register_admin_menu_item")
def profielen_menu_item():
    return HrMenuItem("Profielen zoeken", reverse("profielen_admin:zoeken"), name="profielen", icon_name="user", order=250)


@hooks.register("register_reports_menu_item")
def logboek_menu_item():
    return CoordinatorMenuItem(
        "Logboek profielen", reverse("profielen_admin:logboek"), name="logboek-profielen", icon_name="list-ul",
        order=110,
    )


def fitting_button(page, user):
    """‘N profielen passen’ on a vacancy or klus of an employer this user edits, linking to that search."""
    vacancy = page.specific_deferred
    if not isinstance(vacancy, VacaturePage | KlusPage) or vacancy.werkgever_id not in employer_ids_edited_by(user):
        return
    count, query = profiles_fitting(vacancy, vacancy.werkgever_id)
    label = f"{count} profiel{'' if count == 1 else 'en'} passen" if count != 1 else "1 profiel past"
    yield Button(
        label, url=f"{reverse('profielen_admin:zoeken')}?werkgever={vacancy.werkgever_id}&{query}",
        icon_name="user", priority=70,
    )


@hooks.register("register_page_header_buttons")
def header_button(page, user, view_name, next_url=None):
    yield from fitting_button(page, user)


@hooks.register("register_page_listing_more_buttons")
def listing_button(page, user, next_url=None):
    yield from fitting_button(page, user)


