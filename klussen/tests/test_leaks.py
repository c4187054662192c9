"""A klus is never public: no channel shows its title, its existence or a count to anyone who is not a
signed-in employee of a participating employer, and employees see open klussen only.

Roles: anonymous visitors, an outside address that tried to sign in, Wagtail's default groups (Editors,
Moderators), employer editors and coordinators (admin users are not employees on the site), and employees
of both employers. The admin keeps each employer's klussen to its own editors (and coordinators)."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import Group, User
from django.core import mail
from django.test import Client

from conftest import sign_in
from klussen.tests.fixtures import OPEN, WORD, build_every_state
from profielen.models import Profiel, Uitnodiging
from profielen.tests.helpers import profile_form
from reacties.models import KlusReactie
from vacatures.models import WerkgeverRedactie
from vacatures.permissions import ensure_coordinators_group
from vacatures.tests import fixtures
from vacatures.tests.test_isolation import body, object_urls

network = fixtures.network_from_module
SITE_ROLES = ["anoniem", "buitenstaander", "Editors", "Moderators", "redacteur-alfa", "coordinator", "superuser"]


@pytest.fixture(scope="module")
def module_klussen(module_network):
    return build_every_state(module_network)


@pytest.fixture
def klussen(module_klussen):
    return module_klussen


def admin_user(kind, network):
    user = User.objects.filter(username=f"u-{kind}").first()
    if user is not None:
        return user
    user = User.objects.create_user(f"u-{kind}", f"{kind}@example.org", "x", is_superuser=kind == "superuser")
    if kind.startswith("redacteur-"):
        user.groups.add(WerkgeverRedactie.objects.get(werkgever=network[kind.removeprefix("redacteur-")]).group)
    elif kind == "coordinator":
        user.groups.add(ensure_coordinators_group(network["werkgevers"]))
    elif kind in ("Editors", "Moderators"):
        user.groups.add(Group.objects.get(name=kind))
    return user


def client_for(role, network):
    client = Client()
    if role == "buitenstaander":
        mail.outbox.clear()
        client.post("/medewerkers/inloggen/", {"email": "iemand@elders.example"})
        assert not mail.outbox  # no participating domain: no link, no session
    elif role not in ("anoniem",):
        client.force_login(admin_user(role, network))
    return client


def assert_no_klus(text):
    assert WORD not in text
    assert "klussen@" not in text  # the contact address of every klus


@pytest.mark.parametrize("role", SITE_ROLES)
def test_no_public_channel_shows_a_klus(network, klussen, role):
    client = client_for(role, network)
    index = client.get("/klussen/")
    assert index.status_code == 200
    html = index.content.decode()
    assert "Inloggen als medewerker" in html and "search" not in index.context
    assert_no_klus(html)
    assert not re.search(r"\(\d+\)", html)  # no facet counts
    for path in ["/", "/werkgevers/", "/werkgevers/alfa/", "/vacatures/", "/vacatures/feed/", "/sitemap.xml",
                 "/zoeken/?q=knotwilg", "/zoeken/?q=knotwilg&soort=kluspage", "/zoeken/suggesties?q=knot",
                 "/zoeken/suggesties?q=klus", "/agenda/feed.ics"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert_no_klus(response.content.decode())  # the queries are lower case: an echo is no leak
    assert_no_klus_anywhere(client, klussen)


def assert_no_klus_anywhere(client, klussen):
    """Search and suggestions count nothing; every klus's own URL, its reaction form and its one-click
    reaction answer as a page that does not exist (or the sign-in), without a word of the klus."""
    assert client.get("/zoeken/?q=knotwilg").context["search"].total == 0
    assert client.get("/zoeken/suggesties?q=knot").json()["suggestions"] == []
    missing = client.get("/werkgevers/alfa/bestaat-niet/")
    for klus in klussen.values():
        response = client.get(f"/werkgevers/{klus.get_parent().slug}/{klus.slug}/")
        assert response.status_code == missing.status_code == 404
        assert_no_klus(response.content.decode())
        assert client.get(f"/vacatures/reageren/klus/{klus.pk}/").status_code == 404
        one_click = client.post(f"/medewerkers/profiel/klus/{klus.pk}/reageren/", {"besproken": "ja"})
        assert one_click.status_code in (302, 404) and WORD not in one_click.content.decode()
        assert one_click.status_code == 404 or one_click["Location"].startswith("/medewerkers/inloggen")


def test_an_employee_whose_employer_left_the_network_sees_no_klus(network, klussen):
    """Participation ends: the session of Alfa's employee stops counting at once, for every channel."""
    client = sign_in("iemand@alfa.example")
    assert client.get("/klussen/").context["search"].total == 4
    network["alfa"].unpublish()
    index = client.get("/klussen/")
    assert "search" not in index.context and "Inloggen als medewerker" in index.content.decode()
    assert_no_klus(index.content.decode())
    for path in ["/", "/zoeken/?q=knotwilg", "/api/v2/pages/?search=knotwilg", "/sitemap.xml"]:
        assert_no_klus(client.get(path).content.decode())
    assert_no_klus_anywhere(client, klussen)
    assert KlusReactie.objects.count() == 0


