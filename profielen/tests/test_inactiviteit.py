"""Inactivity, with a settable clock (`bewaartermijnen --nu`): warnings 4 weeks and 1 week before the
profile is switched off at 6 months without sign-in, then deleted (with its CV) at 12 months."""

from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from conftest import make_pdf, sign_in
from medewerkers.models import Medewerker
from profielen.models import Profiel
from profielen.tests.helpers import profile_form

SIGNED_IN = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)  # UTC: whole days, whatever daylight saving does


def run(moment):
    mail.outbox.clear()
    out = StringIO()
    call_command("bewaartermijnen", "--alleen", "profielen", "--nu", moment.isoformat(), stdout=out)
    return out.getvalue()


@pytest.fixture
def profiel(network):
    employee = sign_in("slaper@alfa.example")
    pdf = SimpleUploadedFile("cv.pdf", make_pdf("Slaper"), "application/pdf")
    employee.post("/medewerkers/profiel/", {**profile_form(), "cv": pdf})
    Medewerker.objects.filter(email="slaper@alfa.example").update(laatst_ingelogd=SIGNED_IN)
    return Profiel.objects.get()


def test_warnings_switch_off_and_delete(profiel):
    off_at = SIGNED_IN + timedelta(days=183)
    assert run(off_at - timedelta(weeks=4, days=1)).startswith("0 gewaarschuwd")
    assert not mail.outbox

    assert run(off_at - timedelta(weeks=4)).startswith("1 gewaarschuwd")
    assert [m.to for m in mail.outbox] == [["slaper@alfa.example"]]
    assert "gaat binnenkort uit" in mail.outbox[0].subject and "12 maanden" in mail.outbox[0].body
    assert run(off_at - timedelta(weeks=3)).startswith("0 gewaarschuwd")  # once per warning

    assert run(off_at - timedelta(weeks=1)).startswith("1 gewaarschuwd")
    assert len(mail.outbox) == 1
    assert run(off_at - timedelta(days=3)).startswith("0 gewaarschuwd")
    profiel.refresh_from_db()
    assert profiel.zichtbaar

    assert "1 uitgezet" in run(off_at)
    assert "staat uit" in mail.outbox[0].subject
    profiel.refresh_from_db()
    assert not profiel.zichtbaar and profiel.uitgezet_wegens_inactiviteit == off_at
    assert run(off_at + timedelta(days=30)) == "0 gewaarschuwd, 0 uitgezet, 0 verwijderd.\n"

    cv = profiel.cv.name
    assert storages["private"].exists(cv)
    assert "0 verwijderd" in run(SIGNED_IN + timedelta(days=364))
    assert "1 verwijderd" in run(SIGNED_IN + timedelta(days=365))
    assert not Profiel.objects.exists() and not storages["private"].exists(cv)


def test_signing_in_again_starts_a_new_period(profiel):
    off_at = SIGNED_IN + timedelta(days=183)
    run(off_at - timedelta(weeks=1))
    assert len(mail.outbox) == 1
    again = off_at - timedelta(days=2)
    Medewerker.objects.filter(pk=profiel.medewerker_id).update(laatst_ingelogd=again)
    assert run(off_at + timedelta(days=1)) == "0 gewaarschuwd, 0 uitgezet, 0 verwijderd.\n"
    # the new period warns again
    assert run(again + timedelta(days=183) - timedelta(weeks=4)).startswith("1 gewaarschuwd")


def test_a_profile_that_is_off_gets_no_warning_but_is_still_deleted(profiel):
    Profiel.objects.update(zichtbaar=False)
    assert run(SIGNED_IN + timedelta(days=183)) == "0 gewaarschuwd, 0 uitgezet, 0 verwijderd.\n"
    assert "1 verwijderd" in run(SIGNED_IN + timedelta(days=400))

