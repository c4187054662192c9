"""Project page, home page, API v2 and sitemap for the library."""

from datetime import date
from types import SimpleNamespace

import pytest

from projecten.dates import format_date, last_day
from projecten.models import ProjectPage
from projecten.status import Status, status_on


def test_project_page_shows_every_field_in_readable_dutch(client, make_project):
    page = make_project(
        "Vitaal aan het werk", orgs=["Ede", "Wageningen"], thema="Vitaliteit", ronde="2021-1",
        start=date(2019, 9, 1), start_p="maand", end=date(2019, 12, 1), end_p="maand",
        samenvatting="Eerste alinea.\n\nTweede alinea.",
        materiaal=[("eindevaluatie", "Eindrapport vitaliteit")],
        contactpersoon="A. de Vries en B. Jansen", contactgegevens="a.devries@gemeente.example | 0318 000000",
        looptijd_tekst="september 2019 - december 2019",
    )
    html = client.get(page.url).content.decode()
    for text in [
        "Vitaal aan het werk", "Ede", "Wageningen", "Vitaliteit", "2021 periode 1",
        "september 2019 – december 2019", "Afgerond", "Eerste alinea.", "Tweede alinea.",
        "Eindrapport vitaliteit", "link nog niet beschikbaar", "A. de Vries en B. Jansen", "0318 000000",
    ]:
        assert text in html, text
    assert '<html lang="nl"' in html


def test_related_projects_share_the_theme_nearest_in_time(client, make_project):
    page = make_project("Midden", thema="Vitaliteit", start=date(2020, 6, 1))
    make_project("Dichtbij", thema="Vitaliteit", start=date(2020, 7, 1))
    make_project("Ver weg", thema="Vitaliteit", start=date(2010, 1, 1))
    make_project("Ander thema", thema="Leren en ontwikkelen", start=date(2020, 6, 1))
    related = [p.title for p in page.related_projects(limit=2)]
    assert related == ["Dichtbij", "Ver weg"]


@pytest.mark.parametrize(
    "start,start_p,end,end_p,today,expected",
    [
        (date(2020, 1, 1), "dag", date(2020, 12, 31), "dag", date(2021, 1, 1), Status.AFGEROND),
        (date(2020, 1, 1), "dag", date(2020, 12, 31), "dag", date(2020, 12, 31), Status.LOPEND),
        (date(2020, 1, 1), "maand", date(2020, 12, 1), "maand", date(2020, 12, 31), Status.LOPEND),
        (date(2020, 1, 1), "jaar", date(2021, 1, 1), "jaar", date(2021, 12, 31), Status.LOPEND),
        (date(2020, 1, 1), "jaar", date(2021, 1, 1), "jaar", date(2022, 1, 1), Status.AFGEROND),
        (None, "", None, "", date(2021, 1, 1), Status.ONBEKEND),
        (date(2030, 1, 1), "dag", None, "", date(2021, 1, 1), Status.GEPLAND),
        (None, "", date(2020, 1, 1), "dag", date(2021, 1, 1), Status.AFGEROND),
    ],
)
def test_status_is_derived_from_dates_and_precision(start, start_p, end, end_p, today, expected):
    project = SimpleNamespace(looptijd_start=start, looptijd_eind_tot=last_day(end, end_p))
    assert status_on(project, today) == expected


@pytest.mark.django_db
def test_a_one_month_project_reads_as_one_month():
    page = ProjectPage(looptijd_start=date(2023, 9, 1), looptijd_start_precisie="maand",
                       looptijd_eind=date(2023, 9, 1), looptijd_eind_precisie="maand")
    assert page.looptijd_leesbaar == "september 2023"


def test_date_helpers():
    assert last_day(date(2024, 2, 1), "maand") == date(2024, 2, 29)
    assert format_date(date(2019, 9, 3), "dag") == "3 september 2019"
    assert format_date(date(2019, 9, 1), "maand") == "september 2019"
    assert format_date(date(2019, 1, 1), "jaar") == "2019"


def test_home_page_shows_newest_projects_and_the_way_in(client, make_project):
    make_project("Nieuwste project", orgs=["Ede"])
    html = client.get("/").content.decode()
    assert "Nieuwste project" in html
    assert 'href="/inspiratie/"' in html


def test_api_exposes_the_agreed_field_names(client, make_project):
    page = make_project(
        "API-project", orgs=["Ede", "Wageningen"], thema="Vitaliteit", ronde="2021-2",
        start=date(2020, 1, 1), end=date(2020, 6, 30), samenvatting="Kort.",
        materiaal=[("podcast", "De podcast")], contactpersoon="C. Bakker", looptijd_tekst="jan - jun 2020",
    )
    make_project("Niet live", live=False)
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert data["organisaties"] == [{"naam": "Ede", "slug": "ede"}, {"naam": "Wageningen", "slug": "wageningen"}]
    assert data["thema"] == "Vitaliteit"
    assert data["subsidieronde"] == "2021-2"
    assert data["looptijd_tekst"] == "jan - jun 2020"
    assert data["looptijd_start"] == "2020-01-01"
    assert data["looptijd_eind"] == "2020-06-30"
    assert data["status"] == "afgerond"
    assert data["contactpersoon"] == "C. Bakker"
    assert data["samenvatting"] == "Kort."
    assert data["materiaal"] == [{"soort": "podcast", "titel": "De podcast", "url": None}]
    listing = client.get("/api/v2/pages/?type=projecten.ProjectPage&fields=status").json()
    assert [item["title"] for item in listing["items"]] == ["API-project"]


def test_sitemap_lists_live_projects_only(client, make_project):
    make_project("Zichtbaar project", live=True)
    hidden = make_project("Verborgen project", live=False)
    xml = client.get("/sitemap.xml").content.decode()
    assert "zichtbaar-project" in xml
    assert hidden.slug not in xml
