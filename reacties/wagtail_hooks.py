"""Reactions in the admin. Who sees what is decided by `Reactie.objects.visible_to` (models.py):
the posting employer's editors in full, coordinators the metadata only, anyone else nothing."""

from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import KlusReactie, Reactie

AFGESCHERMD = "afgeschermd"


class ReactiePermissionPolicy(ModelPermissionPolicy):
    """Reactions are read-only in the admin, for superusers too: they come in through the site's form and
    go through `bewaartermijnen`. An edit, copy or delete form would show the name outside the one rule."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and visible_reactions(user).filter(pk=instance.pk).exists()


register_permission_policy(Reactie, ReactiePermissionPolicy(Reactie))


def visible_reactions(user):
    return Reactie.objects.visible_to(user).select_related("vacature", "vacature__werkgever")


class PersonalColumn(Column):
    """Personal data, shown only where the rule allows (`persoonlijk`); otherwise ‘afgeschermd’."""

    def get_value(self, instance):
        return super().get_value(instance) if instance.persoonlijk else AFGESCHERMD


class CvColumn(Column):
    url_name = "reactie_cv"

    def get_value(self, instance):
        if not (instance.persoonlijk and instance.cv):
            return AFGESCHERMD if not instance.persoonlijk else ""
        return format_html('<a href="{}">Download cv</a>', reverse(self.url_name, args=[instance.pk]))


class KlusCvColumn(CvColumn):
    url_name = "klusreactie_cv"


class ReactieIndexView(IndexView):
    def get_base_queryset(self):
        queryset = visible_reactions(self.request.user)
        if self.request.GET.get("vacature", "").isdigit():
            queryset = queryset.filter(vacature_id=int(self.request.GET["vacature"]))
        return queryset


class ReactieViewSet(ModelViewSet):
    model = Reactie
    icon = "mail"
    menu_label = "Reacties"
    menu_order = 170
    add_to_admin_menu = True
    name = "reacties"
    index_view_class = ReactieIndexView
    list_display = [
        PersonalColumn("naam", label="Naam"), Column("vacature", label="Vacature"),
        Column("werkgever", label="Werkgever", accessor="vacature.werkgever"),
        PersonalColumn("email", label="E-mailadres"), PersonalColumn("telefoon", label="Telefoon"),
        Column("herkomst", label="Herkomst", accessor="get_herkomst_display"),
        DateColumn("aangemaakt", label="Ontvangen"), CvColumn("cv", label="Cv"),
    ]
    list_filter = ["herkomst"]
    inspect_view_enabled = False
    form_fields = ["naam"]  # editors only view (view_reactie); the form exists for Wagtail's edit view

    def get_queryset(self, request):
        return visible_reactions(request.user)


def download_cv(request, pk):
    """Only for the posting employer's editors; anyone else gets a 404, as if there were no such CV."""
    reactie = get_object_or_404(Reactie.objects.with_cv_for(request.user).exclude(cv=""), pk=pk)
    return FileResponse(reactie.cv.open("rb"), as_attachment=True, filename=f"cv-{reactie.pk}.pdf")


@hooks.register("register_admin_viewset")
def register_reactions():
    return ReactieViewSet()


def download_klus_cv(request, pk):
    """The CV of a reaction to a klus (from a profile or an accepted invitation): the same rule."""
    reactie = get_object_or_404(KlusReactie.objects.with_cv_for(request.user).exclude(cv=""), pk=pk)
    return FileResponse(reactie.cv.open("rb"), as_attachment=True, filename=f"cv-klus-{reactie.pk}.pdf")


@hooks.register("register_admin_urls")
def cv_urls():
    return [
        path("reacties/<int:pk>/cv/", download_cv, name="reactie_cv"),
        path("reacties/klus/<int:pk>/cv/", download_klus_cv, name="klusreactie_cv"),
    ]


# --------------------------------------------------------------------------- reactions to klussen


class KlusReactiePermissionPolicy(ModelPermissionPolicy):
    """Read-only, for whoever may read vacancy reactions (employer editors, coordinators), by the same rule."""

    def user_has_permission(self, user, action):
        return action == "view" and user.is_active and user.has_perm("reacties.view_reactie")

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and visible_klus_reactions(user).filter(pk=instance.pk).exists()


register_permission_policy(KlusReactie, KlusReactiePermissionPolicy(KlusReactie))


def visible_klus_reactions(user):
    return KlusReactie.objects.visible_to(user).select_related("klus", "klus__werkgever")


class KlusReactieIndexView(IndexView):
    def get_base_queryset(self):
        queryset = visible_klus_reactions(self.request.user)
        if self.request.GET.get("klus", "").isdigit():
            queryset = queryset.filter(klus_id=int(self.request.GET["klus"]))
        return queryset


class KlusReactieViewSet(ModelViewSet):
    model = KlusReactie
    icon = "mail"
    menu_label = "Reacties op klussen"
    menu_order = 171
    add_to_admin_menu = True
    name = "klusreacties"
    index_view_class = KlusReactieIndexView
    list_display = [
        PersonalColumn("naam", label="Naam"), Column("klus", label="Klus"),
        Column("werkgever", label="Werkgever", accessor="klus.werkgever"),
        PersonalColumn("email", label="E-mailadres"), PersonalColumn("telefoon", label="Telefoon"),
        PersonalColumn("motivatie", label="Motivatie"),
        Column("besproken", label="Besproken met leidinggevende", accessor="get_besproken_display"),
        Column("herkomst", label="Herkomst", accessor="get_herkomst_display"),
        DateColumn("aangemaakt", label="Ontvangen"), KlusCvColumn("cv", label="Cv"),
    ]
    list_filter = ["herkomst"]
    inspect_view_enabled = False
    form_fields = ["naam"]

    def get_queryset(self, request):
        return visible_klus_reactions(request.user)


@hooks.register("register_admin_viewset")
def register_klus_reactions():
    return KlusReactieViewSet()
