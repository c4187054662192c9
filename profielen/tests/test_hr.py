"""HR finds people: who sees which card (list, count, facet count, card URL, invitation form), for every role;
the invitation, accept and decline; what HR sees before and after; the audit log and the employee's statistics.

Four employees, each with a profile made through the real form:
- Beta-1 (Beta): on, for other employers only;
- Beta-2 (Beta): on, also for the own employer;
- Alfa-1 (Alfa): off (the default);
- Gamma-1 (Gamma): on, hidden from Alfa.
"""

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from conftest import link_in_mail, make_pdf, sign_in
from home.site_setup import ensure_klus_index
from klussen.tests.fixtures import TODAY, klus_factory
from profielen.models import Logregel, Profiel, Uitnodiging, Weergave
from profielen.tests.helpers import add_employer, body, hr_client, profile_form
from reacties.models import UITNODIGING, KlusReactie, Reactie

URL = "/medewerkers/profiel/"
ADMIN = "/admin/profielen/"

PROFILES = {
    # marker: (email, vakgebied, extra form fields)
    "Kraanvogel": ("kraan@beta.example", "ict", {}),
    "Roerdomp": ("roer@beta.example", "financien", {"zichtbaar_eigen_werkgever": "on"}),
    "Grutto": ("grutto@alfa.example", "juridisch", {"zichtbaar": None}),
    "Kievit": ("kievit@gamma.example", "hr", {"verborgen_voor": "ALFA"}),
}
# Which employer's HR may see which card (computed by hand from the rules, not by the code under test).
SEES = {
    "alfa": {"Kraanvogel", "Roerdomp"},
    "beta": {"Roerdomp", "Kievit"},
    "gamma": {"Kraanvogel", "Roerdomp"},
}


@pytest.fixture
def world(network, make_vacancy):
    add_employer(network, "Gamma", "Gelderland")
    clients = {}
    for marker, (email, vakgebied, extra) in PROFILES.items():
        extra = {k: (network["alfa"].pk if v == "ALFA" else v) for k, v in extra.items()}
        employee = sign_in(email)
        pdf = SimpleUploadedFile("cv.pdf", make_pdf(f"Cv van {marker}"), "application/pdf")
        data = profile_form(
            naam=f"Naam{marker} Achternaam", functie=f"Functie {marker}", vakgebied=vakgebied, **extra,
        )
        response = employee.post(URL, {**data, "cv": pdf})
        assert response.status_code == 302, body(response)
        clients[marker] = employee
    network["clients"] = clients
    network["vacature"] = make_vacancy(
        "alfa", "Adviseur Wonen Alfa", published_days_ago=2, closes_in=25, contact_email="werving@alfa.example",
    )
    network["gesloten"] = make_vacancy("alfa", "Gesloten Alfa", published_days_ago=40, closes_in=-1)
    return network


def card_url(marker):
    return f"{ADMIN}kaart/{Profiel.objects.get(functie=f'Functie {marker}').kenmerk}/"


def personal(marker):
    profiel = Profiel.objects.select_related("medewerker").get(functie=f"Functie {marker}")
    return [profiel.naam, profiel.medewerker.email, profiel.cv.name.rsplit("/", 1)[-1]]


def employer_of(marker):
    return Profiel.objects.get(functie=f"Functie {marker}").medewerker.werkgever.title


def test_each_employer_sees_exactly_the_cards_the_rules_allow(world):
    for employer, expected in SEES.items():
        hr = hr_client(f"hr-{employer}", world)
        html = body(hr.get(ADMIN))
        shown = {marker for marker in PROFILES if f"Functie {marker}" in html}
        assert shown == expected, employer
        assert re.search(rf">{len(expected)} kaart", html), employer
        # the facet counts: each card's field of work counted once, hidden ones not at all
        for marker, (_, vakgebied, _) in PROFILES.items():
            count = re.search(rf'data-facet="vakgebied" data-waarde="{vakgebied}">(\d+)<', html)
            assert (int(count.group(1)) if count else 0) == (1 if marker in expected else 0), (employer, marker)
        # a filter on a hidden card's field gives nothing either
        for marker, (_, vakgebied, _) in PROFILES.items():
            filtered = body(hr.get(ADMIN, {"vakgebied": vakgebied}))
            assert re.search(rf">{1 if marker in expected else 0} kaart", filtered), (employer, marker)
        for marker in PROFILES:
            status = 200 if marker in expected else 404
            assert hr.get(card_url(marker)).status_code == status, (employer, marker)
            assert hr.get(card_url(marker) + "uitnodigen/").status_code == status, (employer, marker)
            assert hr.post(card_url(marker) + "uitnodigen/", {
                "doel": f"vacature-{world['vacature'].pk}", "bericht": "Hallo",
            }).status_code in ((302,) if marker in expected and employer == "alfa" else (200, 404)), (employer, marker)
        # nowhere a name, an e-mail address, the employer or the CV of any card
        for marker in PROFILES:
            for url in (ADMIN, card_url(marker), card_url(marker) + "uitnodigen/", ADMIN + "uitnodigingen/"):
                html = body(hr.get(url))
                for secret in personal(marker):
                    assert secret not in html, (employer, marker, url, secret)
                if employer_of(marker).lower() != employer:
                    assert employer_of(marker) not in html, (employer, marker, url)
    assert not Reactie.objects.exists()


