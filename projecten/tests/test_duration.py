"""Duration parsing: every shape of "Looptijd" the inspiration file uses, on invented dates."""

from dataclasses import FrozenInstanceError
from datetime import date

import pytest

from projecten.importer.duration import (
    PRECISION_DAY,
    PRECISION_MONTH,
    PRECISION_YEAR,
    Duration,
    parse_duration,
    parse_durations,
)

D, M, Y = PRECISION_DAY, PRECISION_MONTH, PRECISION_YEAR


@pytest.mark.parametrize(
    ("raw", "start", "start_precision", "end", "end_precision"),
    [
        # day to day, with every separator
        ("3 februari 2018 t/m 30 november 2018", date(2018, 2, 3), D, date(2018, 11, 30), D),
        ("3 februari 2018 tm 30 november 2018", date(2018, 2, 3), D, date(2018, 11, 30), D),
        ("3 februari 2018 tot en met 30 november 2018", date(2018, 2, 3), D, date(2018, 11, 30), D),
        ("3 februari 2018 tot 30 november 2018", date(2018, 2, 3), D, date(2018, 11, 30), D),
        ("3 februari 2018 - 30 november 2018", date(2018, 2, 3), D, date(2018, 11, 30), D),
        ("3 februari 2018 – 30 november 2018", date(2018, 2, 3), D, date(2018, 11, 30), D),
        ("3 februari 2018 — 30 november 2018", date(2018, 2, 3), D, date(2018, 11, 30), D),
        # month to month, mixed
        ("oktober 2022 - april 2023", date(2022, 10, 1), M, date(2023, 4, 1), M),
        ("augustus 2018 tot 15 maart 2020", date(2018, 8, 1), M, date(2020, 3, 15), D),
        ("mei 2021 – mrt 2022", date(2021, 5, 1), M, date(2022, 3, 1), M),
        # the start borrows the year of the end (the year before when it would come after it)
        ("februari – november 2022", date(2022, 2, 1), M, date(2022, 11, 1), M),
        ("juni tot en met september 2019", date(2019, 6, 1), M, date(2019, 9, 1), M),
        ("november - februari 2023", date(2022, 11, 1), M, date(2023, 2, 1), M),
        ("10 maart - 2 oktober 2022", date(2022, 3, 10), D, date(2022, 10, 2), D),
        # numeric dates and two-digit years
        ("03-02-2019 tot 03-02-2021", date(2019, 2, 3), D, date(2021, 2, 3), D),
        ("1-4-2022 t/m 31-3-2024", date(2022, 4, 1), D, date(2024, 3, 31), D),
        ("01-01-2021 t/ 2023", date(2021, 1, 1), D, date(2023, 1, 1), Y),
        ("november '21 tot mei '22", date(2021, 11, 1), M, date(2022, 5, 1), M),
        ("november ’21 tot mei ’22 (invoering)", date(2021, 11, 1), M, date(2022, 5, 1), M),
        # years
        ("2016-2017", date(2016, 1, 1), Y, date(2017, 1, 1), Y),
        ("2016- 2017", date(2016, 1, 1), Y, date(2017, 1, 1), Y),
        ("2016-maart 2018", date(2016, 1, 1), Y, date(2018, 3, 1), M),
        ("2019", date(2019, 1, 1), Y, date(2019, 1, 1), Y),
        # begin, medio and eind before a year name a month; a quarter is its first or last month
        ("begin 2021 t/m eind 2022", date(2021, 1, 1), M, date(2022, 12, 1), M),
        ("juli 2019 tot medio 2021", date(2019, 7, 1), M, date(2021, 6, 1), M),
        ("medio 2022 – eind 2023", date(2022, 7, 1), M, date(2023, 12, 1), M),
        ("Q3 2021 t/m Q2 2022", date(2021, 7, 1), M, date(2022, 6, 1), M),
        ("q4 2020 - q1 2021", date(2020, 10, 1), M, date(2021, 3, 1), M),
        ("2e kwartaal 2023 tot 4e kwartaal 2023", date(2023, 4, 1), M, date(2023, 12, 1), M),
        ("Q1 - Q3 2024", date(2024, 1, 1), M, date(2024, 9, 1), M),
        ("Q3 2021", date(2021, 7, 1), M, date(2021, 9, 1), M),
        ("eind mei 2022 tot begin juli 2022", date(2022, 5, 1), M, date(2022, 7, 1), M),
        # open ends
        ("vanaf 2017", date(2017, 1, 1), Y, None, ""),
        ("tot 1 maart 2022", None, "", date(2022, 3, 1), D),
        ("februari 2020 - ?", date(2020, 2, 1), M, None, ""),
        ("maart 2022 - ntb", date(2022, 3, 1), M, None, ""),
        ("medio juli 2022 - ntb", date(2022, 7, 1), M, None, ""),
        ("eind 2023", None, "", date(2023, 12, 1), M),
        # medio, and its typo
        ("medio mei 2022 - mei 2023", date(2022, 5, 1), M, date(2023, 5, 1), M),
        ("media mei 2022 tot mei 2023", date(2022, 5, 1), M, date(2023, 5, 1), M),
        ("media mei 2022", date(2022, 5, 1), M, None, ""),
        ("medio november tot en met december 2021", date(2021, 11, 1), M, date(2021, 12, 1), M),
        # capitals and a parenthetical in the middle
        ("November 2021 – (wrs) Maart 2022", date(2021, 11, 1), M, date(2022, 3, 1), M),
        # trailing parenthetical ignored for the dates
        ("1 mei 2017 – 31 mei 2018 (fase 2)", date(2017, 5, 1), D, date(2018, 5, 31), D),
        ("1 januari 2019 – 1 januari 2020 (loopt door, subsidie over 2019)", date(2019, 1, 1), D,
         date(2020, 1, 1), D),
        # dates only inside parentheses are used when there are no others
        ("bouwfase 3 maanden/12 weken (maart – mei 2022)", date(2022, 3, 1), M, date(2022, 5, 1), M),
        # prose
        ("Al jaren bezig met het thema. Het deel met subsidie loopt van mei 2021 tot eind 2022.",
         date(2021, 5, 1), M, date(2022, 12, 1), M),
        ("begin februari 2021, verwachte einddatum: augustus 2022", date(2021, 2, 1), M, date(2022, 8, 1), M),
    ],
)
def test_parse_duration_without_warnings(raw, start, start_precision, end, end_precision):
    duration = parse_duration(raw)
    assert (duration.start, duration.start_precision) == (start, start_precision)
    assert (duration.end, duration.end_precision) == (end, end_precision)
    assert duration.warnings == ()
    assert duration.raw == raw


