"""Two alerts for one address at the same moment, when it holds one fewer than the maximum: real concurrent
requests on PostgreSQL (SQLite runs one writing transaction at a time: skipped there). The first keeps its
transaction open; the second waits for the address's lock, then counts the first one's alert and is refused."""

import pytest
from django.db import connection
from django.test import Client

from alerts.models import MAX_PER_ADDRESS, Alert
from alerts.tests.helpers import alert_link, save
from home.tests.concurrency import race

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="adviesvergrendeling: alleen PostgreSQL")

ADDRESS = "lid@elders.example"


@pytest.mark.django_db(transaction=True)
def test_two_alerts_at_once_never_pass_the_maximum(network, make_vacancy):
    make_vacancy("alfa", "Beleidsadviseur wonen")
    for n in range(MAX_PER_ADDRESS - 1):
        Alert.objects.create(email=ADDRESS, criteria={"q": f"woord{n}"}, criteria_sleutel=f"k{n}",
                             frequentie="dagelijks")
    links = [alert_link(Client(), "/vacatures/?vakgebied=beleid"), alert_link(Client(), "/vacatures/?q=wonen")]
    responses = []
    waited = race(*(lambda link=link: responses.append(save(Client(), link, ADDRESS)) for link in links))
    assert waited >= 0.5  # the second request waited for the first one's commit
    first, second = (response.content.decode() for response in responses)
    assert "Bevestig je vacaturealert" in first
    assert f"al {MAX_PER_ADDRESS} vacaturealerts" in second
    assert Alert.objects.filter(email=ADDRESS).count() == MAX_PER_ADDRESS
