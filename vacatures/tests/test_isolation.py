"""Admin isolation between employers, for every kind of user that is not B's own editor or a coordinator:
A's editors and Wagtail's default groups (Editors, Moderators). Every object URL of employer B, the
admin search, the page chooser (search and browse), the bulk actions and the coordinators' listing and
export must neither show nor change B's internal vacancies. Wagtail's default groups keep working in
the library (/inspiratie/), with the ‘Moderators approval’ workflow."""

import csv
import io

import openpyxl
import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.test import Client
from wagtail.models import GroupPagePermission, Page, WorkflowPage

from home.groups import LIBRARY_PAGE_PERMISSIONS, scope_default_groups
from home.site_setup import ensure_library, ensure_vacancy_pages
from vacatures.models import VacaturePage, WerkgeverRedactie
from vacatures.tests.test_admin import vacancy_form

SECRET = "Zwaluwstaart"  # in the titles of B's hidden vacancies only
KINDS = ["redacteur-alfa", "Editors", "Moderators"]


@pytest.fixture
def site(network, library, make_vacancy):
    """The network with the library, and B's vacancies in the phases nobody outside B may see."""
    concept = make_vacancy("beta", f"Concept {SECRET} Beta", live=False)  # public dates, but a draft
    concept.save_revision()
    concept.unpublish()
    return {
        **network,
        "library": library,
        "intern": make_vacancy("beta", f"Intern {SECRET} Beta", published_days_ago=2, closes_in=25),
        "netwerk": make_vacancy("beta", f"Netwerk {SECRET} Beta", published_days_ago=10, closes_in=20),
        "concept": concept,
        "openbaar": make_vacancy("beta", "Openbaar Pelikaan Beta", published_days_ago=30, closes_in=10),
        "eigen": make_vacancy("alfa", "Intern Kwikstaart Alfa", published_days_ago=2, closes_in=25),
    }


def user_in(kind, network):
    user = User.objects.create_user(f"u-{kind}", f"{kind}@example.org", "x")
    if kind == "redacteur-alfa":
        user.groups.add(WerkgeverRedactie.objects.get(werkgever=network["alfa"]).group)
    else:
        user.groups.add(Group.objects.get(name=kind))
    client = Client()
    client.force_login(user)
    return client


def body(response):
    return (b"".join(response.streaming_content) if response.streaming else response.content).decode()


def assert_hidden(response, url):
    assert SECRET not in body(response), url


def object_urls(page):
    pk = page.pk
    return [
        f"/admin/pages/{pk}/edit/", f"/admin/pages/{pk}/delete/", f"/admin/pages/{pk}/copy/",
        f"/admin/pages/{pk}/move/", f"/admin/pages/{pk}/unpublish/", f"/admin/pages/{pk}/history/",
        f"/admin/pages/{pk}/usage/", f"/admin/pages/{pk}/view_draft/", f"/admin/pages/{pk}/revisions/",
        f"/admin/pages/{pk}/revisions/compare/earliest...latest/", f"/admin/pages/{pk}/workflow_history/",
        f"/admin/pages/{pk}/edit/preview/", f"/admin/pages/{pk}/", f"/admin/pages/{pk}/add_subpage/",
        f"/admin/api/main/pages/{pk}/", f"/admin/choose-page/{pk}/",
    ]


@pytest.mark.parametrize("kind", KINDS)
def test_every_object_url_of_b_is_refused(site, kind):
    client = user_in(kind, site)
    for key in ("intern", "netwerk", "concept"):
        for url in object_urls(site[key]):
            response = client.get(url)
            assert response.status_code in (302, 403, 404), (url, response.status_code)
            assert_hidden(response, url)
    for url in object_urls(site["beta"])[:-1]:  # B's employer page itself (its title is public)
        assert client.get(url).status_code in (302, 403, 404), url


