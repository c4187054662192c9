"""The demo's events: a week with activities (some registrations), an employees-only event and a past event
with its follow-up text; loading twice adds nothing; verwijder_demo counts and removes them."""

from agenda.choices import Doelgroep
from agenda.demo import load_events
from agenda.models import Aanmelding, EvenementPage
from home.demo import demo_summary, mark_demo, remove_demo
from home.site_setup import ensure_agenda_page


def test_demo_events(db, client):
    assert load_events(ensure_agenda_page(), mark=mark_demo) == 3
    assert load_events(ensure_agenda_page(), mark=mark_demo) == 0
    week = EvenementPage.objects.get(slug="week-van-de-mobiliteit")
    assert week.activiteiten.count() == 4 and week.is_openbaar
    workshop = week.activiteiten.get(titel__startswith="Workshop")
    assert workshop.is_vol and client.get(week.url).status_code == 200
    employees = EvenementPage.objects.get(doelgroep=Doelgroep.MEDEWERKERS)
    assert client.get(employees.url).status_code == 404
    past = EvenementPage.objects.past().get()
    assert past.nabericht and "deelnemers" in client.get("/agenda/afgelopen/").content.decode()
    assert demo_summary()["evenementen"] == 3
    assert remove_demo()["evenementen"] == 3
    assert not EvenementPage.objects.exists() and not Aanmelding.objects.exists()
