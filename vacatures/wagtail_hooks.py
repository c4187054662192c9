"""Editors' tools for vacancies: the coordinators' listing with filters and export, and copying.
Also what keeps employers apart in the admin: choosers, explorer search and bulk actions show only
the pages a user may see (`permissions.py`), and every change of an employer's e-mail domains is logged."""

import django_filters
from django import forms
from django.db.models import Q
from django.http import Http404
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.log_actions import LogFormatter, log

from . import phases
from .models import Dienstverband, OrganisatiePage, VacaturePage, four_weeks_from
from .permissions import explorable_pages, pages_shown_to


class VacatureFilterSet(PageFilterSet):
    werkgever = django_filters.ModelChoiceFilter(
        label="Werkgever", queryset=OrganisatiePage.objects.order_by("title"),
    )
    fase = django_filters.MultipleChoiceFilter(
        label="Fase", choices=phases.Fase.choices, method="filter_fase", widget=forms.CheckboxSelectMultiple,
    )
    dienstverband = django_filters.MultipleChoiceFilter(
        label="Soort dienstverband", choices=Dienstverband.choices, widget=forms.CheckboxSelectMultiple,
    )
    open = django_filters.ChoiceFilter(
        label="Open of gesloten", choices=[("open", "Open"), ("gesloten", "Gesloten")], method="filter_open",
    )

    class Meta:
        model = VacaturePage
        fields = []

    def filter_fase(self, queryset, name, value):
        today = phases.local_date()
        condition = Q(pk__in=[])
        for phase in value:
            condition |= phases.phase_q(phase, today)
        return queryset.filter(condition)

    def filter_open(self, queryset, name, value):
        closed = phases.phase_q(phases.GESLOTEN, phases.local_date())
        return queryset.filter(closed) if value == "gesloten" else queryset.exclude(closed)


class VacatureListingViewSet(PageListingViewSet):
    """All vacancies for coordinators; an employer's editors see only their own (Wagtail's page permissions)."""

    model = VacaturePage
    icon = "user"
    menu_label = "Vacatures"
    menu_order = 160
    add_to_admin_menu = True
    name = "vacatures"
    filterset_class = VacatureFilterSet
    columns = PageListingViewSet.columns + [
        Column("werkgever", label="Werkgever"),
        Column("fase_label", label="Fase"),
        Column("sluitingsdatum", label="Sluitingsdatum"),
    ]
    list_export = [
        "title", "werkgever", "vacaturenummer", "dienstverband", "uren_min", "uren_max", "salarisschaal",
        "fase", "publicatiedatum", "start_netwerk", "start_openbaar", "sluitingsdatum", "full_url",
    ]
    export_headings = {
        "title": "Functietitel", "werkgever": "Werkgever", "vacaturenummer": "Vacaturenummer",
        "dienstverband": "Dienstverband", "uren_min": "Uren min", "uren_max": "Uren max",
        "salarisschaal": "Schaal", "fase": "Fase", "publicatiedatum": "Publicatiedatum",
        "start_netwerk": "Onder water vanaf", "start_openbaar": "Openbaar vanaf",
        "sluitingsdatum": "Sluitingsdatum", "full_url": "Webadres",
    }
    export_filename = "vacatures"


@hooks.register("register_admin_viewset")
def register_vacancy_listing():
    return VacatureListingViewSet()


@hooks.register("after_copy_page")
def fresh_dates_for_copied_vacancy(request, page, new_page):
    """'Start from a copy of an earlier vacancy': the copy gets today's dates, the employer's phases."""
    new_page = new_page.specific
    if isinstance(new_page, VacaturePage):
        today = phases.local_date()
        new_page.publicatiedatum = today
        new_page.sluitingsdatum = four_weeks_from(today)
        if new_page.publicatieroute == "eigen_data":
            new_page.publicatieroute = "standaard"
        new_page.fill_phase_dates()
        new_page.save()


@hooks.register("after_move_page")
def keep_employer_in_step(request, page):
    page = page.specific
    if isinstance(page, VacaturePage):
        page.save(update_fields=["werkgever"])


# --------------------------------------------------------------------------- keeping employers apart


