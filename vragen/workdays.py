"""Working days for the answer-time target: Monday to Friday, except the generally recognised holidays of the
Algemene termijnenwet (art. 3), the act that extends the deadlines of Dutch public bodies: New Year's Day,
Easter Monday, King's Day, 5 May, Ascension Day, Whit Monday and both Christmas days. Their dates come from
`holidays` (PyPI); Good Friday, which that package also lists for the Netherlands, is no such holiday.

A question received on day `d` and answered on day `a` took the number of working days `w` with d < w <= a:
received on Friday and answered on Monday is one working day, answered on the same day is zero.
"""

from datetime import date, timedelta
from functools import cache

import holidays

SATURDAY = 5
TERMIJNENWET = {
    "New Year's Day", "Easter Monday", "King's Day", "Liberation Day", "Ascension Day", "Pentecost Monday",
    "Christmas Day", "Second Day of Christmas",
}


@cache
def holidays_in(year: int) -> frozenset[date]:
    """The holidays of the Algemene termijnenwet in `year` (5 May every year: 'optional' in `holidays`)."""
    found = holidays.country_holidays("NL", years=year, categories=("public", "optional"), language="en_US")
    return frozenset(day for day, names in found.items() if TERMIJNENWET & set(names.split("; ")))


def is_working_day(day: date) -> bool:
    return day.weekday() < SATURDAY and day not in holidays_in(day.year)


def working_days_between(start: date, end: date) -> int:
    """The working days after `start`, up to and including `end` (0 if end <= start)."""
    if end <= start:
        return 0
    weeks, rest = divmod((end - start).days, 7)
    weekdays = weeks * 5 + sum(
        (start + timedelta(days=weeks * 7 + offset)).weekday() < SATURDAY for offset in range(1, rest + 1)
    )
    days_off = sum(
        start < day <= end and day.weekday() < SATURDAY
        for year in range(start.year, end.year + 1) for day in holidays_in(year)
    )
    return weekdays - days_off


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
