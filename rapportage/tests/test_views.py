"""The report in the admin: who sees what, filters, the page's tables and charts, CSV and XLSX exports."""

import csv
import io
import re
from datetime import date
from html.parser import HTMLParser

import openpyxl
import pytest

from rapportage.figures import Periode
from reacties.models import Dagcijfers
from taxonomie.models import Regio
from vacatures import phases
from vacatures.tests import fixtures

from .test_figures import EXPECTED_2024, dataset  # noqa: F401

# The network and the data set are made once for the module; what a test writes is rolled back after it.
network = fixtures.network_from_module

URL = "/admin/rapportage/management/"
RESULTS_URL = "/admin/rapportage/management/results/"
YEAR_2024 = "van=2024-01-01&tot=2024-12-31"


class TableParser(HTMLParser):
    """The text of every cell of one table, row by row: {"head": [...], "body": [[...]], "foot": [[...]]}."""

    def __init__(self, table_id):
        super().__init__()
        self.table_id, self.inside, self.section = table_id, False, None
        self.rows = {"head": [], "body": [], "foot": []}
        self.cell = None
        self.scopes = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and attrs.get("id") == self.table_id:
            self.inside = True
        elif not self.inside:
            return
        elif tag in ("thead", "tbody", "tfoot"):
            self.section = tag[1:] if tag != "tbody" else "body"
        elif tag == "tr":
            self.rows[self.section].append([])
        elif tag in ("td", "th"):
            self.cell = ""
            if tag == "th":
                self.scopes.append(attrs.get("scope"))

    def handle_endtag(self, tag):
        if self.inside and tag in ("td", "th"):
            self.rows[self.section][-1].append(" ".join(self.cell.split()))
            self.cell = None
        elif self.inside and tag == "table":
            self.inside = False

    def handle_data(self, data):
        if self.inside and self.cell is not None:
            self.cell += data


def table(html, table_id):
    parser = TableParser(table_id)
    parser.feed(html)
    assert parser.rows["head"], f"no table {table_id}"
    return parser


def number(text):
    """'1.234' (Dutch thousands separator) -> 1234; other text unchanged."""
    return int(text.replace(".", "")) if re.fullmatch(r"\d{1,3}(\.\d{3})*", text) else text


def body_of(parser):
    return [[number(cell) for cell in row] for row in parser.rows["body"] + parser.rows["foot"]]


def csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text)))


def xlsx_rows(response):
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    return [["" if value is None else value for value in row] for row in workbook.active.iter_rows(values_only=True)]


def organisations_in(response):
    return [row["organisatie"] for row in response.context["rows"]]


# -- access ---------------------------------------------------------------------------------------


def test_superuser_and_coordinator_see_every_employer(admin_client, client, coordinator, dataset):  # noqa: F811
    response = admin_client.get(f"{URL}?{YEAR_2024}")
    assert response.status_code == 200
    assert organisations_in(response) == ["Alfa", "Beta", "Gamma"]

    client.force_login(coordinator)
    response = client.get(f"{URL}?{YEAR_2024}")
    assert response.status_code == 200
    assert organisations_in(response) == ["Alfa", "Beta", "Gamma"]
    assert {row["organisatie"] for row in response.context["top"]} == {"Alfa", "Beta"}


CRAFTED = [
    "",
    "regio={gelderland}",
    "werkgever={beta}&werkgever_ids={beta}&organisatie={beta}",
    "export=csv&tabel=organisaties&regio={gelderland}",
]