@pytest.mark.parametrize(
    ("raw", "start", "start_precision", "end", "end_precision", "warning"),
    [
        # an end computed from a stated length
        ("start maart 2021- looptijd 2 jaar", date(2021, 3, 1), M, date(2023, 3, 1), M,
         "Einddatum berekend uit de looptijd van 2 jaar"),
        ("begindatum 1 juni 2022 (looptijd = 2 jaar)", date(2022, 6, 1), D, date(2024, 6, 1), M,
         "Einddatum berekend uit de looptijd van 2 jaar"),
        # an impossible day keeps its month (month precision), never a nearby day
        ("1 maart 2021 tot en met 31 september 2022", date(2021, 3, 1), D, date(2022, 9, 1), M,
         "Ongeldige datum: 31 september 2022; alleen de maand is gebruikt (september 2022)"),
        ("31 juni 2022 - 1 december 2022", date(2022, 6, 1), M, date(2022, 12, 1), D,
         "Ongeldige datum: 31 juni 2022; alleen de maand is gebruikt (juni 2022)"),
        ("29 februari 2023 - 1 december 2023", date(2023, 2, 1), M, date(2023, 12, 1), D,
         "Ongeldige datum: 29 februari 2023; alleen de maand is gebruikt (februari 2023)"),
        ("32 mei 2022 - 1 december 2022", date(2022, 5, 1), M, date(2022, 12, 1), D,
         "Ongeldige datum: 32 mei 2022; alleen de maand is gebruikt (mei 2022)"),
        ("31-13-2021 tot 1-1-2023", None, "", date(2023, 1, 1), D, "Ongeldige datum: 31-13-2021"),
        # the latest stated end wins, with a warning: an extension in parentheses, a later date further on
        ("mei 2021 – feb 2022 (loopt mogelijk uit tot eind mei 2022)", date(2021, 5, 1), M, date(2022, 5, 1), M,
         "Laatst genoemde einddatum gebruikt: eind mei 2022 (eerder genoemd: februari 2022)"),
        ("juli 2019 – apr 2020 (verlengd tot eind juli 2020)", date(2019, 7, 1), M, date(2020, 7, 1), M,
         "Laatst genoemde einddatum gebruikt: eind juli 2020 (eerder genoemd: april 2020)"),
        ("1 november 2021 tot 1 juni 2021, daarna borging tot maart 2023", date(2021, 11, 1), D,
         date(2023, 3, 1), M, "Laatst genoemde einddatum gebruikt: maart 2023 (eerder genoemd: 1 juni 2021)"),
        ("1 maart 2019 tot 1 juni 2019, nazorg tot eind 2019", date(2019, 3, 1), D, date(2019, 12, 1), M,
         "Laatst genoemde einddatum gebruikt: eind 2019 (eerder genoemd: 1 juni 2019)"),
        # a broken year
        ("april 2022 - juni 202", date(2022, 4, 1), M, None, "", "Ongeldig jaartal: juni 202"),
        # reversed: keep the start, drop the end
        ("1 april 2022 - 1 februari 2022", date(2022, 4, 1), D, None, "",
         "Einddatum 1 februari 2022 ligt vóór begindatum 1 april 2022: einddatum weggelaten"),
        # two possible starts: the first is used, with a warning
        ("start tussen 1 april/1 mei 2022 t/m 1 november 2022", date(2022, 4, 1), D, date(2022, 11, 1), D,
         "Datum niet eenduidig (1 april/1 mei 2022): de eerste is gebruikt"),
        # no dates at all
        ("2 jaar", None, "", None, "", "Alleen een duur opgegeven, geen datums: 2 jaar"),
        ("onbekend", None, "", None, "", "Geen datum herkend in de looptijd: onbekend"),
        ("maart", None, "", None, "", "Geen jaartal bij: maart"),
    ],
)
def test_parse_duration_with_warning(raw, start, start_precision, end, end_precision, warning):
    duration = parse_duration(raw)
    assert (duration.start, duration.start_precision) == (start, start_precision)
    assert (duration.end, duration.end_precision) == (end, end_precision)
    assert duration.warnings == (warning,)


