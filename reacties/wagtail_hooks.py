"""Reactions in the admin: only for editors of the posting employer (and superusers)."""

from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import Reactie


def visible_reactions(user):
    """Reactions on vacancies whose page this user may edit."""
    reactions = Reactie.objects.select_related("vacature", "vacature__werkgever")
    if user.is_superuser:
        return reactions
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return reactions.filter(vacature__in=editable.values("pk"))


class CvColumn(Column):
    def get_value(self, instance):
        return format_html('<a href="{}">Download cv</a>', reverse("reactie_cv", args=[instance.pk]))


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
    list_display = ["naam", "vacature", "email", "telefoon", "herkomst", DateColumn("aangemaakt", label="Ontvangen"),
                    CvColumn("cv", label="Cv")]
    list_filter = ["herkomst"]
    inspect_view_enabled = False
    form_fields = ["naam"]  # editors only view (view_reactie); the form exists for Wagtail's edit view

    def get_queryset(self, request):
        return visible_reactions(request.user)


def download_cv(request, pk):
    reactie = get_object_or_404(visible_reactions(request.user), pk=pk)
    if not reactie.cv:
        raise PermissionDenied
    return FileResponse(reactie.cv.open("rb"), as_attachment=True, filename=f"cv-{reactie.pk}.pdf")


@hooks.register("register_admin_viewset")
def register_reactions():
    return ReactieViewSet()


@hooks.register("register_admin_urls")
def cv_urls():
    return [path("reacties/<int:pk>/cv/", download_cv, name="reactie_cv")]
