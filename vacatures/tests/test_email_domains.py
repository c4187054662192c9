"""E-mail domains of an employer: set by coordinators only, validated, every change logged with its author."""

import logging

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client
from wagtail.models import PageLogEntry

from vacatures.email_domains import PUBLIC_MAIL_PROVIDERS
from vacatures.models import OrganisatiePage, WerkgeverRedactie
from vacatures.permissions import ensure_coordinators_group

EMPTY_RICH_TEXT = '{"blocks":[],"entityMap":{}}'


def employer_form(employer, **changes):
    data = {
        "title": employer.title, "slug": employer.slug, "organisatie": employer.organisatie_id,
        "regio": employer.regio_id, "logo": "", "intro": EMPTY_RICH_TEXT, "vacaturesite": "",
        "dagen_intern": employer.dagen_intern, "dagen_netwerk": employer.dagen_netwerk,
        "standaard_plaats": employer.standaard_plaats, "email_domeinen": employer.email_domeinen,
        "seo_title": "", "search_description": "", "go_live_at": "", "expire_at": "",
        "comments-TOTAL_FORMS": "0", "comments-INITIAL_FORMS": "0", "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000", "action-publish": "1",
    }
    data.update(changes)
    return data


@pytest.fixture
def coordinator(network):
    user = User.objects.create_user("coordinator", "c@example.org", "x", first_name="Carla", last_name="Coördinator")
    user.groups.add(ensure_coordinators_group(network["werkgevers"]))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def alfa_editor(network):
    user = User.objects.create_user("redacteur-alfa", "r@alfa.example", "x")
    user.groups.add(WerkgeverRedactie.objects.get(werkgever=network["alfa"]).group)
    client = Client()
    client.force_login(user)
    return client


def domains(employer):
    return OrganisatiePage.objects.get(pk=employer.pk).domain_list


def test_an_employers_own_editor_cannot_change_the_domains(network, alfa_editor, caplog):
    alfa = network["alfa"]
    form = alfa_editor.get(f"/admin/pages/{alfa.pk}/edit/").context["form"]
    assert form.fields["email_domeinen"].disabled
    with caplog.at_level(logging.WARNING, logger="vacatures.forms"):
        response = alfa_editor.post(f"/admin/pages/{alfa.pk}/edit/", employer_form(
            alfa, email_domeinen="alfa.example\ngmail.com", standaard_plaats="Alfastad",
        ))
    assert response.status_code == 302, response.content.decode()[:3000]
    alfa.refresh_from_db()
    assert alfa.standaard_plaats == "Alfastad"  # the rest of the page saves...
    assert alfa.domain_list == ["alfa.example"]  # ...the domains stay as they were
    assert f"Employer page {alfa.pk}: e-mail domains posted by user" in caplog.text
    assert "gmail" not in caplog.text  # no posted values in the log
    assert not PageLogEntry.objects.filter(action="vacatures.email_domeinen").exists()
    # Gmail addresses still cannot sign in as Alfa.
    Client().post("/medewerkers/inloggen/", {"email": "iemand@gmail.com"})
    assert mail.outbox == []


@pytest.mark.parametrize("value, message", [
    ("gmail.com", "publieke maildienst"),
    ("alfa.example\nHotmail.com", "publieke maildienst"),
    ("live.nl", "publieke maildienst"),
    ("ziggo.nl", "publieke maildienst"),
    ("kpnmail.nl", "publieke maildienst"),
    ("proton.me", "publieke maildienst"),
    ("mail.outlook.com", "publieke maildienst"),
    ("jan@alfa.example", "is een e-mailadres"),
    ("alfa", "geen geldig domein"),
    ("https://alfa.example/", "geen geldig domein"),
    ("alfa example.nl", "geen geldig domein"),
    ("beta.example", "hoort al bij Beta"),
])
def test_coordinators_domains_are_validated(network, coordinator, value, message):
    alfa = network["alfa"]
    response = coordinator.post(f"/admin/pages/{alfa.pk}/edit/", employer_form(alfa, email_domeinen=value))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert domains(alfa) == ["alfa.example"]


def test_the_list_of_public_providers_has_the_usual_suspects():
    assert {"gmail.com", "hotmail.com", "outlook.com", "live.nl", "ziggo.nl", "kpnmail.nl", "icloud.com",
            "yahoo.com", "proton.me"} <= PUBLIC_MAIL_PROVIDERS


def test_a_coordinators_change_is_saved_and_logged_with_who_made_it(network, coordinator, alfa_editor):
    alfa = network["alfa"]
    form = coordinator.get(f"/admin/pages/{alfa.pk}/edit/").context["form"]
    assert not form.fields["email_domeinen"].disabled
    response = coordinator.post(f"/admin/pages/{alfa.pk}/edit/", employer_form(
        alfa, email_domeinen=" @Alfa-Gemeente.NL \nalfa.example\nalfa.example\n",
    ))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert domains(alfa) == ["alfa-gemeente.nl", "alfa.example"]
    entry = PageLogEntry.objects.get(action="vacatures.email_domeinen")
    assert entry.page_id == alfa.pk and entry.user.username == "coordinator"
    assert entry.data == {"toegevoegd": ["alfa-gemeente.nl"], "verwijderd": []}

    coordinator.post(f"/admin/pages/{alfa.pk}/edit/", employer_form(
        OrganisatiePage.objects.get(pk=alfa.pk), email_domeinen="alfa-gemeente.nl",
    ))
    assert domains(alfa) == ["alfa-gemeente.nl"]
    latest = PageLogEntry.objects.filter(action="vacatures.email_domeinen").order_by("-timestamp", "-pk").first()
    assert latest.data == {"toegevoegd": [], "verwijderd": ["alfa.example"]}

    # Readable in the page's history, by the coordinator (with who did it).
    history = coordinator.get(f"/admin/pages/{alfa.pk}/history/").content.decode()
    assert "E-maildomeinen gewijzigd (toegevoegd: alfa-gemeente.nl)" in history
    assert "E-maildomeinen gewijzigd (verwijderd: alfa.example)" in history
    assert "Carla Coördinator" in history
    # Saving without touching the domains logs nothing.
    coordinator.post(f"/admin/pages/{alfa.pk}/edit/", employer_form(
        OrganisatiePage.objects.get(pk=alfa.pk), standaard_plaats="Elders",
    ))
    assert PageLogEntry.objects.filter(action="vacatures.email_domeinen").count() == 2


def test_a_copied_employer_does_not_take_the_domains_along(network):
    assert "email_domeinen" in OrganisatiePage.exclude_fields_in_copy
