"""Parse a Dutch "Looptijd" text into a start and an end date with a precision.

The source writes durations in many ways: "1 september 2019 t/m 31 december 2019",
"januari – december 2021", "01-11-2020 tot 01-11-2022", "oktober '20 tot juli '21",
"2018-2019", "vanaf 2018", "tot 1 januari 2021", "januari 2019 - ?",
"start december 2020- looptijd 2 jaar", or a whole sentence that contains a range.

The rules, in short:

* Every date mention is found in the text: a numeric date (``1-3-2021``), a month name
  with an optional day and year (``1 maart 2021``, ``mrt 2021``, ``oktober '20``), or a
  bare year (``2020``). "begin", "eind", "medio" and "start" before a mention are
  allowed and do not change the date ("medio april 2021" is April 2021, "eind 2021" is
  the year 2021). Text in parentheses is ignored unless the rest holds no date at all.
* The first mention is the start, the second the end; later mentions are ignored.
  "1 mei/1 juni 2021" (two dates joined by a slash) is one mention with alternatives:
  the first is used and a warning says so.
* A mention without a year takes the year of the other one ("januari – december 2021");
  if that would put the start after the end, the start is in the year before.
* A single mention is the start, except after "tot"/"t/m" or with "eind" (then it is the
  end) and when the text is nothing but that month or year ("2020": start and end are
  both 2020).
* "looptijd 2 jaar" (or "looptijd = 3 jaar") after a single start gives the end, with
  month precision at best, and an informative warning.
* Dates are stored as ``datetime.date``: month precision is the 1st of the month, year
  precision 1 January, for a start and for an end alike.
* Impossible dates ("31 september 2021"), broken years ("juli 202") and an end before the
  start are never guessed: that date is left out (``None``) and a warning says why.

``parse_duration(raw, afgerond=True)`` reads an "Afgerond: <date>" value: a single date
is then the end date, not the start.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from projecten.dates import (  # noqa: F401 - re-exported for the importer's callers
    MONTH_NAMES,
    PRECISION_DAY,
    PRECISION_MONTH,
    PRECISION_YEAR,
    format_date,
    last_day,
)

MONTHS = {
    "januari": 1, "jan": 1,
    "februari": 2, "feb": 2, "febr": 2,
    "maart": 3, "mrt": 3, "mar": 3,
    "april": 4, "apr": 4,
    "mei": 5,
    "juni": 6, "jun": 6,
    "juli": 7, "jul": 7,
    "augustus": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "okt": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_MONTH_ALTERNATION = "|".join(sorted(MONTHS, key=len, reverse=True))

# One date mention. Alternatives are tried left to right at each position.
_MENTION_RE = re.compile(
    r"(?:\b(?P<qual>begin|eind|medio|start)\s+)?"
    r"(?:"
    r"(?<!\d)(?P<nd>\d{1,2})(?P<sep>[-/.])(?P<nm>\d{1,2})(?P=sep)(?P<ny>\d{4})(?!\d)"
    r"|(?:(?<!\d)(?P<day>\d{1,2})\s+)?\b(?P<month>" + _MONTH_ALTERNATION + r")\b\.?"
    r"(?:\s+(?P<year>'\d{2}\b|\d{4}(?!\d)|\d{3}(?!\d)))?"
    r"|(?<!\d)(?P<y>(?:19|20)\d{2})(?!\d)"
    r")"
)
_TOT_BEFORE_RE = re.compile(r"(?:\btot(?:\s+en\s+met|\s+aan)?|\bt/m|\btm|\beinddatum:?|\buiterlijk)\s*$")
_RELATIVE_RE = re.compile(
    r"\blooptijd\s*(?:=|:|van)?\s*(?P<n>\d+(?:[.,]5)?)\s*(?P<unit>jaar|maanden|maand)\b"
)
_DURATION_ONLY_RE = re.compile(
    r"^\s*(?:circa\s+|ca\.?\s+)?\d+(?:[.,]\d+)?\s*(?:jaar|maanden|maand|weken|week)\s*\.?\s*$"
)
_PAREN_RE = re.compile(r"\([^()]*\)")


@dataclass(frozen=True)
class Duration:
    """A parsed duration; ``raw`` is the source text, stripped."""

    raw: str
    start: date | None
    start_precision: str
    end: date | None
    end_precision: str
    warnings: tuple[str, ...]


@dataclass
class _Mention:
    """One date found in the text, before the year is known for sure."""

    text: str
    start: int
    end: int
    day: int | None
    month: int | None
    year: int | None
    precision: str
    broken_year: bool = False
    qualifier: str | None = None  # begin, eind, medio or start

    def resolve(self) -> tuple[date | None, str | None]:
        """The date, or None and the reason it is invalid."""
        if self.broken_year:
            return None, f"Ongeldig jaartal: {self.text}"
        if self.year is None:
            return None, f"Geen jaartal bij: {self.text}"
        if not 1900 <= self.year <= 2100:
            return None, f"Ongeldig jaartal: {self.text}"
        try:
            return date(self.year, self.month or 1, self.day or 1), None
        except ValueError:
            return None, f"Ongeldige datum: {self.text}"


def _normalise(text: str) -> str:
    """Lower case and uniform quotes and dashes; keeps every character at its position."""
    text = text.lower()
    text = text.translate(str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-", "‐": "-"}))
    return re.sub(r"\bmedia\b", "medio", text)  # a typo in the source


def _blank_parentheses(text: str) -> str:
    """Replace parenthesised text by spaces (positions stay the same)."""
    previous = None
    while previous != text:
        previous = text
        text = _PAREN_RE.sub(lambda m: " " * len(m.group()), text)
    return text


def _find_mentions(norm: str, raw: str) -> list[_Mention]:
    mentions = []
    for match in _MENTION_RE.finditer(norm):
        text = raw[match.start():match.end()].strip()
        if match.group("ny"):
            mention = _Mention(
                text, match.start(), match.end(),
                int(match.group("nd")), int(match.group("nm")), int(match.group("ny")), PRECISION_DAY,
            )
        elif match.group("month"):
            year_text = match.group("year")
            year = None
            broken = False
            if year_text:
                if year_text.startswith("'"):
                    year = 2000 + int(year_text[1:])
                elif len(year_text) == 4:
                    year = int(year_text)
                else:
                    broken = True
            day = int(match.group("day")) if match.group("day") else None
            mention = _Mention(
                text, match.start(), match.end(), day, MONTHS[match.group("month")], year,
                PRECISION_DAY if day else PRECISION_MONTH, broken_year=broken,
            )
        else:
            year = int(match.group("y"))
            mention = _Mention(text, match.start(), match.end(), None, None, year, PRECISION_YEAR)
        mention.qualifier = match.group("qual")
        mentions.append(mention)
    return mentions


def _between(text: str, first: _Mention, second: _Mention) -> str:
    return text[first.end : second.start].strip()


def _collapse_alternatives(mentions: list[_Mention], norm: str, warnings: list[str]) -> list[_Mention]:
    """'1 mei/1 juni 2021': keep the first alternative, with the year of the last one."""
    result: list[_Mention] = []
    index = 0
    while index < len(mentions):
        group = [mentions[index]]
        while index + 1 < len(mentions) and _between(norm, mentions[index], mentions[index + 1]) == "/":
            index += 1
            group.append(mentions[index])
        first = group[0]
        if len(group) > 1:
            if first.year is None:
                first.year = next((m.year for m in group if m.year is not None), None)
            alternatives = norm[group[0].start:group[-1].end]
            warnings.append(f"Datum niet eenduidig ({alternatives}): de eerste is gebruikt")
        result.append(first)
        index += 1
    return result


def _share_years(start: _Mention, end: _Mention) -> None:
    """Give a mention without a year the year of the other one."""
    if start.year is None and end.year is not None and not end.broken_year:
        start.year = end.year
        if (start.month or 1, start.day or 1) > (end.month or 12, end.day or 31):
            start.year -= 1
    elif end.year is None and start.year is not None and not start.broken_year:
        end.year = start.year
        if (end.month or 12, end.day or 31) < (start.month or 1, start.day or 1):
            end.year += 1


def _add_duration(start: date, precision: str, amount: str, unit: str) -> tuple[date, str]:
    """Start plus a duration; at best month precision (the 1st of the month)."""
    months = round(float(amount.replace(",", ".")) * (12 if unit == "jaar" else 1))
    total = start.year * 12 + start.month - 1 + months
    if precision == PRECISION_YEAR and months % 12 == 0:
        return date(total // 12, 1, 1), PRECISION_YEAR
    return date(total // 12, total % 12 + 1, 1), PRECISION_MONTH


def parse_duration(raw: str, *, afgerond: bool = False) -> Duration:
    """Parse a Looptijd text; with ``afgerond=True`` a single date is the end date."""
    raw = (raw or "").strip()
    if not raw:
        return Duration(raw, None, "", None, "", ())
    warnings: list[str] = []
    norm = _normalise(raw)
    main = _blank_parentheses(norm)
    mentions = _find_mentions(main, raw)
    search_text = main
    if not mentions:
        mentions = _find_mentions(norm, raw)
        search_text = norm
    mentions = _collapse_alternatives(mentions, search_text, warnings)

    if not mentions:
        if _DURATION_ONLY_RE.match(norm):
            warnings.append(f"Alleen een duur opgegeven, geen datums: {raw}")
        else:
            warnings.append(f"Geen datum herkend in de looptijd: {raw}")
        return Duration(raw, None, "", None, "", tuple(warnings))

    start_m: _Mention | None = None
    end_m: _Mention | None = None
    if len(mentions) >= 2:
        start_m, end_m = mentions[0], mentions[1]
        if afgerond:
            start_m, end_m = None, mentions[-1]
        else:
            _share_years(start_m, end_m)
    else:
        only = mentions[0]
        before = search_text[:only.start]
        rest = (search_text[:only.start] + search_text[only.end:]).strip(" .,;:-")
        whole_period = not rest and only.precision != PRECISION_DAY and not only.qualifier
        if afgerond or _TOT_BEFORE_RE.search(before) or only.qualifier == "eind":
            end_m = only
        elif whole_period:
            start_m = end_m = only  # "2020": the whole period
        else:
            start_m = only

    start, start_precision = None, ""
    end, end_precision = None, ""
    if start_m is not None:
        start, problem = start_m.resolve()
        if problem:
            warnings.append(problem)
        else:
            start_precision = start_m.precision
    if end_m is not None:
        end, problem = end_m.resolve()
        if problem:
            if end_m is not start_m:
                warnings.append(problem)
        else:
            end_precision = end_m.precision

    if start and end and last_day(end, end_precision) < start:
        warnings.append(
            f"Einddatum {format_date(end, end_precision)} ligt vóór begindatum "
            f"{format_date(start, start_precision)}: einddatum weggelaten"
        )
        end, end_precision = None, ""

    if start and end_m is None:
        relative = _RELATIVE_RE.search(norm)
        if relative:
            end, end_precision = _add_duration(start, start_precision, relative["n"], relative["unit"])
            warnings.append(f"Einddatum berekend uit de looptijd van {relative['n']} {relative['unit']}")

    return Duration(raw, start, start_precision, end, end_precision, tuple(warnings))
