"""/vacatures/feed/: RSS of public vacancies, with the listing's filters (a 'digitale vacaturekrant').

Always public-only, whoever asks: an intranet embeds this feed for everyone. A feed with a text query
answers 503 while the search engine cannot be reached, rather than the unfiltered list (an intranet
would show the wrong selection as if it were the right one).
"""

from datetime import datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.utils.feedgenerator import Rss201rev2Feed

from kern.audience import PUBLIC

from . import phases
from .listing import vacancy_search


class VacatureFeed(Feed):
    feed_type = Rss201rev2Feed
    description = "Openbare vacatures van deelnemende werkgevers"

    def __init__(self, index_page, public):
        """`public`: the vacancies everyone may see (the feed never shows more, whoever asks)."""
        super().__init__()
        self.index_page = index_page
        self.public = public

    def __call__(self, request, *args, **kwargs):
        self.unavailable = False
        response = super().__call__(request, *args, **kwargs)
        if self.unavailable:
            return HttpResponse(
                "Zoeken op tekst is tijdelijk niet beschikbaar, dus deze feed met zoekterm kan nu niet worden "
                "gemaakt. Probeer het later opnieuw.",
                status=503, content_type="text/plain; charset=utf-8", headers={"Retry-After": "60"},
            )
        return response

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def title(self):
        return f"{self.index_page.title} – {settings.WAGTAIL_SITE_NAME}"

    def link(self):
        return self.index_page.get_full_url(self.request)  # the site's address (SITE_URL), as everywhere

    def feed_url(self):
        query = self.request.GET.urlencode()
        url = self.index_page.get_full_url(self.request) + self.index_page.reverse_subpage("feed")
        return f"{url}?{query}" if query else url

    def items(self):
        public = self.public.select_related("werkgever")
        result, _ = vacancy_search(self.request, queryset=public, audience=PUBLIC)
        self.unavailable = result.unavailable  # only ever true for a feed with a text query
        ids = result.paginator.object_list[:100]  # primary keys, in the listing's order
        by_id = public.in_bulk(ids)
        return [by_id[pk] for pk in ids if pk in by_id]

    def item_title(self, item):
        return f"{item.title} – {item.werkgever.title}"

    def item_description(self, item):
        return (
            f"{item.werkgever.title}, {item.werkplaats}. {item.uren_tekst}"
            f"{', ' + item.salaris_tekst if item.salaris_tekst else ''}. "
            f"Reageren tot en met {item.sluitingsdatum:%d-%m-%Y}."
        )

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return datetime.combine(item.start_openbaar, time(0, 0), tzinfo=phases.AMSTERDAM)
