"""Reacting: the form, the origin, the contact's e-mail, who may read reactions, the PDF check,
retention and the rate limit."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from conftest import make_pdf
from reacties.models import Dagcijfers, Reactie
from vacatures import phases
from vacatures.models import VacaturePage, WerkgeverRedactie
from vacatures.tests import fixtures
from vacatures.tests.fixtures import vacancy_factory


def form(**changes):
    data = {
        "naam": "Sanne de Boer", "email": "sanne@example.org", "telefoon": "", "motivatie": "Ik wil graag.",
        "cv": SimpleUploadedFile("cv.pdf", make_pdf(), content_type="application/pdf"),
    }
    data.update(changes)
    return data


def post(client, vacancy, **changes):
    return client.post(f"/vacatures/reageren/{vacancy.pk}/", form(**changes))


# The network and its vacancies are made once for the module; what a test writes is rolled back after it.
network = fixtures.network_from_module


@pytest.fixture(scope="module")
def vacancies(module_network):
    make_vacancy = vacancy_factory(module_network)
    return {
        "alfa": make_vacancy("alfa", "Openbaar bij Alfa", contact_email="werving@alfa.example"),
        "alfa-netwerk": make_vacancy("alfa", "Onder water bij Alfa", published_days_ago=10),
        "alfa-gesloten": make_vacancy("alfa", "Gesloten bij Alfa", published_days_ago=40, closes_in=-1),
        "alfa-extern": make_vacancy("alfa", "Via eigen site", reageer_url="https://werken.alfa.example/123"),
    }


def test_reaction_is_stored_with_its_derived_origin_and_mailed_to_the_contact(client, employee, vacancies):
    vacancy = vacancies["alfa"]
    of_alfa, of_beta = employee("alfa"), employee("beta")
    response = post(client, vacancy)
    assert response.status_code == 200 and "Bedankt voor je reactie" in response.content.decode()
    post(of_alfa, vacancy, naam="Collega van Alfa")
    post(of_beta, vacancy, naam="Collega van Beta")
    origins = dict(Reactie.objects.values_list("naam", "herkomst"))
    assert origins == {"Sanne de Boer": "extern", "Collega van Alfa": "eigen", "Collega van Beta": "netwerk"}
    to_employer = [m for m in mail.outbox if m.to == ["werving@alfa.example"]]
    assert len(to_employer) == 3 and len(mail.outbox) == 6  # and a confirmation to each candidate
    assert "Sanne de Boer" in to_employer[0].body
    assert "Ik wil graag" not in to_employer[0].body  # the motivation stays in the admin
    row = Dagcijfers.objects.get(vacature=vacancy, datum=phases.local_date())
    assert (row.reacties_extern, row.reacties_eigen, row.reacties_netwerk) == (1, 1, 1)


def test_cv_is_stored_outside_the_public_media_folder(client, vacancies):
    post(client, vacancies["alfa"])
    path = Path(Reactie.objects.get().cv.path)
    assert path.is_file() and path.read_bytes().startswith(b"%PDF-")
    assert Path(settings.PRIVATE_MEDIA_ROOT) in path.parents
    assert Path(settings.MEDIA_ROOT) not in path.parents


def test_consent_is_unchecked_by_default(client, vacancies):
    html = client.get(f"/vacatures/reageren/{vacancies['alfa'].pk}/").content.decode()
    checkbox = next(line for line in html.splitlines() if 'name="toestemming_bewaren"' in line)
    assert "checked" not in checkbox
    post(client, vacancies["alfa"])
    assert Reactie.objects.get().toestemming_bewaren is False


@pytest.mark.parametrize(
    "upload,message",
    [
        (SimpleUploadedFile("cv.pdf", b"Dit is gewoon tekst met een pdf-naam.", "application/pdf"), "geen pdf"),
        (SimpleUploadedFile("cv.pdf", b"%PDF-1.7\nkapot en afgebroken", "application/pdf"), "beschadigd"),
        (SimpleUploadedFile("cv.pdf", make_pdf(padding=5 * 1024 * 1024), "application/pdf"), "groter dan 5 MB"),
    ],
    ids=["text-named-pdf", "broken-pdf", "too-large"],
)
def test_cv_is_checked_by_content(client, vacancies, upload, message):
    response = post(client, vacancies["alfa"], cv=upload)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Reactie.objects.exists() and not Dagcijfers.objects.exists()


def test_closed_and_invisible_vacancies_take_no_reactions(client, employee, vacancies):
    closed = vacancies["alfa-gesloten"]
    assert "Reageer" not in client.get(closed.url).content.decode()
    assert post(client, closed).status_code == 404
    assert post(client, vacancies["alfa-netwerk"]).status_code == 404  # not visible to the public
    assert post(employee("beta"), vacancies["alfa-netwerk"]).status_code == 200  # visible 'onder water'
    assert Reactie.objects.count() == 1


def test_external_link_counts_as_a_reaction_without_personal_data(client, employee, vacancies):
    vacancy = vacancies["alfa-extern"]
    response = client.post(f"/vacatures/reageren/{vacancy.pk}/extern/")
    assert response.status_code == 303 and response["Location"] == "https://werken.alfa.example/123"
    employee("beta").post(f"/vacatures/reageren/{vacancy.pk}/extern/")
    row = Dagcijfers.objects.get(vacature=vacancy)
    assert (row.reacties_extern, row.reacties_netwerk) == (1, 1)
    assert not Reactie.objects.exists()


def test_honeypot_stores_nothing(client, vacancies):
    response = post(client, vacancies["alfa"], website="http://spam.example")
    assert response.status_code == 200
    assert not Reactie.objects.exists() and mail.outbox == []


def test_rate_limit_on_reactions(client, vacancies):
    codes = [post(client, vacancies["alfa"]).status_code for _ in range(11)]
    assert codes[:10] == [200] * 10 and codes[10] == 429
    assert Reactie.objects.count() == 10


def editor(network, key):
    user = User.objects.create_user(f"redactie-{key}", f"r@{key}.example", "x")
    user.groups.add(WerkgeverRedactie.objects.get(werkgever=network[key]).group)
    c = Client()
    c.force_login(user)
    return c


def test_only_the_posting_employers_editors_see_reactions_and_cvs(client, network, vacancies, make_vacancy):
    post(client, vacancies["alfa"], naam="Kandidaat Alfa")
    post(client, make_vacancy("beta", "Openbaar bij Beta"), naam="Kandidaat Beta")
    reactie = Reactie.objects.get(naam="Kandidaat Alfa")
    alfa, beta = editor(network, "alfa"), editor(network, "beta")

    listing = alfa.get("/admin/reacties/").content.decode()
    assert "Kandidaat Alfa" in listing and "Kandidaat Beta" not in listing
    listing = beta.get("/admin/reacties/").content.decode()
    assert "Kandidaat Beta" in listing and "Kandidaat Alfa" not in listing

    download = alfa.get(f"/admin/reacties/{reactie.pk}/cv/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    assert beta.get(f"/admin/reacties/{reactie.pk}/cv/").status_code == 404
    assert client.get(f"/admin/reacties/{reactie.pk}/cv/").status_code == 302  # to the login page
    assert client.get(settings.MEDIA_URL + reactie.cv.name).status_code == 404


def test_purge_deletes_on_schedule_and_keeps_the_counts(client, vacancies, make_vacancy):
    today = phases.local_date()
    closed_long_ago = make_vacancy("alfa", "Lang geleden gesloten", published_days_ago=80, closes_in=-29)
    closed_recently = make_vacancy("alfa", "Net gesloten", published_days_ago=60, closes_in=-28)
    filled = make_vacancy("alfa", "Vervuld", published_days_ago=60, closes_in=10)

    def reactie(vacancy, name, consent=False, days_ago=0):
        r = Reactie.objects.create(
            vacature=vacancy, naam=name, email="x@example.org", motivatie="m", herkomst="extern",
            toestemming_bewaren=consent, cv=SimpleUploadedFile("cv.pdf", make_pdf()),
        )
        Reactie.objects.filter(pk=r.pk).update(aangemaakt=timezone.now() - timedelta(days=days_ago))
        Dagcijfers.add(vacancy.pk, today - timedelta(days=days_ago), reacties_extern=1)
        return r

    gone = reactie(closed_long_ago, "weg: 4 weken na sluiting")
    reactie(closed_recently, "blijft: nog geen 4 weken")
    reactie(closed_long_ago, "blijft: toestemming", consent=True, days_ago=100)
    reactie(vacancies["alfa"], "weg: toestemming verlopen", consent=True, days_ago=366)
    reactie(vacancies["alfa"], "blijft: open vacature")
    reactie(filled, "weg: 4 weken na vervulling")
    VacaturePage.objects.filter(pk=filled.pk).update(vervuld_op=today - timedelta(days=28), vervuld_door="extern")
    counts_before = sum(Dagcijfers.objects.values_list("reacties_extern", flat=True))
    cv_path = Path(gone.cv.path)

    call_command("bewaartermijnen", "--alleen", "reacties")

    assert sorted(Reactie.objects.values_list("naam", flat=True)) == [
        "blijft: nog geen 4 weken", "blijft: open vacature", "blijft: toestemming",
    ]
    assert not cv_path.exists()
    assert sum(Dagcijfers.objects.values_list("reacties_extern", flat=True)) == counts_before == 6


def test_serving_a_vacancy_counts_one_view_per_visit_and_a_hidden_one_none(client, vacancies):
    # vacatures sends vacancy_viewed; reacties receives it (reacties/apps.py) and adds it to the day figures.
    public, hidden = vacancies["alfa"], vacancies["alfa-netwerk"]
    for _ in range(2):
        assert client.get(public.url).status_code == 200
    assert client.get(hidden.url).status_code == 404
    views = dict(Dagcijfers.objects.filter(datum=phases.local_date()).values_list("vacature_id", "weergaven"))
    assert views == {public.pk: 2}
