"""Which job-swap offers match: pairs and rings of three. Pure Python, no Django: the rules in one place.

An offer (`Offer`) is one employee's job (field of work, salary scale, hours, place and the region of the
employer) with the period they would swap (earliest start, length in months) and their wishes (fields of
work; places or regions). "A's job suits B" (`suits(a, b)`) when:

- A's field of work is among B's wished fields (no wished fields: any field);
- A's place, or A's region, is among B's wished places or regions, ignoring case (none wished: anywhere);
- their salary scales are at most one step apart;
- their hours per week are at most 4 apart.

A **pair** is A and B where A's job suits B and B's suits A. A **ring** is A, B, C where A's job suits B,
B's suits C and C's suits A (each takes the job of the one before). Everybody in a swap works at another
employer (all employers differ), and the periods of all of them overlap by at least the shortest length:
each period runs from the earliest start for its length, so the shortest period fits in all the others.

Each match has one canonical identity (`Match.key`): a pair's ids sorted, a ring's ids rotated so that the
smallest id comes first, direction kept (A→B→C→A is a different ring from A→C→B→A). So the same match is
found, and stored, once.
"""

from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations

MAX_SCALE_STEPS = 1
MAX_HOURS_APART = 4
PAIR = "paar"
RING = "ring"


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the last day of that month if it is shorter)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


@dataclass(frozen=True)
class Offer:
    id: int
    werkgever: int
    vakgebied: str
    schaal: int
    uren: int
    plaats: str
    start: date
    maanden: int
    regio: str = ""
    wens_vakgebieden: frozenset = field(default_factory=frozenset)
    wens_plaatsen: frozenset = field(default_factory=frozenset)  # places or regions, any case

    @property
    def end(self) -> date:
        """The day after the period (exclusive)."""
        return add_months(self.start, self.maanden)

    @property
    def days(self) -> int:
        return (self.end - self.start).days


@dataclass(frozen=True, order=True)
class Match:
    kind: str
    ids: tuple  # canonical order

    @property
    def key(self) -> str:
        return f"{self.kind}:" + "-".join(str(i) for i in self.ids)


def _folded(values):
    return {value.strip().casefold() for value in values if value.strip()}


def fits_wishes(job: Offer, wisher: Offer) -> bool:
    if wisher.wens_vakgebieden and job.vakgebied not in wisher.wens_vakgebieden:
        return False
    places = _folded(wisher.wens_plaatsen)
    return not places or bool(_folded([job.plaats, job.regio]) & places)


def alike(a: Offer, b: Offer) -> bool:
    return abs(a.schaal - b.schaal) <= MAX_SCALE_STEPS and abs(a.uren - b.uren) <= MAX_HOURS_APART


def suits(a: Offer, b: Offer) -> bool:
    """A's job suits B: B could take A's job (see the module's rules)."""
    return a.id != b.id and a.werkgever != b.werkgever and alike(a, b) and fits_wishes(a, b)


def periods_fit(offers) -> bool:
    """All periods overlap by at least the shortest length."""
    overlap = (min(o.end for o in offers) - max(o.start for o in offers)).days
    return overlap >= min(o.days for o in offers)


def canonical_ring(ids) -> tuple:
    """The ring's ids rotated so the smallest comes first, direction kept."""
    first = ids.index(min(ids))
    return tuple(ids[first:]) + tuple(ids[:first])


def find_matches(offers) -> list[Match]:
    """Every pair and ring of three among `offers`, each once, sorted (pairs first, then by ids)."""
    by_id = {offer.id: offer for offer in offers}
    ids = sorted(by_id)
    successors = {i: {j for j in ids if suits(by_id[i], by_id[j])} for i in ids}
    found = set()
    for a, b in combinations(ids, 2):
        if b in successors[a] and a in successors[b] and periods_fit([by_id[a], by_id[b]]):
            found.add(Match(PAIR, (a, b)))
    for a in ids:
        for b in successors[a]:
            for c in successors[b]:
                if len({a, b, c}) < 3 or a not in successors[c] or min(a, b, c) != a:
                    continue
                ring = [by_id[a], by_id[b], by_id[c]]
                if len({o.werkgever for o in ring}) == 3 and periods_fit(ring):
                    found.add(Match(RING, canonical_ring((a, b, c))))
    return sorted(found)


def parse_key(key: str) -> Match:
    kind, _, ids = key.partition(":")
    return Match(kind, tuple(int(i) for i in ids.split("-")))
