"""Each participating employer gets an editors' group that may only touch its own subtree.

Run by a signal when an OrganisatiePage is created (see apps.py), and by
`manage.py werkgever_rechten` for employers that existed before. Coordinators get every employer.
Wagtail's own groups (Editors, Moderators) are for the library only: see `home/groups.py`.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Q
from wagtail.models import GroupPagePermission, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from kern.audience import PUBLIC

from . import phases
from .models import VacaturePage, WerkgeverRedactie
from .roles import COORDINATORS

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "delete_page"]


def employer_ids_edited_by(user):
    """The employers whose editors' group this user is in (not counting coordinator rights)."""
    if not (user.is_authenticated and user.is_active):
        return set()
    return set(WerkgeverRedactie.objects.filter(group__user=user).values_list("werkgever_id", flat=True))


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
    """Network coordinators see and edit every employer's vacancies, and the reactions' metadata
    (not their personal data or CVs: see `reacties.models.ReactieQuerySet.visible_to`)."""
    group, _ = Group.objects.get_or_create(name=COORDINATORS)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="reacties", codename="view_reactie"),
    )
    for codename in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group, page=werkgevers_index,
            permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
        )
    return group



# --------------------------------------------------------------------------- pages in the admin


def explorable_pages(user):
    """The pages this user may open in the admin's explorer (Wagtail's rule: their permissions' subtrees)."""
    return PagePermissionPolicy().explorable_instances(user)


def pages_shown_to(user):
    """Pages whose title this user may see in the admin's choosers: the ones they may explore, and
    the ones anyone sees on the site (live, not restricted, and for vacancies: in phase `openbaar`).
    Another employer's internal, 'onder water', closed or draft vacancies are not among them."""
    if user.is_superuser:
        return Page.objects.all()
    hidden_vacancies = VacaturePage.objects.exclude(phases.visible_q(PUBLIC, phases.local_date()))
    public = Page.objects.live().public().exclude(pk__in=hidden_vacancies.values("pk"))
    return Page.objects.filter(
        Q(pk__in=explorable_pages(user).values("pk")) | Q(pk__in=public.values("pk"))
    )
