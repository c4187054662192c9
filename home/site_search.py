"""What the site search covers: the searchable page types, with the visibility rule applied once.

/zoeken/ and its suggestions start from `searchable_pages`, so a vacancy or klus that the visitor may
not see is never found, counted or suggested.
"""

from wagtail.models import Page

from agenda.models import EvenementPage
from kern.audience import PUBLIC, audience_for
from klussen.models import KlusPage
from projecten.models import ProjectPage
from search.service import Facet
from vacatures.models import VacaturePage
from verhalen.models import VerhaalPage

TYPES = {ProjectPage: "Project", VacaturePage: "Vacature", KlusPage: "Klus", EvenementPage: "Evenement",
         VerhaalPage: "Ervaringsverhaal"}


def searchable_pages(request=None, audience=None):
    audience = audience or (audience_for(request) if request is not None else PUBLIC)
    return (
        Page.objects.live().public().type(*TYPES)
        .exclude(pk__in=VacaturePage.objects.hidden_from(audience))
        .exclude(pk__in=KlusPage.objects.hidden_from(audience))  # klussen: signed-in employees only
        .exclude(pk__in=EvenementPage.objects.hidden_from(audience))  # employees-only events
        .exclude(pk__in=VerhaalPage.objects.hidden_from(audience))  # stories only about gated content
    )


def site_facets():
    """Facets of the site search: the type, and the theme of projects."""
    return [
        Facet(
            "soort", "Soort", "content_type__model",
            choices=[(model._meta.model_name, label) for model, label in TYPES.items()],
        ),
        Facet("thema", "Thema", "projectpage__thema__slug", label_field="projectpage__thema__naam"),
    ]
