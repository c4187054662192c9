"""The management report under Reports in the admin, for coordinators and employers' editors only."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .access import has_access
from .views import ManagementrapportageView

urls = (
    [
        path("", ManagementrapportageView.as_view(), name="managementrapportage"),
        path("results/", ManagementrapportageView.as_view(results_only=True), name="managementrapportage_results"),
    ],
    "rapportage",
)


@hooks.register("register_admin_urls")
def rapportage_urls():
    return [path("rapportage/management/", include(urls))]


class RapportageMenuItem(MenuItem):
    def is_shown(self, request):
        return has_access(request.user)


@hooks.register("register_reports_menu_item")
def managementrapportage_menu_item():
    return RapportageMenuItem(
        "Managementrapportage", reverse("rapportage:managementrapportage"),
        name="managementrapportage", icon_name="table", order=100,
    )
