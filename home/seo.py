"""Findability outside the site: absolute URLs, canonical links, descriptions and link previews.

`absolute_url` is the one place that turns a path into a full URL for robots.txt, canonical links
and Open Graph tags; it follows `settings.SITE_URL`, the site's one address, as the sitemap, API,
JSON-LD and feeds do.
"""

from html import unescape
from urllib.parse import urljoin

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import Truncator

from search.service import PAGE_PARAM

DESCRIPTION_LENGTH = 160
# The fields a page's description falls back to, in order, when the editor left Wagtail's
# "search description" empty: a project's summary, an index page's or employer's intro, a vacancy's text.
FALLBACK_FIELDS = ("samenvatting", "intro", "omschrijving")
SHARE_IMAGE_SPEC = "max-1200x630"


def absolute_url(location: str) -> str:
    """`location` (a path such as '/vacatures/', or a media URL) as a full URL on SITE_URL."""
    return urljoin(settings.SITE_URL + "/", location)


def canonical_path(request, search=None) -> str:
    """The page's own path without any parameter; on a listing only the page number stays
    (`?pagina=2`), never filters, a query or a sort order."""
    path = request.path
    page_obj = getattr(search, "page_obj", None)
    if page_obj is not None and page_obj.number > 1:
        path += f"?{PAGE_PARAM}={page_obj.number}"
    return path


def page_description(page) -> str:
    """Wagtail's search description, else the first filled fallback field, as plain text of at
    most 160 characters."""
    text = getattr(page, "search_description", "") or ""
    for name in FALLBACK_FIELDS:
        if text.strip():
            break
        text = str(getattr(page, name, "") or "")
    plain = " ".join(unescape(strip_tags(text)).split())
    return Truncator(plain).chars(DESCRIPTION_LENGTH)


def share_image_url(page) -> str:
    """The full URL of the page's image for link previews (an employer's logo), or ''."""
    image = getattr(page, "share_image", None)
    if image is None:
        return ""
    return absolute_url(image.get_rendition(SHARE_IMAGE_SPEC).url)
