"""Saving an alert: from a result page (its search, in words) and from a vacancy (field and region); double
opt-in with a button (a scanner's GET confirms nothing); duplicates, at most 10, honeypot, rate limit."""

import re

import pytest
from django.core import mail
from django.test import Client

from alerts.models import MAX_PER_ADDRESS, Alert
from alerts.sending import run
from alerts.tests.helpers import alert_link, confirmation_link, save, went_live
from conftest import sign_in
from taxonomie.models import Regio


@pytest.fixture
def vacancies(make_vacancy):
    return {
        "beleid": went_live(make_vacancy("alfa", "Beleidsadviseur wonen"), days_ago=30),
        "ict": went_live(make_vacancy("beta", "Informatieadviseur", vakgebied="ict", dienstverband="tijdelijk",
                                      uren_min=16, uren_max=24), days_ago=30),
    }


def test_result_page_link_carries_the_search_and_the_form_says_it_in_words(client, vacancies):
    link = alert_link(client, "/vacatures/?q=wonen&dienstverband=vast&uren=32-36&organisatie=alfa&pagina=1")
    assert link.startswith("/vacaturealerts/nieuw/?")
    html = client.get(link).content.decode()
    assert "Alfa, Vast, 32 tot 36 uur, ‘wonen’" in html
    assert 'value=""' in re.search(r'<input[^>]+name="email"[^>]*>', html).group(0)


def test_confirmation_first_and_a_scanner_confirms_nothing(client, vacancies, make_vacancy):
    response = save(client, alert_link(client, "/vacatures/?dienstverband=vast"), "Lid@Elders.example")
    assert "Bevestig je vacaturealert" in response.content.decode()
    alert = Alert.objects.get()
    assert alert.email == "lid@elders.example"
    assert alert.criteria == {"dienstverband": ["vast"]}
    assert alert.bevestigd_op is None
    link = confirmation_link("lid@elders.example")
    make_vacancy("alfa", "Adviseur", published_days_ago=0, closes_in=20, route="direct_openbaar")
    run("dagelijks")
    assert len(mail.outbox) == 1  # the confirmation, nothing else: no vacancies before confirmation

    scanner = Client()
    page = scanner.get(link)
    assert page.status_code == 200 and "Bevestigen" in page.content.decode()
    assert scanner.head(link).status_code == 200
    alert.refresh_from_db()
    assert alert.bevestigd_op is None

    assert Client().post(link).status_code == 200
    alert.refresh_from_db()
    assert alert.bevestigd_op is not None
    run("dagelijks")
    assert [m.subject for m in mail.outbox][1:] == ["Nieuwe vacature: Adviseur"]


def test_signed_in_employee_finds_the_address_filled_in(network, vacancies):
    client = sign_in("iemand@alfa.example")
    html = client.get(alert_link(client)).content.decode()
    assert re.search(r'name="email"[^>]*value="iemand@alfa.example"', html)


def test_vacancy_page_offers_more_like_this(client, vacancies):
    html = client.get(vacancies["beleid"].url).content.decode()
    link = re.search(r'href="([^"]+)">Meer vacatures zoals deze per e-mail', html).group(1).replace("&amp;", "&")
    form = client.get(link).content.decode()
    assert "regio Twente, Beleid en advies" in form
    save(client, link, "lid@elders.example", "wekelijks")
    alert = Alert.objects.get()
    assert alert.criteria == {"regio": [Regio.objects.get(naam="Twente").pk], "vakgebied": ["beleid"]}
    assert alert.frequentie == "wekelijks"


def test_duplicate_refused_and_at_most_ten_per_address(client, vacancies):
    link = alert_link(client, "/vacatures/?vakgebied=beleid")
    save(client, link, "lid@elders.example")
    response = save(client, link, "LID@elders.example", "wekelijks")
    assert "al een vacaturealert met precies deze zoekopdracht" in response.content.decode()
    assert Alert.objects.count() == 1

    for hours in ("tot-16", "16-24", "24-32", "32-36", "36-plus", "tot-16&uren=16-24", "16-24&uren=24-32",
                  "24-32&uren=32-36", "32-36&uren=36-plus"):
        Alert.objects.create(email="lid@elders.example", criteria={"uren": hours}, criteria_sleutel=hours,
                             frequentie="dagelijks")
    assert Alert.objects.filter(email="lid@elders.example").count() == MAX_PER_ADDRESS
    response = save(client, alert_link(client, "/vacatures/?vakgebied=ict"), "lid@elders.example")
    assert "al 10 vacaturealerts" in response.content.decode()
    assert Alert.objects.count() == MAX_PER_ADDRESS


def test_honeypot_stores_nothing_and_the_rate_limit_holds(client, vacancies):
    link = alert_link(client, "/vacatures/?vakgebied=beleid")
    response = save(client, link, "bot@elders.example", website="http://spam.example")
    assert "Bevestig je vacaturealert" in response.content.decode()
    assert not Alert.objects.exists() and not mail.outbox
    for n in range(9):
        save(client, link, f"lid{n}@elders.example")
    assert save(client, link, "nog-een@elders.example").status_code == 429
    assert not Alert.objects.filter(email="nog-een@elders.example").exists()


def test_addresses_are_in_no_admin(admin_client, vacancies):
    """Alerts hold addresses: no admin lists them (neither Django's nor Wagtail's), not even for a superuser."""
    save(Client(), alert_link(Client(), "/vacatures/?vakgebied=beleid"), "lid@elders.example")
    assert admin_client.get("/django-admin/alerts/alert/").status_code == 404
    assert "lid@elders.example" not in admin_client.get("/admin/").content.decode()
    assert "lid@elders.example" not in admin_client.get("/admin/rapportage/management/").content.decode()
