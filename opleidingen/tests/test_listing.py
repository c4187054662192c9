"""/opleidingen/: the catalogue with facets theme, format, month, place and ‘nog plaats’; each result shows
its next session and the places left."""

import re

from django.test import Client
from django.utils import formats, timezone

from conftest import sign_in
from opleidingen.models import Inschrijving

pytest_plugins = ["opleidingen.tests.fixtures"]


def titles(html):
    return sorted(re.findall(r'<h2 class="utrecht-heading-3"><a [^>]*>([^<]+)</a>', html))


def test_facets_and_next_session(make_training):
    full = make_training("Vol klassikaal", thema="Vitaliteit", sessions=[{"days": 10, "capaciteit": 1, "plaats": "Almelo"}])
    make_training("Online leren", vorm="online", thema="Leren en ontwikkelen",
                  sessions=[{"days": 40, "online": True, "capaciteit": 4}, {"days": 70, "online": True}])
    make_training("Alleen voorbij", sessions=[{"days": -20}])
    make_training("Niet gepubliceerd", live=False)
    register_someone(full)

    client = Client()
    html = client.get("/opleidingen/").content.decode()
    assert titles(html) == ["Alleen voorbij", "Online leren", "Vol klassikaal"]
    assert "nog 4 plaatsen" in html and "vol, inschrijven op de wachtlijst" in html
    assert "Nog geen nieuwe sessie gepland" in html

    assert titles(client.get("/opleidingen/?beschikbaar=nog-plaats").content.decode()) == ["Online leren"]
    assert titles(client.get("/opleidingen/?vorm=online").content.decode()) == ["Online leren"]
    assert titles(client.get("/opleidingen/?thema=vitaliteit").content.decode()) == ["Vol klassikaal"]
    assert titles(client.get("/opleidingen/?plaats=Almelo").content.decode()) == ["Vol klassikaal"]
    assert titles(client.get("/opleidingen/?plaats=online").content.decode()) == ["Online leren"]
    start = timezone.localtime(full.sessies.get().start)
    month = f"{start.year}-{start.month:02d}"
    in_month = titles(client.get(f"/opleidingen/?maand={month}").content.decode())
    assert "Vol klassikaal" in in_month and "Alleen voorbij" not in in_month
    assert formats.date_format(start, "F Y") in html  # the month facet's label
    # Text search goes through the same service (the site's search backend).
    assert titles(client.get("/opleidingen/?q=online").content.decode()) == ["Online leren"]
    # An unknown value is dropped, never an error.
    assert client.get("/opleidingen/?maand=1999-01&vorm=zwemmen").status_code == 200


def register_someone(training):
    client = sign_in("vol@alfa.example")
    sessie = training.sessies.get()
    client.post(f"/school/inschrijven/{sessie.pk}/", {"naam": "Vol"})
    assert Inschrijving.objects.filter(sessie=sessie, status="ingeschreven").count() == 1
