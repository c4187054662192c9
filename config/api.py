"""Wagtail API v2 at /api/v2/: live, public pages; vacancies only while they are public.

The API is public-only whoever asks (a signed-in employee included).
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet

from vacatures.views import hidden_vacancy_ids


class PublicPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        # Listing, detail, find and child_of all start here.
        return super().get_base_queryset().exclude(pk__in=hidden_vacancy_ids())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
