"""The listing of /klussen/: facets and search over a queryset that starts from
`KlusPage.objects.visible_to(audience)` (what the signed-in employee may see)."""

from django.db.models import Q

from search.service import Facet, FacetedSearch, QFacet
from vacatures.choices import Vakgebied

from .choices import DURATION_BANDS, HOUR_BANDS, band_q


def klus_facets():
    return [
        Facet("organisatie", "Werkgever", "werkgever__slug", label_field="werkgever__title"),
        Facet("vakgebied", "Vakgebied", "vakgebied", choices=Vakgebied.choices),
        QFacet("uren", "Uren per week",
               lambda: {v: (label, band_q("uren_per_week", lo, hi)) for v, label, lo, hi in HOUR_BANDS}),
        QFacet("duur", "Duur",
               lambda: {v: (label, band_q("looptijd_weken", lo, hi)) for v, label, lo, hi in DURATION_BANDS}),
        QFacet("afstand", "Op afstand", lambda: {"ja": ("Op afstand mogelijk", Q(op_afstand=True))}),
    ]


def klus_listing_context(request, visible):
    result = FacetedSearch(visible, klus_facets(), ordering=("sluitingsdatum", "title"), per_page=20).run(request.GET)
    ids = result.page_ids()
    by_id = visible.model.objects.filter(pk__in=ids).select_related("werkgever").in_bulk()
    return {"search": result, "klussen": [by_id[pk] for pk in ids if pk in by_id]}
