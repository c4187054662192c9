"""The School in the admin: registrations for contact persons (view and export), and targets, percentages
and contact persons for coordinators. Who sees what: `access.py`."""

import django_filters
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from .access import coordinators_policy, registrations_policy, registrations_visible_to
from .choices import Status
from .models import Doelstelling, Inschrijving, Jaarpercentage, SchoolContactpersoon

register_permission_policy(Inschrijving, registrations_policy(Inschrijving))
for _model in (Doelstelling, Jaarpercentage, SchoolContactpersoon):
    register_permission_policy(_model, coordinators_policy(_model))


def year_choices():
    this_year = timezone.localdate().year
    return [(year, str(year)) for year in range(this_year + 1, this_year - 5, -1)]


class InschrijvingFilterSet(WagtailFilterSet):
    jaar = django_filters.ChoiceFilter(
        label="Jaar", field_name="sessie__start__year", choices=year_choices, empty_label="Alle jaren",
    )
    status = django_filters.ChoiceFilter(label="Status", choices=Status.choices, empty_label="Alle statussen")

    class Meta:
        model = Inschrijving
        fields = []


class InschrijvingIndexView(IndexView):
    """The list and its export start from the one rule in `access.py`."""

    def get_base_queryset(self):
        queryset = Inschrijving.objects.select_related("sessie", "sessie__opleiding", "werkgever").order_by(
            "-sessie__start", "naam", "pk",
        )
        return registrations_visible_to(queryset, self.request.user)


class InschrijvingViewSet(ModelViewSet):
    model = Inschrijving
    index_view_class = InschrijvingIndexView
    icon = "group"
    menu_label = "Inschrijvingen"
    url_prefix = "school/inschrijvingen"
    name = "school_inschrijvingen"
    list_display = ["naam", "opleiding_titel", "sessie_tekst", "status_tekst", "werkgever"]
    list_export = ["naam", "opleiding_titel", "sessie_tekst", "status_tekst", "werkgever"]
    export_headings = {
        "naam": "Naam", "opleiding_titel": "Opleiding", "sessie_tekst": "Sessie", "status_tekst": "Status",
        "werkgever": "Werkgever",
    }
    export_filename = "inschrijvingen-twentse-school"
    filterset_class = InschrijvingFilterSet
    form_fields = ["naam"]  # never shown: the policy allows viewing only
    copy_view_enabled = False
    inspect_view_enabled = False

    @property
    def columns(self):
        return [
            Column("naam", label="Naam"),
            Column("opleiding_titel", label="Opleiding"),
            Column("sessie_tekst", label="Sessie"),
            Column("status_tekst", label="Status"),
            Column("werkgever", label="Werkgever"),
        ]


class DoelstellingViewSet(ModelViewSet):
    model = Doelstelling
    icon = "pick"
    menu_label = "Doelstellingen"
    url_prefix = "school/doelstellingen"
    name = "school_doelstellingen"
    form_fields = ["jaar", "werkgever", "aantal", "fte"]
    list_display = ["werkgever", "jaar", "aantal", "fte"]
    list_filter = ["jaar"]
    copy_view_enabled = False


class JaarpercentageViewSet(ModelViewSet):
    model = Jaarpercentage
    icon = "order"
    menu_label = "Percentages per jaar"
    url_prefix = "school/percentages"
    name = "school_percentages"
    form_fields = ["jaar", "percentage"]
    list_display = ["jaar", "percentage"]
    copy_view_enabled = False


class ContactpersoonViewSet(ModelViewSet):
    model = SchoolContactpersoon
    icon = "user"
    menu_label = "Contactpersonen"
    url_prefix = "school/contactpersonen"
    name = "school_contactpersonen"
    form_fields = ["werkgever", "gebruiker"]
    list_display = ["werkgever", "gebruiker"]
    copy_view_enabled = False


class SchoolGroup(ViewSetGroup):
    menu_label = "Twentse School"
    menu_icon = "group"
    menu_order = 250
    items = (InschrijvingViewSet, DoelstellingViewSet, JaarpercentageViewSet, ContactpersoonViewSet)


@hooks.register("register_admin_viewset")
def register_school():
    return SchoolGroup()
