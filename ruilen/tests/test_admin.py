"""Swaps in the admin, for each role: only swaps everybody said yes to; coordinators all, an employer's editors
their own, Wagtail's Editors and Moderators nothing. Agreement per employer, then the status."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from ruilen import service
from ruilen.models import Ruil, Status

from .conftest import admin_user, coordinator_user, default_group_user, editor_user, make_offer

LIST = "/admin/ruilen/"


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def swaps(swap_network, django_capture_on_commit_callbacks):
    """A pair Alfa–Beta that both said yes to, and a ring Gamma–Delta–Beta nobody said yes to."""
    n = swap_network
    anna = make_offer(n, "alfa", "anna@alfa.example", naam="Anna de Vries", vakgebied="hr", wens_vakgebieden=["beleid"])
    bert = make_offer(n, "beta", "bert@beta.example", naam="Bert Jansen", vakgebied="beleid", wens_vakgebieden=["hr"])
    make_offer(n, "gamma", "r1@gamma.example", vakgebied="ict", wens_vakgebieden=["juridisch"])
    make_offer(n, "delta", "r2@delta.example", vakgebied="financien", wens_vakgebieden=["ict"])
    make_offer(n, "beta", "r3@beta.example", vakgebied="juridisch", wens_vakgebieden=["financien"])
    with django_capture_on_commit_callbacks(execute=True):
        service.run_matching()
        pair = Ruil.objects.get(soort="paar")
        assert service.say_interest(pair.pk, anna) and service.say_interest(pair.pk, bert)
    return {"pair": pair, "ring": Ruil.objects.get(soort="ring")}


def listed(client):
    response = client.get(LIST)
    if response.status_code != 200:
        return response.status_code
    return sorted(ruil.pk for ruil in response.context["object_list"])


def test_who_sees_which_swap(swap_network, swaps):
    pair, ring = swaps["pair"].pk, swaps["ring"].pk
    superuser = User.objects.create_superuser("super", "super@example.org", "x")
    roles = {
        "superuser": (superuser, [pair]),
        "coordinator": (coordinator_user(), [pair]),
        "editor alfa": (editor_user(swap_network, "alfa"), [pair]),
        "editor beta": (editor_user(swap_network, "beta"), [pair]),
        "editor gamma (in the ring only)": (editor_user(swap_network, "gamma"), []),
    }
    for role, (user, expected) in roles.items():
        client = client_for(user)
        assert listed(client) == expected, role
        assert client.get(f"/admin/ruilen/{ring}/").status_code == 404, role  # nobody said yes to the ring yet
        assert client.get(f"/admin/ruilen/{pair}/").status_code == (200 if expected else 404), role
    for role, user in {
        "Editors": default_group_user("Editors"), "Moderators": default_group_user("Moderators"),
        "outsider in the admin": admin_user("buitenstaander"),
    }.items():
        client = client_for(user)
        assert listed(client) == 302, role  # refused: Wagtail sends them to the dashboard
        assert client.get(f"/admin/ruilen/{pair}/").status_code == 404, role
        assert client.post(f"/admin/ruilen/{pair}/", {"akkoord": swap_network["alfa"].pk}).status_code == 404, role
        assert "/admin/ruilen/" not in client.get("/admin/").content.decode(), role  # no menu item
    assert "/admin/ruilen/" in client_for(roles["editor alfa"][0]).get("/admin/").content.decode()
    # Names only for the participants of employers the user edits.
    alfa_page = client_for(roles["editor alfa"][0]).get(f"/admin/ruilen/{pair}/").content.decode()
    assert "Anna de Vries" in alfa_page and "anna@alfa.example" in alfa_page
    assert "Bert Jansen" not in alfa_page and "bert@beta.example" not in alfa_page
    coordinator_page = client_for(roles["coordinator"][0]).get(f"/admin/ruilen/{pair}/").content.decode()
    assert "Anna de Vries" not in coordinator_page and "Bert Jansen" not in coordinator_page


def test_every_employer_agrees_then_the_status_follows(swap_network, swaps):
    pair = swaps["pair"]
    alfa, beta = (client_for(editor_user(swap_network, key)) for key in ("alfa", "beta"))
    url = f"/admin/ruilen/{pair.pk}/"
    alfa.post(url, {"akkoord": swap_network["beta"].pk})  # not for another employer: refused
    assert not pair.deelnames.filter(werkgever_akkoord_op__isnull=False).exists()
    assert alfa.post(url, {"akkoord": swap_network["alfa"].pk}).status_code == 302
    pair.refresh_from_db()
    assert pair.status == Status.VOORGESTELD
    assert "Akkoord namens Beta" in beta.get(url).content.decode()
    assert "Akkoord namens Alfa" not in beta.get(url).content.decode()
    beta.post(url, {"akkoord": swap_network["beta"].pk})
    pair.refresh_from_db()
    assert pair.status == Status.AKKOORD and pair.akkoord_op is not None
    assert alfa.post(url, {"status": Status.AFGEROND}).status_code == 302  # not yet: first ‘lopend’
    pair.refresh_from_db()
    assert pair.status == Status.AKKOORD
    alfa.post(url, {"status": Status.LOPEND})
    beta.post(url, {"status": Status.AFGEROND})
    pair.refresh_from_db()
    assert pair.status == Status.AFGEROND and pair.afgerond_op is not None
    gamma = client_for(editor_user(swap_network, "gamma"))
    assert gamma.post(url, {"status": Status.AFGEBLAZEN}).status_code == 404
