"""Wagtail API v2 at /api/v2/: live, public pages; vacancies only while they are public; events only if open
to everyone; never a klus; stories only when public (verhalen/visibility.py).

The API is public-only whoever asks (a signed-in employee included). `?search=` gets the site
search's cleaning: control characters, queries over MAX_QUERY_LENGTH characters and queries without a
word answer 400 with a message; operators and punctuation are dropped (words only); an unreachable
search engine answers 503.
"""

import logging

from rest_framework.response import Response
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.search.backends import get_search_backend

from agenda.models import EvenementPage
from klussen.models import KlusPage
from search.service import MAX_QUERY_LENGTH, clean_query, search_terms
from vacatures.models import VacaturePage
from verhalen.models import VerhaalPage

logger = logging.getLogger(__name__)

OPERATORS = ("and", "or")


def api_search_terms(raw, operator):
    """The words to search for, or BadRequestError (400) saying what is wrong with the query."""
    if any(not ch.isprintable() and not ch.isspace() for ch in raw):
        raise BadRequestError("search: de zoekvraag bevat stuurtekens")
    if len(" ".join(raw.split())) > MAX_QUERY_LENGTH:
        raise BadRequestError(f"search: de zoekvraag is langer dan {MAX_QUERY_LENGTH} tekens")
    if operator is not None and operator not in OPERATORS:
        raise BadRequestError("search_operator: kies and of or")
    terms = search_terms(clean_query(raw))
    if not terms:
        raise BadRequestError("search: de zoekvraag bevat geen woorden")
    return terms


class CleanSearchFilter(SearchFilter):
    def filter_queryset(self, request, queryset, view):
        if "search" in request.GET:
            terms = api_search_terms(request.GET["search"], request.GET.get("search_operator"))
            # Wagtail's filter reads the query from GET: hand it the cleaned words.
            request._request.GET = request._request.GET.copy()
            request._request.GET["search"] = terms
        return super().filter_queryset(request, queryset, view)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [
        CleanSearchFilter if backend is SearchFilter else backend for backend in PagesAPIViewSet.filter_backends
    ]

    def get_base_queryset(self):
        # Listing, detail, find and child_of all start here.
        return (
            super().get_base_queryset()
            .exclude(pk__in=VacaturePage.objects.hidden_from())
            .exclude(pk__in=KlusPage.objects.hidden_from())  # klussen are for signed-in employees only
            .exclude(pk__in=EvenementPage.objects.hidden_from())
            .exclude(pk__in=VerhaalPage.objects.hidden_from())  # stories only about klussen and the like
        )

    def listing_view(self, request):
        try:
            return super().listing_view(request)
        except getattr(get_search_backend(), "unavailable_errors", ()) as exc:
            logger.error("Zoekmachine onbereikbaar bij API-zoekvraag: %s", type(exc).__name__)
            return Response(
                {"message": "Zoeken is tijdelijk niet beschikbaar. Probeer het later opnieuw."},
                status=503, headers={"Retry-After": "60"},
            )


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