@pytest.mark.parametrize("kind", KINDS)
def test_b_cannot_be_changed(site, kind):
    client = user_in(kind, site)
    theirs = site["intern"]
    client.post(f"/admin/pages/{theirs.pk}/edit/", vacancy_form(theirs, title="Gekaapt", **{"action-publish": "1"}))
    client.post(f"/admin/pages/{theirs.pk}/unpublish/")
    client.post(f"/admin/pages/{theirs.pk}/delete/")
    client.post(f"/admin/pages/{theirs.pk}/lock/")
    client.post(f"/admin/pages/{theirs.pk}/copy/", {
        "new_title": "Kopie", "new_slug": "kopie", "new_parent_page": site["beta"].pk, "publish_copy": "on",
    })
    concept = site["concept"]
    client.post(f"/admin/bulk/wagtailcore/page/publish/?id={concept.pk}")
    theirs.refresh_from_db()
    concept.refresh_from_db()
    assert theirs.title == f"Intern {SECRET} Beta" and theirs.live and not theirs.locked
    assert theirs.get_latest_revision().content["title"] == theirs.title
    assert not concept.live
    assert not VacaturePage.objects.filter(slug="kopie").exists()


@pytest.mark.parametrize("kind", KINDS)
def test_search_chooser_and_bulk_actions_show_no_titles_of_b(site, kind):
    client = user_in(kind, site)
    ids = "&".join(f"id={site[k].pk}" for k in ("intern", "netwerk", "concept"))
    # The queries never spell SECRET out: the answer repeats the query.
    urls = [
        "/admin/pages/search/?q=Intern", "/admin/pages/search/?q=Beta", "/admin/pages/search/?q=Netwerk",
        f"/admin/pages/{site['werkgevers'].pk}/?q=Beta&search_all=1",
        f"/admin/pages/{site['library'].pk}/?q=Intern&search_all=1",
        "/admin/choose-page/search/?q=Zwaluw", "/admin/choose-page/search/?q=Beta",
        "/admin/choose-page/search/?q=Concept",
        "/admin/choose-page/search/?q=Beta&page_type=vacatures.vacaturepage",
        f"/admin/choose-page/{site['beta'].pk}/", "/admin/choose-page/?page_type=vacatures.vacaturepage",
        f"/admin/api/main/pages/?child_of={site['beta'].pk}&for_explorer=1",
        "/admin/api/main/pages/?search=Beta",
        f"/admin/bulk/wagtailcore/page/delete/?id=all&childOf={site['beta'].pk}",
        "/admin/reports/site-history/", "/admin/reports/aging-pages/", "/admin/reports/locked/",
        "/admin/vacatures/", "/admin/vacatures/?q=Beta", "/admin/vacatures/?export=csv",
    ] + [f"/admin/bulk/wagtailcore/page/{action}/?{ids}" for action in ("delete", "publish", "unpublish", "move")]
    for url in urls:
        assert_hidden(client.get(url), url)


@pytest.mark.parametrize("kind", KINDS)
def test_vacancy_export_shows_no_vacancy_of_b(site, kind):
    client = user_in(kind, site)
    response = client.get("/admin/vacatures/?export=xlsx")
    if response.status_code == 200:
        content = b"".join(response.streaming_content) if response.streaming else response.content
        titles = [row[0] for row in list(openpyxl.load_workbook(io.BytesIO(content)).active.values)[1:]]
        assert not any("Beta" in title for title in titles), titles
    else:
        assert response.status_code == 302
    response = client.get("/admin/vacatures/?export=csv")
    if response.status_code == 200:
        rows = list(csv.DictReader(io.StringIO(body(response).lstrip("\ufeff"))))
        assert not any("Beta" in row["Functietitel"] for row in rows), rows


