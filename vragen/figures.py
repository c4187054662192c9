"""Figures of the question desk for the management report: per topic, the questions received in the period,
how many were answered, the median time to the first answer and the share answered within the target.

- Times are in working days (Monday to Friday without public holidays, workdays.py) from the day of receipt
  to the day of the first answer, in Europe/Amsterdam.
- The share within the target is taken over the questions whose outcome is known: answered, or unanswered and
  already past their deadline. An open question that still has time counts in neither part.
- Questions are deleted 12 months after their answer (retention.py), so a period longer ago than that shows
  fewer questions than there were.
"""

from datetime import timedelta
from statistics import median

from vacatures import phases

from .models import Onderwerp, Vraag

KOLOMMEN = [
    ("onderwerp", "Onderwerp"),
    ("vragen", "Vragen"),
    ("beantwoord", "Beantwoord"),
    ("open", "Open"),
    ("te_laat", "Open en te laat"),
    ("mediaan", "Mediaan werkdagen tot antwoord"),
    ("binnen_termijn", "Binnen de termijn (%)"),
]


def _figures(questions, termijn, today):
    answered = [q.werkdagen_tot_antwoord() for q in questions if q.beantwoord_op is not None]
    overdue = sum(1 for q in questions if q.beantwoord_op is None and q.is_overdue(termijn, today))
    within = sum(1 for days in answered if days <= termijn)
    decided = len(answered) + overdue
    return {
        "vragen": len(questions),
        "beantwoord": len(answered),
        "open": len(questions) - len(answered),
        "te_laat": overdue,
        "mediaan": median(answered) if answered else None,
        "binnen_termijn": within / decided if decided else None,
    }


def question_figures(periode, termijn, regio=None, today=None):
    """Rows per topic (every topic, also without questions) and the totals, for questions received in `periode`."""
    today = today or phases.local_date()
    questions = Vraag.objects.filter(
        ontvangen__gte=phases.start_of_day(periode.van),
        ontvangen__lt=phases.start_of_day(periode.tot + timedelta(days=1)),
    )
    if regio is not None:
        questions = questions.filter(regio=regio)
    by_topic = {}
    for question in questions.only("onderwerp_id", "ontvangen", "beantwoord_op", "status"):
        by_topic.setdefault(question.onderwerp_id, []).append(question)
    rows = [{"onderwerp": topic.naam, **_figures(by_topic.get(topic.pk, []), termijn, today)}
            for topic in Onderwerp.objects.all()]
    totals = {"onderwerp": "Totaal", **_figures([q for qs in by_topic.values() for q in qs], termijn, today)}
    return rows, totals
