"""The profile figures in the management report (page and CSV export) against counts worked out by hand, and
who may read them (an employer's editors their own row only)."""

import csv
import io
from datetime import timedelta

from django.utils import timezone

from conftest import sign_in
from medewerkers.models import Medewerker
from profielen.models import Profiel, Uitnodiging
from profielen.tests.helpers import add_employer, body, hr_client, profile_form

URL = "/admin/rapportage/management/"


def csv_rows(response):
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))


def build(network, make_vacancy):
    add_employer(network, "Gamma", "Gelderland")
    # Alfa: 3 profiles, 2 on, 1 of them not signed in for 7 months (not active); Beta: 1 profile, off.
    for email, changes in [("a1@alfa.example", {}), ("a2@alfa.example", {}), ("a3@alfa.example", {"zichtbaar": None}),
                           ("b1@beta.example", {"zichtbaar": None})]:
        sign_in(email).post("/medewerkers/profiel/", profile_form(**changes))
    Medewerker.objects.filter(email="a2@alfa.example").update(laatst_ingelogd=timezone.now() - timedelta(days=210))
    vacancy = make_vacancy("beta", "Vacature Beta", published_days_ago=10, closes_in=20)
    hr = hr_client("hr-beta", network)
    for email, answer in [("a1@alfa.example", "accepteren"), ("a1@alfa.example", "afwijzen"),
                          ("a2@alfa.example", None)]:
        kenmerk = Profiel.objects.get(medewerker__email=email).kenmerk
        assert hr.post(f"/admin/profielen/kaart/{kenmerk}/uitnodigen/", {
            "doel": f"vacature-{vacancy.pk}", "bericht": "Hallo",
        }).status_code == 302
        if answer:
            invitation = Uitnodiging.objects.order_by("-pk").first()
            sign_in(email).post(f"/medewerkers/profiel/uitnodigingen/{invitation.pk}/", {"antwoord": answer})


# By hand: Alfa 2 active (a1, a3), 1 of them visible (a1); Beta 1 active, 0 visible, 3 invitations, 1 accepted.
EXPECTED = {
    "Alfa": ["2", "1", "0", "0"], "Beta": ["1", "0", "3", "1"], "Gamma": ["0", "0", "0", "0"],
    "Totaal": ["3", "1", "3", "1"],
}


def test_report_counts_profiles_and_invitations(network, make_vacancy):
    build(network, make_vacancy)
    coordinator = hr_client("coordinator", network)
    year = timezone.localdate().year
    rows = csv_rows(coordinator.get(f"{URL}?van={year}-01-01&tot={year}-12-31&export=csv&tabel=profielen"))
    assert rows[0] == ["Organisatie", "Profielen actief", "Profielen zichtbaar", "Uitnodigingen verstuurd",
                       "Uitnodigingen geaccepteerd"]
    assert {row[0]: row[1:] for row in rows[1:]} == EXPECTED
    page = body(coordinator.get(URL))
    assert "Mobiliteitsprofielen" in page and 'id="tabel-profielen"' in page
    # last year: no invitations
    rows = csv_rows(coordinator.get(f"{URL}?van={year - 1}-01-01&tot={year - 1}-12-31&export=csv&tabel=profielen"))
    assert rows[-1][3:] == ["0", "0"]
    # an employer's editors see their own employer's row only
    rows = csv_rows(hr_client("hr-alfa", network).get(f"{URL}?export=csv&tabel=profielen"))
    assert [row[0] for row in rows[1:]] == ["Alfa", "Totaal"]


def test_invitations_still_count_after_the_profile_is_deleted(network, make_vacancy):
    build(network, make_vacancy)
    sign_in("a1@alfa.example").post("/medewerkers/profiel/verwijderen/")
    assert Uitnodiging.objects.filter(profiel__isnull=True).count() == 2
    rows = csv_rows(hr_client("coordinator", network).get(f"{URL}?export=csv&tabel=profielen"))
    assert {row[0]: row[1:] for row in rows[1:]}["Beta"] == ["1", "0", "3", "1"]
