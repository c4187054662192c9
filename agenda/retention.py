"""How long event registrations are kept: until 30 days after the event or activity they are for ended."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from .models import Aanmelding

BEWAARTERMIJN = timedelta(days=30)


def purge(now=None):
    """Delete the expired registrations; returns how many were deleted."""
    cutoff = (now or timezone.now()) - BEWAARTERMIJN
    expired = Aanmelding.objects.filter(
        Q(activiteit__isnull=True, evenement__eind__lt=cutoff) | Q(activiteit__eind__lt=cutoff)
    )
    return expired.delete()[1].get("agenda.Aanmelding", 0)
