"""The report's section on vacancy alerts: counts only; active alerts and mails for coordinators, vacancies
mailed (onder water / public) of the employers the reader sees."""

import re

from django.core import mail
from django.test import Client

from alerts.sending import run
from alerts.tests.helpers import subscribe
from vacatures.tests.fixtures import TODAY

URL = "/admin/rapportage/management/"


def section(html):
    """{term: number} of the report's alert figures."""
    block = re.search(r'<dl class="rapportage-kerncijfers" id="alertcijfers">(.*?)</dl>', html, re.S).group(1)
    return {dt: int(dd.replace(".", "")) for dt, dd in re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", block)}


def test_alert_figures_per_reader(admin_client, coordinator, editor_of, make_vacancy, network):
    for address in ("lid1@elders.example", "lid2@elders.example", "iemand@beta.example"):
        subscribe(address)
    subscribe("nooit@elders.example", frequentie="wekelijks")
    make_vacancy("alfa", "Openbaar", published_days_ago=0, closes_in=20, route="direct_openbaar")
    make_vacancy("alfa", "Onder water", published_days_ago=7, closes_in=30)  # netwerk from today
    mail.outbox.clear()
    run("dagelijks", today=TODAY)
    assert len(mail.outbox) == 3
    year = f"?van={TODAY.year}-01-01&tot={TODAY.year}-12-31"

    expected = {
        "Actieve alerts (aan het eind van de periode)": 4,
        "Alertmails verstuurd": 3,
        "Vacatures gemaild terwijl ze onder water waren": 1,
        "Vacatures gemaild terwijl ze openbaar waren": 1,
    }
    assert section(admin_client.get(URL + year).content.decode()) == expected
    client = Client()
    client.force_login(coordinator)
    assert section(client.get(URL + year).content.decode()) == expected

    client = Client()  # admin_client is the test's `client`: editors get clients of their own
    client.force_login(editor_of("alfa"))
    assert section(client.get(URL + year).content.decode()) == {
        "Vacatures gemaild terwijl ze onder water waren": 1, "Vacatures gemaild terwijl ze openbaar waren": 1,
    }
    client = Client()
    client.force_login(editor_of("beta"))
    assert section(client.get(URL + year).content.decode()) == {
        "Vacatures gemaild terwijl ze onder water waren": 0, "Vacatures gemaild terwijl ze openbaar waren": 0,
    }
    last_year = f"?van={TODAY.year - 1}-01-01&tot={TODAY.year - 1}-12-31"
    assert section(admin_client.get(URL + last_year).content.decode()) == dict.fromkeys(expected, 0)
