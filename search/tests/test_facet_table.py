"""The in-memory facet columns and remembered matches (search.facet_table, search.service) follow every
change, and a word in more pages than `rank_window` still ranks title matches first.

SQLite and PostgreSQL run this same file.
"""

import pytest
from django.http import QueryDict
from wagtail.search.backends import get_search_backend

from projecten.listing import library_context, project_facets
from projecten.models import project_queryset
from search.service import FacetedSearch, suggestion_ids


def run(params="", ordering=("title", "pk")):
    return FacetedSearch(project_queryset(), project_facets(), ordering=ordering).run(QueryDict(params))


def theme_counts(result):
    facet = next(f for f in result.facets if f.name == "thema")
    return {option.label: option.count for option in facet.options}


@pytest.mark.django_db
def test_publishing_unpublishing_and_editing_show_at_once(make_project):
    make_project("Fietsplan", thema="Vitaliteit", samenvatting="Met de fiets naar het werk.")
    first = run("q=fiets")
    assert first.total == 1
    assert theme_counts(first) == {"Vitaliteit": 1}

    second = make_project("Fietsdag", thema="Vitaliteit", samenvatting="Een dag op de fiets.")
    third = make_project("Leerlab", thema="Leren", samenvatting="Leren met collega's.")
    assert run("q=fiets").total == 2
    assert theme_counts(run("q=fiets")) == {"Vitaliteit": 2}
    assert theme_counts(run()) == {"Vitaliteit": 2, "Leren": 1}

    second.unpublish()
    assert [p.title for p in run("q=fiets").page_obj.object_list] == ["Fietsplan"]

    # An edit that adds the word: the remembered match for "fiets" is not used again.
    third.samenvatting = "Leren met collega's, op de fiets."
    third.save_revision().publish()
    assert {p.title for p in run("q=fiets").page_obj.object_list} == {"Fietsplan", "Leerlab"}
    assert theme_counts(run("q=fiets")) == {"Vitaliteit": 1, "Leren": 1}


@pytest.mark.django_db
def test_renaming_an_organisation_changes_its_label(make_project):
    project = make_project("Fietsplan", orgs=["Gemeente Ede"])
    organisation = project.organisaties.first().organisatie
    assert [o.label for o in run().facets[0].options] == ["Gemeente Ede"]
    organisation.naam = "Gemeente Ede (Gld)"
    organisation.save()
    assert [o.label for o in run().facets[0].options] == ["Gemeente Ede (Gld)"]


@pytest.fixture
def small_rank_window(monkeypatch):
    """Ranking as for a word in thousands of pages, on a handful: the window is lowered to 1."""
    monkeypatch.setattr(type(get_search_backend()), "rank_window", 1)


@pytest.mark.django_db
def test_more_matches_than_the_rank_window_put_title_matches_first(make_project, library, rf, small_rank_window):
    titles = {
        "Bewegen op het werk": "Wandelen en soms de fiets.",
        "Fiets naar het werk": "Een regeling.",
        "Arbeidsmarkt": "Met de fiets naar een nieuwe baan.",
        "Zuinig op de fiets": "Onderhoud.",
        "Cultuur": "Geen fiets hier.",
        "Wandelen": "Een fietstocht telt niet: een ander woord.",
    }
    for title, text in titles.items():
        make_project(title, samenvatting=text)
    in_title = sorted(t for t in titles if "fiets" in t.lower().split())
    in_body = sorted(t for t in titles if t not in in_title and t != "Wandelen")
    result = run("q=fiets")
    assert [p.title for p in result.page_obj.object_list] == [
        "Fiets naar het werk", "Zuinig op de fiets", "Arbeidsmarkt", "Bewegen op het werk", "Cultuur",
    ] == in_title + in_body
    # The library page shows them in that order.
    context = library_context(rf.get("/inspiratie/", {"q": "fiets"}), project_queryset(library))
    assert [p.title for p in context["projects"]] == in_title + in_body


@pytest.mark.django_db
def test_more_suggestions_than_the_rank_window_come_newest_first(make_project, small_rank_window):
    made = [make_project(f"Duurzaam project {n}") for n in range(4)]
    for page in made:
        page.refresh_from_db()
    newest_first = [p.pk for p in sorted(made, key=lambda p: p.first_published_at, reverse=True)]
    assert suggestion_ids(project_queryset(), "duurz", limit=3) == newest_first[:3]


@pytest.mark.django_db
def test_pages_past_the_end_and_every_page_in_between(make_project):
    for n in range(23):
        make_project(f"Project {n:02d}", samenvatting="Vitaliteit op het werk.")
    expected = [f"Project {n:02d}" for n in range(23)]
    seen = []
    for number in (1, 2, 3):
        result = FacetedSearch(project_queryset(), project_facets(), ordering=("title", "pk"), per_page=10).run(
            QueryDict("q=vitaliteit"), page_number=number
        )
        seen += [p.title for p in result.page_obj.object_list]
    assert seen == expected
    assert result.paginator.num_pages == 3


@pytest.mark.django_db
def test_an_empty_queryset_lists_nothing(make_project):
    make_project("Fietsplan", samenvatting="Met de fiets.")
    for params in ("", "q=fiets"):
        result = FacetedSearch(project_queryset().none(), project_facets()).run(QueryDict(params))
        assert result.total == 0
        assert all(not facet.options for facet in result.facets)


@pytest.mark.django_db
def test_with_a_shared_cache_the_version_is_the_token_alone(settings):
    """Redis (as in production): every process reads the same token, so no time period is added."""
    import uuid

    from django.core.cache import cache

    from search.version import VERSION_KEY, bump_content_version, content_version

    settings.CACHES = {"default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379/15",
        "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
    }}
    try:
        first = content_version()
        assert ":" not in first
        assert content_version() == first
        bump_content_version()
        assert content_version() != first
    finally:
        cache.delete(VERSION_KEY)


def test_with_a_cache_of_one_process_the_version_ends_with_the_period():
    import time

    from search.version import MAX_AGE, content_version

    periods = {f":{int(time.time() // MAX_AGE)}"}
    version = content_version()
    periods.add(f":{int(time.time() // MAX_AGE)}")
    assert any(version.endswith(period) for period in periods)
