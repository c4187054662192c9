"""The demo employees with profiles: made once, at their demo employers, and searchable by the others' HR."""

from django.http import QueryDict

from profielen.demo import DEMO_EMAILS, load_profiles, remove_profiles
from profielen.models import Profiel
from profielen.zoeken import profile_search
from vacatures.demo import load_twente
from vacatures.models import OrganisatiePage


def test_demo_profiles(network):
    load_twente(network["werkgevers"])
    assert load_profiles() == len(DEMO_EMAILS) == 5
    assert load_profiles() == 0
    assert all(email.rsplit(".", 1)[1] == "example" for email in DEMO_EMAILS)
    enschede = OrganisatiePage.objects.get(title="Gemeente Enschede")
    borne = OrganisatiePage.objects.get(title="Gemeente Borne")
    visible = Profiel.objects.filter(zichtbaar=True)
    # Enschede's HR: every visible card except its own employee's (Ahmed did not opt in for his employer)
    assert profile_search(enschede.pk, QueryDict()).total == visible.exclude(medewerker__werkgever=enschede).count() == 3
    assert profile_search(borne.pk, QueryDict()).total == 4
    remove_profiles()
    assert not Profiel.objects.exists()