def test_a_text_search_only_finds_visible_cards(world):
    hr = hr_client("hr-alfa", world)
    assert re.search(r">1 kaart", body(hr.get(ADMIN, {"q": "Kraanvogel"})))
    for hidden in ("Grutto", "Kievit"):
        assert re.search(r">0 kaarten", body(hr.get(ADMIN, {"q": hidden}))), hidden


@pytest.mark.parametrize("kind", ["Editors", "Moderators", "coordinator", "superuser"])
def test_roles_without_an_employer_see_no_cards(world, kind):
    client = hr_client(kind, world)
    for url in [ADMIN, ADMIN + "uitnodigingen/"] + [card_url(m) for m in PROFILES] + [
        card_url(m) + "uitnodigen/" for m in PROFILES
    ]:
        response = client.get(url)
        assert response.status_code in (302, 403, 404), (kind, url)
        html = body(response)
        for marker in PROFILES:
            assert f"Functie {marker}" not in html
            for secret in personal(marker):
                assert secret not in html
    assert "Profielen zoeken" not in body(client.get("/admin/"))


def test_employees_and_anonymous_visitors_reach_no_admin_card(world, client):
    for who in (client, world["clients"]["Kraanvogel"]):
        for url in [ADMIN] + [card_url(m) for m in PROFILES]:
            response = who.get(url)
            assert response.status_code in (302, 403, 404)
            assert "Functie" not in body(response)


def test_invite_accept_reveals_name_email_and_cv_only_then(world):
    hr = hr_client("hr-alfa", world)
    search = body(hr.get(ADMIN, {"vakgebied": "ict"}))
    card_link = re.search(r'href="(/admin/profielen/kaart/[^"]+)"', search).group(1).replace("&amp;", "&")
    card = body(hr.get(card_link))
    invite_link = re.search(r'href="(/admin/profielen/kaart/[^"]+/uitnodigen/[^"]*)"', card).group(1).replace("&amp;", "&")
    form = body(hr.get(invite_link))
    assert "Adviseur Wonen Alfa" in form and "Gesloten Alfa" not in form
    mail.outbox.clear()
    response = hr.post(invite_link, {"doel": f"vacature-{world['vacature'].pk}", "bericht": "Wij zoeken iemand zoals jij."})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["kraan@beta.example"] and not message.cc and not message.bcc
    assert "Wij zoeken iemand zoals jij." in message.body and "u-hr-alfa" not in message.body

    listing = body(hr.get(ADMIN + "uitnodigingen/"))
    for secret in personal("Kraanvogel"):
        assert secret not in listing
    assert "anoniem" in listing
    for page in (search, card, form, listing):
        assert "/cv/" not in page  # no link to the CV either

    employee = world["clients"]["Kraanvogel"]
    link = link_in_mail(message.body, r"/medewerkers/profiel/uitnodigingen/\d+/")
    page = employee.get(link)
    assert "Accepteren" in body(page) and Uitnodiging.objects.get().status == "open"  # GET shows buttons only
    assert world["clients"]["Roerdomp"].get(link).status_code == 404  # someone else's invitation
    mail.outbox.clear()
    employee.post(link, {"antwoord": "accepteren"})
    # As for any reaction: the contact hears of it, and the employee gets what was sent with a deletion link.
    assert sorted(m.to[0] for m in mail.outbox) == ["kraan@beta.example", "werving@alfa.example"]
    confirmation = next(m for m in mail.outbox if m.to == ["kraan@beta.example"])
    assert confirmation.subject == "Je reactie op Adviseur Wonen Alfa"
    deletion = link_in_mail(confirmation.body, r"/vacatures/reageren/verwijderen/[\w-]+/")
    export = json.loads(employee.get("/medewerkers/profiel/export/").content)
    [sent] = export["reacties_op_vacatures"]
    assert (sent["vacature"], sent["naam"], sent["e-mailadres"]) == (
        "Adviseur Wonen Alfa", "NaamKraanvogel Achternaam", "kraan@beta.example")
    assert sent["cv"] == personal("Kraanvogel")[2]

    reactie = Reactie.objects.get()
    assert reactie.herkomst == UITNODIGING and reactie.vacature == world["vacature"]
    assert reactie.naam == "NaamKraanvogel Achternaam" and reactie.email == "kraan@beta.example"
    listing = body(hr.get(ADMIN + "uitnodigingen/"))
    assert "NaamKraanvogel Achternaam" in listing and "kraan@beta.example" in listing
    cv_link = re.search(r'href="(/admin/reacties/\d+/cv/)"', listing).group(1)
    assert b"".join(hr.get(cv_link).streaming_content).startswith(b"%PDF-")
    assert "NaamKraanvogel" in body(hr.get("/admin/reacties/"))
    # Beta's HR (not inviting) still sees nothing of it
    beta = hr_client("hr-beta", world)
    assert "NaamKraanvogel" not in body(beta.get("/admin/reacties/"))
    assert beta.get(cv_link).status_code == 404
    # The deletion link from the confirmation removes the reaction and its copy of the CV at once.
    cv_copy = reactie.cv.path
    Client().post(deletion)
    assert not Reactie.objects.exists() and not Path(cv_copy).exists()


