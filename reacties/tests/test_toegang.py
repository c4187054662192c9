"""Who sees which reactions and CVs in the admin: one rule (`Reactie.objects.visible_to`) for the list,
the CV download and the counts. The posting employer's editors see everything; coordinators see the
metadata of every reaction but no personal data or CV; A's editors and Wagtail's default groups
(Editors, Moderators) see nothing of B."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from conftest import make_pdf
from reacties.models import Reactie
from vacatures.models import WerkgeverRedactie
from vacatures.permissions import ensure_coordinators_group


@pytest.fixture
def reactions(network, library, make_vacancy):
    def reaction(employer, naam):
        vacancy = make_vacancy(employer, f"Vacature van {employer}", published_days_ago=30, closes_in=10)
        return Reactie.objects.create(
            vacature=vacancy, naam=naam, email=f"{naam.lower()}@example.org", telefoon="06-12345678",
            motivatie="Graag.", herkomst="extern", cv=SimpleUploadedFile("cv.pdf", make_pdf()),
        )

    return {"alfa": reaction("alfa", "Annemieke"), "beta": reaction("beta", "Bartholomeus")}


def client_for(kind, network):
    user, _ = User.objects.get_or_create(username=f"u-{kind}")
    if kind in ("alfa", "beta"):
        user.groups.add(WerkgeverRedactie.objects.get(werkgever=network[kind]).group)
    elif kind == "coordinator":
        user.groups.add(ensure_coordinators_group(network["werkgevers"]))
    else:
        user.groups.add(Group.objects.get(name=kind))
    client = Client()
    client.force_login(user)
    return client


def cv_status(client, reactie):
    return client.get(f"/admin/reacties/{reactie.pk}/cv/").status_code


def test_only_the_posting_employers_editors_download_the_cv(network, reactions):
    for kind in ("alfa", "beta", "coordinator", "Editors", "Moderators"):
        client = client_for(kind, network)
        for owner, reactie in reactions.items():
            expected = 200 if kind == owner else 404
            assert cv_status(client, reactie) == expected, (kind, owner)
    response = client_for("beta", network).get(f"/admin/reacties/{reactions['beta'].pk}/cv/")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert response["Content-Disposition"].startswith("attachment")


def test_superuser_is_no_cv_reader_either(network, reactions, admin_client):
    assert cv_status(admin_client, reactions["alfa"]) == 404
    html = admin_client.get("/admin/reacties/").content.decode()
    assert "Vacature van alfa" in html and "Annemieke" not in html
    pk = reactions["alfa"].pk
    for url in [f"/admin/reacties/edit/{pk}/", f"/admin/reacties/delete/{pk}/", f"/admin/reacties/copy/{pk}/",
                f"/admin/reacties/history/{pk}/", f"/admin/reacties/usage/{pk}/"]:
        response = admin_client.get(url)
        assert response.status_code in (302, 403, 404), (url, response.status_code)
        assert "Annemieke" not in response.content.decode(), url


def test_coordinators_see_metadata_of_every_reaction_but_no_personal_data(network, reactions):
    html = client_for("coordinator", network).get("/admin/reacties/").content.decode()
    assert "Vacature van alfa" in html and "Vacature van beta" in html
    assert "Extern" in html and "afgeschermd" in html
    for reactie in reactions.values():
        assert reactie.naam not in html and reactie.email not in html and reactie.telefoon not in html
        assert f"/admin/reacties/{reactie.pk}/cv/" not in html


def test_employer_editors_see_their_own_reactions_in_full(network, reactions):
    html = client_for("beta", network).get("/admin/reacties/").content.decode()
    assert "Bartholomeus" in html and "bartholomeus@example.org" in html and "06-12345678" in html
    assert f"/admin/reacties/{reactions['beta'].pk}/cv/" in html
    assert "Annemieke" not in html and "Vacature van alfa" not in html


@pytest.mark.parametrize("kind", ["Editors", "Moderators"])
def test_default_groups_see_no_reactions(network, reactions, kind):
    response = client_for(kind, network).get("/admin/reacties/")
    assert response.status_code in (302, 403)
    assert "Bartholomeus" not in response.content.decode()


@pytest.mark.parametrize("kind", ["alfa", "coordinator", "Editors", "Moderators"])
def test_no_object_url_of_a_reaction_of_b_shows_it(network, reactions, kind):
    client = client_for(kind, network)
    pk = reactions["beta"].pk
    for url in [f"/admin/reacties/edit/{pk}/", f"/admin/reacties/delete/{pk}/", f"/admin/reacties/copy/{pk}/",
                f"/admin/reacties/history/{pk}/", f"/admin/reacties/usage/{pk}/", f"/admin/reacties/{pk}/cv/"]:
        response = client.get(url)
        assert response.status_code in (302, 403, 404), (url, response.status_code)
        assert "Bartholomeus" not in response.content.decode(), url
    client.post(f"/admin/reacties/delete/{pk}/")
    assert Reactie.objects.filter(pk=pk).exists()


def test_the_rule_is_one_queryset(network, reactions):
    coordinator = User.objects.create_user("c", "c@example.org", "x")
    coordinator.groups.add(ensure_coordinators_group(network["werkgevers"]))
    editor = User.objects.create_user("e", "e@example.org", "x")
    editor.groups.add(WerkgeverRedactie.objects.get(werkgever=network["alfa"]).group)
    both = User.objects.create_user("b", "b@example.org", "x")
    both.groups.add(*coordinator.groups.all(), *editor.groups.all())
    assert {r.naam: r.persoonlijk for r in Reactie.objects.visible_to(coordinator)} == {
        "Annemieke": False, "Bartholomeus": False}
    assert {r.naam: r.persoonlijk for r in Reactie.objects.visible_to(editor)} == {"Annemieke": True}
    assert {r.naam: r.persoonlijk for r in Reactie.objects.visible_to(both)} == {
        "Annemieke": True, "Bartholomeus": False}
    assert list(Reactie.objects.with_cv_for(both)) == [reactions["alfa"]]
