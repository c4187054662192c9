"""/verhalen/: the stories a visitor may see, searchable by kind, employer and what they are about.

The kinds of link (‘Gaat over’) are conditions over the ids of the stories with such a link that the
visitor may see (`QFacet`; their ids are part of the facet table's signature, so each audience and every
change gets its own table): a public visitor never finds a story under ‘Klus’. Models import this module;
what it needs from the database it gets as querysets."""

from django.db.models import F, Q

from projecten.models import ProjectMateriaal, ProjectPage
from search.service import Facet, FacetedSearch, QFacet

from .choices import Onderwerp, Soort
from .visibility import shown_link_qs

ORDERING = (F("datum").desc(nulls_last=True), F("first_published_at").desc(nulls_last=True))
PER_PAGE = 12


def story_facets(links, audience, today=None):
    """`links`: every `VerhaalKoppeling`; only those `audience` may see count for ‘Gaat over’."""
    about = {}
    for kind, condition in shown_link_qs(audience, today).items():
        ids = sorted(set(links.filter(condition).values_list("verhaal_id", flat=True)))
        if ids:
            about[kind.value] = (Onderwerp(kind).label, Q(pk__in=ids))
    return [
        Facet("soort", "Soort verhaal", "soort", choices=Soort.choices),
        Facet("werkgever", "Werkgever", "werkgevers__slug", label_field="werkgevers__title"),
        QFacet("over", "Gaat over", lambda: about),
    ]


def library_stories():
    """The library's material typed as a story (‘Ervaringsverhaal’), of live, public projects."""
    return list(
        ProjectMateriaal.objects.filter(
            soort=ProjectMateriaal.Soort.ERVARINGSVERHAAL,
            page__in=ProjectPage.objects.live().public().values("pk"),
        ).select_related("page", "document").order_by("page__title", "page_id", "sort_order")
    )


def story_listing_context(request, stories, links, audience):
    """The context of /verhalen/: `stories` those the visitor may see, `links` all links."""
    # The facet table remembers a queryset's pages per content version; a swap's status is no page, so the
    # visible stories go in as their ids (a change in what the visitor may see is a different query).
    visible = stories.model.objects.filter(pk__in=sorted(stories.values_list("pk", flat=True)))
    result = FacetedSearch(visible, story_facets(links, audience), ordering=ORDERING, per_page=PER_PAGE).run(request.GET)
    return {
        "search": result,
        "verhalen": list(result.page_obj.object_list),
        "bibliotheekverhalen": library_stories(),
        "noindex": result.filter_count > 1,
    }