def test_decline_reveals_nothing(world):
    hr = hr_client("hr-alfa", world)
    hr.post(card_url("Roerdomp") + "uitnodigen/", {"doel": f"vacature-{world['vacature'].pk}", "bericht": "Interesse?"})
    link = link_in_mail(mail.outbox[-1].body, r"/medewerkers/profiel/uitnodigingen/\d+/")
    employee = world["clients"]["Roerdomp"]
    mail.outbox.clear()
    employee.post(link, {"antwoord": "afwijzen"})
    assert Uitnodiging.objects.get().status == "afgewezen" and not mail.outbox
    employee.post(link, {"antwoord": "accepteren"})  # an answer is final
    assert Uitnodiging.objects.get().status == "afgewezen"
    assert not Reactie.objects.exists()
    listing = body(hr.get(ADMIN + "uitnodigingen/"))
    assert "Afgewezen" in listing
    for secret in personal("Roerdomp"):
        assert secret not in listing
        assert secret not in body(hr.get("/admin/reacties/"))


def test_audit_log_for_coordinators_and_statistics_per_employer_for_the_employee(world):
    hr = hr_client("hr-alfa", world)
    hr.get(ADMIN)
    hr.get(ADMIN)
    hr.get(card_url("Kraanvogel"))
    hr.post(card_url("Kraanvogel") + "uitnodigen/", {"doel": f"vacature-{world['vacature'].pk}", "bericht": "Hallo"})
    assert list(Logregel.objects.order_by("moment").values_list("actie", flat=True)) == [
        "zoeken", "zoeken", "kaart", "uitnodiging",
    ]
    assert {r.gebruiker.username for r in Logregel.objects.all()} == {"u-hr-alfa"}

    coordinator = hr_client("coordinator", world)
    log = body(coordinator.get(ADMIN + "logboek/"))
    assert log.count("u-hr-alfa") == 4 and "Alfa" in log
    for secret in personal("Kraanvogel"):
        assert secret not in log
    for kind in ("hr-alfa", "Editors", "Moderators"):
        assert hr_client(kind, world).get(ADMIN + "logboek/").status_code in (302, 403)

    export = world["clients"]["Kraanvogel"].get(URL + "export/").json()
    assert [r["actie"] for r in export["logboek"]] == ["Kaart bekeken", "Uitnodiging verstuurd"]
    assert {r["werkgever"] for r in export["logboek"]} == {"Alfa"} and "u-hr-alfa" not in str(export)
    assert sum(w["in_zoekresultaat"] for w in export["weergaven"]) == 2 and len(export["uitnodigingen"]) == 1

    # The last 90 days are today and the 89 before: a view 89 days ago counts, one 90 days ago does not.
    profiel = Profiel.objects.get(functie="Functie Kraanvogel")
    today = timezone.localdate()
    Weergave.objects.create(profiel=profiel, werkgever=world["alfa"], datum=today - timedelta(days=89),
                            in_zoekresultaat=5, geopend=3)
    Weergave.objects.create(profiel=profiel, werkgever=world["alfa"], datum=today - timedelta(days=90),
                            in_zoekresultaat=100, geopend=100)
    own = body(world["clients"]["Kraanvogel"].get(URL))
    row = re.search(r"<td class=\"utrecht-table__cell\">Alfa</td><td[^>]*>(\d+)</td><td[^>]*>(\d+)</td>", own)
    assert row and row.groups() == ("7", "4")
    assert "u-hr-alfa" not in own and "Adviseur Wonen Alfa" in own
    # a card that was never shown has no statistics
    assert "Nog geen enkele werkgever zag je kaart" in body(world["clients"]["Grutto"].get(URL))