def test_editor_of_a_still_finds_own_and_public_pages(site):
    client = user_in("redacteur-alfa", site)
    found = body(client.get("/admin/choose-page/search/?q=Kwikstaart"))
    assert "Intern Kwikstaart Alfa" in found
    assert "Openbaar Pelikaan Beta" in body(client.get("/admin/choose-page/search/?q=Pelikaan"))
    browsed = body(client.get(f"/admin/choose-page/{site['beta'].pk}/"))
    assert "Openbaar Pelikaan Beta" in browsed and SECRET not in browsed
    assert "Intern Kwikstaart Alfa" in body(client.get("/admin/pages/search/?q=Kwikstaart"))
    own = site["eigen"]
    confirm = client.get(f"/admin/bulk/wagtailcore/page/unpublish/?id={own.pk}&id={site['intern'].pk}")
    assert confirm.status_code == 200
    assert "Intern Kwikstaart Alfa" in body(confirm) and SECRET not in body(confirm)
    client.post(f"/admin/bulk/wagtailcore/page/unpublish/?id={own.pk}&id={site['intern'].pk}")
    own.refresh_from_db()
    site["intern"].refresh_from_db()
    assert not own.live and site["intern"].live
    # A bulk move cannot name B's page as destination: no title in the answer, nothing moved.
    other = site["openbaar"]
    response = client.post(f"/admin/bulk/wagtailcore/page/move/?id={own.pk}", {"chooser": site["intern"].pk})
    assert SECRET not in body(response)
    own.refresh_from_db()
    assert own.get_parent().pk == site["alfa"].pk and other.get_parent().pk == site["beta"].pk


def test_coordinator_and_superuser_still_see_everything(site, admin_client):
    found = body(admin_client.get("/admin/choose-page/search/?q=Zwaluw"))
    assert all(f"{word} {SECRET} Beta" in found for word in ("Intern", "Netwerk", "Concept"))
    assert SECRET in body(admin_client.get("/admin/vacatures/?export=csv"))


# --------------------------------------------------------------------------- the default groups' own place


def test_default_groups_hold_the_library_and_nothing_else(site):
    library = site["library"]
    for name, codenames in LIBRARY_PAGE_PERMISSIONS.items():
        permissions = GroupPagePermission.objects.filter(group__name=name)
        assert {(p.page_id, p.permission.codename) for p in permissions} == {(library.pk, c) for c in codenames}
    assert WorkflowPage.objects.get(page=library).workflow.name == "Moderators approval"
    assert not WorkflowPage.objects.filter(page__depth__lt=library.depth).exists()
    assert site["intern"].get_workflow() is None


def test_site_setup_takes_back_a_regranted_root(site):
    """An operator (or an old database) gives the default groups the root page again: the next site setup
    (load_demo, the importer) scopes them back to the library."""
    root = Page.get_first_root_node()
    editors = Group.objects.get(name="Editors")
    GroupPagePermission.objects.create(group=editors, page=root, permission_type="change")
    member = User.objects.create_user("lid", "lid@example.org", "x")
    member.groups.add(editors)
    assert site["intern"].permissions_for_user(member).can_edit()  # the hole, reopened
    ensure_library()
    ensure_vacancy_pages()
    assert not GroupPagePermission.objects.filter(group=editors, page=root).exists()
    assert not site["intern"].permissions_for_user(User.objects.get(pk=member.pk)).can_edit()
    scope_default_groups(apps)  # twice is the same as once
    assert GroupPagePermission.objects.filter(group=editors).count() == len(LIBRARY_PAGE_PERMISSIONS["Editors"])


def test_library_moderation_still_works(site, make_project):
    editor, moderator = user_in("Editors", site), user_in("Moderators", site)
    page = make_project("Nieuw project", live=False)
    assert editor.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    page.save_revision(user=User.objects.get(username="u-Editors"))
    page.get_workflow().start(page, User.objects.get(username="u-Editors"))
    task_state = page.current_workflow_task_state
    assert not page.permissions_for_user(User.objects.get(username="u-Editors")).can_publish()
    response = moderator.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