@pytest.mark.parametrize(
    ("raw", "end", "end_precision"),
    [
        ("3 juni 2020", date(2020, 6, 3), D),
        ("juni 2020", date(2020, 6, 1), M),
        ("2020", date(2020, 1, 1), Y),
    ],
)
def test_afgerond_is_an_end_date(raw, end, end_precision):
    duration = parse_duration(raw, afgerond=True)
    assert (duration.start, duration.start_precision) == (None, "")
    assert (duration.end, duration.end_precision) == (end, end_precision)
    assert duration.warnings == ()


@pytest.mark.parametrize("raw", ["", "   ", None])
def test_empty_duration(raw):
    assert parse_duration(raw) == Duration("", None, "", None, "", ())


def test_raw_is_stripped_and_kept_as_given():
    duration = parse_duration("  Oktober 2020 – (wrs) Februari 2021 \n")
    assert duration.raw == "Oktober 2020 – (wrs) Februari 2021"


def test_duration_is_frozen():
    duration = parse_duration("2020")
    with pytest.raises(FrozenInstanceError):
        duration.start = None


def test_precision_names():
    assert (PRECISION_DAY, PRECISION_MONTH, PRECISION_YEAR) == ("dag", "maand", "jaar")


def test_an_earlier_date_in_parentheses_does_not_move_the_end():
    duration = parse_duration("1 januari 2019 – 1 januari 2020 (loopt door, subsidie over 2019)")
    assert (duration.end, duration.end_precision, duration.warnings) == (date(2020, 1, 1), D, ())


@pytest.mark.parametrize(
    ("values", "start", "start_precision", "end", "end_precision", "warnings"),
    [
        # the shape of a second Looptijd line that states a later end (in parentheses)
        (["bouw van de app 3 maanden (februari – april 2021)", "gebruik daarna minstens 2 jaar (tot aan 2023)"],
         date(2021, 2, 1), M, date(2023, 1, 1), Y,
         ("Einddatum 2023 uit een volgende looptijdregel: gebruik daarna minstens 2 jaar (tot aan 2023)",)),
        # a second line without dates describes a phase and adds nothing
        (["opbouw (mei – juli 2019)", "gebruik daarna minimaal 2 jaar"], date(2019, 5, 1), M, date(2019, 7, 1), M, ()),
        # a second line with an earlier end changes nothing
        (["januari – december 2020", "pilot in juni 2020"], date(2020, 1, 1), M, date(2020, 12, 1), M, ()),
        # the start may come from a later line
        (["2 jaar", "vanaf maart 2022"], date(2022, 3, 1), M, None, "",
         ("Alleen een duur opgegeven, geen datums: 2 jaar",)),
        ([], None, "", None, "", ()),
    ],
)
def test_several_duration_lines(values, start, start_precision, end, end_precision, warnings):
    duration = parse_durations(values)
    assert (duration.start, duration.start_precision) == (start, start_precision)
    assert (duration.end, duration.end_precision) == (end, end_precision)
    assert duration.warnings == warnings
    assert duration.raw == "\n".join(values)
