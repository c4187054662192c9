"""Parse a Dutch "Looptijd" text into a start and an end date with a precision.

The source writes durations in many ways: "1 september 2019 t/m 31 december 2019",
"januari – december 2021", "01-11-2020 tot 01-11-2022", "oktober '20 tot juli '21",
"2018-2019", "vanaf 2018", "tot 1 januari 2021", "januari 2019 - ?",
"start december 2020- looptijd 2 jaar", or a whole sentence that contains a range.

The rules, in short:

* Every date mention is found in the text: a numeric date (``1-3-2021``), a month name
  with an optional day and year (``1 maart 2021``, ``mrt 2021``, ``oktober '20``), a
  quarter (``Q3 2021``, ``3e kwartaal 2021``) or a bare year (``2020``). Text in
  parentheses is ignored for the start and the first end unless the rest holds no date at all.
* "begin", "medio" and "eind" before a bare year name a month: begin 2021 is January 2021,
  eind 2023 December 2023, medio 2022 July 2022 as a start and June 2022 as an end. A quarter
  is its first month as a start and its last month as an end (Q2 2022 ends in June 2022).
  Before a month ("medio april 2021", "eind mei") they change nothing. All of these have
  month precision.
* The first mention is the start, the second the end. A later mention that is later than
  that end (an extension in parentheses, "… tot maart 2022" further on) wins: the latest
  stated end is used and a warning says so.
  "1 mei/1 juni 2021" (two dates joined by a slash) is one mention with alternatives:
  the first is used and a warning says so.
* A mention without a year takes the year of the other one ("januari – december 2021");
  if that would put the start after the end, the start is in the year before.
* A single mention is the start, except after "tot"/"t/m" or with "eind" (then it is the
  end) and when the text is nothing but that month, quarter or year ("2020": start and end
  are both 2020).
* "looptijd 2 jaar" (or "looptijd = 3 jaar") after a single start gives the end, with
  month precision at best, and an informative warning.
* Dates are stored as ``datetime.date``: month precision is the 1st of the month, year
  precision 1 January, for a start and for an end alike.
* An impossible day ("31 september 2021") keeps its month (month precision) with a
  warning; a broken year ("juli 202") and an end before the start are never guessed: that
  date is left out (``None``) and a warning says why.

``parse_durations(values)`` reads several Looptijd lines of one project: the start of the
first line that has one, and the latest end of all of them (with a warning when a later
line moved it).

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
    r"|\b(?:q(?P<q>[1-4])|(?P<qn>[1-4])e\s+kwartaal)\b(?:\s+(?:van\s+)?(?P<qy>\d{4})(?!\d))?"
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

START, END = "start", "end"
# A qualifier before a bare year names a month: (as a start, as an end).
_QUALIFIED_YEAR_MONTHS = {"begin": (1, 1), "medio": (7, 6), "eind": (12, 12)}


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
    quarter: int | None = None

    def month_for(self, role: str) -> int | None:
        """The month this mention stands for as a start or as an end."""
        if self.quarter:
            return self.quarter * 3 - (2 if role == START else 0)
        if self.month is None and self.qualifier in _QUALIFIED_YEAR_MONTHS:
            return _QUALIFIED_YEAR_MONTHS[self.qualifier][0 if role == START else 1]
        return self.month

    def resolve(self, role: str = START) -> tuple[date | None, str, str | None]:
        """(date, precision, warning): the date is None when it cannot be used at all."""
        if self.broken_year:
            return None, "", f"Ongeldig jaartal: {self.text}"
        if self.year is None:
            return None, "", f"Geen jaartal bij: {self.text}"
        if not 1900 <= self.year <= 2100:
            return None, "", f"Ongeldig jaartal: {self.text}"
        month = self.month_for(role)
        precision = self.precision if month == self.month else PRECISION_MONTH
        try:
            return date(self.year, month or 1, self.day or 1), precision, None
        except ValueError:
            if month and 1 <= month <= 12:
                kept = date(self.year, month, 1)
                return kept, PRECISION_MONTH, (
                    f"Ongeldige datum: {self.text}; alleen de maand is gebruikt "
                    f"({format_date(kept, PRECISION_MONTH)})"
                )
            return None, "", f"Ongeldige datum: {self.text}"


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
        elif match.group("q") or match.group("qn"):
            quarter = int(match.group("q") or match.group("qn"))
            year = int(match.group("qy")) if match.group("qy") else None
            mention = _Mention(
                text, match.start(), match.end(), None, None, year, PRECISION_MONTH, quarter=quarter,
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
    start_month, end_month = start.month_for(START), end.month_for(END)
    if start.year is None and end.year is not None and not end.broken_year:
        start.year = end.year
        if (start_month or 1, start.day or 1) > (end_month or 12, end.day or 31):
            start.year -= 1
    elif end.year is None and start.year is not None and not start.broken_year:
        end.year = start.year
        if (end_month or 12, end.day or 31) < (start_month or 1, start.day or 1):
            end.year += 1


def _add_duration(start: date, precision: str, amount: str, unit: str) -> tuple[date, str]:
    """Start plus a duration; at best month precision (the 1st of the month)."""
    months = round(float(amount.replace(",", ".")) * (12 if unit == "jaar" else 1))
    total = start.year * 12 + start.month - 1 + months
    if precision == PRECISION_YEAR and months % 12 == 0:
        return date(total // 12, 1, 1), PRECISION_YEAR
    return date(total // 12, total % 12 + 1, 1), PRECISION_MONTH


def _later_end(norm: str, raw: str, after: int, end: date | None, end_precision: str, floor: date | None):
    """The latest date mentioned after position ``after`` that ends later than the current end
    (or, without an end, later than ``floor``): (date, precision, text) or None."""
    best = None
    reference = last_day(end, end_precision) if end else floor
    for mention in _find_mentions(norm, raw):
        if mention.start < after:
            continue
        if mention.year is None and end is not None:
            mention.year = end.year
        value, precision, problem = mention.resolve(END)
        if value is None or problem:
            continue
        if reference is None or last_day(value, precision) > reference:
            reference = last_day(value, precision)
            best = (value, precision, mention.text)
    return best


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
        start, start_precision, problem = start_m.resolve(START)
        if problem:
            warnings.append(problem)
    if end_m is not None:
        end, end_precision, problem = end_m.resolve(END)
        if problem and end_m is not start_m:
            warnings.append(problem)

    if not afgerond and (start_m or end_m):
        later = _later_end(norm, raw, (end_m or start_m).end, end, end_precision, start)
        if later is not None:
            value, precision, text = later
            stated = f" (eerder genoemd: {format_date(end, end_precision)})" if end else ""
            warnings.append(f"Laatst genoemde einddatum gebruikt: {text}{stated}")
            end, end_precision = value, precision

    if start and end and last_day(end, end_precision) < start:
        warnings.append(
            f"Einddatum {format_date(end, end_precision)} ligt vóór begindatum "
            f"{format_date(start, start_precision)}: einddatum weggelaten"
        )
        end, end_precision = None, ""

    if start and end_m is None and end is None:
        relative = _RELATIVE_RE.search(norm)
        if relative:
            end, end_precision = _add_duration(start, start_precision, relative["n"], relative["unit"])
            warnings.append(f"Einddatum berekend uit de looptijd van {relative['n']} {relative['unit']}")

    return Duration(raw, start, start_precision, end, end_precision, tuple(warnings))


def parse_durations(values: list[str]) -> Duration:
    """Several Looptijd lines of one project: the first start found, the latest end of all lines.

    Lines after the first that hold no date add nothing (they describe a phase); a later line
    that moves the end says so in a warning.
    """
    values = [value.strip() for value in values if value and value.strip()]
    if not values:
        return parse_duration("")
    first = parse_duration(values[0])
    start, start_precision = first.start, first.start_precision
    end, end_precision = first.end, first.end_precision
    warnings = list(first.warnings)
    for value in values[1:]:
        other = parse_duration(value)
        if start is None and other.start is not None:
            start, start_precision = other.start, other.start_precision
        later = other.end is not None and (
            end is None or last_day(other.end, other.end_precision) > last_day(end, end_precision)
        )
        if later:
            end, end_precision = other.end, other.end_precision
            warnings.append(f"Einddatum {format_date(end, end_precision)} uit een volgende looptijdregel: {value}")
    return Duration("\n".join(values), start, start_precision, end, end_precision, tuple(warnings))