def test_switching_off_or_hiding_removes_a_card_at_once(world):
    hr = hr_client("hr-alfa", world)
    assert "Functie Kraanvogel" in body(hr.get(ADMIN))
    employee = world["clients"]["Kraanvogel"]
    employee.post(URL, profile_form(naam="NaamKraanvogel Achternaam", functie="Functie Kraanvogel", vakgebied="ict",
                                    verborgen_voor=world["alfa"].pk))
    html = body(hr.get(ADMIN))
    assert "Functie Kraanvogel" not in html and re.search(r">1 kaart", html)
    assert hr.get(card_url("Kraanvogel")).status_code == 404


def test_no_public_channel_shows_a_card(world, client):
    """Site search, suggestions, sitemap, API and the admin's own search: cards are in none of them."""
    hr = hr_client("hr-alfa", world)
    who = [client, world["clients"]["Grutto"], hr]
    for marker in PROFILES:
        for visitor in who:
            for url in (f"/zoeken/?q={marker}", f"/zoeken/suggesties?q={marker}", "/sitemap.xml",
                        f"/api/v2/pages/?search={marker}", f"/admin/search/?q={marker}"):
                response = visitor.get(url)
                assert f"Functie {marker}" not in body(response), (url, marker)
                for secret in personal(marker):
                    assert secret not in body(response), (url, marker)


def test_an_employee_who_moves_to_the_employer_disappears_from_its_search(world):
    hr = hr_client("hr-alfa", world)
    assert "Functie Kraanvogel" in body(hr.get(ADMIN))
    medewerker = Profiel.objects.get(functie="Functie Kraanvogel").medewerker
    medewerker.werkgever = world["alfa"]
    medewerker.save()
    html = body(hr.get(ADMIN))
    assert "Functie Kraanvogel" not in html and re.search(r">1 kaart", html)


def test_an_editor_of_two_employers_searches_for_one_at_a_time(world):
    from django.contrib.auth.models import User

    from vacatures.models import WerkgeverRedactie

    hr = hr_client("hr-alfa", world)
    User.objects.get(username="u-hr-alfa").groups.add(WerkgeverRedactie.objects.get(werkgever=world["beta"]).group)
    as_beta = body(hr.get(ADMIN, {"werkgever": world["beta"].pk}))
    assert "Functie Kievit" in as_beta and "Functie Kraanvogel" not in as_beta
    as_alfa = body(hr.get(ADMIN, {"werkgever": world["alfa"].pk}))
    assert "Functie Kraanvogel" in as_alfa and "Functie Kievit" not in as_alfa
    # an employer the user does not edit is ignored: the first of their own (Alfa) is used
    forged = body(hr.get(ADMIN, {"werkgever": world["gamma"].pk}))
    assert "Functie Kievit" not in forged
    assert Logregel.objects.filter(werkgever=world["beta"]).count() == 1


# --------------------------------------------------------------------------- invitations to klussen


@pytest.fixture
def klussen(world):
    ensure_klus_index()
    make = klus_factory(world)
    world["klus"] = make("alfa", "Kwartiermaker Alfa", contact_email="klussen@alfa.example")
    world["klus_dicht"] = make("alfa", "Klus dicht Alfa", afgesloten_op=TODAY, uitkomst="ingetrokken")
    world["klus_beta"] = make("beta", "Klus van Beta")
    return world


