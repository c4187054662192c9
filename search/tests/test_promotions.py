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
