"""Who sees which registrations in the admin: an employer's contact person for the School sees (and exports)
their own employees' registrations only; Wagtail's Editors and Moderators, employers' vacancy editors and
coordinators see no names; superusers see all. Targets are the coordinators' to manage."""

import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from openpyxl import load_workbook

from medewerkers.models import Medewerker
from opleidingen.models import Inschrijving, SchoolContactpersoon, Sessie
from vacatures.models import WerkgeverRedactie
from vacatures.permissions import ensure_coordinators_group

pytest_plugins = ["opleidingen.tests.fixtures"]

LIST = "/admin/school/inschrijvingen/"


@pytest.fixture
def registrations(network, make_training):
    sessie = make_training("Leidinggeven op afstand").sessies.get()
    for employer, naam in (("alfa", "Annemieke Alfa"), ("beta", "Bartholomeus Beta")):
        medewerker = Medewerker.objects.create(email=f"{naam.split()[0].lower()}@{employer}.example",
                                               werkgever=network[employer])
        Inschrijving.objects.create(medewerker=medewerker, werkgever=network[employer], sessie=sessie, naam=naam,
                                    status="ingeschreven")
    return sessie


def client_for(kind, network):
    user, _ = User.objects.get_or_create(username=f"u-{kind}")
    if kind.startswith("contact-"):
        SchoolContactpersoon.objects.create(werkgever=network[kind.removeprefix("contact-")], gebruiker=user)
    elif kind.startswith("redactie-"):
        user.groups.add(WerkgeverRedactie.objects.get(werkgever=network[kind.removeprefix("redactie-")]).group)
    elif kind == "coordinator":
        user.groups.add(ensure_coordinators_group(network["werkgevers"]))
    else:
        user.groups.add(Group.objects.get(name=kind))
    client = Client()
    client.force_login(user)
    return client


def body_text(response):
    """The page, the CSV, or every cell of the XLSX, as text."""
    if not response.streaming and "spreadsheetml" not in response["Content-Type"]:
        return response.content.decode()
    data = b"".join(response.streaming_content) if response.streaming else response.content
    if "spreadsheetml" not in response["Content-Type"]:
        return data.decode()
    sheet = load_workbook(io.BytesIO(data)).active
    return "\n".join(",".join(str(cell) for cell in row) for row in sheet.iter_rows(values_only=True))


def names_shown(client, path=LIST):
    response = client.get(path)
    if response.status_code != 200:
        return response.status_code, set()
    text = body_text(response)
    return 200, {naam for naam in ("Annemieke Alfa", "Bartholomeus Beta") if naam in text}


def test_contact_persons_see_only_their_own_employees(network, registrations):
    expected = {
        "contact-alfa": {"Annemieke Alfa"},
        "contact-beta": {"Bartholomeus Beta"},
        "Editors": set(), "Moderators": set(), "redactie-alfa": set(), "redactie-beta": set(), "coordinator": set(),
    }
    for kind, names in expected.items():
        client = client_for(kind, network)
        for path in (LIST, f"{LIST}?export=csv", f"{LIST}?export=xlsx", f"{LIST}?jaar=&status=ingeschreven"):
            status, shown = names_shown(client, path)
            assert shown == names, (kind, path)
            assert (status == 200) == bool(names), (kind, path, status)
        # Nobody edits or deletes a registration in the admin.
        pk = Inschrijving.objects.get(werkgever=network["alfa"]).pk
        assert client.get(f"{LIST}edit/{pk}/").status_code != 200
        assert client.post(f"{LIST}delete/{pk}/").status_code != 200
        assert Inschrijving.objects.filter(pk=pk).exists()


def test_the_export_has_name_training_session_status(network, registrations):
    csv = body_text(client_for("contact-alfa", network).get(f"{LIST}?export=csv"))
    header, row = csv.splitlines()[:2]
    assert header.split(",")[:4] == ["Naam", "Opleiding", "Sessie", "Status"]
    assert row.startswith("Annemieke Alfa,Leidinggeven op afstand,") and "Ingeschreven" in row
    assert "Bartholomeus" not in csv


def test_superusers_see_all(network, registrations, admin_client):
    assert names_shown(admin_client) == (200, {"Annemieke Alfa", "Bartholomeus Beta"})


def test_targets_are_for_coordinators(network):
    for kind, allowed in (("coordinator", True), ("contact-alfa", False), ("redactie-alfa", False), ("Editors", False)):
        status = client_for(kind, network).get("/admin/school/doelstellingen/").status_code
        assert (status == 200) == allowed, kind


def test_the_contact_person_chooses_the_year(network, registrations):
    # The same training a year earlier, with another of Alfa's employees.
    year = registrations.start.year
    earlier = Sessie.objects.create(
        opleiding=registrations.opleiding, start=registrations.start - timedelta(days=366),
        einde=registrations.einde - timedelta(days=366), plaats="Enschede", capaciteit=10,
        inschrijven_tot=registrations.start - timedelta(days=367),
    )
    assert earlier.start.year == year - 1
    medewerker = Medewerker.objects.create(email="vroeger@alfa.example", werkgever=network["alfa"])
    Inschrijving.objects.create(medewerker=medewerker, werkgever=network["alfa"], sessie=earlier,
                                naam="Vroegere Deelnemer", status="ingeschreven")
    client = client_for("contact-alfa", network)
    for path in (f"{LIST}?jaar={year}", f"{LIST}?jaar={year}&export=csv"):
        text = body_text(client.get(path))
        assert "Annemieke Alfa" in text and "Vroegere Deelnemer" not in text, path
    for path in (f"{LIST}?jaar={year - 1}", f"{LIST}?jaar={year - 1}&export=csv"):
        text = body_text(client.get(path))
        assert "Vroegere Deelnemer" in text and "Annemieke Alfa" not in text, path
    assert "Bartholomeus" not in body_text(client.get(f"{LIST}?export=csv"))
