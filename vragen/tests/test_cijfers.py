"""Answer-time targets: working days (Monday to Friday), the questions past their deadline in the admin, and
the report's figures per topic (median time to the first answer, share within the target), checked against
values computed here with NumPy's business-day count and its median."""

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from django.contrib.auth.models import User
from django.test import Client

from rapportage.figures import Periode
from rapportage.tests.test_views import body_of, number, table
from vacatures import phases
from vacatures.permissions import ensure_coordinators_group
from vacatures.tests import fixtures
from vragen.figures import question_figures
from vragen.models import Status, Vraag, VragenInstellingen
from vragen.tests.fixtures import build_desk
from vragen.workdays import add_working_days, overdue_before, working_days_between

network = fixtures.network_from_module
AMS = ZoneInfo("Europe/Amsterdam")
UTC = ZoneInfo("UTC")
NOVEMBER = Periode(date(2026, 11, 1), date(2026, 11, 30))

# (name, topic, received, first answer or None)
QUESTIONS = [
    ("q1", "loopbaan", datetime(2026, 11, 2, 10, tzinfo=AMS), datetime(2026, 11, 4, 12, tzinfo=AMS)),  # Mon → Wed
    ("q2", "loopbaan", datetime(2026, 11, 6, 16, tzinfo=AMS), datetime(2026, 11, 9, 9, tzinfo=AMS)),  # Fri → Mon
    ("q3", "loopbaan", datetime(2026, 11, 5, 9, tzinfo=AMS), datetime(2026, 11, 12, 9, tzinfo=AMS)),  # late
    ("q4", "loopbaan", datetime(2026, 11, 7, 11, tzinfo=AMS), datetime(2026, 11, 11, 17, tzinfo=AMS)),  # Sat → Wed
    ("q5", "regelingen", datetime(2026, 11, 2, 8, tzinfo=AMS), datetime(2026, 11, 2, 17, tzinfo=AMS)),  # same day
    ("q6", "regelingen", datetime(2026, 11, 3, 9, tzinfo=AMS), None),
    ("q7", "regelingen", datetime(2026, 11, 13, 9, tzinfo=AMS), None),
    # Sunday 23:30 UTC is Monday in Amsterdam: answered the same (local) day
    ("q9", "regelingen", datetime(2026, 11, 8, 23, 30, tzinfo=UTC), datetime(2026, 11, 9, 15, tzinfo=AMS)),
    ("oktober", "loopbaan", datetime(2026, 10, 1, 9, tzinfo=AMS), datetime(2026, 10, 2, 9, tzinfo=AMS)),
]


@pytest.fixture(scope="module")
def desk(module_network):
    desk = build_desk()
    for name, topic, received, answered in QUESTIONS:
        Vraag.objects.create(
            onderwerp=desk[topic], naam=name, email=f"{name}@thuis.example", vraag="?", ontvangen=received,
            beantwoord_op=answered, antwoord="Antwoord." if answered else "",
            status=Status.BEANTWOORD if answered else Status.IN_BEHANDELING,
        )
    return desk


def local(moment):
    return moment.astimezone(AMS).date()


# The holidays of the Algemene termijnenwet, written out by hand: Easter Monday, King's Day, 5 May, Ascension
# Day, Whit Monday, both Christmas days and New Year's Day (not Good Friday, 3 April 2026).
HOLIDAYS = [date(2026, 4, 6), date(2026, 4, 27), date(2026, 5, 5), date(2026, 5, 14), date(2026, 5, 25),
            date(2026, 12, 25), date(2026, 12, 26), date(2027, 1, 1)]


def busdays(start, end):
    """Working days after `start` up to and including `end`, by NumPy."""
    return int(np.busday_count(start + timedelta(days=1), end + timedelta(days=1), holidays=HOLIDAYS)) \
        if end > start else 0


