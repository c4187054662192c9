"""Each role sees only the admin menus it can work in (issue 18, item 3): no empty 'Projecten' for employers."""

import json
import re

import pytest
from django.contrib.auth.models import Group, Permission, User

from taxonomie.models import Organisatie, Regio
from vacatures.models import OrganisatiePage, WerkgeverRedactie
from vacatures.permissions import ensure_coordinators_group


def menu_urls(client, user):
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    props = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', html, re.S)
    text = json.dumps(json.loads(props.group(1)))
    return {url for url in ("/admin/projecten/", "/admin/vacatures/", "/admin/reacties/") if f'"{url}"' in text}


def member_of(name, group):
    user = User.objects.create_user(name, f"{name}@example.org", "x")
    user.groups.add(group)
    return user


@pytest.fixture
def library_editor(library):
    """Wagtail's own 'Editors' group: page permissions on the library only (home/groups.py)."""
    return member_of("bibliotheekredacteur", Group.objects.get(name="Editors"))


def test_employers_editor_sees_vacancies_and_reactions_but_no_projects(client, network, library):
    editor = member_of("redacteur-alfa", WerkgeverRedactie.objects.get(werkgever=network["alfa"]).group)
    assert menu_urls(client, editor) == {"/admin/vacatures/", "/admin/reacties/"}


def test_editor_of_a_new_employer_without_vacancies_can_still_reach_vacancies(client, network, library):
    page = network["werkgevers"].add_child(instance=OrganisatiePage(
        title="Gamma", slug="gamma", organisatie=Organisatie.objects.create(naam="Gamma"),
        regio=Regio.objects.get(naam="Twente"),
    ))
    editor = member_of("redacteur-gamma", WerkgeverRedactie.objects.get(werkgever=page).group)
    assert "/admin/vacatures/" in menu_urls(client, editor)


def test_coordinator_sees_vacancies_and_reactions_not_projects(client, network, library):
    coordinator = member_of("coordinator", ensure_coordinators_group(network["werkgevers"]))
    assert menu_urls(client, coordinator) == {"/admin/vacatures/", "/admin/reacties/"}


def test_library_editor_sees_projects_and_superuser_sees_both(client, network, library_editor):
    assert menu_urls(client, library_editor) == {"/admin/projecten/"}
    superuser = User.objects.create_superuser("beheer", "beheer@example.org", "x")
    assert menu_urls(client, superuser) == {"/admin/projecten/", "/admin/vacatures/", "/admin/reacties/"}


def test_someone_with_only_admin_access_sees_neither(client, network, library):
    user = User.objects.create_user("alleen-toegang", "t@example.org", "x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    assert menu_urls(client, user) == set()


def test_page_types_report_is_for_superusers_only(client, network, library, library_editor):
    """Wagtail's 'Page types usage' counts klussen and names internal vacancies: no other role opens it."""
    client.force_login(library_editor)
    assert client.get("/admin/reports/page-types-usage/").status_code == 302  # Wagtail's "no permission"
    assert client.get("/admin/reports/page-types-usage/results/").status_code == 302
    html = client.get("/admin/").content.decode()
    assert "/admin/reports/page-types-usage/" not in html
    client.force_login(User.objects.create_superuser("beheer", "beheer@example.org", "x"))
    report = client.get("/admin/reports/page-types-usage/")
    assert report.status_code == 200
    assert "Vacature" in report.content.decode()
    assert "/admin/reports/page-types-usage/" in client.get("/admin/").content.decode()
