"""Working days (Monday to Friday) for the answer-time target. Public holidays are not taken into account.

A question received on day `d` and answered on day `a` took the number of working days `w` with d < w <= a:
received on Friday and answered on Monday is one working day, answered on the same day is zero.
"""

from datetime import date, timedelta

SATURDAY = 5


def is_working_day(day: date) -> bool:
    return day.weekday() < SATURDAY


def working_days_between(start: date, end: date) -> int:
    """The working days after `start`, up to and including `end` (0 if end <= start)."""
    if end <= start:
        return 0
    weeks, rest = divmod((end - start).days, 7)
    count = weeks * 5
    for offset in range(1, rest + 1):
        if is_working_day(start + timedelta(days=weeks * 7 + offset)):
            count += 1
    return count


def add_working_days(start: date, days: int) -> date:
    """The day on which `days` working days after `start` have passed: the deadline of a question."""
    day = start
    while days > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            days -= 1
    return day


def overdue_before(today: date, days: int) -> date:
    """Unanswered questions received (local date) before this day are past their deadline today:
    add_working_days(received, days) < today exactly when received < overdue_before(today, days)."""
    day, counted = today, 0
    while counted < days:
        day -= timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day
