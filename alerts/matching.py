"""Which vacancies an alert finds on a given day: the search service's facets and text match, over what
the alert's address may see that day (the one visibility rule, `VacaturePage.objects.visible_to`).

Who an address is: an address whose domain is on the list of a live (participating) employer counts as
that employer's employee, as at sign-in (`medewerkers.models`); any other address is the public. An
employer that leaves the network, or a domain taken off its list, makes the address public at once.

The work per run is one mask per audience and one per distinct set of criteria (`search.facet_table`
keeps the facet columns in memory); each alert is then a NumPy AND.
"""

from datetime import date

import numpy as np

from kern.audience import PUBLIC, Audience
from medewerkers.models import email_domain
from search.facet_table import facet_table
from search.service import NEWEST_FIRST, SearchUnavailable, text_match
from vacatures import phases
from vacatures.listing import vacancy_facets
from vacatures.models import OrganisatiePage, VacaturePage

from . import criteria as alert_criteria


def employer_domains() -> dict[str, int]:
    """domain -> employer page id, of every live employer (as `medewerkers.models.employer_for_email`)."""
    domains = {}
    for employer in OrganisatiePage.objects.live().exclude(email_domeinen=""):
        for domain in employer.domain_list:
            domains.setdefault(domain, employer.pk)
    return domains


def audience_for_email(email: str, domains: dict[str, int] | None = None) -> Audience:
    domains = employer_domains() if domains is None else domains
    werkgever_id = domains.get(email_domain(email))
    return PUBLIC if werkgever_id is None else Audience(werkgever_id=werkgever_id)


class Matcher:
    """Matches alerts on `today` (Amsterdam date). Made once per run."""

    def __init__(self, today: date | None = None):
        self.today = today or phases.local_date()
        self.facets = vacancy_facets(PUBLIC)
        self.table = facet_table(VacaturePage, self.facets)
        self.domains = employer_domains()
        self.slugs = alert_criteria.all_slugs()
        self._visible = {}
        self._criteria = {}
        self._starts = {}
        self._text = {}
        self._live = VacaturePage.objects.live()
        self._dates = None

    def audience(self, email) -> Audience:
        return audience_for_email(email, self.domains)

    def visible(self, audience) -> np.ndarray:
        if audience not in self._visible:
            self._visible[audience] = self.table.mask(VacaturePage.objects.visible_to(audience, self.today))
        return self._visible[audience]

    def criteria_mask(self, criteria: dict, sleutel: str | None = None) -> np.ndarray:
        sleutel = sleutel or alert_criteria.key(criteria)
        mask = self._criteria.get(sleutel)
        if mask is None:
            mask = np.ones(len(self.table), dtype=bool)
            selected = {}
            for name, value in alert_criteria.to_pairs(criteria, self.slugs):
                selected.setdefault(name, []).append(value)
            query = selected.pop("q", [""])[0]
            for name, values in selected.items():
                mask &= self.table.selection(name, values)
            if query and mask.any():
                mask &= self.text_mask(query)
            self._criteria[sleutel] = mask
        return mask

    def text_mask(self, query) -> np.ndarray:
        """The pages that match every word of `query`, as /vacatures/?q= finds them (one match per word set)."""
        if query not in self._text:
            try:
                matched = text_match(self.table, self._live, query, NEWEST_FIRST)
            except SearchUnavailable:
                self._text[query] = None  # asked once per run: the alerts with this word wait for the next run
                raise
            self._text[query] = matched.mask if matched is not None else np.ones(len(self.table), dtype=bool)
        if self._text[query] is None:
            raise SearchUnavailable(query)
        return self._text[query]

    def _phase_dates(self):
        """Per page of the table: employer id, the start of each phase and the day it first went live
        (date ordinals, -1 for none)."""
        if self._dates is None:
            size = len(self.table)
            names = ("werkgever", "intern", "netwerk", "openbaar", "live")
            dates = {name: np.full(size, -1, dtype=np.int64) for name in names}
            rows = list(VacaturePage.objects.values_list(
                "pk", "werkgever_id", "publicatiedatum", "start_netwerk", "start_openbaar", "first_published_at",
            ))
            if rows:
                positions, found = self.table.index([row[0] for row in rows])
                for (_, werkgever, *days, live), position, ok in zip(rows, positions, found, strict=True):
                    if ok:
                        dates["werkgever"][position] = werkgever or -1
                        for name, value in zip(("intern", "netwerk", "openbaar"), days, strict=True):
                            dates[name][position] = value.toordinal() if value else -1
                        dates["live"][position] = phases.local_date(live).toordinal() if live else -1
            self._dates = dates
        return self._dates

    def visible_since(self, audience) -> np.ndarray:
        """Per page: the first day `audience` could see it (ordinal), by the phases of `vacatures.phases`:
        the public from `openbaar`; an employee from `netwerk` (or `openbaar` for a vacancy without it),
        and from `intern` for their own employer; never before the page first went live (a vacancy entered
        today with a publication date last week became visible today)."""
        start = self._starts.get(audience)
        if start is None:
            dates = self._phase_dates()
            start = dates["openbaar"]
            if audience.werkgever_id is not None:
                start = np.where(dates["netwerk"] >= 0, dates["netwerk"], start)
                start = np.where(dates["werkgever"] == audience.werkgever_id, dates["intern"], start)
            start = np.maximum(start, dates["live"])
            self._starts[audience] = start
        return start

    def matches(self, alert, since: date | None = None) -> list[int]:
        """Primary keys of the vacancies the alert finds today for its address (sent or not); with
        `since`, only those that became visible to the address on or after that day. An address that
        came to count as an employee later (`alert.doelgroep_sinds`) saw the onder-water ones from then."""
        audience = self.audience(alert.email)
        mask = self.criteria_mask(alert.criteria, alert.criteria_sleutel) & self.visible(audience)
        if since is not None:
            start = self.visible_since(audience)
            if alert.doelgroep_sinds is not None:
                start = np.where(self.visible(PUBLIC), start, np.maximum(start, alert.doelgroep_sinds.toordinal()))
            mask = mask & (start >= since.toordinal())
        return [int(pk) for pk in self.table.pks[np.flatnonzero(mask)]]

    def follow_audience(self, alert) -> bool:
        """Note who the alert's address counts as today; True when that changed (saved on the alert)."""
        key = self.audience(alert.email).cache_key
        if key == alert.doelgroep:
            return False
        if alert.doelgroep:  # changed since confirmation or the last run
            alert.doelgroep_sinds = self.today
        alert.doelgroep = key
        return True

    def not_public(self, pks) -> set[int]:
        """Which of `pks` are not public today (‘onder water’ or internal)."""
        public = self.visible(PUBLIC)
        positions, found = self.table.index(pks)
        return {int(pk) for pk, pos, ok in zip(pks, positions, found, strict=True) if not (ok and public[pos])}
