"""Signals that vacatures sends and other apps receive, so that vacatures never imports them."""

from django.dispatch import Signal

# A visible vacancy page was served to a visitor (not a preview). Arguments: `vacancy_id`, `day` (the date
# in Amsterdam). reacties counts it as a view in its day figures (reacties/apps.py).
vacancy_viewed = Signal()