def test_editor_sees_only_their_own_employer(client, editor_of, dataset):  # noqa: F811
    beta = dataset["network"]["beta"]
    gelderland = Regio.objects.get(naam="Gelderland")
    # Beta has the vacancy with the most reactions of all.
    Dagcijfers.objects.create(vacature=dataset["vacancies"]["b2"], datum=date(2024, 5, 5), reacties_extern=50)
    client.force_login(editor_of("alfa"))

    response = client.get(f"{URL}?{YEAR_2024}")
    assert response.status_code == 200
    assert organisations_in(response) == ["Alfa"]
    assert {row["organisatie"] for row in response.context["top"]} == {"Alfa"}
    assert response.context["totals"]["reacties"] == EXPECTED_2024["Alfa"]["reacties"]
    html = response.content.decode()
    assert "Beta" not in html and "Vacature b" not in html

    for crafted in CRAFTED:
        query = f"{YEAR_2024}&" + crafted.format(beta=beta.pk, gelderland=gelderland.pk)
        for url in (URL, RESULTS_URL):
            response = client.get(f"{url}?{query}")
            assert response.status_code == 200
            body = b"".join(response.streaming_content) if response.streaming else response.content
            assert b"Beta" not in body and b"Vacature b" not in body, (url, query)
        for tabel in ("organisaties", "top10"):
            for fmt in ("csv", "xlsx"):
                response = client.get(f"{URL}?{query}&export={fmt}&tabel={tabel}")
                rows = csv_rows(response) if fmt == "csv" else xlsx_rows(response)
                assert not any("Beta" in str(cell) or "Vacature b" in str(cell) for row in rows for cell in row)


def test_anyone_else_is_refused(client, outsider, dataset):  # noqa: F811
    client.force_login(outsider)
    for url in (URL, RESULTS_URL, f"{URL}?export=csv&tabel=organisaties", f"{URL}?export=xlsx&tabel=top10"):
        assert client.get(url).status_code == 403
    client.logout()
    response = client.get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_menu_item_only_for_readers(client, admin_client, coordinator, editor_of, outsider):
    assert "managementrapportage" in admin_client.get("/admin/").content.decode()
    for user, shown in ((coordinator, True), (editor_of("alfa"), True), (outsider, False)):
        client.force_login(user)
        html = client.get("/admin/").content.decode()
        assert ("managementrapportage" in html) is shown, user.username


# -- filters --------------------------------------------------------------------------------------


def test_default_period_is_this_calendar_year(admin_client, network):
    response = admin_client.get(URL)
    assert response.context["periode"] == Periode.jaar(phases.local_date().year)
    assert response.context["regio"] is None


def test_one_bound_fills_the_rest_of_its_year(admin_client, network):
    assert admin_client.get(f"{URL}?van=2023-03-01").context["periode"] == Periode(date(2023, 3, 1), date(2023, 12, 31))
    assert admin_client.get(f"{URL}?tot=2022-06-30").context["periode"] == Periode(date(2022, 1, 1), date(2022, 6, 30))


def test_period_backwards_is_explained_and_not_exported(admin_client, network):
    response = admin_client.get(f"{URL}?van=2024-05-01&tot=2024-04-01")
    assert response.status_code == 200
    assert "ligt vóór de datum ‘van’" in response.content.decode()
    assert response.context["periode"] == Periode.jaar(phases.local_date().year)
    assert admin_client.get(f"{URL}?van=2024-05-01&tot=2024-04-01&export=csv").status_code == 400


def test_region_filter(admin_client, dataset):  # noqa: F811
    twente = Regio.objects.get(naam="Twente")
    response = admin_client.get(f"{URL}?{YEAR_2024}&regio={twente.pk}")
    assert organisations_in(response) == ["Alfa", "Gamma"]
    assert {row["organisatie"] for row in response.context["top"]} == {"Alfa"}
    assert response.context["totals"]["gepubliceerd"] == EXPECTED_2024["Alfa"]["gepubliceerd"]
    assert "regio Twente" in response.content.decode()
    results = admin_client.get(f"{RESULTS_URL}?{YEAR_2024}&regio={twente.pk}")
    assert results.status_code == 200 and "Beta" not in results.content.decode()


# -- the page -------------------------------------------------------------------------------------


