"""Editors' picks for common queries, and the popular-queries report without personal data."""

from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion


def promote(query, page):
    SearchPromotion.objects.create(query=Query.get(query), page=page, sort_order=0, description="")


def test_editors_pick_is_shown_for_its_query(client, make_project):
    pick = make_project("Duurzame inzetbaarheid in de praktijk")
    make_project("Iets anders")
    promote("vitaliteit", pick)
    html = client.get("/zoeken/", {"q": "Vitaliteit"}).content.decode()
    assert "Aanbevolen" in html and "Duurzame inzetbaarheid in de praktijk" in html
    assert "Aanbevolen" not in client.get("/zoeken/", {"q": "iets"}).content.decode()


def test_a_promoted_hidden_vacancy_is_not_shown(client, make_vacancy):
    hidden = make_vacancy("alfa", "Interne functie", published_days_ago=1)
    promote("functie", hidden)
    html = client.get("/zoeken/", {"q": "functie"}).content.decode()
    assert "Interne functie" not in html and "Aanbevolen" not in html


def test_popular_queries_are_counted_without_personal_data(client, admin_client, make_project):
    make_project("Leren")
    for _ in range(3):
        client.get("/zoeken/", {"q": "Leerbudget  "})
    client.get("/zoeken/", {"q": "leerbudget", "pagina": "2"})  # paging is not a new search
    hits = QueryDailyHits.objects.get(query__query_string="leerbudget")
    assert hits.hits == 3
    assert {f.name for f in QueryDailyHits._meta.concrete_fields} == {"id", "query", "date", "hits"}
    report = admin_client.get("/admin/searchpicks/reports/search-terms/")
    assert report.status_code == 200 and "leerbudget" in report.content.decode()


def test_search_terms_report_stores_only_cleaned_words(client, make_project):
    """Hostile strings, control characters and 10,000 characters: the report keeps the words that were
    searched for, at most MAX_QUERY_LENGTH characters, and nothing for a query without words."""
    import re

    from search.service import MAX_QUERY_LENGTH

    make_project("Leren")
    typed = [
        "<script>alert(1)</script>", "x" * 10_000, "((", "*", " ", "'; DROP TABLE wagtailcore_page; --",
        "\x00\x1b", "  Leer\x00budget  ", '"", %%%',
    ]
    for query in typed:
        assert client.get("/zoeken/", {"q": query}).status_code == 200
    stored = set(Query.objects.values_list("query_string", flat=True))
    assert stored == {"script alert 1 script", "x" * MAX_QUERY_LENGTH, "drop table wagtailcore_page", "leer budget"}
    assert all(re.fullmatch(r"\w+( \w+)*", s) and len(s) <= MAX_QUERY_LENGTH for s in stored)
    assert QueryDailyHits.objects.count() == 4


def test_picks_match_the_words_an_editor_typed(client, make_project):
    pick = make_project("Werk en privé in balans")
    promote("Werk & privé", pick)  # Wagtail keeps the editor's text: "werk & privé"
    html = client.get("/zoeken/", {"q": "werk & privé"}).content.decode()
    assert "Aanbevolen" in html and "Werk en privé in balans" in html


def test_site_search_reads_its_results_as_their_own_types_in_one_query(client, make_project):
    """/zoeken/ turns a page of results into projects and vacancies with one query per page type,
    not one per result (`.specific()` on the page ids instead of `page.specific` for each)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for(query):
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/zoeken/", {"q": query})
        assert response.status_code == 200
        return len(captured)

    for number in range(1, 7):
        make_project(f"Fietsplan {number}")
    make_project("Wandelplan 1")
    queries_for("fietsplan"), queries_for("wandelplan")  # warm-up: the facet table and the matches are cached
    one, six = queries_for("wandelplan"), queries_for("fietsplan")
    assert six == one
