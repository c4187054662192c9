"""Editors' tools for vacancies: the coordinators' listing with filters and export, and copying."""

import django_filters
from django import forms
from django.db.models import Q
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from . import phases
from .models import Dienstverband, OrganisatiePage, VacaturePage, four_weeks_from


class VacatureFilterSet(PageFilterSet):
    werkgever = django_filters.ModelChoiceFilter(
        label="Werkgever", queryset=OrganisatiePage.objects.order_by("title"),
    )
    fase = django_filters.MultipleChoiceFilter(
        label="Fase", choices=list(phases.LABELS.items()), method="filter_fase", widget=forms.CheckboxSelectMultiple,
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
