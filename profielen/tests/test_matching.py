"""Matching: ‘Past bij jouw profiel’ for the employee (only vacancies they may see, best first), and
‘N profielen passen’ on a vacancy in the admin, with a link to that search (the same rules as the search)."""

import re

from conftest import sign_in
from home.site_setup import ensure_klus_index
from klussen.tests.fixtures import TODAY, klus_factory
from profielen.tests.helpers import body, hr_client, profile_form
from taxonomie.models import Regio

URL = "/medewerkers/profiel/"


def test_employee_sees_fitting_vacancies_they_may_see_best_first(network, make_vacancy):
    twente = Regio.objects.get(naam="Twente")
    make_vacancy("alfa", "Projectleider woningbouw", published_days_ago=10, closes_in=20, vakgebied="beleid",
                 salarisschaal=11, uren_min=32, uren_max=36)  # network phase: every participant's employees
    make_vacancy("alfa", "Beleidsmedewerker", published_days_ago=30, closes_in=10, vakgebied="beleid",
                 salarisschaal=7, uren_min=36, uren_max=36)  # public, only the field fits
    make_vacancy("alfa", "Geheime woningbouw intern", published_days_ago=2, closes_in=25, vakgebied="beleid")
    make_vacancy("alfa", "Gesloten woningbouw", published_days_ago=40, closes_in=-1, vakgebied="beleid")
    make_vacancy("beta", "Monteur", published_days_ago=30, closes_in=10, vakgebied="techniek",
                 salarisschaal=5, uren_min=40, uren_max=40, werkplaats="Arnhem")
    employee = sign_in("zoeker@beta.example")
    employee.post(URL, profile_form(regios=twente.pk, vaardigheden_invoer="woningbouw"))
    html = body(employee.get(URL))
    section = html.split("Past bij jouw profiel", 1)[1].split("</section>", 1)[0]
    titles = re.findall(r'href="[^"]+">([^<]+)</a>', section)
    assert titles == ["Projectleider woningbouw", "Beleidsmedewerker"]
    assert "vaardigheden" in section.split("Beleidsmedewerker")[0]  # the skill was found in the vacancy's text


def test_no_profile_no_matches(network, make_vacancy):
    make_vacancy("alfa", "Projectleider woningbouw", vakgebied="beleid")
    employee = sign_in("nieuw@beta.example")
    assert "Past bij jouw profiel" not in body(employee.get(URL))


def test_hr_sees_how_many_profiles_fit_a_vacancy_and_follows_the_link(network, make_vacancy):
    vacancy = make_vacancy("alfa", "Adviseur ruimte", vakgebied="beleid", salarisschaal=10)
    for email, changes in [
        ("een@beta.example", {}), ("twee@beta.example", {"salarisschaal": "11"}),
        ("drie@beta.example", {"vakgebied": "ict"}), ("vier@beta.example", {"salarisschaal": "12"}),
        ("eigen@alfa.example", {}),  # Alfa's own employee, not opted in for Alfa
        ("uit@beta.example", {"zichtbaar": None}),
    ]:
        marker = email.split("@")[0].capitalize()
        sign_in(email).post(URL, profile_form(functie=f"Functie {marker}", **changes))
    hr = hr_client("hr-alfa", network)
    edit = body(hr.get(f"/admin/pages/{vacancy.pk}/edit/"))
    link = re.search(r'href="(/admin/profielen/\?[^"]+)"[^>]*>\s*(?:<[^>]+>\s*)*([^<]*profiel)', edit)
    assert link, "no ‘profielen passen’ button"
    assert "2 profielen passen" in edit
    results = body(hr.get(link.group(1).replace("&amp;", "&")))
    assert re.search(r">2 kaarten", results)
    assert "Functie Een" in results and "Functie Twee" in results
    # Beta's editors get no such button on Alfa's vacancy (they cannot open it at all)
    assert "profielen passen" not in body(hr_client("hr-beta", network).get(f"/admin/pages/{vacancy.pk}/edit/"))


def test_open_klussen_they_may_see_are_ranked_with_the_vacancies(network, make_vacancy):
    ensure_klus_index()
    twente = Regio.objects.get(naam="Twente")
    make = klus_factory(network)
    make_vacancy("alfa", "Beleidsmedewerker", published_days_ago=30, closes_in=10, vakgebied="beleid",
                 salarisschaal=7, uren_min=36, uren_max=36)  # field (4)
    # field (4), hours equal (2), region Twente (2), the skill in its text (2): above the vacancy
    make("alfa", "Klus woningbouwplan", vakgebied="beleid", uren_per_week=32,
         vaardigheden="Kennis van woningbouw")
    make("beta", "Klus zonder raakvlak", vakgebied="techniek", uren_per_week=8, vaardigheden="Lassen")
    make("alfa", "Klus dicht woningbouw", vakgebied="beleid", afgesloten_op=TODAY, uitkomst="ingetrokken")
    make("alfa", "Klus concept woningbouw", vakgebied="beleid", live=False)
    employee = sign_in("zoeker@beta.example")
    employee.post(URL, profile_form(regios=twente.pk, vaardigheden_invoer="woningbouw"))
    section = body(employee.get(URL)).split("Past bij jouw profiel", 1)[1].split("</section>", 1)[0]
    titles = re.findall(r'href="[^"]+">([^<]+)</a>', section)
    assert titles == ["Klus woningbouwplan", "Beleidsmedewerker"]
    reasons = re.search(r"Klus woningbouwplan</a>, klus bij Alfa \(past op: ([^)]+)\)", section).group(1)
    assert reasons == "vakgebied, uren, regio, vaardigheden"
    # the link is the klus page, which this employee may open
    link = re.search(r'href="([^"]+)">Klus woningbouwplan', section).group(1)
    assert employee.get(link).status_code == 200


def test_hr_sees_how_many_profiles_fit_a_klus_and_follows_the_link(network):
    ensure_klus_index()
    klus = klus_factory(network)("alfa", "Klus ruimte", vakgebied="beleid")
    for email, changes in [
        ("een@beta.example", {"open_klus": "on"}), ("twee@beta.example", {"open_klus": "on", "salarisschaal": "4"}),
        ("drie@beta.example", {}),  # not open to a klus
        ("vier@beta.example", {"open_klus": "on", "vakgebied": "ict"}),
        ("eigen@alfa.example", {"open_klus": "on"}),  # Alfa's own employee, not opted in for Alfa
    ]:
        marker = email.split("@")[0].capitalize()
        sign_in(email).post(URL, profile_form(functie=f"Functie {marker}", **changes))
    hr = hr_client("hr-alfa", network)
    edit = body(hr.get(f"/admin/pages/{klus.pk}/edit/"))
    link = re.search(r'href="(/admin/profielen/\?[^"]+)"[^>]*>\s*(?:<[^>]+>\s*)*([^<]*profiel)', edit)
    assert link, "no ‘profielen passen’ button on the klus"
    assert "2 profielen passen" in edit
    results = body(hr.get(link.group(1).replace("&amp;", "&")))
    assert re.search(r">2 kaarten", results)
    assert "Functie Een" in results and "Functie Twee" in results and "Functie Drie" not in results
    listing = body(hr.get(f"/admin/pages/{network['alfa'].pk}/"))
    assert "2 profielen passen" in listing
    assert "profielen passen" not in body(hr_client("hr-beta", network).get(f"/admin/pages/{klus.pk}/edit/"))