def expected(topic, today, termijn=3):
    rows = [q for q in QUESTIONS if (topic is None or q[1] == topic) and NOVEMBER.van <= local(q[2]) <= NOVEMBER.tot]
    times = [busdays(local(received), local(answered)) for _, _, received, answered in rows if answered]
    overdue = [q for q in rows if q[3] is None and busdays(local(q[2]), today - timedelta(days=1)) >= termijn]
    decided = len(times) + len(overdue)
    return {
        "vragen": len(rows), "beantwoord": len(times), "open": len(rows) - len(times), "te_laat": len(overdue),
        "mediaan": float(np.median(times)) if times else None,
        "binnen_termijn": sum(t <= termijn for t in times) / decided if decided else None,
    }


@pytest.mark.parametrize("start", [date(2026, 3, 30), date(2026, 4, 30), date(2026, 10, 1), date(2026, 12, 14)])
def test_working_days_agree_with_numpy(start):
    """Around Easter, King's Day, 5 May, Ascension and Whitsun, a month without holidays, and Christmas."""
    for a in range(40):
        for b in range(40):
            d0, d1 = start + timedelta(days=a), start + timedelta(days=b)
            assert working_days_between(d0, d1) == busdays(d0, d1)
        for n in range(0, 8):
            d0 = start + timedelta(days=a)
            deadline = add_working_days(d0, n)
            assert busdays(d0, deadline) == n and (n == 0 or np.is_busday(deadline, holidays=HOLIDAYS))
            today = start + timedelta(days=a + 5)
            assert all((deadline_of < today) == (d < overdue_before(today, n))
                       for d in (start + timedelta(days=x) for x in range(a + 6))
                       for deadline_of in [add_working_days(d, n)])


@pytest.mark.parametrize("today", [date(2026, 11, 16), date(2026, 11, 19)])
def test_figures_per_topic(desk, today):
    rows, totals = question_figures(NOVEMBER, 3, today=today)
    by_topic = {row.pop("onderwerp"): row for row in rows}
    assert by_topic == {"Loopbaan": expected("loopbaan", today), "Regelingen": expected("regelingen", today)}
    totals.pop("onderwerp")
    assert totals == expected(None, today)
    # the hand-counted values, so that the NumPy reference itself is checked once
    if today == date(2026, 11, 16):
        assert (totals["mediaan"], totals["te_laat"]) == (1.5, 1)  # times 2, 1, 5, 3, 0, 0; q6 late, q7 not yet
        assert totals["binnen_termijn"] == 5 / 7


def coordinator_client(network):
    user = User.objects.create_user("coord", "coord@beheer.example", "x")
    user.groups.add(ensure_coordinators_group(network["werkgevers"]))
    client = Client()
    client.force_login(user)
    return client


def names_in(page):
    return {name for name, *_ in QUESTIONS if re.search(rf">\s*{name}\s*<", page)}


def test_admin_lists_the_overdue_questions(desk, network):
    today = phases.local_date()
    termijn = VragenInstellingen.load().antwoordtermijn
    overdue = {name for name, _, received, answered in QUESTIONS
               if answered is None and busdays(local(received), today - timedelta(days=1)) >= termijn}
    assert overdue  # the unanswered November questions are late by now
    client = coordinator_client(network)
    page = client.get("/admin/vragen/vraag/?te_laat=true").content.decode()
    assert names_in(page) == overdue
    page = client.get("/admin/vragen/vraag/?te_laat=false").content.decode()
    assert names_in(page) == {q[0] for q in QUESTIONS} - overdue
    assert "(te laat)" in client.get("/admin/vragen/vraag/").content.decode()


def test_report_shows_the_figures_per_topic(desk, network):
    today = phases.local_date()
    html = coordinator_client(network).get("/admin/rapportage/management/?van=2026-11-01&tot=2026-11-30").content.decode()
    body = body_of(table(html, "tabel-vragen"))

    def shown(name, figures):
        median = "–" if figures["mediaan"] is None else f"{figures['mediaan']:g}".replace(".", ",")
        share = "–" if figures["binnen_termijn"] is None else round(100 * figures["binnen_termijn"])
        return [name, figures["vragen"], figures["beantwoord"], figures["open"], figures["te_laat"], number(median), share]

    assert body == [
        shown("Loopbaan", expected("loopbaan", today)), shown("Regelingen", expected("regelingen", today)),
        shown("Totaal", expected(None, today)),
    ]
