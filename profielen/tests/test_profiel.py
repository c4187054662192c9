"""The employee's own profile at /medewerkers/profiel/: default off, the free-text guard, the CV, export and delete."""

import json

import pytest
from django.core.files.storage import storages

from conftest import make_pdf, sign_in
from medewerkers.models import Medewerker
from profielen.models import Profiel, Vaardigheid
from profielen.tests.helpers import profile_form

URL = "/medewerkers/profiel/"


@pytest.fixture
def jolanda(network):
    return sign_in("jolanda@alfa.example")


def test_anonymous_visitors_are_sent_to_sign_in(client, network):
    for url in (URL, URL + "export/", URL + "verwijderen/", URL + "cv/", URL + "uitnodigingen/1/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/medewerkers/inloggen/", url


def test_visibility_is_off_by_default(jolanda):
    response = jolanda.get(URL)
    assert response.status_code == 200
    assert 'name="zichtbaar" id="id_zichtbaar" checked' not in response.content.decode()
    jolanda.post(URL, profile_form(zichtbaar=None))
    profiel = Profiel.objects.get()
    assert profiel.zichtbaar is False and profiel.zichtbaar_eigen_werkgever is False
    assert Profiel._meta.get_field("zichtbaar").default is False


def test_a_profile_is_stored_with_its_skills(jolanda):
    response = jolanda.post(URL, profile_form(), follow=True)
    assert "Je profiel is opgeslagen." in response.content.decode()
    profiel = Profiel.objects.get()
    assert profiel.medewerker == Medewerker.objects.get(email="jolanda@alfa.example")
    assert sorted(profiel.vaardigheden.values_list("naam", flat=True)) == ["projectleiding", "woningbouw"]
    # existing skills are offered as suggestions
    assert 'value="projectleiding"' in jolanda.get(URL).content.decode()


@pytest.mark.parametrize("text", [
    "Mail me: jolanda.veenstra@alfa.example", "Bel 06-12345678", "Bel +31 53 123 45 67", "jolanda (at) gmail.com",
])
def test_text_with_email_or_phone_is_refused(jolanda, text):
    response = jolanda.post(URL, profile_form(tekst=text))
    assert response.status_code == 200
    assert "e-mailadres" in response.content.decode() or "telefoonnummer" in response.content.decode()
    assert not Profiel.objects.exists()


def test_text_with_own_name_warns_but_saves(jolanda):
    response = jolanda.post(URL, profile_form(tekst="Ik ben Jolanda en werk graag buiten."), follow=True)
    assert "Je tekst bevat (een deel van) je naam" in response.content.decode()
    assert Profiel.objects.get().tekst.startswith("Ik ben Jolanda")


def test_ordinary_numbers_are_not_phone_numbers(jolanda):
    jolanda.post(URL, profile_form(tekst="Sinds 2019 werk ik 32 uur, in schaal 10 tot 2026."))
    assert Profiel.objects.exists()


def test_a_cv_must_be_a_clean_pdf(jolanda):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = jolanda.post(URL, {**profile_form(), "cv": SimpleUploadedFile("cv.pdf", b"geen pdf", "application/pdf")})
    assert "geen pdf-bestand" in response.content.decode()
    assert not Profiel.objects.exists()


def test_export_holds_everything_and_delete_removes_the_cv(jolanda):
    from django.core.files.uploadedfile import SimpleUploadedFile

    pdf = SimpleUploadedFile("mijn-cv.pdf", make_pdf("Jolanda Veenstra"), "application/pdf")
    jolanda.post(URL, {**profile_form(), "cv": pdf})
    profiel = Profiel.objects.get()
    stored = profiel.cv.name
    assert storages["private"].exists(stored)
    assert jolanda.get(URL + "cv/").content.startswith(b"%PDF-")

    export = jolanda.get(URL + "export/")
    assert export["Content-Disposition"].startswith("attachment")
    data = json.loads(export.content)
    assert data["medewerker"]["e-mailadres"] == "jolanda@alfa.example"
    assert data["medewerker"]["werkgever"] == "Alfa"
    card = data["profiel"]
    # every field of the model is in the export (by its name or a readable form of it)
    for field in Profiel._meta.get_fields():
        if field.concrete and field.name not in {"id", "medewerker", "gewaarschuwd"}:
            assert field.name in card, field.name
    assert card["naam"] == "Jolanda Veenstra" and card["vaardigheden"] == ["projectleiding", "woningbouw"]
    assert card["cv"].endswith(".pdf") and card["zichtbaar"] is True
    assert {"weergaven", "uitnodigingen"} <= set(data)

    page = jolanda.get(URL + "verwijderen/")
    assert page.status_code == 200 and Profiel.objects.exists()  # GET only asks
    jolanda.post(URL + "verwijderen/")
    assert not Profiel.objects.exists()
    assert not storages["private"].exists(stored)
    assert Vaardigheid.objects.count() == 2  # tags themselves are not personal data
