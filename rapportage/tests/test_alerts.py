"""The report's section on vacancy alerts: counts only; active alerts and mails for coordinators, vacancies
mailed (onder water / public) of the employers the reader sees."""

import re
from datetime import datetime, time, timedelta

from django.core import mail
from django.test import Client
from django.utils import timezone
from django.utils.formats import date_format

from alerts.models import AlertVerzending
from alerts.sending import run
from alerts.tests.helpers import subscribe
from rapportage.tests.test_views import body_of, csv_rows, table
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


def test_a_row_per_month_and_the_whole_period(admin_client, editor_of, make_vacancy, network):
    for address in ("lid1@elders.example", "lid2@elders.example"):
        subscribe(address)
    make_vacancy("alfa", "Openbaar", published_days_ago=0, closes_in=20, route="direct_openbaar")
    mail.outbox.clear()
    run("dagelijks", today=TODAY)
    # One of the two mails went out last month (as if the run had been then).
    first_of_month = TODAY.replace(day=1)
    last_month = (first_of_month - timedelta(days=1)).replace(day=1)
    moved = AlertVerzending.objects.filter(soort="vacatures").first()
    AlertVerzending.objects.filter(pk=moved.pk).update(
        verzonden_op=timezone.make_aware(datetime.combine(last_month + timedelta(days=3), time(7))),
    )
    period = f"?van={last_month.isoformat()}&tot={TODAY.isoformat()}"
    html = admin_client.get(URL + period).content.decode()
    rows = body_of(table(html, "tabel-alerts"))
    month_names = [date_format(last_month, "F Y"), date_format(TODAY, "F Y")]
    # Active at each month's end: both alerts were confirmed today, so none at the end of last month.
    assert rows == [
        [month_names[0], 0, 1, 0, 1],
        [month_names[1], 2, 1, 0, 1],
        ["Hele periode", 2, 2, 0, 1],  # the same vacancy in both mails counts once for the period
    ]
    export = csv_rows(admin_client.get(URL + period + "&export=csv&tabel=alerts"))
    assert export[0] == ["Maand", "Actieve alerts (eind van de maand)", "Alertmails verstuurd",
                         "Vacatures gemaild onder water", "Vacatures gemaild openbaar"]
    assert len(export) == 4
    client = Client()
    client.force_login(editor_of("alfa"))  # an employer's editor: the vacancies only, no network-wide counts
    rows = body_of(table(client.get(URL + period).content.decode(), "tabel-alerts"))
    assert rows == [[month_names[0], 0, 1], [month_names[1], 0, 1], ["Hele periode", 0, 1]]
