"""`manage.py bewaartermijnen`: one nightly entry point for every retention period (home/retention.py). Each
app's rule has its own tests; these prove the entry point runs them all, and that one failing rule rolls back
its own changes, leaves the others applied and ends the command with an error and a log line."""

import logging
from datetime import datetime, timedelta
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command

from alerts.models import Alert
from home.management.commands import bewaartermijnen
from home.retention import TERMIJNEN, Termijn
from vragen.models import Onderwerp, Vraag

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2027, 6, 15, 3, 0, tzinfo=AMS)
RULES = ["reacties", "profielen", "inschrijvingen", "aanmeldingen", "vragen", "alerts", "ruilaanbod"]


def old_question(name):
    onderwerp = Onderwerp.objects.get_or_create(naam="Loopbaan")[0]
    return Vraag.objects.create(onderwerp=onderwerp, naam=name, email=f"{name}@thuis.example", vraag="?",
                                ontvangen=NOW - timedelta(days=400))


def unconfirmed_alert(days_old):
    return Alert.objects.create(email=f"a{days_old}@thuis.example", criteria={}, criteria_sleutel=str(days_old),
                                frequentie="dagelijks", aangemaakt=NOW - timedelta(days=days_old))


@pytest.mark.django_db
def test_one_run_applies_every_retention_period():
    old_question("oud")
    unconfirmed_alert(8)
    recent = unconfirmed_alert(6)
    out = StringIO()
    call_command("bewaartermijnen", "--nu", NOW.isoformat(), stdout=out)
    lines = out.getvalue().splitlines()
    assert [line.split(":")[0] for line in lines] == RULES
    assert "vragen: 1 vragen verwijderd." in lines
    assert lines[RULES.index("alerts")].startswith("alerts: 1 onbevestigde alerts verwijderd")
    assert not Vraag.objects.exists()
    assert list(Alert.objects.values_list("pk", flat=True)) == [recent.pk]


@pytest.mark.django_db
def test_a_failing_rule_changes_nothing_and_the_others_still_run(monkeypatch, caplog):
    old_question("blijft")

    def half_then_fail(now):
        Vraag.objects.all().delete()
        raise RuntimeError("schijf vol")

    broken = (Termijn("kapot", half_then_fail), *[t for t in TERMIJNEN if t.name == "alerts"])
    monkeypatch.setattr(bewaartermijnen, "TERMIJNEN", broken)
    unconfirmed_alert(8)
    out = StringIO()
    with caplog.at_level(logging.ERROR), pytest.raises(CommandError, match="Mislukt: kapot"):
        call_command("bewaartermijnen", "--nu", NOW.isoformat(), stdout=out)
    assert Vraag.objects.filter(naam="blijft").exists()  # the failed rule's delete was rolled back
    assert not Alert.objects.exists()  # the next rule ran
    assert out.getvalue().startswith("alerts: 1 onbevestigde")
    assert any(r.getMessage() == "bewaartermijn kapot mislukt" and r.exc_info for r in caplog.records)


def test_a_wrong_moment_is_a_clear_error():
    with pytest.raises(CommandError, match="--nu is geen datum en tijd: gisteren"):
        call_command("bewaartermijnen", "--nu", "gisteren")
