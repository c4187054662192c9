"""Engine-side faceting against osmem-server: the engine's answer equals the database path's.

For the vacancy listing, the library and the klussen, for every audience (the public, which is also
what an employee of a non-participating organisation gets from the sign-in; an employee of a
participating employer, who sees their own employer's intern vacancies; an employee of another
participant), with and without a text query and with facet selections: the counts of every facet value,
the total and the result ids of the engine path (`search.engine_facets`, one `_search` request) equal
those of the database path (in-memory columns; its text match comes from the same engine, so both
compare faceting and visibility, not two analyzers). A facet has more than 10 values. The engine
requests are counted on the client's transport, below the search backend: the real requests to osmem.

osmem has no Dutch analysis (see test_opensearch.py): the backend runs without INDEX_SETTINGS.
"""

import io
import random
from datetime import date, timedelta

import opensearchpy
import pytest
from django.core.management import call_command
from django.http import QueryDict
from django.test import override_settings

from kern.audience import PUBLIC, Audience
from klussen.listing import klus_facets
from klussen.models import KlusPage
from klussen.tests.fixtures import klus_factory
from projecten.listing import SORTS as PROJECT_SORTS
from projecten.listing import project_facets
from projecten.models import project_queryset
from search import engine_facets
from search.service import FacetedSearch
from taxonomie.models import Organisatie, Regio
from vacatures.listing import SORTS as VACANCY_SORTS
from vacatures.listing import vacancy_facets
from vacatures.models import OrganisatiePage, VacaturePage
from vacatures.tests.fixtures import PHASES, vacancy_factory


@pytest.fixture
def requests(monkeypatch):
    """Every HTTP request the OpenSearch client sends: (method, url), in order."""
    sent = []
    original = opensearchpy.Transport.perform_request

    def counting(self, method, url, *args, **kwargs):
        sent.append((method, url))
        return original(self, method, url, *args, **kwargs)

    monkeypatch.setattr(opensearchpy.Transport, "perform_request", counting)
    return sent


def reindex():
    call_command("update_index", stdout=io.StringIO())


def answer(search, params):
    result = search.run(params)
    facets = [(f.name, [(o.value, o.label, o.count, o.selected) for o in f.options]) for f in result.facets]
    return {"total": result.total, "facets": facets, "ids": [obj.pk for obj in result.page_obj.object_list],
            "selected": result.selected, "active": [a.label for a in result.active_filters]}


def compare(base, facets, ordering, params, requests, ranked=False):
    """The engine path's answer, after checking it equals the database path's and took one request."""
    params = params if isinstance(params, QueryDict) else query_dict(params)
    with override_settings(SEARCH_ENGINE_FACETS=False):
        expected = answer(FacetedSearch(base, facets, ordering=ordering, per_page=1000), params)
    requests.clear()
    engine = answer(FacetedSearch(base, facets, ordering=ordering, per_page=1000), params)
    assert [url for _, url in requests if "_search" in url] == [requests[0][1]], requests
    assert len(requests) == 1, requests  # one request, no scroll
    assert engine["total"] == expected["total"]
    assert engine["facets"] == expected["facets"]
    assert engine["selected"] == expected["selected"]
    assert engine["active"] == expected["active"]
    if ranked:  # relevance: equal scores may tie in another order
        assert sorted(engine["ids"]) == sorted(expected["ids"])
    else:
        assert engine["ids"] == expected["ids"]
    assert len(engine["ids"]) == engine["total"]
    return engine


def query_dict(params):
    q = QueryDict(mutable=True)
    for key, value in params.items():
        q.setlist(key, value if isinstance(value, list) else [value])
    return q


def option_values(found, facet):
    return [value for value, _, count, _ in dict(found["facets"])[facet] if count]


# --------------------------------------------------------------------------- content


def add_employers(network, count):
    regions = [Regio.objects.get_or_create(naam=f"Regio {n}")[0] for n in range(4)]
    for n in range(count):
        name = f"Werkgever{n:02d}"
        page = network["werkgevers"].add_child(instance=OrganisatiePage(
            title=name, slug=name.lower(), organisatie=Organisatie.objects.create(naam=name),
            regio=regions[n % len(regions)], email_domeinen=f"{name.lower()}.example", standaard_plaats=name,
        ))
        page.save_revision().publish()
        network[name.lower()] = page
    return [key for key in network if key not in ("werkgevers", "vacatures")]


@pytest.fixture
def vacancies(network, cluster):
    employers = add_employers(network, 11)  # 13 employers in all: more than 10 buckets
    make = vacancy_factory(network)
    rng = random.Random(15)
    for i, employer in enumerate(employers):
        for phase, kwargs in PHASES.items():
            if rng.random() < 0.5 and employer not in ("alfa", "beta"):
                continue
            word = "fietsplan" if rng.random() < 0.5 else "thuiswerken"
            uren_min = rng.choice([8, 16, 24, 32])
            make(employer, f"{phase.capitalize()} {employer} {i}", **kwargs,
                 omschrijving=f"<p>Een baan met {word}.</p>",
                 dienstverband=rng.choice(["vast", "tijdelijk"]), vakgebied=rng.choice(["beleid", "ict", "financien"]),
                 uren_min=uren_min, uren_max=uren_min + rng.choice([0, 4, 8]),
                 salarisschaal=rng.choice([None, 5, 8, 10, 11, 14]))
    reindex()
    return network


