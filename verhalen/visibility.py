"""The one rule for what a story may show, and to whom.

A story's links (`VerhaalKoppeling`) point to a vacancy, klus, training, library project or swap. A link
is *shown* to a visitor only when the visitor may see its target now:

- a vacancy: `VacaturePage.objects.visible_to(doelgroep)` (so an internal or network vacancy only to the
  employees who may see it, a closed one to nobody);
- a klus: `KlusPage.objects.visible_to(doelgroep)` (signed-in employees only, open klussen);
- a training or a library project: live and public in Wagtail;
- a swap (`ruilen.Ruil`, not a page): once every employer agreed (akkoord, lopend, afgerond); it is shown
  as words without names or link.

A story is itself public, except when it has links and *none* of them may be shown to the visitor: a
story that only tells about a klus is for the employees who may see that klus, and it leaves no trace
elsewhere (listing, counts, home page, site search, sitemap, its own page: 404).
"""

from django.db.models import Q

from klussen.models import KlusPage
from opleidingen.models import OpleidingPage
from projecten.models import ProjectPage
from ruilen.models import Status as RuilStatus
from vacatures import phases
from vacatures.models import VacaturePage

from .choices import Onderwerp

# A swap is told about once both (or all three) employers agreed to it.
RUIL_GETOOND = (RuilStatus.AKKOORD, RuilStatus.LOPEND, RuilStatus.AFGEROND)

# The page types a story can link to, and the kind each one counts as.
PAGE_TYPES = {
    VacaturePage: Onderwerp.VACATURE,
    KlusPage: Onderwerp.KLUS,
    OpleidingPage: Onderwerp.OPLEIDING,
    ProjectPage: Onderwerp.PROJECT,
}


def shown_link_qs(audience, today=None):
    """{kind: Q over `VerhaalKoppeling`} of the links `audience` may see, per kind of target."""
    today = today or phases.local_date()
    return {
        Onderwerp.VACATURE: Q(pagina__in=VacaturePage.objects.visible_to(audience, today).values("pk")),
        Onderwerp.KLUS: Q(pagina__in=KlusPage.objects.visible_to(audience, today).values("pk")),
        Onderwerp.OPLEIDING: Q(pagina__in=OpleidingPage.objects.live().public().values("pk")),
        Onderwerp.PROJECT: Q(pagina__in=ProjectPage.objects.live().public().values("pk")),
        Onderwerp.RUIL: Q(ruil__status__in=RUIL_GETOOND),
    }


def shown_link_q(audience, today=None):
    """Q over `VerhaalKoppeling`: the links `audience` may see."""
    condition = Q(pk__in=[])
    for part in shown_link_qs(audience, today).values():
        condition |= part
    return condition
