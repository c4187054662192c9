"""The management report in the Wagtail admin: Wagtail's ReportView with its filters and spreadsheet export.

One page of tables and charts; the tables in `TABELLEN` are exportable as CSV and XLSX
(`?export=csv&tabel=organisaties`, `?export=xlsx&tabel=top10`, ...) with the same filters as the page.
The figures come from `figures.py`; who sees which employers from `access.py`.
"""

from collections.abc import Callable
from datetime import date
from typing import NamedTuple

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.functional import cached_property
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Table
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import AdminDateInput, Button

from profielen.figures import PROFIEL_KOLOMMEN, profile_figures
from ruilen import figures as ruil_figures
from taxonomie.models import Regio
from vacatures import phases
from vacatures.models import OrganisatiePage
from vacatures.roles import is_coordinator
from vragen.figures import KOLOMMEN as VRAGEN_KOLOMMEN
from vragen.figures import question_figures
from vragen.models import answer_time_target

from . import charts, figures, school
from .access import visible_employer_ids


class Tabel(NamedTuple):
    """An exportable table of the report: its name in the download button, its sheet name and where its
    columns, rows and totals row (None for a ranking) come from on the view."""

    naam: str
    werkblad: str
    data: Callable


TABELLEN = {
    "organisaties": Tabel("tabel per organisatie", "Per organisatie",
                          lambda view: (view.organisation_columns, *view.organisation_figures)),
    "top10": Tabel("top 10", "Top 10 vacatures", lambda view: (figures.TOP_KOLOMMEN, view.top_vacancies, None)),
    "klussen": Tabel("tabel klussen", "Klussen", lambda view: (figures.KLUS_KOLOMMEN, *view.klus_figures)),
    "profielen": Tabel("tabel profielen", "Profielen", lambda view: (PROFIEL_KOLOMMEN, *view.profile_figures)),
    "school": Tabel("Twentse School per organisatie", "Twentse School",
                    lambda view: (school.SCHOOL_KOLOMMEN, *view.school_figures[:2])),
    "alerts": Tabel("vacaturealerts per maand", "Vacaturealerts", lambda view: view.alert_figures),
}


class RapportageFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        van, tot = cleaned.get("van"), cleaned.get("tot")
        if van and tot and van > tot:
            raise ValidationError("De datum ‘tot en met’ ligt vóór de datum ‘van’.")
        return cleaned


class RapportageFilterSet(WagtailFilterSet):
    """Only a form: the choices are read from it and handed to figures.py (nothing filters a queryset)."""

    van = django_filters.DateFilter(
        label="Van", widget=AdminDateInput, method="unchanged",
        help_text="Leeg: 1 januari van het jaar van ‘tot en met’ (of van dit jaar).",
    )
    tot = django_filters.DateFilter(
        label="Tot en met", widget=AdminDateInput, method="unchanged",
        help_text="Leeg: 31 december van het jaar van ‘van’ (of van dit jaar).",
    )
    regio = django_filters.ModelChoiceFilter(
        label="Regio", queryset=Regio.objects.order_by("naam"), empty_label="Alle regio’s", method="unchanged",
    )

    class Meta:
        model = OrganisatiePage
        fields = []
        form = RapportageFilterForm

    def unchanged(self, queryset, name, value):
        return queryset


def chosen_period(van, tot, today):
    """The period from the filter values; a missing bound is the start or end of the other bound's year."""
    if van is None:
        van = date((tot or today).year, 1, 1)
    if tot is None:
        tot = date(van.year, 12, 31)
    return figures.Periode(van, tot)


def html_table(columns, rows, row_header, totals=None):
    """Headings and cells for templates/rapportage/tabel.html, from the same columns as the export."""

    def cells(row):
        return [
            {"waarde": row[key], "getal": isinstance(row[key], int), "kop": key == row_header,
             "url": row.get("url") if key == row_header else None}
            for key, _ in columns
        ]

    numeric = {key for key, _ in columns if any(isinstance(row[key], int) for row in rows)} | set(figures.GETALLEN)
    return {
        "koppen": [{"label": label, "getal": key in numeric} for key, label in columns],
        "rijen": [cells(row) for row in rows],
        "totaal": cells(totals) if totals is not None else None,
    }