def audiences(network):
    return {
        "publiek (ook een medewerker van een niet-deelnemende organisatie)": PUBLIC,
        "medewerker Alfa": Audience(network["alfa"].pk),
        "medewerker Beta": Audience(network["beta"].pk),
    }


def test_vacancy_listing_equals_the_database_path_for_every_audience(vacancies, requests):
    assert VacaturePage.objects.filter(title__startswith="Intern alfa").exists()
    for who, audience in audiences(vacancies).items():
        base = VacaturePage.objects.visible_to(audience)
        facets = vacancy_facets(audience)
        for sort in VACANCY_SORTS.values():
            found = compare(base, facets, sort[1], {}, requests)
        # every visible vacancy, with more than 10 employers as buckets
        assert found["total"] == base.count(), who
        organisations = option_values(found, "organisatie")
        assert len(organisations) == len(set(base.values_list("werkgever_id", flat=True))) > 10, who
        compare(base, facets, sort[1], {"q": "fietsplan"}, requests, ranked=True)
        compare(base, facets, sort[1], {"organisatie": organisations[:3], "uren": ["24-32", "32-36"]}, requests)
        regio = option_values(found, "regio")[0]
        compare(base, facets, sort[1], {"q": "thuiswerken", "regio": regio, "vakgebied": "ict", "schaal": "9-10"},
                requests, ranked=True)
        compare(base, facets, sort[1], {"organisatie": ["bestaat-niet", organisations[-1]], "dienstverband": "vast"},
                requests)
        if audience.werkgever_id:
            own = compare(base, facets, sort[1], {"zichtbaarheid": "niet-openbaar"}, requests)
            titles = set(VacaturePage.objects.filter(pk__in=own["ids"]).values_list("title", flat=True))
            assert any(t.startswith("Intern") for t in titles), who  # the own employer's intern phase
            assert {t.split()[1] for t in titles if t.startswith("Intern")} == {
                "alfa" if audience.werkgever_id == vacancies["alfa"].pk else "beta"}


def test_vacancy_listing_view_asks_the_engine_once(vacancies, requests, client):
    requests.clear()
    response = client.get("/vacatures/", {"q": "fietsplan", "dienstverband": "vast"})
    assert response.status_code == 200
    assert [url for _, url in requests if "_search" in url] == [requests[0][1]] and len(requests) == 1
    expected = set(VacaturePage.objects.visible_to(PUBLIC).filter(dienstverband="vast").values_list("pk", flat=True))
    expected &= set(VacaturePage.objects.filter(omschrijving__contains="fietsplan").values_list("pk", flat=True))
    assert response.context["search"].total == len(expected)
    assert {v.pk for v in response.context["vacatures"]} <= expected


@pytest.fixture
def projects(make_project, cluster):
    rng = random.Random(6)
    collaboration = Organisatie.objects.create(naam="HLTsamen")
    members = [Organisatie.objects.create(naam=n) for n in ("Hillegom", "Lisse", "Teylingen")]
    collaboration.leden.set(members)
    organisations = [f"Gemeente {n:02d}" for n in range(12)] + ["HLTsamen"]
    for n in range(40):
        start = date(2020, 1, 1) + timedelta(days=rng.randrange(0, 2500)) if rng.random() < 0.8 else None
        end = start + timedelta(days=rng.randrange(30, 900)) if start and rng.random() < 0.6 else None
        make_project(
            f"Project {n:02d}", orgs=rng.sample(organisations, rng.choice([1, 2])),
            thema=f"Thema {n % 13:02d}" if n % 7 else None, ronde=rng.choice(["", "2021-1", "2021-2"]),
            start=start, end=end, samenvatting="Samen fietsen." if n % 3 else "Een leerbudget.",
        )
    make_project("Concept", orgs=["Gemeente 01"], thema="Thema 01", live=False)
    reindex()


def test_library_equals_the_database_path(projects, requests, library):
    base = project_queryset(library)
    facets = project_facets()
    for _, ordering in PROJECT_SORTS.values():
        found = compare(base, facets, ordering, {}, requests)
    assert found["total"] == 40
    organisations = option_values(found, "organisatie")
    assert {"hillegom", "lisse", "teylingen", "hltsamen"} <= set(organisations) and len(organisations) > 10
    assert len(option_values(found, "thema")) == 13
    ordering = PROJECT_SORTS["titel"][1]
    compare(base, facets, ordering, {"q": "fietsen"}, requests, ranked=True)
    compare(base, facets, ordering, {"organisatie": ["lisse", "gemeente-03"], "status": ["lopend", "afgerond"]},
            requests)
    compare(base, facets, ordering, {"q": "leerbudget", "thema": option_values(found, "thema")[:5],
                                     "ronde": "2021-1", "status": "onbekend"}, requests, ranked=True)
    compare(base, facets, ordering, {"evaluatie": "ja", "organisatie": "hltsamen"}, requests)


