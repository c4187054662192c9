"""Incremental facet columns (search.facet_table, search.version): after every kind of change, and after
random sequences of changes, the columns brought up to date give the same answers as columns read in full:
every facet's counts (and labels) for each audience, the total and the ids of the page of results.

SQLite and PostgreSQL run this same file.
"""

import random
from contextlib import contextmanager
from datetime import timedelta

import numpy as np
import pytest
from django.http import QueryDict
from wagtail.models import Page, PageViewRestriction

from home.site_search import searchable_pages, site_facets
from kern.audience import PUBLIC, Audience
from projecten.listing import project_facets
from projecten.models import project_queryset
from search import facet_table, version
from search.service import FacetedSearch
from taxonomie.models import Organisatie, Regio, Thema
from vacatures.listing import vacancy_facets
from vacatures.models import VacaturePage
from vacatures.tests.fixtures import TODAY, vacancy_factory

PARAMS = ("", "dienstverband=vast", "regio=twente&uren=32-36", "thema=vitaliteit", "soort=vacaturepage")


def listings(network):
    audiences = [PUBLIC, Audience(werkgever_id=network["alfa"].pk), Audience(werkgever_id=network["beta"].pk)]
    for audience in audiences:
        yield f"vacatures {audience}", lambda a=audience: FacetedSearch(
            VacaturePage.objects.visible_to(a), vacancy_facets(a), ordering=("-first_published_at", "pk"), per_page=5,
        )
        yield f"zoeken {audience}", lambda a=audience: FacetedSearch(
            searchable_pages(audience=a), site_facets(), ordering=("-first_published_at", "pk"), per_page=5,
        )
    yield "inspiratie", lambda: FacetedSearch(project_queryset(), project_facets(), ordering=("title", "pk"), per_page=5)


def answers(network):
    """Every listing, audience and set of filters: facet options (value, label, count, selected), the total
    and the ids of the first page."""
    found = {}
    for name, search in listings(network):
        for params in PARAMS:
            result = search().run(QueryDict(params))
            found[(name, params)] = (
                [(f.name, [(o.value, o.label, o.count, o.selected) for o in f.options]) for f in result.facets],
                result.total, result.page_ids(),
            )
    return found


def orderings_of(tables):
    """Each table's orderings in use: {(table key, ordering): primary keys in that order}."""
    return {
        (key, ordering): table.pks[np.argsort(rank)].tolist()
        for key, table in tables.items() for ordering, rank in table._orders.items()
    }


@contextmanager
def read_in_full():
    """Tables read in full for the current version; the process's own tables are put back afterwards."""
    saved = dict(facet_table._tables)
    facet_table._tables.clear()
    try:
        yield
    finally:
        facet_table._tables.clear()
        facet_table._tables.update(saved)


def assert_same_as_read_in_full(network, incremental=True):
    before = dict(facet_table.stats)
    brought_up_to_date = answers(network)
    if incremental:
        assert facet_table.stats["read"] == before["read"], "a table was read in full after a change it can apply"
        assert facet_table.stats["updated"] > before["updated"]
    orderings = orderings_of(facet_table._tables)
    with read_in_full():
        expected = answers(network)
        expected_orderings = orderings_of(facet_table._tables)
    assert brought_up_to_date == expected
    # The orderings placed page by page are those the database gives.
    assert {key: orderings[key] for key in expected_orderings} == expected_orderings
    return expected


@pytest.fixture(autouse=True)
def one_cache_period(monkeypatch):
    """The tests' local cache puts the 5-minute period in the version (search/version.py `_period`): a test
    that crosses a period boundary would rightly read in full. The period stands still here, as a clock would."""
    monkeypatch.setattr(version, "_period", lambda: ":0")


@pytest.fixture
def world(network, make_project):
    make = vacancy_factory(network)
    for n, (employer, kwargs) in enumerate([
        ("alfa", {}), ("alfa", dict(published_days_ago=2, closes_in=25)), ("beta", dict(dienstverband="tijdelijk")),
        ("beta", dict(published_days_ago=10, closes_in=20, uren_min=16, uren_max=24)),
    ]):
        make(employer, f"Vacature {n}", **kwargs)
    make_project("Fietsplan", orgs=["Ede"], thema="Vitaliteit")
    make_project("Leerlab", orgs=["Ede", "Wageningen"], thema="Leren")
    network["make"] = make
    network["make_project"] = make_project
    answers(network)  # every table read once
    return network


def vacancy(title):
    return VacaturePage.objects.get(title=title)


def publish_new(world):
    world["make"]("beta", f"Nieuw {random.random()}", dienstverband="stage")


def edit_facet_value(world):
    page = vacancy("Vacature 0")
    page.dienstverband, page.uren_min, page.uren_max = "detachering", 8, 12
    page.save_revision().publish()


def unpublish(world):
    vacancy("Vacature 2").unpublish()


def move(world):
    page = vacancy("Vacature 0")
    page.move(Page.objects.get(pk=world["beta"].pk), pos="last-child")
    page = vacancy("Vacature 0")
    page.save_revision().publish()  # the employer follows the parent on saving


def delete(world):
    vacancy("Vacature 3").delete()


def rename_region(world):
    regio = Regio.objects.get(naam="Twente")
    regio.naam = "Twente (Overijssel)"
    regio.save()


def rename_theme_and_its_slug(world):
    thema = Thema.objects.get(naam="Vitaliteit")
    thema.naam, thema.slug = "Vitaal", "vitaal"
    thema.save()


def rename_organisation(world):
    organisatie = Organisatie.objects.get(naam="Wageningen")
    organisatie.naam = "Gemeente Wageningen"
    organisatie.save()


