"""The demo's stories (verhalen/demo.py): five, linked to a vacancy, klus, training, library project and swap,
each part of the visibility rule shown; loading twice adds nothing; verwijder_demo removes them."""

import io

import pytest
from django.core.management import call_command
from django.test import Client

from conftest import sign_in
from home.models import DemoInhoud
from verhalen.choices import Onderwerp
from verhalen.models import VerhaalPage
from verhalen.visibility import PAGE_TYPES


@pytest.mark.django_db(transaction=True)
def test_load_demo_writes_five_linked_stories():
    call_command("load_demo", stdout=io.StringIO())
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "0 nieuwe ervaringsverhalen" in out.getvalue()

    stories = list(VerhaalPage.objects.live())
    assert len(stories) == 5
    kinds = set()
    for story in stories:
        links = list(story.koppelingen.all())
        assert links and story.werkgevers.exists(), story.title
        for link in links:
            kinds.add(Onderwerp.RUIL if link.ruil_id else PAGE_TYPES[type(link.pagina.specific)])
    assert kinds == set(Onderwerp)
    assert DemoInhoud.objects.filter(object_id__in=[s.pk for s in stories]).count() == 5

    klus_only = [s for s in stories if {PAGE_TYPES.get(type(k.pagina.specific)) for k in s.koppelingen.all()
                                        if k.pagina_id} == {Onderwerp.KLUS}]
    assert len(klus_only) == 1
    anonymous = Client().get("/verhalen/")
    assert anonymous.context["search"].total == 4
    employee = sign_in("iemand@enschede.example")
    assert employee.get("/verhalen/").context["search"].total == 5
    klus = klus_only[0].koppelingen.get().pagina
    assert klus_only[0].title in employee.get(klus.url).content.decode()
    assert klus_only[0].title not in anonymous.content.decode()

    out = io.StringIO()
    call_command("verwijder_demo", "--dry-run", stdout=out)
    assert "5 ervaringsverhalen" in out.getvalue()
    call_command("verwijder_demo", stdout=io.StringIO())
    assert not VerhaalPage.objects.exists()