@pytest.mark.parametrize("kind", ["Editors", "Moderators", "redacteur-beta"])
def test_the_invitation_form_offers_no_klus_of_another_employer(network, klussen, kind):
    """HR picks a klus to invite a card to: only open klussen of the own employer; Wagtail's default groups
    have no profile search at all."""
    employee = sign_in("kaart@alfa.example")
    employee.post("/medewerkers/profiel/", profile_form(functie="Functie Kaart"))
    kenmerk = Profiel.objects.get(functie="Functie Kaart").kenmerk
    client = client_for(kind, network)
    form = client.get(f"/admin/profielen/kaart/{kenmerk}/uitnodigen/")
    if kind == "redacteur-beta":
        html = body(form)
        assert f"Klus open {WORD} Beta" in html and f"Klus open-op-afstand {WORD} Beta" in html
        assert not re.search(rf"{WORD} Alfa", html) and f"Klus verlopen {WORD} Beta" not in html
        forged = client.post(f"/admin/profielen/kaart/{kenmerk}/uitnodigen/", {
            "doel": f"klus-{klussen[('alfa', 'open')].pk}", "bericht": "Hallo",
        })
        assert forged.status_code == 200 and not Uitnodiging.objects.exists()
    else:
        assert form.status_code in (302, 403), kind
        assert WORD not in body(form)


@pytest.mark.parametrize("role", ["anoniem", "medewerker"])
def test_the_api_never_shows_a_klus(network, klussen, role):
    """The API is public whoever asks: a signed-in employee gets no klus either."""
    client = sign_in("iemand@alfa.example") if role == "medewerker" else Client()
    for path in ["/api/v2/pages/?limit=100", "/api/v2/pages/?search=knotwilg", "/api/v2/pages/?type=klussen.KlusPage",
                 f"/api/v2/pages/?child_of={network['alfa'].pk}", f"/api/v2/pages/?child_of={network['beta'].pk}"]:
        response = client.get(path)
        assert response.status_code in (200, 400), path
        assert_no_klus(response.content.decode())
    for klus in klussen.values():
        assert client.get(f"/api/v2/pages/{klus.pk}/").status_code == 404
        assert client.get("/api/v2/pages/find/", {"html_path": klus.url}).status_code == 404


@pytest.mark.parametrize("employer", ["alfa", "beta"])
def test_employees_see_the_open_klussen_of_every_participant_and_nothing_closed(network, klussen, employer):
    client = sign_in(f"iemand@{employer}.example")
    response = client.get("/klussen/")
    open_titles = {k.title for (_, state), k in klussen.items() if state in OPEN}
    assert {k.title for k in response.context["klussen"]} == open_titles
    assert response.context["search"].total == len(open_titles) == 4
    html = response.content.decode()
    for (_, state), klus in klussen.items():
        assert (klus.title in html) == (state in OPEN)
        page = client.get(f"/werkgevers/{klus.get_parent().slug}/{klus.slug}/")
        assert page.status_code == (200 if state in OPEN else 404), state
        assert "application/ld+json" not in page.content.decode()
        if state in OPEN:
            assert page["X-Robots-Tag"] == "noindex, nofollow"
    search = client.get("/zoeken/", {"q": WORD})
    assert {page.title for page, _ in search.context["results"]} == open_titles
    assert {s["title"] for s in client.get("/zoeken/suggesties?q=Klus").json()["suggestions"]} == open_titles
    # Still nothing in the public channels: feed, sitemap, API.
    for path in ["/vacatures/feed/", "/sitemap.xml", "/api/v2/pages/?limit=100"]:
        assert_no_klus(client.get(path).content.decode())


def test_sitemap_lists_no_klus(client, klussen):
    xml = client.get("/sitemap.xml").content
    urls = [loc.text for loc in ET.fromstring(xml).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert urls and not any(klus.slug in url for klus in klussen.values() for url in urls)
    assert not any(url.endswith("/klussen/") for url in urls)


ADMIN_KINDS = ["Editors", "Moderators", "redacteur-beta"]


@pytest.mark.parametrize("kind", ADMIN_KINDS)
def test_admin_shows_alfas_klussen_to_nobody_outside_alfa(network, klussen, library, kind):
    client = client_for(kind, network)
    alfa = [k for (employer, _), k in klussen.items() if employer == "alfa"]
    for klus in alfa:
        for url in object_urls(klus):
            response = client.get(url)
            assert response.status_code in (302, 403, 404), (url, response.status_code)
            assert WORD not in body(response), url
    for url in ["/admin/pages/search/?q=Klus", "/admin/choose-page/search/?q=Klus",
                "/admin/choose-page/search/?q=Klus&page_type=klussen.kluspage",
                f"/admin/choose-page/{network['alfa'].pk}/", "/admin/choose-page/?page_type=klussen.kluspage",
                f"/admin/api/main/pages/?child_of={network['alfa'].pk}&for_explorer=1",
                "/admin/api/main/pages/?search=Klus", "/admin/klusreacties/"]:
        text = body(client.get(url))
        assert not re.search(rf"{WORD} Alfa", text), url


def test_employer_editors_and_coordinators_see_their_klussen_in_the_admin(network, klussen):
    own = client_for("redacteur-alfa", network)
    found = body(own.get("/admin/choose-page/search/?q=Klus"))
    assert f"Klus open {WORD} Alfa" in found and f"{WORD} Beta" not in found
    assert own.get(f"/admin/pages/{klussen[('alfa', 'concept')].pk}/edit/").status_code == 200
    coordinator = client_for("coordinator", network)
    found = body(coordinator.get("/admin/choose-page/search/?q=Klus"))
    assert f"Klus open {WORD} Alfa" in found and f"Klus open {WORD} Beta" in found
