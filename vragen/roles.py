"""Who may read questions (personal data): the advisers and the network coordinators, nobody else.

Wagtail's default groups Editors and Moderators and the employers' editors' groups see no question, whatever
model permissions someone gives them: the admin asks `is_adviser`, not Django's permission table.
"""

from vacatures.roles import is_coordinator

ADVISEURS = "Adviseurs"


def is_adviser(user):
    """Advisers (members of the group ‘Adviseurs’), coordinators and superusers: they read and answer questions."""
    if user is None or not (user.is_authenticated and user.is_active):
        return False
    return is_coordinator(user) or user.groups.filter(name=ADVISEURS).exists()


def ensure_advisers_group():
    """The advisers' group with access to the admin (also made by migration 0002)."""
    # auth models: not importable while Django loads the apps (this module is imported by models.py)
    from django.contrib.auth.models import Group, Permission

    group, _ = Group.objects.get_or_create(name=ADVISEURS)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return group
