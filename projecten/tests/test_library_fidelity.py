"""The library shows what the source says (issue 18): status, sorting, evaluation filter, collaborations,
search in material and themes, precision in the API, extra fields and "je" on the project page."""

from datetime import date, timedelta
from types import SimpleNamespace

import pytest
from django.utils import timezone

from projecten.models import ProjectPage
from projecten.status import Status, status_on, status_q
from taxonomie.models import Organisatie, Thema

TODAY = timezone.localdate()


def years_ago(years, days=0):
    try:
        return TODAY.replace(year=TODAY.year - years) + timedelta(days=days)
    except ValueError:
        return TODAY.replace(year=TODAY.year - years, day=28) + timedelta(days=days)


# --------------------------------------------------------------------------- 6: status

# (start, start precision, end, end precision, status), statuses written out by hand
STATUS_CASES = [
    (date(2018, 3, 1), "maand", None, "", Status.ONBEKEND),  # started in 2018, no end: not "lopend"
    (years_ago(2, days=1), "dag", None, "", Status.LOPEND),  # started less than two years ago
    (years_ago(2, days=-1), "dag", None, "", Status.ONBEKEND),  # a day more than two years ago
    (years_ago(5), "dag", TODAY + timedelta(days=10), "dag", Status.LOPEND),  # known end still to come
    (None, "", TODAY + timedelta(days=10), "dag", Status.LOPEND),
    (years_ago(5), "dag", TODAY.replace(day=1), "maand", Status.LOPEND),  # ends this month
    (years_ago(5), "dag", TODAY - timedelta(days=1), "dag", Status.AFGEROND),
    (TODAY + timedelta(days=5), "dag", None, "", Status.GEPLAND),
    (TODAY + timedelta(days=5), "dag", TODAY + timedelta(days=50), "dag", Status.GEPLAND),
    (None, "", None, "", Status.ONBEKEND),
]


@pytest.mark.parametrize(("start", "start_p", "end", "end_p", "expected"), STATUS_CASES)
def test_status_rule(start, start_p, end, end_p, expected):
    from projecten.dates import last_day

    project = SimpleNamespace(looptijd_start=start, looptijd_eind_tot=last_day(end, end_p))
    assert status_on(project, TODAY) == expected


def test_the_database_filter_agrees_with_the_rule(make_project):
    expected = {}
    for n, (start, start_p, end, end_p, status) in enumerate(STATUS_CASES):
        make_project(f"Project {n}", start=start, start_p=start_p, end=end, end_p=end_p)
        expected[f"Project {n}"] = status
    for status in Status:
        found = set(ProjectPage.objects.filter(status_q(status, TODAY)).values_list("title", flat=True))
        assert found == {title for title, s in expected.items() if s == status}, status
    for page in ProjectPage.objects.all():
        assert page.status == expected[page.title]


# --------------------------------------------------------------------------- 10: sorting, evaluation filter


def test_sorting_by_newest_start_date_and_title(client, make_project):
    make_project("Bravo", start=date(2020, 5, 1))
    make_project("Alfa", start=None)
    make_project("Charlie", start=date(2022, 1, 1))
    make_project("Delta", start=date(2019, 1, 1))

    def titles(sort):
        return [p.title for p in client.get("/inspiratie/", {"sorteer": sort} if sort else {}).context["projects"]]

    assert titles("") == ["Alfa", "Bravo", "Charlie", "Delta"]
    assert titles("titel") == ["Alfa", "Bravo", "Charlie", "Delta"]
    assert titles("startdatum") == ["Charlie", "Bravo", "Delta", "Alfa"]  # without a start date last
    assert titles("nieuwste") == ["Delta", "Charlie", "Alfa", "Bravo"]  # published last first
    html = client.get("/inspiratie/", {"sorteer": "startdatum", "thema": "x"}).content.decode()
    assert '<option value="startdatum" selected>' in html


def test_sort_survives_pagination(client, make_project):
    for n in range(22):
        make_project(f"Project {n:02}", start=date(2000 + n, 1, 1))
    response = client.get("/inspiratie/", {"sorteer": "startdatum"})
    assert "sorteer=startdatum" in response.context["search"].querystring_without_page
    assert [p.title for p in response.context["projects"]][:2] == ["Project 21", "Project 20"]