@hooks.register("construct_page_chooser_queryset")
def choosable_pages(pages, request):
    """The page chooser (browse and search) lists only pages this user may see. Browsing into a page
    they may not see answers 404, since the chooser would show its title as the heading."""
    shown = pages_shown_to(request.user)
    parent_id = request.resolver_match.kwargs.get("parent_page_id") if request.resolver_match else None
    if parent_id is not None and not shown.filter(pk=parent_id).exists():
        raise Http404("Pagina niet gevonden")
    return pages.filter(pk__in=shown.values_list("pk", flat=True))  # as Wagtail's own search view filters


@hooks.register("construct_explorer_page_queryset")
def explorable_only(parent_page, pages, request):
    """Searching in the explorer: only pages this user may explore (also if the setting
    WAGTAILADMIN_PAGE_SEARCH_FILTER_BY_PERMISSIONS were turned off)."""
    return pages.filter(pk__in=explorable_pages(request.user).values_list("pk", flat=True))


class ExplorableOnlyBulkAction:
    """Wagtail's page bulk actions list the titles of every page id in the URL, including pages the
    user has no access to. Here, pages the user may not explore are left out as if never asked for,
    and a move can only target a page the user may explore."""

    def get_actionable_objects(self):
        parent_id = self.request.GET.get("childOf")
        explorable = explorable_pages(self.request.user)
        if parent_id is not None and not (parent_id.isdigit() and explorable.filter(pk=parent_id).exists()):
            raise Http404("Pagina niet gevonden")
        objects, context = super().get_actionable_objects()
        allowed = set(explorable.filter(pk__in=[page.pk for page in objects + context.get(
            "items_with_no_access", [])]).values_list("pk", flat=True))
        if "items_with_no_access" in context:
            context["items_with_no_access"] = [p for p in context["items_with_no_access"] if p.pk in allowed]
        objects = [page for page in objects if page.pk in allowed]
        if not objects and not any(isinstance(value, list) and value for value in context.values()):
            raise Http404("Pagina niet gevonden")
        return objects, context


class ExplorableOnlyMoveBulkAction(ExplorableOnlyBulkAction, MoveBulkAction):
    def get_form_kwargs(self):
        """A destination the user may not explore is dropped before the form sees it: an invalid choice
        would still be drawn by the chooser widget, with its title."""
        kwargs = super().get_form_kwargs()
        chosen = kwargs.get("data", {}).get("chooser")
        if chosen and not (chosen.isdigit() and explorable_pages(self.request.user).filter(pk=chosen).exists()):
            kwargs["data"] = kwargs["data"].copy()
            kwargs["data"].pop("chooser")
        return kwargs

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields["chooser"].queryset = explorable_pages(self.request.user)
        return form


for action_class in [DeleteBulkAction, PublishBulkAction, UnpublishBulkAction]:
    hooks.register(
        "register_bulk_action",
        type(f"ExplorableOnly{action_class.__name__}", (ExplorableOnlyBulkAction, action_class), {}),
        order=100,  # after Wagtail's own, which these replace
    )
hooks.register("register_bulk_action", ExplorableOnlyMoveBulkAction, order=100)


# --------------------------------------------------------------------------- e-mail domains


DOMAINS_CHANGED = "vacatures.email_domeinen"


@hooks.register("register_log_actions")
def register_domain_log(actions):
    @actions.register_action(DOMAINS_CHANGED)
    class DomainsChanged(LogFormatter):
        label = "E-maildomeinen gewijzigd"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            parts = [f"{key}: {', '.join(data[key])}" for key in ("toegevoegd", "verwijderd") if data.get(key)]
            return "E-maildomeinen gewijzigd (" + "; ".join(parts) + ")"


@hooks.register("before_publish_page")  # publishing reloads the page before `after_edit_page`
@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def log_domain_change(request, page):
    """Who changed an employer's e-mail domains, when, and what (the form leaves `domain_change`)."""
    added, removed = page.__dict__.pop("domain_change", ([], []))
    if added or removed:
        log(instance=page, action=DOMAINS_CHANGED, user=request.user, data={"toegevoegd": added, "verwijderd": removed})
