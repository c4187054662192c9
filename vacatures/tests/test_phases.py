"""Phase boundaries: the minute before and after each phase start and the closing moment,
in Europe/Amsterdam, across both daylight-saving changes of 2026."""

from datetime import UTC, date, datetime
from types import SimpleNamespace

import pytest

from vacatures import phases
from vacatures.models import VacaturePage

# Summer time starts 29 March 2026 (UTC+1 -> UTC+2) and ends 25 October 2026 (UTC+2 -> UTC+1).
VACANCY = SimpleNamespace(
    publicatiedatum=date(2026, 3, 22),   # intern from 22 March 00:00 CET  = 21 March 23:00 UTC
    start_netwerk=date(2026, 3, 29),     # netwerk from 29 March 00:00 CET = 28 March 23:00 UTC (DST day)
    start_openbaar=date(2026, 4, 5),     # openbaar from 5 April 00:00 CEST = 4 April 22:00 UTC
    sluitingsdatum=date(2026, 10, 25),   # closes after 25 Oct 23:59:59 CET = 25 Oct 23:00 UTC (DST day)
)


@pytest.mark.parametrize(
    "instant_utc,expected",
    [
        (datetime(2026, 3, 21, 22, 59, tzinfo=UTC), phases.GEPLAND),
        (datetime(2026, 3, 21, 23, 1, tzinfo=UTC), phases.INTERN),
        (datetime(2026, 3, 28, 22, 59, tzinfo=UTC), phases.INTERN),
        (datetime(2026, 3, 28, 23, 1, tzinfo=UTC), phases.NETWERK),
        (datetime(2026, 4, 4, 21, 59, tzinfo=UTC), phases.NETWERK),
        (datetime(2026, 4, 4, 22, 1, tzinfo=UTC), phases.OPENBAAR),
        (datetime(2026, 10, 25, 22, 59, tzinfo=UTC), phases.OPENBAAR),
        (datetime(2026, 10, 25, 23, 1, tzinfo=UTC), phases.GESLOTEN),
    ],
)
def test_phase_changes_at_amsterdam_midnight(instant_utc, expected):
    assert phases.phase_at(VACANCY, instant_utc) == expected


def test_the_same_utc_hour_is_a_different_local_day_in_summer_and_winter():
    # 22:30 UTC is 23:30 in winter (same day) but 00:30 the next day in summer.
    assert phases.local_date(datetime(2026, 1, 10, 22, 30, tzinfo=UTC)) == date(2026, 1, 10)
    assert phases.local_date(datetime(2026, 7, 10, 22, 30, tzinfo=UTC)) == date(2026, 7, 11)


@pytest.mark.django_db
def test_database_condition_agrees_with_the_pure_function(every_phase):
    """phase_q (used by every list) and phase_on (used by a page) give the same answer on many days."""
    vacancies = list(VacaturePage.objects.all())
    base = min(v.publicatiedatum for v in vacancies)
    for offset in range(0, 80, 3):
        day = date.fromordinal(base.toordinal() + offset)
        for phase in (phases.GEPLAND, phases.INTERN, phases.NETWERK, phases.OPENBAAR, phases.GESLOTEN):
            from_db = set(VacaturePage.objects.filter(phases.phase_q(phase, day)).values_list("pk", flat=True))
            from_python = {v.pk for v in vacancies if phases.phase_on(v, day) == phase}
            assert from_db == from_python, (day, phase)


@pytest.mark.django_db
def test_routes_fill_phase_dates_from_the_employer():
    employer = SimpleNamespace(dagen_intern=5, dagen_netwerk=10)
    vacancy = VacaturePage(publicatiedatum=date(2026, 1, 5), sluitingsdatum=date(2026, 2, 28))
    vacancy.publicatieroute = "standaard"
    vacancy.fill_phase_dates_for(employer)
    assert (vacancy.start_netwerk, vacancy.start_openbaar) == (date(2026, 1, 10), date(2026, 1, 20))
    vacancy.publicatieroute = "direct_openbaar"
    vacancy.fill_phase_dates_for(employer)
    assert (vacancy.start_netwerk, vacancy.start_openbaar) == (date(2026, 1, 5), date(2026, 1, 5))
    vacancy.publicatieroute = "niet_openbaar"
    vacancy.fill_phase_dates_for(employer)
    assert (vacancy.start_netwerk, vacancy.start_openbaar) == (date(2026, 1, 10), None)


def test_a_filled_vacancy_closes_on_the_day_it_is_filled():
    filled = SimpleNamespace(**vars(VACANCY), vervuld_op=date(2026, 6, 10))
    assert phases.phase_on(filled, date(2026, 6, 9)) == phases.OPENBAAR
    assert phases.phase_on(filled, date(2026, 6, 10)) == phases.GESLOTEN
    assert phases.last_open_day(filled) == date(2026, 6, 9)
