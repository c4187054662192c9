"""Retention: an alert not confirmed within 7 days is deleted; 12 months without opening or change bring one
mail asking to keep it; without an answer within 30 days it is deleted; keeping it starts the clock again."""

from datetime import timedelta

from django.core import mail
from django.test import Client
from django.utils import timezone

from alerts.models import Alert
from alerts.sending import cleanup
from alerts.tests.helpers import alert_link, confirmation_link, mails_to, save, subscribe
from conftest import link_in_mail

OUTSIDE = "lid@elders.example"


def test_unconfirmed_alert_is_deleted_after_seven_days(network):
    client = Client()
    save(client, alert_link(client), OUTSIDE)
    link = confirmation_link(OUTSIDE)
    now = timezone.now()
    assert cleanup(now + timedelta(days=6, hours=23)).onbevestigd == 0
    assert cleanup(now + timedelta(days=7, minutes=1)).onbevestigd == 1
    assert not Alert.objects.exists()
    assert client.post(link).status_code == 410


def test_a_confirmation_link_older_than_seven_days_confirms_nothing(network):
    client = Client()
    save(client, alert_link(client), OUTSIDE)
    link = confirmation_link(OUTSIDE)
    Alert.objects.update(aangemaakt=timezone.now() - timedelta(days=8))
    assert client.post(link).status_code == 410
    assert Alert.objects.get().bevestigd_op is None


def test_twelve_months_quiet_one_question_then_deleted_after_thirty_days(network):
    subscribe(OUTSIDE)
    mail.outbox.clear()
    now = timezone.now()
    assert cleanup(now + timedelta(days=364)).bewaarvragen == 0
    year = now + timedelta(days=366)
    assert cleanup(year).bewaarvragen == 1
    assert cleanup(year + timedelta(days=1)).bewaarvragen == 0  # asked once
    [question] = mails_to(OUTSIDE)
    assert question.subject == "Wil je je vacaturealert houden?"
    assert question.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert cleanup(year + timedelta(days=29)).verlopen == 0
    assert cleanup(year + timedelta(days=30, minutes=1)).verlopen == 1
    assert not Alert.objects.exists()


def test_keeping_it_starts_the_twelve_months_again(network):
    subscribe(OUTSIDE)
    mail.outbox.clear()
    year = timezone.now() + timedelta(days=366)
    cleanup(year)
    keep = link_in_mail(mails_to(OUTSIDE)[0].body, r"/vacaturealerts/[\w-]+/")
    client = Client()
    client.get(keep)  # opening alone (or a scanner) keeps nothing
    assert Alert.objects.get().bewaarvraag_op is not None
    assert client.post(keep, {"frequentie": "dagelijks"}).status_code == 200
    alert = Alert.objects.get()
    assert alert.bewaarvraag_op is None
    assert cleanup(year + timedelta(days=31)).verlopen == 0
    assert Alert.objects.exists()