def test_invite_to_a_klus_accept_reveals_name_email_and_cv_only_then(klussen):
    world = klussen
    hr = hr_client("hr-alfa", world)
    invite_link = card_url("Kraanvogel") + "uitnodigen/"
    form = body(hr.get(invite_link))
    # the editor picks one of their open vacancies or open klussen; nothing closed, nothing of another employer
    assert "Adviseur Wonen Alfa" in form and "Kwartiermaker Alfa" in form
    assert "Klus dicht Alfa" not in form and "Klus van Beta" not in form and "Gesloten Alfa" not in form
    assert '<optgroup label="Klussen">' in form
    forged = hr.post(invite_link, {"doel": f"klus-{world['klus_beta'].pk}", "bericht": "Hallo"})
    assert forged.status_code == 200 and not Uitnodiging.objects.exists()
    mail.outbox.clear()
    hr.post(invite_link, {"doel": f"klus-{world['klus'].pk}", "bericht": "Een klus voor jou?"})
    invitation = Uitnodiging.objects.get()
    assert (invitation.klus_id, invitation.vacature_id) == (world["klus"].pk, None)
    assert Logregel.objects.get(actie="uitnodiging").details == f"klus {world['klus'].pk}"
    message = mail.outbox[0]
    assert message.to == ["kraan@beta.example"] and "de klus ‘Kwartiermaker Alfa’" in message.body

    def hr_pages():
        return body(hr.get(ADMIN + "uitnodigingen/")) + body(hr.get("/admin/klusreacties/"))

    for secret in personal("Kraanvogel"):
        assert secret not in hr_pages()
    employee = world["clients"]["Kraanvogel"]
    link = link_in_mail(message.body, r"/medewerkers/profiel/uitnodigingen/\d+/")
    page = body(employee.get(link))
    assert "Voor de klus" in page and "Kwartiermaker Alfa" in page
    assert world["klus"].akkoord_leidinggevende and "Heb je dit met je leidinggevende besproken?" in page
    mail.outbox.clear()
    # the klus needs the manager's agreement: accepting without answering the question is refused, nothing sent
    refused = employee.post(link, {"antwoord": "accepteren"})
    assert "Zeg of je de klus met je leidinggevende hebt besproken." in body(refused)
    assert Uitnodiging.objects.get().status == "open" and not KlusReactie.objects.exists() and not mail.outbox
    employee.post(link, {"antwoord": "accepteren", "besproken": "nee"})
    reactie = KlusReactie.objects.get()
    assert (reactie.klus_id, reactie.herkomst, reactie.besproken) == (world["klus"].pk, UITNODIGING, "nee")
    assert (reactie.naam, reactie.email) == ("NaamKraanvogel Achternaam", "kraan@beta.example")
    assert Uitnodiging.objects.get().klus_reactie == reactie and not Reactie.objects.exists()
    assert sorted(m.to[0] for m in mail.outbox) == ["klussen@alfa.example", "kraan@beta.example"]

    listing = body(hr.get(ADMIN + "uitnodigingen/"))
    assert "NaamKraanvogel Achternaam" in listing and "kraan@beta.example" in listing
    cv_link = re.search(r'href="(/admin/reacties/klus/\d+/cv/)"', listing).group(1)
    assert b"".join(hr.get(cv_link).streaming_content).startswith(b"%PDF-")
    assert "NaamKraanvogel" in body(hr.get("/admin/klusreacties/"))
    beta = hr_client("hr-beta", world)
    assert "NaamKraanvogel" not in body(beta.get("/admin/klusreacties/"))
    assert beta.get(cv_link).status_code == 404
    # the one-click reaction afterwards finds the accepted invitation's reaction: "al gereageerd"
    again = employee.post(f"/medewerkers/profiel/klus/{world['klus'].pk}/reageren/", {"besproken": "ja"})
    assert "Je hebt al gereageerd" in body(again) and KlusReactie.objects.count() == 1


def test_declining_a_klus_invitation_reveals_nothing(klussen):
    world = klussen
    hr = hr_client("hr-alfa", world)
    hr.post(card_url("Roerdomp") + "uitnodigen/", {"doel": f"klus-{world['klus'].pk}", "bericht": "Interesse?"})
    link = link_in_mail(mail.outbox[-1].body, r"/medewerkers/profiel/uitnodigingen/\d+/")
    employee = world["clients"]["Roerdomp"]
    mail.outbox.clear()
    employee.post(link, {"antwoord": "afwijzen"})
    employee.post(link, {"antwoord": "accepteren"})  # an answer is final
    assert Uitnodiging.objects.get().status == "afgewezen" and not mail.outbox
    assert not KlusReactie.objects.exists() and not Reactie.objects.exists()
    for page in (ADMIN + "uitnodigingen/", "/admin/klusreacties/", "/admin/reacties/"):
        html = body(hr.get(page))
        for secret in personal("Roerdomp"):
            assert secret not in html, page
    export = employee.get(URL + "export/").json()
    assert export["uitnodigingen"][0]["klus"] == "Kwartiermaker Alfa"
