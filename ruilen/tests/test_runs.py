"""The nightly `ruil_matches`: pairs and rings stored once, each new match mailed once over repeated runs,
matches that stop fitting, and the offers' retention."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from ruilen.models import Aanbodtelling, Deelname, Ruil, Ruilaanbod

from .conftest import make_offer


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """Run the nightly command (mail tasks queued after its commits run); (addresses mailed, its output)."""

    def go():
        mail.outbox.clear()
        out = io.StringIO()
        with django_capture_on_commit_callbacks(execute=True):
            call_command("ruil_matches", stdout=out)
        return sorted(message.to[0] for message in mail.outbox), out.getvalue()

    return go


def offers(network):
    """A pair (Alfa–Beta) and a ring of three (Gamma → Delta → Beta → Gamma); Gamma's offer would also take a
    communications job."""
    return {
        "p1": make_offer(network, "alfa", "p1@alfa.example", vakgebied="hr", wens_vakgebieden=["beleid"]),
        "p2": make_offer(network, "beta", "p2@beta.example", vakgebied="beleid", wens_vakgebieden=["hr"]),
        "r1": make_offer(network, "gamma", "r1@gamma.example", vakgebied="ict",
                         wens_vakgebieden=["juridisch", "communicatie"]),
        "r2": make_offer(network, "delta", "r2@delta.example", vakgebied="financien", wens_vakgebieden=["ict"]),
        "r3": make_offer(network, "beta", "r3@beta.example", vakgebied="juridisch", wens_vakgebieden=["financien"]),
    }


def key(kind, *offers):
    return f"{kind}:" + "-".join(str(o.pk) for o in offers)


def test_each_new_match_is_stored_and_mailed_once(swap_network, run):
    made = offers(swap_network)
    p1, p2, r1, r2, r3 = (made[k] for k in ("p1", "p2", "r1", "r2", "r3"))
    expected_first = sorted(o.medewerker.email for o in made.values())  # everybody is in exactly one match

    sent, output = run()
    assert sent == expected_first
    assert "2 nieuw, 2 gemeld" in output
    ring_key = "ring:" + "-".join(str(pk) for pk in _rotated([r1.pk, r2.pk, r3.pk]))
    assert set(Ruil.objects.values_list("sleutel", flat=True)) == {key("paar", *sorted([p1, p2], key=lambda o: o.pk)),
                                                                   ring_key}
    ring = Ruil.objects.get(sleutel=ring_key)
    assert [d.aanbod_id for d in ring.ordered_deelnames()] == list(_rotated([r1.pk, r2.pk, r3.pk]))

    assert run()[0] == []  # nothing new, nothing mailed
    assert run()[0] == []

    # A second ring through Gamma's offer: Gamma → Alfa (techniek) → Delta (communicatie) → Gamma.
    e = make_offer(swap_network, "alfa", "e@alfa.example", vakgebied="techniek", wens_vakgebieden=["ict"])
    f = make_offer(swap_network, "delta", "f@delta.example", vakgebied="communicatie", wens_vakgebieden=["techniek"])
    sent, _ = run()
    assert sent == sorted(["r1@gamma.example", "e@alfa.example", "f@delta.example"])
    assert Ruil.objects.count() == 3
    assert Ruil.objects.filter(sleutel="ring:" + "-".join(str(pk) for pk in _rotated([r1.pk, e.pk, f.pk]))).exists()
    assert Deelname.objects.filter(aanbod=r1).count() == 2  # the offer that matches in two rings
    assert run()[0] == []

    # A ring that stops fitting is kept but no longer current; when it fits again it is not mailed again.
    Ruilaanbod.objects.filter(pk=r3.pk).update(vakgebied="hr")
    assert run()[0] == []
    ring.refresh_from_db()
    assert not ring.actueel
    Ruilaanbod.objects.filter(pk=r3.pk).update(vakgebied="juridisch")
    assert run()[0] == []
    ring.refresh_from_db()
    assert ring.actueel and Ruil.objects.count() == 3


def _rotated(ids):
    first = ids.index(min(ids))
    return tuple(ids[first:] + ids[:first])


def test_offers_unchanged_for_a_year_are_deleted_and_still_counted(swap_network, run):
    made = offers(swap_network)
    Ruilaanbod.objects.filter(pk=made["p1"].pk).update(gewijzigd=timezone.now() - timedelta(days=366))
    Ruilaanbod.objects.filter(pk=made["p2"].pk).update(gewijzigd=timezone.now() - timedelta(days=364))
    _, output = run()
    assert "1 verlopen aanbiedingen verwijderd" in output
    assert not Ruilaanbod.objects.filter(pk=made["p1"].pk).exists()
    assert Ruilaanbod.objects.filter(pk=made["p2"].pk).exists()
    assert Aanbodtelling.objects.count() == 5  # the report still counts it