class ManagementrapportageView(ReportView):
    page_title = "Managementrapportage"
    header_icon = "table"
    template_name = "rapportage/managementrapportage.html"
    results_template_name = "rapportage/managementrapportage_results.html"
    filterset_class = RapportageFilterSet
    index_url_name = "rapportage:managementrapportage"
    index_results_url_name = "rapportage:managementrapportage_results"
    paginate_by = None
    list_export = []  # set per table on export; the export links are drawn by each table

    def dispatch(self, request, *args, **kwargs):
        self.werkgever_ids = visible_employer_ids(request.user)
        if self.werkgever_ids is None:
            # A real 403 (Wagtail would turn PermissionDenied into a redirect to the dashboard).
            return TemplateResponse(request, "rapportage/geen_toegang.html", status=403)
        return super().dispatch(request, *args, **kwargs)

    # -- choices ----------------------------------------------------------------

    @cached_property
    def filter_errors(self):
        if self.filters is None or self.filters.is_valid():
            return []
        return [error for errors in self.filters.form.errors.values() for error in errors]

    @cached_property
    def choices(self):
        data = self.filters.form.cleaned_data if self.filters is not None and self.filters.is_valid() else {}
        return chosen_period(data.get("van"), data.get("tot"), phases.local_date()), data.get("regio")

    @property
    def periode(self):
        return self.choices[0]

    @property
    def regio(self):
        return self.choices[1]

    # -- figures ----------------------------------------------------------------

    @cached_property
    def organisation_figures(self):
        return figures.organisation_figures(self.periode, self.regio, self.werkgever_ids)

    @cached_property
    def top_vacancies(self):
        return figures.top_vacancies(self.periode, self.regio, self.werkgever_ids)

    @cached_property
    def klus_figures(self):
        return figures.klus_figures(self.periode, self.regio, self.werkgever_ids)

    @cached_property
    def profile_figures(self):
        return profile_figures(self.periode, figures.employers(self.regio, self.werkgever_ids))

    @cached_property
    def alert_figures(self):
        return figures.alert_figures_per_month(
            self.periode, self.regio, self.werkgever_ids, network_wide=is_coordinator(self.request.user),
        )

    @cached_property
    def school_figures(self):
        return school.school_figures(self.periode, self.regio, self.werkgever_ids)

    @cached_property
    def organisation_columns(self):
        rows, totals = self.organisation_figures
        return [(key, label) for key, label in figures.ORGANISATIE_KOLOMMEN
                if key != "vervuld_onbekend" or totals["vervuld_onbekend"]]

    def get_filtered_queryset(self):
        return self.organisation_figures[0]

    def get_table(self, object_list):
        return Table([], [])  # the tables are drawn by our own template (caption, row headers, totals)

    # -- page -------------------------------------------------------------------

    @cached_property
    def period_text(self):
        text = f"{date_format(self.periode.van, 'j F Y')} tot en met {date_format(self.periode.tot, 'j F Y')}"
        return f"{text}, regio {self.regio.naam}" if self.regio else f"{text}, alle regio’s"

    def export_url(self, tabel, fmt):
        params = self.request.GET.copy()
        for name in ("export", "tabel", "_w_filter_fragment", "p"):
            params.pop(name, None)
        params["tabel"] = tabel
        params["export"] = fmt
        return f"{self.index_url}?{params.urlencode()}"

    @cached_property
    def header_more_buttons(self):
        buttons = []
        for priority, (tabel, spec) in enumerate(TABELLEN.items()):
            for fmt in ("xlsx", "csv"):
                buttons.append(Button(
                    f"Download {spec.naam} als {fmt.upper()}", url=self.export_url(tabel, fmt), icon_name="download",
                    priority=90 + priority,
                ))
        return buttons

    def question_table(self):
        """Questions to the advisers per topic (coordinators only: the desk serves the whole network)."""
        if not is_coordinator(self.request.user):
            return None
        termijn = answer_time_target()
        rows, totals = question_figures(self.periode, termijn, self.regio)
        for row in [*rows, totals]:
            row["mediaan"] = "–" if row["mediaan"] is None else f"{row['mediaan']:g}".replace(".", ",")
            row["binnen_termijn"] = "–" if row["binnen_termijn"] is None else round(100 * row["binnen_termijn"])
        return {"termijn": termijn, "tabel": html_table(VRAGEN_KOLOMMEN, rows, "onderwerp", totals)}

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        rows, totals = self.organisation_figures
        top = self.top_vacancies
        for row in top:
            row["url"] = reverse("wagtailadmin_pages:edit", args=[row["vacature_id"]])
        filled_in_network = totals["vervuld_eigen"] + totals["vervuld_netwerk"]
        context.update(
            rows=rows, totals=totals, top=top, periode=self.periode, regio=self.regio,
            period_text=self.period_text, filter_errors=self.filter_errors,
            aandeel_netwerk=round(100 * filled_in_network / totals["vervuld"]) if totals["vervuld"] else None,
            vacature_diagram=charts.vacature_diagram(rows), reactie_diagram=charts.reactie_diagram(rows),
            organisatie_tabel=self.table_for("organisaties", "organisatie"),
            top_tabel=self.table_for("top10", "vacature"),
            alertcijfers=self.alert_figures[2],
            alert_tabel=self.table_for("alerts", "maand"),
            klus_tabel=self.table_for("klussen", "organisatie"),
            profiel_tabel=self.table_for("profielen", "organisatie"),
            school_rows=self.school_figures[0],
            school_diagram=school.school_diagram(self.school_figures[0]),
            school_tabel=self.table_for("school", "organisatie"),
            top_opleidingen=html_table(
                school.TOP_OPLEIDINGEN_KOLOMMEN,
                school.top_trainings(self.periode, self.regio, self.werkgever_ids), "opleiding",
            ),
            wachtlijsten=html_table(
                school.WACHTLIJST_KOLOMMEN,
                school.waiting_lists(self.periode, self.regio, self.werkgever_ids), "opleiding",
            ),
            vragen=self.question_table(),
            **self.swap_tables(),
            export_urls={
                tabel: {fmt: self.export_url(tabel, fmt) for fmt in ("xlsx", "csv")} for tabel in TABELLEN
            },
        )
        return context

    def table_for(self, tabel, row_header):
        columns, rows, totals = TABELLEN[tabel].data(self)
        return html_table(columns, rows, row_header, totals)

    def swap_tables(self):
        """Jouw Baan Mijn Baan (ruilen/figures.py): per employer in the period and region, and per year."""
        ids = list(figures.employers(self.regio, self.werkgever_ids).values_list("pk", flat=True))
        rows, totals = ruil_figures.per_employer(self.periode.van, self.periode.tot, ids)
        return {
            "ruil_tabel": html_table(ruil_figures.KOLOMMEN, rows, "organisatie", totals),
            "ruil_jaar_tabel": html_table(ruil_figures.JAAR_KOLOMMEN, ruil_figures.per_year(ids), "jaar"),
        }

    # -- export -----------------------------------------------------------------

    def get(self, request, *args, **kwargs):
        if self.is_export:
            if self.filter_errors:  # never hand out a different period than was asked for
                return HttpResponseBadRequest(" ".join(self.filter_errors), content_type="text/plain; charset=utf-8")
            return self.export(request.GET.get("tabel", "organisaties"), request.GET["export"])
        return super().get(request, *args, **kwargs)

    def export(self, tabel, fmt):
        if tabel not in TABELLEN:
            raise Http404("Onbekende tabel")
        columns, rows, totals = TABELLEN[tabel].data(self)
        self.list_export = [key for key, _ in columns]
        self.export_headings = dict(columns)
        self.sheet_title = TABELLEN[tabel].werkblad
        return self.as_spreadsheet([*rows, totals] if totals is not None else rows, fmt)

    def write_xlsx(self, queryset, output):
        """Wagtail's, with a Dutch sheet name instead of 'Sheet1'."""
        from openpyxl import Workbook  # loaded only for a spreadsheet download, as Wagtail does

        workbook = Workbook(write_only=True)
        worksheet = workbook.create_sheet(title=self.sheet_title)
        worksheet.append(self.get_heading(queryset, field) for field in self.list_export)
        for item in queryset:
            worksheet.append(self.generate_xlsx_row(worksheet, self.to_row_dict(item)))
        workbook.save(output)

    def get_filename(self):
        tabel = self.request.GET.get("tabel", "organisaties")
        regio = f"-{self.regio.slug}" if self.regio else ""
        return f"managementrapportage-{tabel}-{self.periode.van.isoformat()}-{self.periode.tot.isoformat()}{regio}"
