"""The admin menu shows each role only what it can work on.

Wagtail shows a page-type listing (Projecten, Vacatures) to everyone in the admin; an employer's
editor saw an empty 'Projecten'. Here such a listing is shown only to users with a page permission
(add, change, publish) on a page of that type, or on a page under which that type can be added:
an employer's editors and the coordinators see Vacatures, library editors Projecten, superusers both.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail import hooks
from wagtail.permission_policies.pages import PagePermissionPolicy

from projecten.models import ProjectPage
from vacatures.models import VacaturePage

PAGE_LISTINGS = {"projecten": ProjectPage, "vacatures": VacaturePage}  # menu item name -> page type


def can_work_on(user, page_model):
    if user.is_superuser:
        return True
    types = ContentType.objects.get_for_models(page_model, *page_model.allowed_parent_page_models()).values()
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(user, {"add", "change", "publish"})
    return pages.filter(content_type__in=types).exists()


@hooks.register("construct_main_menu")
def only_listings_of_own_pages(request, menu_items):
    menu_items[:] = [
        item for item in menu_items
        if item.name not in PAGE_LISTINGS or can_work_on(request.user, PAGE_LISTINGS[item.name])
    ]


@hooks.register("construct_reports_menu")
def page_types_report_for_superusers_only(request, menu_items):
    """Wagtail's 'Page types usage' counts every page type and names its last edited page, klussen and
    internal vacancies included, for anyone who may add a page anywhere (the library's Editors too).
    Only superusers see it (config/urls.py serves the report through `home.views.PageTypesUsageReport`)."""
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]
