"""Dates with a precision (day, month, year): shared by the model and the importer; no Django."""

import calendar
from datetime import date

PRECISION_DAY, PRECISION_MONTH, PRECISION_YEAR = "dag", "maand", "jaar"
MONTH_NAMES = [
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
]


def last_day(value: date | None, precision: str) -> date | None:
    """The last day covered by a date of the given precision (1 March 2021 as 'maand' -> 31 March)."""
    if value is None:
        return None
    if precision == PRECISION_YEAR:
        return date(value.year, 12, 31)
    if precision == PRECISION_MONTH:
        return date(value.year, value.month, calendar.monthrange(value.year, value.month)[1])
    return value


def format_date(value: date | None, precision: str) -> str:
    """Readable Dutch: '3 september 2019', 'september 2019' or '2019'."""
    if value is None:
        return ""
    if precision == PRECISION_YEAR:
        return str(value.year)
    if precision == PRECISION_MONTH:
        return f"{MONTH_NAMES[value.month - 1]} {value.year}"
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"
