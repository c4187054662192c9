"""Each participating employer gets an editors' group that may only touch its own subtree.

Run by a signal when an OrganisatiePage is created (see apps.py), and by
`manage.py werkgever_rechten` for employers that existed before.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission

from .models import WerkgeverRedactie

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "delete_page"]
COORDINATORS = "Netwerkcoördinatoren"


def editors_group_name(employer_page):
    return f"Vacatureredacteuren {employer_page.title}"[:150]


@transaction.atomic
def ensure_employer_group(employer_page):
    """The group whose members may add, edit, publish and delete this employer's vacancies."""
    link = WerkgeverRedactie.objects.filter(werkgever=employer_page).select_related("group").first()
    if link:
        group = link.group
    else:
        group, _ = Group.objects.get_or_create(name=editors_group_name(employer_page))
        WerkgeverRedactie.objects.create(group=group, werkgever=employer_page)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="reacties", codename="view_reactie"),
    )
    for codename in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=employer_page,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    return group


@transaction.atomic
def ensure_coordinators_group(werkgevers_index):
    """Network coordinators see and edit every employer's vacancies."""
    group, _ = Group.objects.get_or_create(name=COORDINATORS)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for codename in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=werkgevers_index,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    return group

