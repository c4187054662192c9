"""The School's demo: full sessions, waiting lists, past sessions, a target per employer, and never anyone
waiting for a session that has a free place."""

from django.utils import timezone

from home.site_setup import ensure_training_pages
from opleidingen.demo import TRAININGS, load_school
from opleidingen.models import Doelstelling, Inschrijving, Sessie
from vacatures.models import OrganisatiePage


def test_demo_catalogue(network):
    trainings, registrations = load_school(ensure_training_pages())
    assert trainings == len(TRAININGS) and registrations == Inschrijving.objects.count() > 0
    assert load_school(ensure_training_pages()) == (0, 0)  # a second run adds nothing
    now = timezone.now()
    sessions = list(Sessie.objects.with_places())
    assert any(s.start < now for s in sessions)
    assert any(s.start > now and s.bezet == s.capaciteit and not s.wachtend for s in sessions)
    assert any(s.start > now and s.wachtend for s in sessions)
    for sessie in sessions:
        assert sessie.bezet <= sessie.capaciteit
        assert not sessie.wachtend or sessie.bezet == sessie.capaciteit
    year = timezone.localdate().year
    assert Doelstelling.objects.filter(jaar=year).count() == OrganisatiePage.objects.count() == 2
    for inschrijving in Inschrijving.objects.select_related("medewerker"):
        assert inschrijving.werkgever_id == inschrijving.medewerker.werkgever_id
        assert inschrijving.medewerker.email.endswith(".example")
