"""Who writes the stories in the admin: the network coordinators (and superusers). They add, edit, publish
and delete stories under /verhalen/. Wagtail's Editors and Moderators stay in the library (home/groups.py),
employers' editors in their employer. The data migration 0002 gives the same permissions on a running site."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import GroupPagePermission

from vacatures.roles import COORDINATORS

STORY_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "delete_page"]


@transaction.atomic
def ensure_story_editors(index):
    group, _ = Group.objects.get_or_create(name=COORDINATORS)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for codename in STORY_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=index,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    return group
