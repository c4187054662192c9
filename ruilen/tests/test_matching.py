"""The matching rules on hand-built offers (pure Python, no database): pairs, rings, near misses on each rule."""

from dataclasses import replace
from datetime import date

import pytest

from ruilen.matching import PAIR, RING, Match, Offer, add_months, canonical_ring, find_matches, parse_key

START = date(2027, 1, 1)


def offer(id, werkgever, vakgebied, wens, plaats, wens_plaatsen=(), schaal=10, uren=36, regio="", start=START,
          maanden=3):
    return Offer(
        id=id, werkgever=werkgever, vakgebied=vakgebied, schaal=schaal, uren=uren, plaats=plaats, regio=regio,
        start=start, maanden=maanden, wens_vakgebieden=frozenset(wens), wens_plaatsen=frozenset(wens_plaatsen),
    )


# An HR adviser in Enschede (Twente) who wants policy work in Arnhem, and a policy adviser in Arnhem who wants HR
# work anywhere in Twente.
HR = offer(1, werkgever=100, vakgebied="hr", wens={"beleid"}, plaats="Enschede", regio="Twente",
           wens_plaatsen={"arnhem"})
BELEID = offer(2, werkgever=200, vakgebied="beleid", wens={"hr"}, plaats="Arnhem", regio="Gelderland",
               wens_plaatsen={"Twente"})


def keys(offers):
    return [m.key for m in find_matches(offers)]


def test_a_pair_whose_jobs_fit_each_others_wishes_matches_once():
    assert find_matches([HR, BELEID]) == [Match(PAIR, (1, 2))]
    assert keys([BELEID, HR]) == ["paar:1-2"]  # order of the input does not matter


@pytest.mark.parametrize("change, rule", [
    (dict(vakgebied="financien"), "field not wished"),
    (dict(plaats="Nijmegen", regio="Gelderland"), "place not wished"),
    (dict(schaal=12), "scales two steps apart"),
    (dict(uren=31), "hours 5 apart"),
    (dict(start=date(2027, 1, 2)), "overlap one day short of the shorter length"),
    (dict(werkgever=100), "same employer"),
])
def test_near_misses_on_each_rule(change, rule):
    assert find_matches([HR, replace(BELEID, **change)]) == [], rule


@pytest.mark.parametrize("change, rule", [
    (dict(schaal=11), "one step apart"),
    (dict(schaal=9), "one step apart, down"),
    (dict(uren=32), "4 hours apart"),
    (dict(uren=40), "4 hours apart, up"),
    (dict(start=date(2027, 2, 1), maanden=2), "the shorter period lies within the longer one"),
    (dict(wens_vakgebieden=frozenset()), "no wished fields: any field"),
    (dict(wens_plaatsen=frozenset()), "no wished places: anywhere"),
    (dict(wens_plaatsen=frozenset({" ENSCHEDE "})), "a place, any case"),
])
def test_matches_at_the_edge_of_each_rule(change, rule):
    assert keys([HR, replace(BELEID, **change)]) == ["paar:1-2"], rule


def test_periods_overlap_by_at_least_the_shorter_length():
    longer = replace(HR, start=date(2027, 1, 1), maanden=6)  # 1 January up to 1 July
    inside = replace(BELEID, start=date(2027, 5, 1), maanden=2)  # 1 May up to 1 July: fits
    assert keys([longer, inside]) == ["paar:1-2"]
    assert keys([longer, replace(inside, start=date(2027, 5, 2))]) == []  # one day beyond


def test_a_ring_of_three_where_no_pair_matches():
    a = offer(7, 1, "ict", {"juridisch"}, "Almelo")
    b = offer(3, 2, "financien", {"ict"}, "Borne")       # A's job (ict) suits B
    c = offer(5, 3, "juridisch", {"financien"}, "Goor")  # B's job (financien) suits C; C's (juridisch) suits A
    matches = find_matches([a, b, c])
    # A→B→C→A, rotated to start at the smallest id: 3→5→7→3, direction kept.
    assert matches == [Match(RING, (3, 5, 7))]
    assert matches[0].key == "ring:3-5-7"


def test_a_ring_needs_every_link_and_three_employers():
    a = offer(1, 1, "ict", {"juridisch"}, "Almelo")
    b = offer(2, 2, "financien", {"ict"}, "Borne")
    c = offer(3, 3, "juridisch", {"financien"}, "Goor")
    assert find_matches([a, b, replace(c, vakgebied="hr")]) == []  # C's job no longer suits A
    assert find_matches([a, b, replace(c, werkgever=1)]) == []  # C at A's employer
    assert find_matches([a, b, replace(c, uren=20)]) == []  # C's hours far from B's
    assert find_matches([a, b, replace(c, start=date(2027, 3, 1))]) == []  # all three periods must overlap


def test_an_offer_that_matches_in_two_rings():
    x = offer(1, 1, "ict", {"juridisch", "communicatie"}, "Almelo")
    b = offer(2, 2, "financien", {"ict"}, "Borne")
    c = offer(3, 3, "juridisch", {"financien"}, "Goor")
    e = offer(4, 4, "hr", {"ict"}, "Losser")
    f = offer(5, 5, "communicatie", {"hr"}, "Wierden")
    assert keys([x, b, c, e, f]) == ["ring:1-2-3", "ring:1-4-5"]


def test_both_directions_of_a_ring_are_two_swaps_and_a_pair_inside_is_a_pair():
    # Everyone wants every field: each pair and both ring directions match.
    people = [offer(i, i, "beleid", set(), "Hengelo") for i in (9, 4, 6)]
    assert keys(people) == ["paar:4-6", "paar:4-9", "paar:6-9", "ring:4-6-9", "ring:4-9-6"]


def test_canonical_identity():
    assert canonical_ring((7, 3, 5)) == (3, 5, 7)
    assert canonical_ring((5, 7, 3)) == (3, 5, 7)
    assert canonical_ring((3, 7, 5)) == (3, 7, 5)
    assert parse_key("ring:3-7-5") == Match(RING, (3, 7, 5))


def test_add_months_keeps_the_day_or_takes_the_last_of_the_month():
    assert add_months(date(2027, 1, 31), 1) == date(2027, 2, 28)
    assert add_months(date(2027, 11, 15), 3) == date(2028, 2, 15)
