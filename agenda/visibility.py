"""The one visibility rule of the agenda: the public sees events open to everyone; a signed-in employee of
any participating employer also sees the employees-only events (as with vacancies 'onder water').

Every channel starts from `EvenementPage.objects.visible_to(audience)` or excludes
`EvenementPage.objects.hidden_from(audience)`; both use `visible_q`.
"""

from django.db.models import Q

from kern.audience import Audience

from .choices import Doelgroep


def visible_q(audience: Audience) -> Q:
    if audience.werkgever_id is not None:
        return Q(pk__isnull=False)  # every event; not Q(): exclude(Q()) would exclude every row
    return Q(doelgroep=Doelgroep.IEDEREEN)
