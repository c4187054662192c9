"""Who sees which registrations in the admin, and who manages the School's settings.

- An employer's contact person for the School (`SchoolContactpersoon`) sees the registrations of that
  employer's employees (name, training, session, status) and exports them; nothing of other employers.
- Superusers see all. Coordinators manage targets, percentages and contact persons, and see the School's
  counts in the management report, but no names (unless they are also an employer's contact person).
- Anyone else, Wagtail's Editors and Moderators and employers' vacancy editors included, sees none.
"""

from kern.permissions import ACTIONS, RolePermissionPolicy
from vacatures.roles import COORDINATORS, is_coordinator

from .models import SchoolContactpersoon


def employer_ids_of_contact(user):
    if not (user.is_authenticated and user.is_active):
        return set()
    return set(SchoolContactpersoon.objects.filter(gebruiker=user).values_list("werkgever_id", flat=True))


def registrations_visible_to(queryset, user):
    if not (user.is_authenticated and user.is_active):
        return queryset.none()
    if user.is_superuser:
        return queryset
    return queryset.filter(werkgever_id__in=employer_ids_of_contact(user))


def is_contact_or_superuser(user):
    return user.is_superuser or bool(employer_ids_of_contact(user))


def registrations_policy(model):
    """Registrations are only viewed (and exported) in the admin, by contact persons; never changed there."""
    return RolePermissionPolicy(model, {"view": is_contact_or_superuser}, {})


def coordinators_policy(model):
    """Targets, percentages and contact persons: coordinators (and superusers) only."""
    return RolePermissionPolicy(model, dict.fromkeys(ACTIONS, is_coordinator), {is_coordinator: [COORDINATORS]})
