"""The network of vacatures/tests (Alfa in Twente, Beta in Gelderland), an empty employer and report readers."""

import pytest
from django.contrib.auth.models import Group, Permission, User

from taxonomie.models import Organisatie, Regio
from vacatures.models import OrganisatiePage, VacaturePage, WerkgeverRedactie
from vacatures.permissions import COORDINATORS


def add_gamma(network):
    """A participating employer in Twente without a single vacancy."""
    page = network["werkgevers"].add_child(instance=OrganisatiePage(
        title="Gamma", slug="gamma", organisatie=Organisatie.objects.create(naam="Gamma"),
        regio=Regio.objects.get(naam="Twente"),
    ))
    page.save_revision().publish()
    return page


@pytest.fixture
def gamma(network):
    return add_gamma(network)


def exact_vacancy_factory(make_vacancy):
    """set_vacancy("alfa", "Titel", date(2024, 3, 1), vervuld_op=..., vervuld_door=...): a vacancy with exact dates."""

    def make(employer, title, publicatiedatum, vervuld_op=None, vervuld_door="", live=True, **fields):
        vacancy = make_vacancy(employer, title, live=live, **fields)
        VacaturePage.objects.filter(pk=vacancy.pk).update(
            publicatiedatum=publicatiedatum, sluitingsdatum=publicatiedatum, vervuld_op=vervuld_op,
            vervuld_door=vervuld_door,
        )
        if not live:  # a draft that never went live
            VacaturePage.objects.filter(pk=vacancy.pk).update(live=False, first_published_at=None)
        return vacancy

    return make


@pytest.fixture
def set_vacancy(make_vacancy):
    return exact_vacancy_factory(make_vacancy)


def admin_user(name):
    user = User.objects.create_user(name, f"{name}@example.org", "x")
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return user


@pytest.fixture
def coordinator(network):  # noqa: F811
    user = admin_user("coordinator")
    group, _ = Group.objects.get_or_create(name=COORDINATORS)
    user.groups.add(group)
    return user


@pytest.fixture
def editor_of(network):  # noqa: F811
    def make(employer_key):
        user = User.objects.create_user(f"redacteur-{employer_key}", f"r@{employer_key}.example", "x")
        user.groups.add(WerkgeverRedactie.objects.get(werkgever=network[employer_key]).group)
        return user

    return make


@pytest.fixture
def outsider(network):  # noqa: F811
    """In the admin, but neither a coordinator nor anyone's editor."""
    return admin_user("buitenstaander")
