"""/inspiratie/: facet counts checked against counts computed here, independently of search.service."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from conftest import project_factory

TODAY = timezone.localdate()
FIRST_OF_MONTH = TODAY.replace(day=1)

# Each project with its status written out by hand (relative to today), not computed by the code.
DATA = [
    dict(title="Fietsplan", orgs=["Ede"], thema="Vitaliteit", ronde="2021-1",
         start=date(2020, 1, 1), end=date(2020, 12, 31), status="afgerond",
         materiaal=[("eindevaluatie", "Eindrapport fietsplan")], evaluatie=True),
    dict(title="Leerbudget", orgs=["Ede", "Wageningen"], thema="Leren en ontwikkelen", ronde="2021-2",
         start=date(2020, 1, 1), end=TODAY + timedelta(days=400), status="lopend"),
    dict(title="Onbekende looptijd", orgs=["Wageningen"], thema="Vitaliteit", ronde="",
         start=None, end=None, status="onbekend",
         body=[("evaluatie", {"soort": "eindevaluatie", "kop": "", "tekst": "<p>Het werkte.</p>"})], evaluatie=True),
    dict(title="Toekomstplan", orgs=["Arnhem"], thema="Leren en ontwikkelen", ronde="2021-1",
         start=TODAY + timedelta(days=30), end=None, status="gepland",
         materiaal=[("podcast", "Een podcast is geen evaluatie")]),
    # Ends "this month": month precision means it runs until the last day of this month.
    dict(title="Maandproject", orgs=["Ede"], thema="Leren en ontwikkelen", ronde="",
         start=date(2021, 1, 1), end=FIRST_OF_MONTH, end_p="maand", status="lopend"),
    dict(title="Zonder thema", orgs=["Arnhem", "Ede"], thema=None, ronde="2021-2",
         start=date(2019, 3, 1), end=date(2019, 6, 1), status="afgerond"),
]
SLUG = {"Ede": "ede", "Wageningen": "wageningen", "Arnhem": "arnhem",
        "Vitaliteit": "vitaliteit", "Leren en ontwikkelen": "leren-en-ontwikkelen"}


# Every test here only reads: the projects are made once for the module.
@pytest.fixture(scope="module")
def projects(module_library):
    make_project = project_factory(module_library)
    for d in DATA:
        extra = {"body": d["body"]} if "body" in d else {}
        make_project(d["title"], orgs=d["orgs"], thema=d["thema"], ronde=d["ronde"], start=d["start"],
                     end=d["end"], end_p=d.get("end_p", ""), materiaal=d.get("materiaal", ()), **extra)
    # Not live: must never be counted.
    make_project("Concept", orgs=["Ede"], thema="Vitaliteit", live=False)


def values_of(d, facet):
    return {
        "organisatie": {SLUG[o] for o in d["orgs"]},
        "thema": {SLUG[d["thema"]]} if d["thema"] else set(),
        "status": {d["status"]},
        "ronde": {d["ronde"]} if d["ronde"] else set(),
        "evaluatie": {"ja"} if d.get("evaluatie") else set(),
    }[facet]


def expected_counts(selected, facet):
    """Count per value of `facet`, applying every other selected facet (OR within, AND across)."""
    counts = {}
    for d in DATA:
        if all(values_of(d, f) & set(vs) for f, vs in selected.items() if f != facet):
            for v in values_of(d, facet):
                counts[v] = counts.get(v, 0) + 1
    return counts


def expected_total(selected):
    return sum(1 for d in DATA if all(values_of(d, f) & set(vs) for f, vs in selected.items()))


def query(selected):
    return "&".join(f"{f}={v}" for f, vs in selected.items() for v in vs)


@pytest.mark.parametrize(
    "selected",
    [
        {},
        {"thema": ["leren-en-ontwikkelen"]},
        {"organisatie": ["ede"], "status": ["lopend"]},
        {"organisatie": ["ede", "arnhem"]},
        {"organisatie": ["wageningen"], "thema": ["vitaliteit"], "ronde": ["2021-1"]},
        {"status": ["afgerond", "gepland"], "ronde": ["2021-2"]},
        {"evaluatie": ["ja"]},
        {"evaluatie": ["ja"], "thema": ["vitaliteit"], "organisatie": ["ede"]},
    ],
)
def test_facet_counts_follow_the_faceted_navigation_rule(client, projects, selected):
    response = client.get("/inspiratie/?" + query(selected))
    assert response.status_code == 200
    search = response.context["search"]
    assert search.total == expected_total(selected)
    for facet in search.facets:
        shown = {o.value: o.count for o in facet.options if o.count}
        assert shown == expected_counts(selected, facet.name), facet.name
        for option in facet.options:
            assert option.selected == (option.value in selected.get(facet.name, []))
    titles = {p.title for p in response.context["projects"]}
    assert "Concept" not in titles


def test_counts_are_rendered_next_to_each_value(client, projects):
    html = client.get("/inspiratie/").content.decode()
    ede = expected_counts({}, "organisatie")["ede"]
    assert f"Ede ({ede})" in html
    assert "Concept" not in html


def test_unknown_and_repeated_values_are_dropped_not_errors(client, projects):
    response = client.get("/inspiratie/?thema=bestaat-niet&thema=vitaliteit&thema=vitaliteit&status=x&pagina=abc")
    assert response.status_code == 200
    assert response.context["search"].selected == {"thema": ["vitaliteit"]}
    assert response.context["search"].total == expected_total({"thema": ["vitaliteit"]})


def test_page_past_the_end_is_404(client, projects):
    assert client.get("/inspiratie/?pagina=99999").status_code == 404


def test_more_than_one_filter_is_noindex(client, projects):
    one = client.get("/inspiratie/?thema=vitaliteit").content.decode()
    two = client.get("/inspiratie/?thema=vitaliteit&organisatie=ede").content.decode()
    assert 'name="robots" content="noindex' not in one
    assert 'name="robots" content="noindex' in two


@pytest.mark.parametrize(
    "q", ['"', "(", "AND OR NOT", "*", "a:b", "'; DROP TABLE wagtailcore_page; --", '{"a": [1]}', "x" * 2000],
)
def test_hostile_queries_answer_200(client, projects, q):
    response = client.get("/inspiratie/", {"q": q})
    assert response.status_code == 200


def test_text_query_finds_title_and_combines_with_filters(client, projects):
    response = client.get("/inspiratie/", {"q": "Leerbudget"})
    assert [p.title for p in response.context["projects"]] == ["Leerbudget"]
    response = client.get("/inspiratie/", {"q": "Leerbudget", "organisatie": "arnhem"})
    assert response.context["search"].total == 0
