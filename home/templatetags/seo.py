"""{% seo_tags %} in base.html: canonical link, meta description and Open Graph tags.
{% absolute_url path %} for a full URL anywhere else (a share box)."""

from django import template
from django.conf import settings

from home import seo

register = template.Library()


@register.simple_tag
def absolute_url(location):
    return seo.absolute_url(location)


@register.inclusion_tag("components/seo.html", takes_context=True)
def seo_tags(context):
    """Every page gets a canonical link; a Wagtail page also a description and Open Graph tags."""
    request = context.get("request")
    if request is None:
        return {}
    page = context.get("page")
    values = {"canonical": seo.absolute_url(seo.canonical_path(request, context.get("search")))}
    if page is not None and hasattr(page, "search_description"):
        values.update(
            page=page,
            title=page.seo_title or page.title,
            description=seo.page_description(page),
            image=seo.share_image_url(page),
            site_name=settings.WAGTAIL_SITE_NAME,
        )
    return values
