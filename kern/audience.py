"""Who is looking: the public, or an employee of one participating employer.

The sign-in (medewerkers.audience.AudienceMiddleware) sets `request.audience`; every channel that shows
vacancies asks `audience_for(request)` and hands the audience to the visibility rule (vacatures.phases).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Audience:
    """Anonymous visitors see public vacancies only. `werkgever_id` is the employer page of a signed-in
    employee: they also see their own employer's internal vacancies and every participant's network ones.
    """

    werkgever_id: int | None = None

    @property
    def cache_key(self) -> str:
        return "anoniem" if self.werkgever_id is None else f"werkgever-{self.werkgever_id}"


PUBLIC = Audience()


def audience_for(request) -> Audience:
    """Who is asking: the audience the sign-in middleware set on the request, or the public."""
    return getattr(request, "audience", PUBLIC)