def test_evaluation_filter_and_its_count(client, make_project):
    make_project("Met rapport", materiaal=[("tussenrapportage", "Tussenrapport")])
    make_project("Met sectie", body=[("evaluatie", {"soort": "evaluatie", "kop": "", "tekst": "<p>Goed.</p>"})])
    make_project("Met podcast", materiaal=[("podcast", "Podcast")])
    make_project("Zonder")
    response = client.get("/inspiratie/", {"evaluatie": "ja"})
    assert sorted(p.title for p in response.context["projects"]) == ["Met rapport", "Met sectie"]
    html = client.get("/inspiratie/").content.decode()
    assert "Met evaluatiemateriaal (2)" in html


def test_project_page_speaks_je_not_u(client, make_project):
    page = make_project("Contactproject", contactpersoon="A. Bakker", contactgegevens="a@b.example")
    html = client.get(page.url).content.decode()
    assert "Wil je meer weten" in html
    assert "Wilt u" not in html and " u " not in html


# --------------------------------------------------------------------------- 12: extra fields on the page


def test_extra_fields_are_shown_on_the_page_and_in_the_api(client, make_project):
    from projecten.models import ProjectVeld

    page = make_project("Met budget")
    page.extra_velden = [ProjectVeld(label="Budget", waarde="€ 45.000")]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "<dt>Budget</dt><dd>€ 45.000</dd>" in html
    assert client.get(f"/api/v2/pages/{page.pk}/").json()["extra_velden"] == [{"label": "Budget", "waarde": "€ 45.000"}]


# --------------------------------------------------------------------------- 14: precision in the API


def test_api_publishes_each_date_with_its_precision(client, make_project):
    page = make_project("Heel 2020", start=date(2020, 1, 1), start_p="jaar", end=date(2020, 1, 1), end_p="jaar")
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert (data["looptijd_start"], data["looptijd_start_precisie"]) == ("2020-01-01", "jaar")
    assert (data["looptijd_eind"], data["looptijd_eind_precisie"]) == ("2020-01-01", "jaar")
    assert data["looptijd_eind_tot"] == "2020-12-31"


# --------------------------------------------------------------------------- 16: collaborations


def test_a_collaborations_projects_count_for_its_members(client, make_project):
    samen = Organisatie.objects.create(naam="Rivierstroom", slug="rivierstroom", soort="samenwerkingsverband")
    oever = Organisatie.objects.create(naam="Oeverdam", slug="oeverdam")
    kribbe = Organisatie.objects.create(naam="Kribbeland", slug="kribbeland")
    samen.leden.add(oever, kribbe)
    page = make_project("Samen leren", orgs=["Rivierstroom"])
    make_project("Eigen project", orgs=["Oeverdam"])
    response = client.get("/inspiratie/")
    counts = {o.value: o.count for f in response.context["search"].facets if f.name == "organisatie" for o in f.options}
    assert counts == {"rivierstroom": 1, "oeverdam": 2, "kribbeland": 1}
    found = client.get("/inspiratie/", {"organisatie": "kribbeland"}).context["projects"]
    assert [p.title for p in found] == ["Samen leren"]
    html = client.get(page.url).content.decode()
    assert "Oeverdam, Kribbeland (via Rivierstroom)" in html or "Kribbeland, Oeverdam (via Rivierstroom)" in html


# --------------------------------------------------------------------------- 17: search


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("podcast", ["Met podcast"]),  # the kind of the material
        ("teamgesprekken", ["Met podcast"]),  # a word of the material's title
        ("loopbaan", ["Loopbaanproject"]),  # a search word of the theme
        ("loopbaanontwikkeling", ["Loopbaanproject"]),  # the theme's name
        ("carrière", ["Loopbaanproject"]),  # another spelling of the theme
    ],
)
def test_search_finds_material_and_theme(client, make_project, query, expected):
    make_project("Met podcast", materiaal=[("podcast", "Luister naar de teamgesprekken")])
    thema = Thema.objects.create(naam="Loopbaanontwikkeling", aliassen="Carrière", zoekwoorden="loopbaan")
    make_project("Loopbaanproject", thema=thema.naam)
    make_project("Iets anders", samenvatting="Over fietsen.")
    library = [p.title for p in client.get("/inspiratie/", {"q": query}).context["projects"]]
    site = [page.title for page, _ in client.get("/zoeken/", {"q": query}).context["results"]]
    assert library == expected
    assert site == expected
