"""{% ervaringen page %}: the stories linked to `page` that the visitor may see, as a section ‘Ervaringen’.

Used on the pages a story can be about (vacancy, klus, training, project). The page itself is already
visible to the visitor; which stories show follows `VerhaalPage.objects.visible_to`. A swap has no page:
`{% ervaringen_met_ruilen %}` on /medewerkers/ruilen/ shows the stories about swaps the employers agreed to."""

from django import template

from kern.audience import audience_for
from verhalen.models import VerhaalKoppeling, VerhaalPage
from verhalen.visibility import RUIL_GETOOND

register = template.Library()


@register.inclusion_tag("verhalen/ervaringen.html", takes_context=True)
def ervaringen(context, page):
    request = context.get("request")
    stories = []
    if request is not None and page is not None and page.pk:
        stories = list(VerhaalPage.objects.visible_to(audience_for(request)).about(page).newest_first())
    return {"verhalen": stories, "request": request, "kop": "Ervaringen"}


@register.inclusion_tag("verhalen/ervaringen.html", takes_context=True)
def ervaringen_met_ruilen(context):
    request = context.get("request")
    about_swaps = VerhaalKoppeling.objects.filter(ruil__status__in=RUIL_GETOOND).values("verhaal_id")
    stories = []
    if request is not None:
        stories = list(VerhaalPage.objects.visible_to(audience_for(request)).filter(pk__in=about_swaps).newest_first())
    return {"verhalen": stories, "request": request, "kop": "Ervaringen met ruilen"}
