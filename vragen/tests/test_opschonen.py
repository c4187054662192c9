"""Retention: `bewaartermijnen` deletes a question 12 months after its (first) answer, a never-answered one
12 months after receipt; FAQ entries made from a question stay (they hold no personal data)."""

from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.test import Client

from kern.one_time_link import token_hash
from vragen.models import Draadlink, FaqVraag, Onderwerp, Status, Vraag

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2027, 6, 15, 3, 0, tzinfo=AMS)


def question(name, received, answered=None):
    vraag = Vraag.objects.create(
        onderwerp=Onderwerp.objects.get_or_create(naam="Loopbaan")[0], naam=name, email=f"{name}@thuis.example",
        vraag="?", ontvangen=received, beantwoord_op=answered, antwoord="Ja." if answered else "",
        status=Status.BEANTWOORD if answered else Status.NIEUW,
    )
    return vraag


@pytest.mark.django_db
def test_questions_are_deleted_twelve_months_after_the_answer():
    keep = [
        question("net-niet", datetime(2026, 5, 1, tzinfo=AMS), datetime(2026, 6, 15, 3, 1, tzinfo=AMS)),
        question("oud-maar-laat-beantwoord", datetime(2025, 1, 1, tzinfo=AMS), datetime(2027, 1, 1, tzinfo=AMS)),
        question("open-recent", datetime(2027, 1, 1, tzinfo=AMS)),
    ]
    gone = [
        question("net-wel", datetime(2026, 5, 1, tzinfo=AMS), datetime(2026, 6, 15, 2, 59, tzinfo=AMS)),
        question("open-oud", datetime(2026, 6, 14, tzinfo=AMS)),
    ]
    faq = FaqVraag.objects.create(onderwerp=gone[0].onderwerp, vraag="Geanonimiseerd", antwoord="Ja.",
                                  gepubliceerd=True, bron=gone[0])
    token = "een-draadlink"
    Draadlink.objects.create(vraag=gone[0], hash=token_hash(token))

    out = StringIO()
    call_command("bewaartermijnen", "--alleen", "vragen", "--nu", NOW.isoformat(), stdout=out)
    assert out.getvalue().strip() == "2 vragen verwijderd."
    assert set(Vraag.objects.values_list("naam", flat=True)) == {q.naam for q in keep}
    assert not Draadlink.objects.exists()
    faq.refresh_from_db()
    assert faq.bron is None and faq.gepubliceerd
    assert "Geanonimiseerd" in Client().get("/vragen/").content.decode()
    assert Client().get(f"/vragen/draad/{token}/").status_code == 410

    call_command("bewaartermijnen", "--alleen", "vragen", "--nu", NOW.isoformat(), stdout=out)  # a second run: nothing more
    assert Vraag.objects.count() == 3
