"""Klussen in every state for the network of vacatures.tests.fixtures (employers Alfa and Beta).

STATES: name -> fields. Titles are 'Klus <state> <Employer>' plus a word only klussen use ("Knotwilg"),
so a test can search for it and know that any hit is a klus."""

from datetime import timedelta

from home.site_setup import ensure_klus_index
from klussen.models import KlusPage
from vacatures import phases

TODAY = phases.local_date()
WORD = "Knotwilg"  # in every klus title and text, in nothing else

STATES = {
    "open": dict(closes_in=14),
    "open-op-afstand": dict(closes_in=20, op_afstand=True, uren_per_week=4, duur_weken=30),
    "verlopen": dict(closes_in=-1),  # past its closing date, no outcome yet
    "ingevuld-eigen": dict(closes_in=10, afgesloten_op=TODAY, uitkomst="ingevuld", ingevuld_door="self"),
    "ingevuld-ander": dict(closes_in=10, afgesloten_op=TODAY, uitkomst="ingevuld", ingevuld_door="other"),
    "niet-ingevuld": dict(closes_in=-3, afgesloten_op=TODAY - timedelta(days=2), uitkomst="niet_ingevuld"),
    "ingetrokken": dict(closes_in=5, afgesloten_op=TODAY, uitkomst="ingetrokken"),
    "concept": dict(closes_in=14, live=False),
}
OPEN = {"open", "open-op-afstand"}


def klus_factory(network):
    def make(employer, title, closes_in=14, live=True, ingevuld_door=None, **fields):
        page = network[employer]
        other = network["beta" if employer == "alfa" else "alfa"]
        values = dict(
            omschrijving=f"<p>Een tijdelijke opdracht met {WORD}.</p>", vaardigheden="Projectleiding\nPlannen",
            vakgebied="beleid", uren_per_week=16, duur_weken=8, startdatum=TODAY + timedelta(days=30),
            plaats=page.title, contactpersoon="K. Klaassen", contact_email=f"klussen@{employer}.example",
        )
        values.update(fields)
        if ingevuld_door:
            values["ingevuld_door"] = page if ingevuld_door == "self" else other
        klus = KlusPage(title=title, sluitingsdatum=TODAY + timedelta(days=closes_in), **values)
        klus.full_clean(exclude=["path", "depth", "slug"])
        page.add_child(instance=klus)
        if live:
            klus.save_revision().publish()
        else:
            klus.save_revision()
            klus.unpublish()
        return klus

    return make


def build_every_state(network):
    ensure_klus_index()
    make = klus_factory(network)
    return {
        (employer, state): make(employer, f"Klus {state} {WORD} {employer.capitalize()}", **fields)
        for employer in ("alfa", "beta")
        for state, fields in STATES.items()
    }
