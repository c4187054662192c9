"""A signed-in employee keeps access only while the employer takes part: the audience is checked on every
request (employer page live, domain still on its list), and a coordinator can end all sessions of an employer.
Both with database-backed and cache-backed sessions."""


import pytest
from django.contrib.auth.models import User
from django.test import Client

from conftest import sign_in, sign_in_link
from medewerkers.models import Sessiegrens
from vacatures.models import OrganisatiePage, WerkgeverRedactie
from vacatures.permissions import ensure_coordinators_group

SESSION_ENGINES = ["django.contrib.sessions.backends.db", "django.contrib.sessions.backends.cache"]


@pytest.fixture(params=SESSION_ENGINES, ids=["db", "cache"])
def sessions(request, settings):
    settings.SESSION_ENGINE = request.param
    return request.param


def sees_internal(client, vacancy):
    """Whether this client is treated as an employee: the internal vacancy's page answers, and the
    audience on the request says so."""
    response = client.get(vacancy.url)
    return response.status_code == 200 and response.wsgi_request.audience.werkgever_id is not None


@pytest.fixture
def internal(make_vacancy):
    return {
        "alfa": make_vacancy("alfa", "Intern bij Alfa", published_days_ago=2, closes_in=25),
        "beta": make_vacancy("beta", "Intern bij Beta", published_days_ago=2, closes_in=25),
    }


def publish(employer, **changes):
    employer = OrganisatiePage.objects.get(pk=employer.pk)
    for name, value in changes.items():
        setattr(employer, name, value)
    employer.save_revision().publish()


def test_a_removed_domain_signs_the_employee_out_on_the_next_request(sessions, network, internal):
    client = sign_in("jan@alfa.example")
    assert sees_internal(client, internal["alfa"])
    publish(network["alfa"], email_domeinen="nieuw-alfa.example")
    response = client.get(internal["alfa"].url)
    assert response.status_code == 404
    assert response.wsgi_request.audience.werkgever_id is None
    assert "medewerker_id" not in client.session  # signed out, not merely ignored
    publish(network["alfa"], email_domeinen="nieuw-alfa.example\nalfa.example")
    assert not sees_internal(client, internal["alfa"])  # putting it back does not sign anyone in again


def test_an_unpublished_employer_signs_its_employees_out(sessions, network, internal):
    alfa_employee, beta_employee = sign_in("jan@alfa.example"), sign_in("bea@beta.example")
    network["alfa"].unpublish()
    assert not sees_internal(alfa_employee, internal["alfa"])
    assert alfa_employee.get(internal["beta"].url).status_code == 404
    assert sees_internal(beta_employee, internal["beta"])  # other employers' employees stay signed in


def test_a_link_asked_for_before_the_domain_was_removed_does_not_sign_in(network):
    client = Client()
    client.post("/medewerkers/inloggen/", {"email": "jan@alfa.example"})
    path = sign_in_link()
    publish(network["alfa"], email_domeinen="nieuw-alfa.example")
    assert client.post(path).status_code == 410
    assert "medewerker_id" not in client.session


@pytest.fixture
def coordinator(network):
    user = User.objects.create_user("coordinator", "c@example.org", "x")
    user.groups.add(ensure_coordinators_group(network["werkgevers"]))
    client = Client()
    client.force_login(user)
    return client


def test_a_coordinator_ends_all_sessions_of_an_employer(sessions, network, internal, coordinator):
    alfa_employees = [sign_in("jan@alfa.example"), sign_in("piet@alfa.example")]
    beta_employee = sign_in("bea@beta.example")
    alfa = network["alfa"]

    # The button is on the employer's page in the admin and leads to a confirmation.
    edit = coordinator.get(f"/admin/pages/{alfa.pk}/edit/").content.decode()
    url = f"/admin/werkgevers/{alfa.pk}/sessies-beeindigen/"
    assert url in edit and "Alle sessies beëindigen" in edit
    assert url in coordinator.get(f"/admin/pages/{network['werkgevers'].pk}/").content.decode()
    confirm = coordinator.get(url).content.decode()
    assert "In de afgelopen 30 dagen logden 2 medewerkers van deze werkgever in." in confirm

    response = coordinator.post(url)
    assert response.status_code == 302
    assert Sessiegrens.objects.get(werkgever=alfa).door.username == "coordinator"
    for client in alfa_employees:
        assert not sees_internal(client, internal["alfa"])
        assert "medewerker_id" not in client.session
    assert sees_internal(beta_employee, internal["beta"])
    history = coordinator.get(f"/admin/pages/{alfa.pk}/history/").content.decode()
    assert "Alle sessies van medewerkers beëindigd" in history

    # Signing in afresh works: only the sessions from before were ended.
    assert sees_internal(sign_in("jan@alfa.example"), internal["alfa"])


def test_only_coordinators_end_sessions(network, internal):
    employee = sign_in("jan@alfa.example")
    editor = User.objects.create_user("redacteur", "r@alfa.example", "x")
    editor.groups.add(WerkgeverRedactie.objects.get(werkgever=network["alfa"]).group)
    client = Client()
    client.force_login(editor)
    url = f"/admin/werkgevers/{network['alfa'].pk}/sessies-beeindigen/"
    assert url not in client.get(f"/admin/pages/{network['alfa'].pk}/edit/").content.decode()
    for response in (client.get(url), client.post(url)):  # Wagtail: back to the dashboard with a message
        assert response.status_code == 302 and response["Location"] == "/admin/"
    assert not Sessiegrens.objects.exists()
    assert sees_internal(employee, internal["alfa"])
    assert Client().post(url).status_code == 302  # not signed in: to the admin's login
