"""The cached listing of /vacatures/ follows a publication at once (with no other vacancy in the database,
unlike the shared data of test_audiences.py)."""


def test_publishing_shows_up_at_once_despite_the_cache(client, make_vacancy):
    assert client.get("/vacatures/").context["search"].total == 0
    make_vacancy("beta", "Net gepubliceerd", published_days_ago=30)
    assert [v.title for v in client.get("/vacatures/").context["vacatures"]] == ["Net gepubliceerd"]
