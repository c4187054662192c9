"""/klussen/ exists on every install: the data migration klussen.0002 and the site setup share one helper
(klussen/setup.py), which is idempotent and leaves a tree Wagtail can keep building on."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from wagtail.models import Page

from conftest import sign_in
from home.models import HomePage
from home.site_setup import ensure_home, ensure_klus_index, ensure_vacancy_pages
from klussen.models import KlusIndexPage
from klussen.setup import ensure_klus_index as helper


def historical_apps():
    """The app registry as klussen.0002 sees it: historical models, no treebeard methods."""
    return MigrationExecutor(connection).loader.project_state(("klussen", "0002_klussenoverzicht")).apps


def test_the_migration_creates_klussen_under_an_existing_home_page_once(db):
    home = ensure_home()
    KlusIndexPage.objects.all().delete()  # an install from before klussen
    home.refresh_from_db()
    assert not KlusIndexPage.objects.exists()

    created = helper(historical_apps())
    assert helper(historical_apps()).pk == created.pk  # a second run creates nothing
    assert KlusIndexPage.objects.count() == 1
    index = KlusIndexPage.objects.get()
    assert index.get_parent().pk == home.pk and index.live and index.url_path == f"{home.url_path}klussen/"
    assert Page.find_problems() == ([], [], [], [], [])  # paths, depth and numchild are as treebeard keeps them
    # the tree grows on: the admin and the site setup add pages next to it
    werkgevers, _ = ensure_vacancy_pages()
    assert {p.slug for p in HomePage.objects.get().get_children()} >= {"klussen", "werkgevers", "vacatures"}
    assert Page.find_problems() == ([], [], [], [], [])
    assert ensure_klus_index().pk == index.pk
    response = Client().get("/klussen/")  # an anonymous visitor gets the sign-in prompt, no klussen
    assert response.status_code == 200 and "klussen" not in response.context


def test_without_a_home_page_nothing_is_created(db):
    HomePage.objects.all().delete()
    assert helper(historical_apps()) is None
    assert not KlusIndexPage.objects.exists()


def test_a_new_home_page_comes_with_klussen(db, network):
    assert KlusIndexPage.objects.count() == 1
    employee = sign_in("iemand@alfa.example")
    response = employee.get("/klussen/")
    assert response.status_code == 200 and "klussen" in response.context
