"""The admin's page chooser shows the titles of live, public pages to every admin user
(vacatures.permissions.pages_shown_to): here employees-only events are taken out again for anyone who may
not explore them (Wagtail's Editors and Moderators, employers' editors). Browsing into one answers 404.
Also the coordinators' list of registrations."""

from django.http import Http404
from wagtail import hooks
from wagtail.admin.views.generic import DeleteView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import Aanmelding, EvenementPage
from .registration import cancel


def hidden_events_for(user):
    """Employees-only events this admin user may not explore (none for a superuser)."""
    if user.is_superuser:
        return EvenementPage.objects.none().values("pk")
    explorable = PagePermissionPolicy().explorable_instances(user).values("pk")
    return EvenementPage.objects.exclude(pk__in=explorable).filter(pk__in=EvenementPage.objects.hidden_from())


@hooks.register("construct_page_chooser_queryset")
def choosable_events(pages, request):
    hidden = hidden_events_for(request.user)
    parent_id = request.resolver_match.kwargs.get("parent_page_id") if request.resolver_match else None
    if parent_id is not None and hidden.filter(pk=parent_id).exists():
        raise Http404("Pagina niet gevonden")
    return pages.exclude(pk__in=hidden.values("pk"))


class AanmeldingDeleteView(DeleteView):
    """Deleting a registration here cancels it as the link in the mail does: its place goes to the first on
    the waiting list."""

    def delete_action(self):
        cancel(self.object, delete=super().delete_action)


class AanmeldingViewSet(ModelViewSet):
    """Registrations for the organisers (coordinators: `agenda.view_aanmelding`), read-only, with export.
    Registering happens on the site; cancelling too (or deleting here)."""

    model = Aanmelding
    icon = "date"
    menu_label = "Aanmeldingen"
    menu_order = 170
    add_to_admin_menu = True
    name = "aanmeldingen"
    inspect_view_enabled = True
    delete_view_class = AanmeldingDeleteView
    list_display = ["naam", "email", "titel", "status", "aangemaakt"]
    list_filter = ["evenement", "wachtlijst"]
    list_export = ["naam", "email", "titel", "status", "aangemaakt"]
    export_headings = {
        "naam": "Naam", "email": "E-mailadres", "titel": "Voor", "status": "Plaats of wachtlijst",
        "aangemaakt": "Aangemeld op",
    }
    export_filename = "aanmeldingen"
    search_fields = ["naam", "email"]
    form_fields = ["naam"]
    ordering = ["evenement", "activiteit", "wachtlijst", "aangemaakt"]

    def get_queryset(self, request):
        return Aanmelding.objects.select_related("evenement", "activiteit")


@hooks.register("register_admin_viewset")
def register_registrations():
    return AanmeldingViewSet()
