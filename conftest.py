"""Shared fixtures: the site tree and a factory for project pages."""

import pytest

from home.site_setup import ensure_library
from projecten.models import ProjectMateriaal, ProjectOrganisatie, ProjectPage
from taxonomie.models import Organisatie, Thema


@pytest.fixture
def library(db):
    return ensure_library()


@pytest.fixture
def make_project(library):
    """Create and publish a project: make_project("Titel", orgs=["Ede"], thema="Vitaliteit", ...)."""

    def make(title, orgs=("Ede",), thema=None, ronde="", start=None, start_p="", end=None, end_p="",
             samenvatting="", materiaal=(), live=True, **extra):
        page = ProjectPage(
            title=title, subsidieronde=ronde, samenvatting=samenvatting,
            looptijd_start=start, looptijd_start_precisie=start_p or ("dag" if start else ""),
            looptijd_eind=end, looptijd_eind_precisie=end_p or ("dag" if end else ""),
            thema=Thema.objects.get_or_create(naam=thema)[0] if thema else None, **extra,
        )
        for name in orgs:
            page.organisaties.add(ProjectOrganisatie(organisatie=Organisatie.objects.get_or_create(naam=name)[0]))
        for soort, titel in materiaal:
            page.materiaal.add(ProjectMateriaal(soort=soort, titel=titel))
        library.add_child(instance=page)
        if live:
            page.save_revision().publish()
        else:
            page.unpublish()
        return page

    return make


@pytest.fixture
def admin_client(client, db):
    """A client signed in as a superuser."""
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_superuser("beheer", "beheer@example.org", "x"))
    return client


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits and the listing cache live in the cache: every test starts with an empty one."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
