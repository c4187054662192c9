"""Klussen in the admin: the page chooser shows a klus only to who may explore it (its employer's editors,
coordinators, superusers). vacatures/wagtail_hooks.py lets the chooser show every live public page; a klus
is live and public in Wagtail's terms but never public on the site, so it is taken out here. The explorer,
its search and the bulk actions already show only the pages a user may explore (vacatures/wagtail_hooks.py)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from wagtail import hooks

from vacatures.permissions import explorable_pages

from .models import KlusPage

UNPUBLISH_WITHOUT_OUTCOME = (
    "Een klus zonder uitkomst kan niet offline: sluit hem af met een uitkomst (ingevuld, niet ingevuld of "
    "ingetrokken). Daarna staat hij niet meer op de site."
)


def without_outcome(pages) -> list[str]:
    """Titles of the klussen among `pages` that have no outcome yet."""
    return [page.title for page in pages if isinstance(page.specific, KlusPage) and not page.specific.uitkomst]


@hooks.register("before_unpublish_page")
def no_unpublishing_without_an_outcome(request, page):
    """Taking a klus offline is closing it: that needs an outcome (as the edit form and `KlusPage.clean` ask)."""
    if without_outcome([page]):
        messages.error(request, UNPUBLISH_WITHOUT_OUTCOME)
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("before_bulk_action")
def no_bulk_unpublishing_without_an_outcome(request, action_type, objects, action_class_instance):
    if action_type == "unpublish":
        titles = without_outcome(objects)
        if titles:
            messages.error(request, f"{UNPUBLISH_WITHOUT_OUTCOME} Zonder uitkomst: {', '.join(titles)}.")
            back = action_class_instance.next_url  # the listing the action came from, else the klus's parent
            if back == request.path:
                back = reverse("wagtailadmin_explore", args=[objects[0].get_parent().pk])
            return redirect(back)
    return None


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
