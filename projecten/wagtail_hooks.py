"""Editors' tools for the library: a project listing with filters and CSV/XLSX export, the warnings
of the last import to work through, and the material whose link is still missing ("URL ontbreekt")."""

import django_filters
from django import forms
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, StatusTagColumn, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from taxonomie.models import Organisatie, Thema

from .models import ImportRun, ImportWarning, ProjectMateriaal, ProjectPage
from .status import Status, status_q


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


def page_edit_url(page_id):
    return reverse("wagtailadmin_pages:edit", args=[page_id])


class LimitedPolicy(ModelPermissionPolicy):
    """The model's own permissions, without the actions listed in `refused` (for everyone)."""

    def __init__(self, model, refused):
        super().__init__(model)
        self.refused = set(refused)

    def user_has_permission(self, user, action):
        return action not in self.refused and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return action not in self.refused and super().user_has_permission_for_instance(user, action, instance)


# Warnings are made by the importer, never by hand; material is edited on its project's page.
register_permission_policy(ImportWarning, LimitedPolicy(ImportWarning, refused=["add", "delete"]), exact_class=True)
register_permission_policy(
    ProjectMateriaal, LimitedPolicy(ProjectMateriaal, refused=["add", "change", "delete"]), exact_class=True,
)


# --------------------------------------------------------------------------- import warnings


class ImportWarningFilterSet(WagtailFilterSet):
    soort = django_filters.MultipleChoiceFilter(
        label="Soort", choices=ImportWarning.Soort.choices, widget=forms.CheckboxSelectMultiple,
    )
    afgehandeld = django_filters.BooleanFilter(
        label="Afgehandeld",
        widget=forms.RadioSelect(choices=[("", "Alle"), ("false", "Nog te doen"), ("true", "Afgehandeld")]),
    )

    class Meta:
        model = ImportWarning
        fields = []


class ImportWarningIndexView(generic.IndexView):
    """The warnings of the last import; open ones first."""

    def get_base_queryset(self):
        run = ImportRun.latest()
        queryset = super().get_base_queryset().select_related("project")
        return queryset.filter(run=run) if run else queryset.none()

    def get_page_subtitle(self):
        run = ImportRun.latest()
        return str(run) if run else "Nog geen import"


class ImportWarningEditView(generic.EditView):
    def save_instance(self):
        warning = self.form.save(commit=False)
        warning.mark_handled(self.request.user, warning.afgehandeld)
        warning.save()
        return warning


class ImportWarningViewSet(ModelViewSet):
    model = ImportWarning
    icon = "warning"
    menu_label = "Importmeldingen"
    name = "importmeldingen"
    form_fields = ["afgehandeld"]
    filterset_class = ImportWarningFilterSet
    index_view_class = ImportWarningIndexView
    edit_view_class = ImportWarningEditView
    copy_view_enabled = False
    ordering = ["afgehandeld", "regel", "pk"]
    list_display = [
        "regel",
        TitleColumn("melding", label="Melding (klik om af te handelen)", url_name="importmeldingen:edit"),
        TitleColumn(
            "projecttitel", label="Project",
            get_url=lambda w: page_edit_url(w.project_id) if w.project_id else None,
        ),
        Column("soort", label="Soort", accessor="get_soort_display"),
        StatusTagColumn(
            "afgehandeld", label="Status", accessor=lambda w: "afgehandeld" if w.afgehandeld else "te doen",
            primary=lambda w: not w.afgehandeld,
        ),
    ]
    list_export = ["regel", "projecttitel", "soort", "melding", "afgehandeld"]
    export_filename = "importmeldingen"


# --------------------------------------------------------------------------- URL ontbreekt


class MissingLinkFilterSet(WagtailFilterSet):
    soort = django_filters.MultipleChoiceFilter(
        label="Soort", choices=ProjectMateriaal.Soort.choices, widget=forms.CheckboxSelectMultiple,
    )
    thema = django_filters.ModelChoiceFilter(label="Thema", queryset=Thema.objects.all(), field_name="page__thema")

    class Meta:
        model = ProjectMateriaal
        fields = []


class MissingLinkIndexView(generic.IndexView):
    """Material without a document or URL; an item leaves the list once its project is published with one."""

    page_title = "URL ontbreekt"

    def get_base_queryset(self):
        return (
            super().get_base_queryset().filter(document__isnull=True, url="")
            .select_related("page").order_by("page__title", "sort_order")
        )

    def get_page_subtitle(self):
        return "Materiaal zonder document of webadres"


class MissingLinkViewSet(ModelViewSet):
    model = ProjectMateriaal
    icon = "link"
    menu_label = "URL ontbreekt"
    name = "url-ontbreekt"
    exclude_form_fields = []
    filterset_class = MissingLinkFilterSet
    index_view_class = MissingLinkIndexView
    copy_view_enabled = False
    sort_order_field = None
    list_display = [
        TitleColumn(
            "titel", label="Materiaal (klik om het document of webadres toe te voegen)",
            get_url=lambda m: page_edit_url(m.page_id),
        ),
        Column("soort", label="Soort", accessor="get_soort_display"),
        Column("page", label="Project"),
    ]
    list_export = ["titel", "soort", "page"]
    export_filename = "url-ontbreekt"


class LibraryWorkGroup(ViewSetGroup):
    menu_label = "Bibliotheekwerk"
    menu_icon = "tasks"
    menu_order = 160
    items = (ImportWarningViewSet, MissingLinkViewSet)


@hooks.register("register_admin_viewset")
def register_library_work():
    return LibraryWorkGroup()
