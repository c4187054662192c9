"""The coordinators' top 10 tells vacancies with the same title apart (issue 18, item 3)."""

import re
from datetime import date

from reacties.models import Dagcijfers

from .test_views import URL, csv_rows, table


def test_same_titles_are_told_apart_by_number_employer_and_link(admin_client, make_vacancy):
    alfa_numbered = make_vacancy("alfa", "Beleidsadviseur", vacaturenummer="A-2024-17")
    alfa_copy = make_vacancy("alfa", "Beleidsadviseur", vacaturenummer="")
    beta = make_vacancy("beta", "Beleidsadviseur", vacaturenummer="")
    for vacancy, reactions in ((alfa_numbered, 5), (alfa_copy, 4), (beta, 3)):
        Dagcijfers.add(vacancy.pk, date(2024, 3, 1), weergaven=10, reacties_extern=reactions)

    html = admin_client.get(f"{URL}?van=2024-01-01&tot=2024-12-31").content.decode()
    rows = table(html, "tabel-top10").rows["body"]
    assert table(html, "tabel-top10").rows["head"][0][:4] == ["Plaats", "Vacature", "Vacaturenummer", "Organisatie"]
    assert [row[:4] for row in rows] == [
        ["1", "Beleidsadviseur", "A-2024-17", "Alfa"],
        ["2", "Beleidsadviseur", f"id {alfa_copy.pk}", "Alfa"],
        ["3", "Beleidsadviseur", f"id {beta.pk}", "Beta"],
    ]
    assert len({tuple(row[1:4]) for row in rows}) == 3
    # Each title links to its own vacancy in the admin.
    section = html[html.index('id="tabel-top10"'):]
    links = re.findall(r'<th scope="row"><a href="([^"]+)">Beleidsadviseur</a>', section)
    assert links == [f"/admin/pages/{v.pk}/edit/" for v in (alfa_numbered, alfa_copy, beta)]

    export = csv_rows(admin_client.get(f"{URL}?van=2024-01-01&tot=2024-12-31&export=csv&tabel=top10"))
    assert export[0][:4] == ["Plaats", "Vacature", "Vacaturenummer", "Organisatie"]
    assert [row[2:4] for row in export[1:]] == [
        ["A-2024-17", "Alfa"], [f"id {alfa_copy.pk}", "Alfa"], [f"id {beta.pk}", "Beta"],
    ]
