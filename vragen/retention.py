"""How long questions are kept: 12 months after their (first) answer; a question that was never answered,
12 months after it came in. Published FAQ entries hold no personal data and stay."""

from django.db.models import Q
from django.utils import timezone

from .models import Vraag

BEWAARTERMIJN_MAANDEN = 12


def months_back(moment, months):
    """The same moment `months` calendar months earlier (the 31st becomes the last day of a shorter month)."""
    month_index = moment.month - 1 - months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    for day in (moment.day, 30, 29, 28):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise ValueError(moment)


def expired(now=None):
    cutoff = months_back(now or timezone.now(), BEWAARTERMIJN_MAANDEN)
    return Vraag.objects.filter(
        Q(beantwoord_op__lt=cutoff) | Q(beantwoord_op__isnull=True, ontvangen__lt=cutoff)
    )


def purge(now=None):
    """Delete the questions whose retention period has ended, with their thread links; FAQ entries made from
    them stay (their link to the question is cleared). Returns the number of questions deleted."""
    questions = expired(now)
    count = questions.count()
    questions.delete()
    return count
