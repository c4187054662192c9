"""Shared helpers for the profile tests: a third employer, HR users of each kind, and a filled-in profile form."""

from django.contrib.auth.models import Group, User
from django.test import Client

from taxonomie.models import Organisatie, Regio
from vacatures.models import OrganisatiePage, WerkgeverRedactie
from vacatures.permissions import ensure_coordinators_group


def add_employer(network, name, regio_name="Twente"):
    regio, _ = Regio.objects.get_or_create(naam=regio_name, defaults={"slug": regio_name.lower()})
    page = network["werkgevers"].add_child(instance=OrganisatiePage(
        title=name, slug=name.lower(), organisatie=Organisatie.objects.create(naam=name), regio=regio,
        email_domeinen=f"{name.lower()}.example", standaard_plaats=name,
    ))
    page.save_revision().publish()
    network[name.lower()] = page
    return page


def hr_client(kind, network):
    """A signed-in admin user: "hr-alfa" (Alfa's editors), "Editors", "Moderators", "coordinator", "superuser"."""
    username = f"u-{kind}"
    existing = User.objects.filter(username=username).first()
    if existing:
        client = Client()
        client.force_login(existing)
        return client
    if kind == "superuser":
        user = User.objects.create_superuser(username, f"{kind}@example.org", "x")
    else:
        user = User.objects.create_user(username, f"{kind}@example.org", "x")
    if kind.startswith("hr-"):
        user.groups.add(WerkgeverRedactie.objects.get(werkgever=network[kind[3:]]).group)
    elif kind == "coordinator":
        user.groups.add(ensure_coordinators_group(network["werkgevers"]))
    elif kind != "superuser":
        user.groups.add(Group.objects.get(name=kind))
    client = Client()
    client.force_login(user)
    return client


def profile_form(**changes):
    data = {
        "naam": "Jolanda Veenstra", "functie": "Beleidsadviseur wonen", "vakgebied": "beleid",
        "salarisschaal": "10", "uren": "32", "plaatsen": "Enschede", "open_vacature": "on",
        "beschikbaar_vanaf": "", "vaardigheden_invoer": "projectleiding, woningbouw",
        "tekst": "Ik werk graag aan betaalbare woningen in de regio.", "zichtbaar": "on",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def body(response):
    return (b"".join(response.streaming_content) if response.streaming else response.content).decode()
