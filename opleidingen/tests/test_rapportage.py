"""The School in the management report: participants per employer against the target (entered, or from the
fte and the year's percentage), the top 5 trainings, the waiting lists and cancellations, checked against
counts computed here from the rows the test made. Counts only: no names in the report."""

import re
from collections import Counter
from datetime import datetime, timedelta
from decimal import Decimal

from django.contrib.auth.models import Group, User
from django.test import Client
from django.utils import timezone

from opleidingen.models import Doelstelling, Inschrijving, Jaarpercentage, Sessie
from rapportage.figures import Periode
from rapportage.school import school_figures, top_trainings
from rapportage.tests.conftest import admin_user
from rapportage.tests.test_views import body_of, csv_rows, table
from vacatures.models import WerkgeverRedactie
from vacatures.permissions import COORDINATORS

pytest_plugins = ["opleidingen.tests.fixtures"]

URL = "/admin/rapportage/management/?van=2024-01-01&tot=2024-12-31"

# (employer, training, status, day of 2024 the session starts); plus one in 2025 that must not count.
REGISTRATIONS = [
    ("alfa", "Training 1", "ingeschreven", 10), ("alfa", "Training 1", "ingeschreven", 10),
    ("alfa", "Training 2", "geannuleerd", 50), ("alfa", "Training 3", "wachtlijst", 80),
    ("beta", "Training 1", "ingeschreven", 10), ("beta", "Training 3", "ingeschreven", 80),
    ("beta", "Training 3", "wachtlijst", 80), ("beta", "Training 4", "ingeschreven", 120),
    ("beta", "Training 5", "ingeschreven", 130), ("beta", "Training 6", "ingeschreven", 140),
    ("beta", "Training 6", "ingeschreven", 140), ("beta", "Training 2", "ingeschreven", 50),
]


def make_data(network, make_training):
    pages, sessions = {}, {}
    for n in range(1, 7):
        pages[f"Training {n}"] = make_training(f"Training {n}", sessions=[])
    for number, (employer, title, status, day) in enumerate(REGISTRATIONS + [("alfa", "Training 1", "ingeschreven", 400)]):
        key = (title, day)
        if key not in sessions:
            start = timezone.make_aware(datetime(2024, 1, 1, 10)) + timedelta(days=day)
            sessions[key] = Sessie.objects.create(
                opleiding=pages[title], start=start, einde=start + timedelta(hours=2), plaats="Enschede",
                capaciteit=20, inschrijven_tot=start,
            )
        Inschrijving.objects.create(werkgever=network[employer], sessie=sessions[key], naam=f"Persoon {number}",
                                    status=status)
    Jaarpercentage.objects.create(jaar=2024, percentage=Decimal("2.5"))
    Doelstelling.objects.create(jaar=2024, werkgever=network["alfa"], aantal=6)
    Doelstelling.objects.create(jaar=2024, werkgever=network["beta"], fte=Decimal("201.0"))  # ceil(5.025) = 6


def expected_rows(employers=("alfa", "beta")):
    counts = Counter((e, s) for e, _, s, _ in REGISTRATIONS)
    target = {"alfa": 6, "beta": 6}
    rows = []
    for employer in employers:
        deelnemers = counts[(employer, "ingeschreven")]
        rows.append([employer.capitalize(), target[employer], deelnemers, max(target[employer] - deelnemers, 0),
                     counts[(employer, "wachtlijst")], counts[(employer, "geannuleerd")]])
    return rows


def test_figures_against_independent_counts(network, make_training):
    make_data(network, make_training)
    ids = {network["alfa"].pk, network["beta"].pk}
    rows, totals = school_figures(Periode.jaar(2024), None, ids)
    got = [[r["organisatie"], r["doel"], r["deelnemers"], r["tekort"], r["wachtlijst"], r["geannuleerd"]] for r in rows]
    assert got == expected_rows()
    assert totals["deelnemers"] == sum(1 for *_, s, _ in REGISTRATIONS if s == "ingeschreven")

    top = top_trainings(Periode.jaar(2024), None, ids)
    assert [(r["opleiding"], r["deelnemers"]) for r in top] == expected_top()


def expected_top():
    participants = Counter(t for _, t, s, _ in REGISTRATIONS if s == "ingeschreven")
    return sorted(participants.items(), key=lambda item: (-item[1], item[0]))[:5]


def test_the_report_page_and_export(network, make_training):
    make_data(network, make_training)
    coordinator = admin_user("co")
    coordinator.groups.add(Group.objects.get_or_create(name=COORDINATORS)[0])
    client = Client()
    client.force_login(coordinator)
    html = client.get(URL).content.decode()
    body = body_of(table(html, "tabel-school"))
    assert body[:-1] == expected_rows()
    assert body[-1][0] == "Totaal"
    assert "Persoon" not in html  # counts only, never names
    top = body_of(table(html, "tabel-top5-opleidingen"))
    assert [(row[1], row[2]) for row in top] == expected_top()
    # The chart: per employer its target, participants and shortfall (as its accessible description says).
    chart = re.findall(r"<title>([^<]*— Doel: [^<]*)</title>", html)
    assert chart == [f"{name} — Doel: {doel}, Deelnemers: {deelnemers}, Tekort: {tekort}"
                     for name, doel, deelnemers, tekort, *_ in expected_rows()]
    waiting = body_of(table(html, "tabel-wachtlijsten"))
    assert [(row[0], row[2]) for row in waiting] == [("Training 3", 2)]  # one of Alfa and one of Beta
    export = csv_rows(client.get(URL + "&export=csv&tabel=school"))
    assert export[0] == ["Organisatie", "Doel (deelnemers)", "Deelnemers", "Tekort", "Op de wachtlijst", "Geannuleerd"]
    assert [[int(c) if c.isdigit() else c for c in row] for row in export[1:3]] == expected_rows()

    # An employer's editor sees their own employer's row only.
    editor = User.objects.create_user("ed", "ed@example.org", "x")
    editor.groups.add(WerkgeverRedactie.objects.get(werkgever=network["beta"]).group)
    client.force_login(editor)
    body = body_of(table(client.get(URL).content.decode(), "tabel-school"))
    assert body[:-1] == expected_rows(["beta"])


def test_a_coordinator_enters_a_percentage_and_a_target_from_fte(network):
    coordinator = admin_user("coord")
    coordinator.groups.add(Group.objects.get_or_create(name=COORDINATORS)[0])
    client = Client()
    client.force_login(coordinator)
    response = client.post("/admin/school/percentages/new/", {"jaar": 2024, "percentage": "3"})
    assert response.status_code == 302
    empty = client.post("/admin/school/doelstellingen/new/", {"jaar": 2024, "werkgever": network["alfa"].pk})
    assert empty.status_code == 200 and not Doelstelling.objects.exists()  # neither a number nor fte
    response = client.post("/admin/school/doelstellingen/new/",
                           {"jaar": 2024, "werkgever": network["alfa"].pk, "fte": "150.5"})
    assert response.status_code == 302
    rows, _ = school_figures(Periode.jaar(2024), None, {network["alfa"].pk})
    assert rows[0]["doel"] == 5  # 150.5 × 3% = 4.515, rounded up