def rename_employer(world):
    employer = world["alfa"]
    employer.title = "Alfa Gemeente"
    employer.save_revision().publish()


def phase_change(world):
    """An intern vacancy made public by moving its publication date back."""
    page = vacancy("Vacature 1")
    page.publicatiedatum = TODAY - timedelta(days=30)
    page.fill_phase_dates_for(world["alfa"])
    page.save_revision().publish()


CHANGES = [publish_new, edit_facet_value, unpublish, move, delete, rename_region, rename_theme_and_its_slug,
           rename_organisation, rename_employer, phase_change]


@pytest.mark.django_db
@pytest.mark.parametrize("change", CHANGES, ids=[c.__name__ for c in CHANGES])
def test_each_kind_of_change_gives_the_answers_of_a_full_read(world, change):
    before = answers(world)
    change(world)
    after = assert_same_as_read_in_full(world)
    assert after != before  # the change shows


@pytest.mark.django_db
def test_a_view_restriction_reads_the_tables_again(world):
    before = answers(world)
    read = facet_table.stats["read"]
    PageViewRestriction.objects.create(page=world["beta"], restriction_type="password", password="geheim")
    after = assert_same_as_read_in_full(world, incremental=False)
    assert facet_table.stats["read"] > read
    assert after != before
    # Nothing of Beta's is listed for anyone any more.
    assert not any(
        vacancy_id in VacaturePage.objects.child_of(world["beta"]).values_list("pk", flat=True)
        for _, _, ids in after.values() for vacancy_id in ids
    )


@pytest.mark.django_db
def test_deleting_an_employer_reads_the_tables_again(world):
    """Its vacancies go with it; the pages that only referred to it are changed without a signal."""
    read = facet_table.stats["read"]
    Page.objects.get(pk=world["beta"].pk).delete()
    assert_same_as_read_in_full(world, incremental=False)
    assert facet_table.stats["read"] > read


@pytest.mark.django_db
def test_too_far_behind_reads_the_tables_again(world, monkeypatch):
    from search import version

    monkeypatch.setattr(version, "MAX_BEHIND", 2)
    read = facet_table.stats["read"]
    publish_new(world)
    assert_same_as_read_in_full(world, incremental=False)
    assert facet_table.stats["read"] > read


@pytest.mark.django_db
def test_a_number_taken_before_its_change_is_stored(world):
    """A writer takes the next number, then stores its change: a reader in between keeps its table (the
    change is not committed or just committed: as if the request had come a moment earlier), and reads
    in full once later changes are stored but that one never was."""
    from django.core.cache import cache

    from search import version

    read = facet_table.stats["read"]
    cache.incr(version.SEQUENCE_KEY)  # taken, not stored (yet)
    assert_same_as_read_in_full(world, incremental=False)
    assert facet_table.stats["read"] == read
    publish_new(world)  # later changes stored; the gap before them stays
    assert_same_as_read_in_full(world, incremental=False)
    assert facet_table.stats["read"] > read


def random_step(world, rng):
    vacancies = list(VacaturePage.objects.order_by("pk"))
    page = rng.choice(vacancies) if vacancies else None
    kind = rng.choice(["publish", "publish", "draft", "edit", "unpublish", "republish", "move", "delete", "phase",
                       "rename", "project"])
    if kind == "publish" or page is None:
        days_ago = rng.choice([30, 2, 10, -3])
        world["make"](rng.choice(["alfa", "beta"]), f"Willekeurig {rng.random():.6f}",
                      published_days_ago=days_ago, closes_in=rng.choice([10, 25, -1]) if days_ago > 0 else 25,
                      dienstverband=rng.choice(["vast", "tijdelijk", "stage"]), uren_min=rng.choice([8, 16, 32]),
                      uren_max=36)
    elif kind == "draft":  # never published: no first_published_at (NULL sorts first or last per database)
        world["make"](rng.choice(["alfa", "beta"]), f"Concept {rng.random():.6f}", live=False)
    elif kind == "edit":
        page.dienstverband = rng.choice(["vast", "tijdelijk", "detachering"])
        page.salarisschaal = rng.randint(5, 14)
        page.save_revision().publish()
    elif kind == "unpublish" and page.live:
        page.unpublish()
    elif kind == "republish":
        page.save_revision().publish()
    elif kind == "move" and page.first_published_at is not None:
        target = world["beta"] if page.werkgever_id == world["alfa"].pk else world["alfa"]
        page.move(Page.objects.get(pk=target.pk), pos="last-child")
        vacancy_id = page.pk
        VacaturePage.objects.get(pk=vacancy_id).save_revision().publish()
    elif kind == "delete":
        page.delete()
    elif kind == "phase":
        page.publicatiedatum = TODAY - timedelta(days=rng.choice([2, 10, 30]))
        page.fill_phase_dates_for(page.get_parent().specific)
        page.save_revision().publish()
    elif kind == "rename":
        regio = rng.choice(list(Regio.objects.all()))
        regio.naam = f"{regio.naam.split(' ')[0]} {rng.randint(1, 99)}"
        regio.save()
    elif kind == "project":
        world["make_project"](f"Project {rng.random():.6f}", orgs=[rng.choice(["Ede", "Wageningen", "Rheden"])],
                              thema=rng.choice(["Vitaliteit", "Leren", "Werkdruk"]))


@pytest.mark.django_db
@pytest.mark.parametrize("seed", [1, 2])
def test_random_sequences_of_changes(world, seed):
    rng = random.Random(seed)
    for _ in range(12):
        random_step(world, rng)
        if rng.random() < 0.5:
            random_step(world, rng)  # sometimes two changes between requests
        assert_same_as_read_in_full(world)
