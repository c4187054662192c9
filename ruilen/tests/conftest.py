"""Employers Alfa (Twente) and Beta (Gelderland) of vacatures/tests, plus Gamma and Delta; offers by form or ORM."""

from datetime import date

import pytest
from django.contrib.auth.models import Group, Permission, User

from medewerkers.models import Medewerker
from ruilen.models import Aanbodtelling, Ruilaanbod
from taxonomie.models import Organisatie, Regio
from vacatures.models import OrganisatiePage, WerkgeverRedactie
from vacatures.roles import COORDINATORS


def add_employer(network, name, regio="Twente"):
    page = network["werkgevers"].add_child(instance=OrganisatiePage(
        title=name, slug=name.lower(), organisatie=Organisatie.objects.create(naam=name),
        regio=Regio.objects.get(naam=regio), email_domeinen=f"{name.lower()}.example", standaard_plaats=name,
    ))
    page.save_revision().publish()
    network[name.lower()] = page
    return page


@pytest.fixture
def swap_network(network):
    add_employer(network, "Gamma")
    add_employer(network, "Delta", regio="Gelderland")
    return network


FORM = {
    "naam": "Anna de Vries", "functie": "HR-adviseur", "vakgebied": "hr", "schaal": "10", "uren": "32",
    "plaats": "Enschede", "vroegste_start": "2027-03-01", "maanden": "3", "wens_vakgebieden": ["beleid"],
    "wens_plaatsen": "", "toelichting": "Ik wil graag een tijdje beleid maken.",
}


def form_data(**changes):
    return {**FORM, **changes}


def make_offer(network, employer, email, **fields):
    """An offer stored directly (as the form would: employer from the employee, counted for the report)."""
    medewerker, _ = Medewerker.objects.get_or_create(email=email, defaults={"werkgever": network[employer]})
    values = {key: value for key, value in FORM.items()}
    values.update(schaal=10, uren=32, maanden=3, wens_vakgebieden=["beleid"])
    values.pop("vroegste_start")
    values.update(fields)
    values.setdefault("vroegste_start", date(2027, 3, 1))
    offer = Ruilaanbod.objects.create(medewerker=medewerker, werkgever=network[employer], **values)
    Aanbodtelling.objects.create(werkgever=network[employer], aangeboden_op=offer.aangemaakt.date())
    return offer


def admin_user(name, email=None):
    user = User.objects.create_user(name, email or f"{name}@example.org", "x")
    user.user_permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    return user


def coordinator_user():
    user = admin_user("coordinator", "coordinator@example.org")
    user.groups.add(Group.objects.get_or_create(name=COORDINATORS)[0])
    return user


def editor_user(network, employer):
    user = User.objects.create_user(f"redacteur-{employer}", f"redactie@{employer}.example", "x")
    user.groups.add(WerkgeverRedactie.objects.get(werkgever=network[employer]).group)
    return user


def default_group_user(name):
    """A member of one of Wagtail's default groups (Editors, Moderators), which can reach the admin."""
    user = User.objects.create_user(name.lower(), f"{name.lower()}@example.org", "x")
    user.groups.add(Group.objects.get(name=name))
    return user
