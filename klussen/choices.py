"""The fixed choices of a klus: its outcome on closing, and the bands of its facets."""

from django.db import models
from django.db.models import Q


class Uitkomst(models.TextChoices):
    """How a klus ended. A klus is only closed with one of these (KlusPage.clean)."""

    INGEVULD = "ingevuld", "Ingevuld"
    NIET_INGEVULD = "niet_ingevuld", "Niet ingevuld"
    INGETROKKEN = "ingetrokken", "Ingetrokken"


HOUR_BANDS = [  # (value, label, lower bound inclusive, upper bound exclusive)
    ("tot-8", "Tot 8 uur", 0, 8),
    ("8-16", "8 tot 16 uur", 8, 16),
    ("16-24", "16 tot 24 uur", 16, 24),
    ("24-plus", "24 uur of meer", 24, None),
]
DURATION_BANDS = [  # weeks
    ("tot-4", "Tot 4 weken", 0, 4),
    ("4-12", "4 tot 12 weken", 4, 12),
    ("12-26", "12 tot 26 weken", 12, 26),
    ("26-plus", "Een half jaar of langer", 26, None),
]


def band_q(field, lower, upper):
    condition = Q(**{f"{field}__gte": lower})
    if upper is not None:
        condition &= Q(**{f"{field}__lt": upper})
    return condition
