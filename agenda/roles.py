"""Who runs the agenda in the admin: the network coordinators (and superusers). They add, edit and publish
events under /agenda/ and see the registrations (name and e-mail address) to organise them. Nobody else:
Wagtail's Editors and Moderators stay in the library (home/groups.py), employers' editors in their employer."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission

from vacatures.roles import COORDINATORS

AGENDA_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "delete_page"]


@transaction.atomic
def ensure_agenda_editors(agenda):
    group, _ = Group.objects.get_or_create(name=COORDINATORS)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="agenda", codename__in=["view_aanmelding", "delete_aanmelding"]),
    )
    for codename in AGENDA_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=agenda,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    return group
