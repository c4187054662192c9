"""Swaps in the admin: the list (a ModelViewSet) and one page per swap with the employers' agreement.

Who sees what follows `Ruil.objects.visible_in_admin` (models.py): only swaps everybody said yes to;
coordinators all of them, an employer's editors those with one of their employees, anyone else (Wagtail's
Editors and Moderators included) none. Names and addresses are shown only for the participants of employers
the user edits. An employer's editors (and coordinators) agree on behalf of that employer.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_http_methods
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from vacatures.permissions import employer_ids_edited_by
from vacatures.roles import is_coordinator

from . import service
from .models import Ruil, Status

DETAIL = "ruil_detail"


def may_manage_swaps(user):
    return bool(user.is_authenticated and user.is_active and (is_coordinator(user) or employer_ids_edited_by(user)))


def employers_acted_for(user, ruil):
    """The employers of this swap the user may agree and set the status for."""
    ids = {d.werkgever_id for d in ruil.deelnames.all()}
    return ids if is_coordinator(user) else ids & employer_ids_edited_by(user)


class RuilPermissionPolicy(ModelPermissionPolicy):
    """Read-only through Wagtail's generic views; agreeing and the status go through the swap's own page."""

    def user_has_permission(self, user, action):
        return action == "view" and may_manage_swaps(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and Ruil.objects.visible_in_admin(user).filter(
            pk=instance.pk).exists()


register_permission_policy(Ruil, RuilPermissionPolicy(Ruil))


class RuilIndexView(IndexView):
    def get_base_queryset(self):
        return Ruil.objects.visible_in_admin(self.request.user)


def employers_text(ruil):
    return ", ".join(d.werkgever.title for d in ruil.ordered_deelnames())


class RuilViewSet(ModelViewSet):
    model = Ruil
    icon = "resubmit"
    menu_label = "Ruilen"
    menu_order = 180
    add_to_admin_menu = True
    name = "ruilen"
    url_namespace = "ruilbeheer"  # "ruilen" is the site's namespace (/medewerkers/ruilen/)
    index_view_class = RuilIndexView
    list_display = [
        TitleColumn("sleutel", label="Ruil", accessor="__str__", get_url=lambda ruil: reverse(DETAIL, args=[ruil.pk])),
        Column("werkgevers", label="Werkgevers", accessor=employers_text),
        Column("status", label="Status", accessor="get_status_display"),
        DateColumn("voorgesteld_op", label="Iedereen interesse op"),
    ]
    list_filter = ["status"]
    inspect_view_enabled = False
    form_fields = ["status"]  # never offered: the policy allows viewing only

    def get_queryset(self, request):
        return Ruil.objects.visible_in_admin(request.user)


@require_http_methods(["GET", "POST"])
def ruil_detail(request, pk):
    ruil = get_object_or_404(Ruil.objects.visible_in_admin(request.user), pk=pk)
    acting_for = employers_acted_for(request.user, ruil)
    if request.method == "POST":
        if request.POST.get("akkoord", "").isdigit():
            werkgever_id = int(request.POST["akkoord"])
            if werkgever_id not in acting_for:
                raise PermissionDenied
            if service.agree(ruil.pk, werkgever_id, request.user):
                messages.success(request, "Akkoord vastgelegd.")
        elif request.POST.get("status") in Status.values:
            if not acting_for:
                raise PermissionDenied
            if service.set_status(ruil.pk, request.POST["status"]):
                messages.success(request, "Status gewijzigd.")
        return redirect(DETAIL, ruil.pk)
    readable = set(employer_ids_edited_by(request.user))
    deelnames = [
        {"deelname": d, "persoonlijk": d.werkgever_id in readable,
         "kan_akkoord": d.werkgever_id in acting_for and d.werkgever_akkoord_op is None
         and ruil.status == Status.VOORGESTELD}
        for d in ruil.ordered_deelnames()
    ]
    # one agree button per employer
    seen = set()
    for item in deelnames:
        if item["deelname"].werkgever_id in seen:
            item["kan_akkoord"] = False
        seen.add(item["deelname"].werkgever_id)
    next_status = [(s, Status(s).label) for s in service.NEXT_STATUS[ruil.status]] if acting_for else []
    return TemplateResponse(request, "ruilen/admin/ruil.html", {
        "ruil": ruil, "deelnames": deelnames, "volgende": next_status,
    })


@hooks.register("register_admin_viewset")
def register_swaps():
    return RuilViewSet()


@hooks.register("register_admin_urls")
def swap_urls():
    return [path("ruilen/<int:pk>/", ruil_detail, name=DETAIL)]