def test_page_tables_charts_and_totals(admin_client, dataset):  # noqa: F811
    html = admin_client.get(f"{URL}?{YEAR_2024}").content.decode()
    organisations = table(html, "tabel-organisaties")
    assert organisations.rows["head"][0][:4] == ["Organisatie", "Regio", "Vacatures gepubliceerd", "Vacatures vervuld"]
    body = body_of(organisations)
    headings = organisations.rows["head"][0]
    keys = ["gepubliceerd", "vervuld", "vervuld_eigen", "vervuld_netwerk", "vervuld_extern", "vervuld_onbekend",
            "reacties", "reacties_eigen", "reacties_netwerk", "reacties_extern", "weergaven"]
    assert len(headings) == 2 + len(keys)
    for row in body[:-1]:
        assert row[2:] == [EXPECTED_2024[row[0]][key] for key in keys]
    assert body[-1][0] == "Totaal"
    for column in range(2, len(headings)):  # the totals row is the sum of the rows shown
        assert body[-1][column] == sum(row[column] for row in body[:-1])
    assert set(organisations.scopes) == {"col", "row"}

    top = table(html, "tabel-top10")
    assert [row[1] for row in top.rows["body"]] == ["Vacature a1", "Vacature b1", "Vacature a3", "Vacature b2"]
    assert top.rows["body"][0][2:6] == ["V-Vacature a", "Alfa", "Vast", "10"]

    # the vacancy alerts per month, organisations, top 10, klussen, profiles, the School, (for coordinators)
    # the questions per topic, and the two of Jouw Baan Mijn Baan (ruilen)
    assert len(re.findall(r"<caption id=", html)) == 9 and 'id="tabel-vragen"' in html
    assert html.count("<svg class=\"rapportage-diagram\"") == 3
    for svg in re.findall(r"<svg class=\"rapportage-diagram\"[^>]*>", html):
        assert 'aria-hidden="true"' in svg
    assert 'href="#tabel-organisaties"' in html  # the charts point to the table
    assert "50%" in html  # 2 of the 4 filled vacancies were filled within the network


def test_unknown_origin_column_only_when_needed(admin_client, dataset):  # noqa: F811
    html = admin_client.get("/admin/rapportage/management/?van=2024-01-01&tot=2024-06-30").content.decode()
    assert "Vervuld, herkomst onbekend" not in html
    assert "Vervuld, herkomst onbekend" in admin_client.get(f"{URL}?{YEAR_2024}").content.decode()


# -- exports --------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exports_match_the_tables(admin_client, dataset, fmt):  # noqa: F811
    html = admin_client.get(f"{URL}?{YEAR_2024}").content.decode()
    for tabel, table_id in (("organisaties", "tabel-organisaties"), ("top10", "tabel-top10")):
        response = admin_client.get(f"{URL}?{YEAR_2024}&export={fmt}&tabel={tabel}")
        assert "managementrapportage-" + tabel + "-2024-01-01-2024-12-31." + fmt in response["Content-Disposition"]
        rows = csv_rows(response) if fmt == "csv" else xlsx_rows(response)
        shown = table(html, table_id)
        assert rows[0] == shown.rows["head"][0]
        exported = [[number(str(cell)) for cell in row] for row in rows[1:]]
        assert exported == body_of(shown)
        if fmt == "xlsx":  # numbers stay numbers in the spreadsheet
            assert all(isinstance(cell, int) for cell in rows[1][-3:])
            sheet = openpyxl.load_workbook(io.BytesIO(admin_client.get(
                f"{URL}?{YEAR_2024}&export=xlsx&tabel={tabel}").getvalue())).active.title
            assert sheet == {"organisaties": "Per organisatie", "top10": "Top 10 vacatures"}[tabel]
    totals = csv_rows(admin_client.get(f"{URL}?{YEAR_2024}&export=csv"))[-1]
    assert totals[0] == "Totaal" and totals[2] == "5"


def test_export_links_keep_the_filters(admin_client, dataset):  # noqa: F811
    twente = Regio.objects.get(naam="Twente")
    response = admin_client.get(f"{URL}?{YEAR_2024}&regio={twente.pk}")
    link = response.context["export_urls"]["top10"]["csv"]
    assert link.startswith(URL) and f"regio={twente.pk}" in link and "van=2024-01-01" in link
    rows = csv_rows(admin_client.get(link))
    assert {row[3] for row in rows[1:]} == {"Alfa"}
    assert admin_client.get(f"{URL}?export=csv&tabel=onbekend").status_code == 404
