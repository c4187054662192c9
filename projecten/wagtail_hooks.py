"""Editors' tools for the library: a project listing with filters and CSV/XLSX export."""

import django_filters
from django import forms
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from taxonomie.models import Organisatie, Thema

from .models import ProjectPage, Status, status_q


class ProjectFilterSet(PageFilterSet):
    organisatie = django_filters.ModelChoiceFilter(
        label="Organisatie", queryset=Organisatie.objects.all(), field_name="organisaties__organisatie",
        distinct=True,
    )
    thema = django_filters.ModelChoiceFilter(label="Thema", queryset=Thema.objects.all())
    status = django_filters.MultipleChoiceFilter(
        label="Status", choices=Status.choices, method="filter_status", widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = ProjectPage
        fields = []

    def filter_status(self, queryset, name, value):
        if not value:
            return queryset
        today = timezone.localdate()
        combined = status_q(value[0], today)
        for status in value[1:]:
            combined |= status_q(status, today)
        return queryset.filter(combined)


class ProjectListingViewSet(PageListingViewSet):
    model = ProjectPage
    icon = "doc-full-inverse"
    menu_label = "Projecten"
    menu_order = 150
    add_to_admin_menu = True
    name = "projecten"
    filterset_class = ProjectFilterSet
    columns = PageListingViewSet.columns + [
        Column("organisaties_tekst", label="Organisaties"),
        Column("thema", label="Thema"),
        Column("status_label", label="Status"),
        Column("materiaal_zonder_link", label="URL ontbreekt"),
    ]
    list_export = [
        "title", "organisaties_tekst", "thema", "subsidieronde", "status", "looptijd_tekst",
        "looptijd_start", "looptijd_eind", "contactpersoon", "contactgegevens", "full_url",
        "materiaal_zonder_link",
    ]
    export_headings = {
        "title": "Titel", "organisaties_tekst": "Organisaties", "thema": "Thema",
        "subsidieronde": "Subsidieronde", "status": "Status", "looptijd_tekst": "Looptijd (tekst)",
        "looptijd_start": "Begindatum", "looptijd_eind": "Einddatum", "contactpersoon": "Contactpersoon",
        "contactgegevens": "Contactgegevens", "full_url": "Webadres",
        "materiaal_zonder_link": "Materiaal zonder link",
    }
    export_filename = "projecten"


@hooks.register("register_admin_viewset")
def register_project_listing():
    return ProjectListingViewSet()
