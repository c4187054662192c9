"""Klussen in the admin: the page chooser shows a klus only to who may explore it (its employer's editors,
coordinators, superusers). vacatures/wagtail_hooks.py lets the chooser show every live public page; a klus
is live and public in Wagtail's terms but never public on the site, so it is taken out here. The explorer,
its search and the bulk actions already show only the pages a user may explore (vacatures/wagtail_hooks.py)."""

from django.http import Http404
from wagtail import hooks

from vacatures.permissions import explorable_pages

from .models import KlusPage


def klussen_hidden_from(user):
    """The klussen whose title this user may not see in the admin."""
    if user.is_superuser:
        return KlusPage.objects.none()
    return KlusPage.objects.exclude(pk__in=explorable_pages(user).values("pk"))


@hooks.register("construct_page_chooser_queryset")
def no_foreign_klussen_in_the_chooser(pages, request):
    hidden = klussen_hidden_from(request.user)
    parent_id = request.resolver_match.kwargs.get("parent_page_id") if request.resolver_match else None
    if parent_id is not None and hidden.filter(pk=parent_id).exists():
        raise Http404("Pagina niet gevonden")
    return pages.exclude(pk__in=hidden.values("pk"))
