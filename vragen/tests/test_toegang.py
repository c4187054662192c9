"""Who sees questions (personal data) in the admin: advisers and coordinators, nobody else. Wagtail's default
groups Editors and Moderators and an employer's editors get no list, no search result, no edit form, no menu
item and no figures, even when someone gives their group Django's model permissions on questions."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.test import Client

from conftest import sign_in
from vacatures.models import WerkgeverRedactie
from vacatures.permissions import ensure_coordinators_group
from vacatures.tests import fixtures
from vragen.models import FaqVraag, Status, Vraag
from vragen.tests.fixtures import build_desk

network = fixtures.network_from_module
NAME = "Wilhelmina Vraagsteller"
ROLES = ["anoniem", "medewerker", "Editors", "Moderators", "alfa", "beta", "coordinator", "adviseur"]
ALLOWED = {"coordinator", "adviseur"}


@pytest.fixture(scope="module")
def desk(module_network):
    desk = build_desk()
    vraag = Vraag.objects.create(
        onderwerp=desk["loopbaan"], naam=NAME, email="wilhelmina@thuis.example", werkgever=module_network["alfa"],
        vraag="Een vraag met persoonsgegevens.", adviseur=desk["loes"], status=Status.BEANTWOORD, antwoord="Ja.",
    )
    # A careless grant: the default groups get every model permission on questions. It must open nothing.
    for name in ("Editors", "Moderators"):
        Group.objects.get(name=name).permissions.add(*Permission.objects.filter(content_type__app_label="vragen"))
    return {**desk, "vraag": vraag}


def client_for(role, network, desk):
    client = Client()
    if role == "anoniem":
        return client
    if role == "medewerker":  # an employee of the asker's own employer, signed in on the site
        return sign_in("collega@alfa.example")
    if role == "adviseur":
        client.force_login(desk["dora"])
        return client
    user = User.objects.create_user(f"u-{role}", f"{role}@beheer.example", "x")
    if role in ("alfa", "beta"):
        user.groups.add(WerkgeverRedactie.objects.get(werkgever=network[role]).group)
    elif role == "coordinator":
        user.groups.add(ensure_coordinators_group(network["werkgevers"]))
    else:
        user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    return client


def urls(desk):
    pk = desk["vraag"].pk
    return [
        "/admin/vragen/vraag/", f"/admin/vragen/vraag/?q={NAME.split()[0]}", "/admin/vragen/vraag/results/?q=Wilhelmina",
        f"/admin/vragen/vraag/edit/{pk}/", f"/admin/vragen/vraag/delete/{pk}/",
        f"/admin/vragen/faq/new/?vraag={pk}",
    ]


@pytest.mark.parametrize("role", ROLES)
def test_questions_in_the_admin_only_for_advisers_and_coordinators(role, network, desk):
    client = client_for(role, network, desk)
    for url in urls(desk):
        response = client.get(url)
        text = response.content.decode()
        if role in ALLOWED and ("delete" not in url or role == "coordinator"):  # deleting: coordinators
            assert response.status_code == 200, url
            assert NAME in text or "faq" in url or "delete" in url, url
        else:
            assert response.status_code in (302, 403, 404), (url, response.status_code)
            assert NAME not in text and "wilhelmina@" not in text, url
    # the FAQ starting point is only filled in for advisers
    form = client.get(f"/admin/vragen/faq/new/?vraag={desk['vraag'].pk}").content.decode()
    assert ("Een vraag met persoonsgegevens." in form) == (role in ALLOWED)
    # saving the edit form as someone else changes nothing
    client.post(f"/admin/vragen/vraag/edit/{desk['vraag'].pk}/", {
        "onderwerp": desk["loopbaan"].pk, "status": Status.NIEUW, "antwoord": "Gewijzigd",
    })
    assert (Vraag.objects.get().antwoord == "Gewijzigd") == (role in ALLOWED)


@pytest.mark.parametrize("role", ["Editors", "Moderators", "alfa", "coordinator", "adviseur"])
def test_menu_global_search_and_report(role, network, desk):
    client = client_for(role, network, desk)
    dashboard = client.get("/admin/").content.decode()
    assert ("/admin/vragen/vraag/" in dashboard) == (role in ALLOWED)
    # Wagtail's search over the whole admin finds no question for anyone (questions are not indexed)
    for url in ("/admin/pages/search/?q=Wilhelmina", "/admin/snippets/", "/admin/vragen/faq/"):
        assert NAME not in client.get(url).content.decode()
    report = client.get("/admin/rapportage/management/")
    assert ("tabel-vragen" in report.content.decode()) == (role == "coordinator")


def test_only_coordinators_delete_questions_and_manage_topics_routing_and_target(network, desk):
    coordinator, adviser = client_for("coordinator", network, desk), client_for("adviseur", network, desk)
    for url in ("/admin/vragen/onderwerpen/", "/admin/vragen/routering/"):
        assert coordinator.get(url).status_code == 200, url
        assert adviser.get(url).status_code in (302, 403), url
    setting = "/admin/settings/vragen/vrageninstellingen/"
    edit_url = coordinator.get(setting)["Location"]  # the one settings row
    assert "Antwoordtermijn in werkdagen" in coordinator.get(edit_url).content.decode()
    assert "Antwoordtermijn in werkdagen" not in adviser.get(setting, follow=True).content.decode()
    assert adviser.post(edit_url, {"antwoordtermijn": 9}).status_code in (302, 403)
    assert "binnen 3 werkdagen" in Client().get("/vragen/").content.decode()
    response = coordinator.post(edit_url, {"antwoordtermijn": 5})
    assert response.status_code == 302
    assert "binnen 5 werkdagen" in Client().get("/vragen/").content.decode()
    assert adviser.post(f"/admin/vragen/vraag/delete/{desk['vraag'].pk}/").status_code in (302, 403)
    assert Vraag.objects.exists()
    assert coordinator.post(f"/admin/vragen/vraag/delete/{desk['vraag'].pk}/").status_code == 302
    assert not Vraag.objects.exists()


def test_faq_entries_are_public_only_when_published(network, desk):
    FaqVraag.objects.create(onderwerp=desk["loopbaan"], vraag="Gepubliceerde vraag", antwoord="A", gepubliceerd=True)
    FaqVraag.objects.create(onderwerp=desk["loopbaan"], vraag="Conceptvraag", antwoord="B")
    page = Client().get("/vragen/").content.decode()
    assert "Gepubliceerde vraag" in page and "Conceptvraag" not in page and NAME not in page
