"""Admin isolation: an editor of employer A cannot see, add, edit, publish or delete B's vacancies.
Also: the employer's group is created when it joins, the add form's defaults, the coordinators' export."""

import csv
import io
from datetime import timedelta

import pytest
from django.contrib.auth.models import User

from vacatures import phases
from vacatures.models import VacaturePage, WerkgeverRedactie
from vacatures.tests import fixtures

# The network is made once for the module; what a test writes is rolled back after it.
network = fixtures.network_from_module


@pytest.fixture
def editor_of(network):
    def make(employer_key):
        group = WerkgeverRedactie.objects.get(werkgever=network[employer_key]).group
        user = User.objects.create_user(f"redacteur-{employer_key}", f"r@{employer_key}.example", "x")
        user.groups.add(group)
        return user

    return make


RICH_TEXT = (
    '{"blocks":[{"key":"a","text":"Tekst","type":"unstyled","depth":0,"inlineStyleRanges":[],'
    '"entityRanges":[]}],"entityMap":{}}'
)


def vacancy_form(vacancy, **changes):
    data = {
        "title": vacancy.title, "slug": vacancy.slug, "dienstverband": vacancy.dienstverband,
        "vakgebied": vacancy.vakgebied, "opleidingsniveau": vacancy.opleidingsniveau,
        "uren_min": vacancy.uren_min, "uren_max": vacancy.uren_max, "salarisschaal": vacancy.salarisschaal or "",
        "salaris_min": vacancy.salaris_min or "", "salaris_max": vacancy.salaris_max or "",
        "werkplaats": vacancy.werkplaats, "vacaturenummer": vacancy.vacaturenummer,
        "publicatieroute": vacancy.publicatieroute, "publicatiedatum": vacancy.publicatiedatum.isoformat(),
        "sluitingsdatum": vacancy.sluitingsdatum.isoformat(), "start_netwerk": "", "start_openbaar": "",
        "contactpersoon": vacancy.contactpersoon, "contact_telefoon": "", "contact_email": "",
        "reageer_url": "", "reageer_email": "", "omschrijving": RICH_TEXT,
    }
    data.update(changes)
    return data


def test_joining_creates_the_editors_group_with_page_permissions(network):
    group = WerkgeverRedactie.objects.get(werkgever=network["alfa"]).group
    codenames = set(group.page_permissions.filter(page=network["alfa"]).values_list("permission__codename", flat=True))
    assert codenames == {"add_page", "change_page", "publish_page", "delete_page"}
    assert group.permissions.filter(codename="access_admin").exists()


def test_editor_of_a_works_on_a(client, editor_of, make_vacancy):
    own = make_vacancy("alfa", "Eigen vacature")
    client.force_login(editor_of("alfa"))
    form = vacancy_form(own, title="Eigen vacature bijgewerkt", **{"action-publish": "1"})
    response = client.post(f"/admin/pages/{own.pk}/edit/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    own.refresh_from_db()
    assert own.title == "Eigen vacature bijgewerkt" and own.live
    assert client.get(f"/admin/pages/add/vacatures/vacaturepage/{own.werkgever_id}/").status_code == 200


def test_editor_of_a_is_refused_everything_on_b(client, editor_of, make_vacancy, network):
    theirs = make_vacancy("beta", "Vacature van Beta")
    make_vacancy("alfa", "Vacature van Alfa")
    client.force_login(editor_of("alfa"))

    # Add under B
    add_url = f"/admin/pages/add/vacatures/vacaturepage/{network['beta'].pk}/"
    assert client.get(add_url).status_code in (302, 403)
    count = VacaturePage.objects.count()
    client.post(add_url, vacancy_form(theirs, title="Ingeslopen", slug="ingeslopen", **{"action-publish": "1"}))
    assert VacaturePage.objects.count() == count

    # Edit and publish B's vacancy
    edit_url = f"/admin/pages/{theirs.pk}/edit/"
    assert client.get(edit_url).status_code in (302, 403)
    client.post(edit_url, vacancy_form(theirs, title="Gekaapt", **{"action-publish": "1"}))
    theirs.refresh_from_db()
    assert theirs.title == "Vacature van Beta"
    assert theirs.get_latest_revision().content["title"] == "Vacature van Beta"

    # Unpublish and delete
    client.post(f"/admin/pages/{theirs.pk}/unpublish/")
    client.post(f"/admin/pages/{theirs.pk}/delete/")
    theirs.refresh_from_db()
    assert theirs.live

    # Not even visible in the admin listing or the explorer
    listing = client.get("/admin/vacatures/").content.decode()
    assert "Vacature van Alfa" in listing and "Vacature van Beta" not in listing
    assert client.get(f"/admin/pages/{network['beta'].pk}/").status_code in (302, 403)


def test_add_form_is_prefilled_from_the_employer(admin_client, network):
    response = admin_client.get(f"/admin/pages/add/vacatures/vacaturepage/{network['alfa'].pk}/")
    form = response.context["form"]
    today = phases.local_date()
    assert form.initial["publicatiedatum"] == today
    assert form.initial["sluitingsdatum"] == today + timedelta(weeks=4)
    assert form.initial["werkplaats"] == "Alfa"


def test_copy_starts_a_new_vacancy_with_fresh_dates(admin_client, make_vacancy, network):
    old = make_vacancy("alfa", "Oude vacature", published_days_ago=60, closes_in=-20)
    admin_client.post(f"/admin/pages/{old.pk}/copy/", {
        "new_title": "Nieuwe vacature", "new_slug": "nieuwe-vacature", "new_parent_page": network["alfa"].pk,
    })
    copy = VacaturePage.objects.get(slug="nieuwe-vacature")
    today = phases.local_date()
    assert copy.publicatiedatum == today and copy.sluitingsdatum == today + timedelta(weeks=4)
    assert copy.start_netwerk == today + timedelta(days=7) and not copy.live
    assert copy.vacaturenummer == ""


def test_coordinator_listing_filters_and_exports(admin_client, every_phase):
    response = admin_client.get("/admin/vacatures/?export=csv&open=gesloten")
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert sorted(r["Functietitel"] for r in rows) == sorted(
        v.title for (_, phase), v in every_phase.items() if phase in ("gesloten", "nooit-openbaar-gesloten")
    )
    html = admin_client.get("/admin/vacatures/?fase=netwerk").content.decode()
    assert "Verborgen netwerk Alfa" in html and "Zichtbaar openbaar Alfa" not in html
    assert admin_client.get("/admin/vacatures/?export=xlsx").status_code == 200
