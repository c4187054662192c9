"""Who may read the management report, and which employers' figures they see.

Network coordinators (superusers and members of the coordinators' group) see every employer.
An employer's editors (members of a `WerkgeverRedactie` group) see only their own employer(s).
Anyone else gets no report at all.
"""

from django.db.models import Q

from vacatures.models import OrganisatiePage
from vacatures.permissions import employer_ids_edited_by
from vacatures.roles import COORDINATORS, is_coordinator


def has_access(user):
    """Cheap check (one query) for the menu item, shown on every admin page."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(Q(name=COORDINATORS) | Q(werkgever_redactie__isnull=False)).exists()


def visible_employer_ids(user):
    """The ids of the employers whose figures this user may see, or None if the report is not for them."""
    if not (user.is_authenticated and user.is_active):
        return None
    if is_coordinator(user):
        return set(OrganisatiePage.objects.values_list("pk", flat=True))
    return employer_ids_edited_by(user) or None
