"""Klussen in the management report: counts per employer against numbers recomputed from the list below,
on the page and in the export; an employer's editors see their own row only."""

from datetime import UTC, date, datetime

import pytest
from django.contrib.auth.models import User

from klussen.models import KlusPage
from klussen.tests.fixtures import klus_factory
from rapportage import figures
from rapportage.figures import Periode
from rapportage.tests.test_views import URL, body_of, csv_rows, table
from vacatures.models import WerkgeverRedactie

P2024 = Periode(date(2024, 1, 1), date(2024, 12, 31))

# employer, first published (None: never), closed on, outcome, filled by (employer key)
KLUSSEN = [
    ("alfa", date(2024, 2, 1), date(2024, 4, 1), "ingevuld", "beta"),
    ("alfa", date(2024, 3, 1), date(2024, 5, 1), "ingevuld", "alfa"),
    ("alfa", date(2024, 6, 1), date(2024, 7, 1), "niet_ingevuld", None),
    ("alfa", date(2023, 12, 1), date(2024, 1, 10), "ingevuld", "beta"),  # posted before, closed inside
    ("alfa", date(2024, 11, 1), None, "", None),  # still open
    ("alfa", None, None, "", None),  # a draft: never posted
    ("beta", date(2024, 5, 5), date(2024, 6, 6), "ingetrokken", None),
    ("beta", date(2024, 8, 1), date(2025, 1, 2), "ingevuld", "alfa"),  # closed after the period
    ("beta", date(2025, 1, 1), None, "", None),  # posted after
]


@pytest.fixture
def dataset(network):
    make = klus_factory(network)
    for number, (employer, posted, closed, outcome, by) in enumerate(KLUSSEN):
        klus = make(employer, f"Rapportklus {number}", live=posted is not None)
        KlusPage.objects.filter(pk=klus.pk).update(
            first_published_at=datetime(posted.year, posted.month, posted.day, 12, tzinfo=UTC) if posted else None,
            afgesloten_op=closed, uitkomst=outcome, ingevuld_door=network[by] if by else None,
        )
    return network


def recomputed(employer, periode):
    """The same figures, straight from the list (a second route, not through the database)."""

    def inside(day):
        return day is not None and periode.van <= day <= periode.tot

    mine = [k for k in KLUSSEN if k[0] == employer and k[1] is not None]
    closed = [k for k in mine if inside(k[2]) and k[3]]
    filled = [k for k in closed if k[3] == "ingevuld"]
    return {
        "geplaatst": sum(inside(k[1]) for k in mine), "afgesloten": len(closed), "ingevuld": len(filled),
        "ingevuld_ander": sum(k[4] != employer for k in filled),
        "vervullingsgraad": round(100 * len(filled) / len(closed)) if closed else "–",
    }


def test_figures_against_the_list(dataset):
    rows, totals = figures.klus_figures(P2024, None, {dataset["alfa"].pk, dataset["beta"].pk})
    by_name = {row["organisatie"]: {k: row[k] for k in recomputed("alfa", P2024)} for row in rows}
    assert by_name == {"Alfa": recomputed("alfa", P2024), "Beta": recomputed("beta", P2024)}
    # By hand: Alfa posted 4 in 2024 (the draft and the one of 2023 not), closed 4, filled 3, 2 by Beta's people.
    assert by_name["Alfa"] == dict(geplaatst=4, afgesloten=4, ingevuld=3, ingevuld_ander=2, vervullingsgraad=75)
    assert by_name["Beta"] == dict(geplaatst=2, afgesloten=1, ingevuld=0, ingevuld_ander=0, vervullingsgraad=0)
    assert totals["geplaatst"] == 6 and totals["ingevuld"] == 3 and totals["vervullingsgraad"] == 60


def test_the_page_and_the_export(dataset, admin_client, client):
    query = "van=2024-01-01&tot=2024-12-31"
    html = admin_client.get(f"{URL}?{query}").content.decode()
    rows = body_of(table(html, "tabel-klussen"))
    assert rows == [
        ["Alfa", "Twente", 4, 4, 3, 2, 75],
        ["Beta", "Gelderland", 2, 1, 0, 0, 0],
        ["Totaal", "", 6, 5, 3, 2, 60],
    ]
    exported = csv_rows(admin_client.get(f"{URL}?{query}&export=csv&tabel=klussen"))
    assert exported[0][0] == "Organisatie" and [row[2:] for row in exported[1:]] == [
        ["4", "4", "3", "2", "75"], ["2", "1", "0", "0", "0"], ["6", "5", "3", "2", "60"],
    ]
    editor = User.objects.create_user("redacteur-beta", "r@beta.example", "x")
    editor.groups.add(WerkgeverRedactie.objects.get(werkgever=dataset["beta"]).group)
    client.force_login(editor)
    own = body_of(table(client.get(f"{URL}?{query}").content.decode(), "tabel-klussen"))
    assert own == [["Beta", "Gelderland", 2, 1, 0, 0, 0], ["Totaal", "", 2, 1, 0, 0, 0]]