@pytest.fixture
def klussen(network, cluster):
    employers = add_employers(network, 10)
    make = klus_factory(network)
    rng = random.Random(3)
    for i, employer in enumerate(employers):
        for j in range(rng.choice([1, 2, 3])):
            make(employer, f"Klus {employer} {j}", closes_in=rng.choice([-2, 5, 14, 30]),
                 op_afstand=rng.random() < 0.4, uren_per_week=rng.choice([4, 8, 16, 24, 32]),
                 duur_weken=rng.choice([2, 6, 13, 30]), vakgebied=rng.choice(["beleid", "ict"]),
                 omschrijving="<p>Een klus met een knotwilg.</p>" if j % 2 else "<p>Een klus met data.</p>")
        if i % 4 == 0:
            make(employer, f"Klus {employer} concept", live=False)
    reindex()
    return network


def test_klus_listing_equals_the_database_path(klussen, requests):
    public = compare(KlusPage.objects.visible_to(PUBLIC), klus_facets(), ("sluitingsdatum", "title"), {}, requests)
    assert public["total"] == 0  # the public sees no klus, and the engine is asked so too
    for audience in (Audience(klussen["alfa"].pk), Audience(klussen["beta"].pk)):
        base = KlusPage.objects.visible_to(audience)
        facets = klus_facets()
        found = compare(base, facets, ("sluitingsdatum", "title"), {}, requests)
        assert found["total"] == base.count() > 0
        organisations = option_values(found, "organisatie")
        assert len(organisations) > 10
        compare(base, facets, ("sluitingsdatum", "title"), {"q": "knotwilg"}, requests, ranked=True)
        compare(base, facets, ("sluitingsdatum", "title"),
                {"organisatie": organisations[2:6], "uren": ["tot-8", "24-plus"], "afstand": "ja"}, requests)
        compare(base, facets, ("sluitingsdatum", "title"), {"q": "data", "duur": "4-12", "vakgebied": "ict"},
                requests, ranked=True)


def test_a_page_beyond_the_result_window_comes_from_the_columns(vacancies, requests, monkeypatch):
    """The engines refuse from + size beyond index.max_result_window: such a deep page is listed from the
    database path (here with the window made small)."""
    monkeypatch.setattr(engine_facets, "MAX_WINDOW", 6)
    base = VacaturePage.objects.visible_to(PUBLIC)
    search = FacetedSearch(base, vacancy_facets(), ordering=VACANCY_SORTS["nieuwste"][1], per_page=4)
    requests.clear()
    first = search.run(query_dict({}))
    assert len(requests) == 1 and first.total == base.count() > 8
    requests.clear()
    second = search.run(query_dict({"pagina": "2"}))
    assert requests == []  # the columns; no text query, so no engine request at all
    ordered = list(base.order_by(*VACANCY_SORTS["nieuwste"][1], "pk").values_list("pk", flat=True))
    assert first.page_ids() == ordered[:4] and second.page_ids() == ordered[4:8]


def test_a_new_member_of_a_collaboration_reaches_the_engine(projects, requests, library):
    """A change to what a facet path passes through (here: a collaboration's members) indexes the pages
    that reach it again: the engine still equals the database path."""
    base = project_queryset(library)
    facets = project_facets()
    ordering = PROJECT_SORTS["titel"][1]
    assert "noordwijk" not in option_values(compare(base, facets, ordering, {}, requests), "organisatie")
    noordwijk = Organisatie.objects.create(naam="Noordwijk")
    Organisatie.objects.get(naam="HLTsamen").leden.add(noordwijk)
    found = compare(base, facets, ordering, {"organisatie": "noordwijk"}, requests)
    assert found["total"] == base.filter(organisaties__organisatie__naam="HLTsamen").count() > 0


def test_a_view_restriction_holds_on_the_engine_path(vacancies, requests):
    """Pages in a private section (Wagtail's view restriction) stay out of the engine's answer too."""
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=vacancies["beta"], restriction_type="password", password="geheim")
    for audience in (PUBLIC, Audience(vacancies["alfa"].pk)):
        base = VacaturePage.objects.visible_to(audience)
        found = compare(base, vacancy_facets(audience), VACANCY_SORTS["nieuwste"][1], {}, requests)
        assert "beta" not in option_values(found, "organisatie")
        assert not VacaturePage.objects.filter(pk__in=found["ids"]).descendant_of(vacancies["beta"]).exists()
        assert VacaturePage.objects.live().descendant_of(vacancies["beta"]).exists()
