"""Findability outside the site (issue 18, item 10b): robots.txt, canonical links, meta descriptions
and Open Graph tags; none of it for vacancies that are not public."""

import io
import re

import pytest
from django.core.files.images import ImageFile
from django.test import Client, override_settings
from PIL import Image as PillowImage
from wagtail.images.models import Image

from conftest import sign_in
from klussen.tests.fixtures import build_every_state

# Absolute URLs follow the one site address (SITE_URL), whatever host the request names.
pytestmark = pytest.mark.usefixtures("site_address")


@pytest.fixture
def site_address():
    with override_settings(SITE_URL="http://127.0.0.1:8000"):
        yield


def head(response):
    html = response.content.decode()
    return html[: html.index("</head>")]


def tags(response):
    """{'canonical': href, 'description': content, 'og:title': content, ...} from the <head>."""
    found = {}
    for attrs in re.findall(r"<(?:meta|link) ([^>]*)>", head(response)):
        values = dict(re.findall(r'([\w:-]+)="([^"]*)"', attrs))
        if values.get("rel") == "canonical":
            found["canonical"] = values["href"]
        elif "property" in values:
            found[values["property"]] = values["content"]
        elif values.get("name") in ("description", "robots"):
            found[values["name"]] = values["content"]
    return found


# --------------------------------------------------------------------------- robots.txt


def robots_allows(robots, path):
    """Google's rule, written here independently: the longest matching pattern wins, Allow on a tie;
    `*` matches any run of characters."""
    best, allowed = -1, True
    for line in robots.splitlines():
        field, _, pattern = line.partition(":")
        field, pattern = field.strip().lower(), pattern.strip()
        if field not in ("allow", "disallow") or not pattern:
            continue
        regex = "^" + ".*".join(re.escape(part) for part in pattern.split("*"))
        if re.match(regex, path) and (len(pattern) > best or (len(pattern) == best and field == "allow")):
            best, allowed = len(pattern), field == "allow"
    return allowed


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_admin_and_filtered_listings(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    robots = response.content.decode()
    assert "User-agent: *" in robots
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in robots.splitlines()
    for path in ["/", "/inspiratie/", "/inspiratie/?pagina=2", "/vacatures/", "/vacatures/?pagina=3",
                 "/inspiratie/een-project/", "/werkgevers/alfa/", "/sitemap.xml"]:
        assert robots_allows(robots, path), path
    for path in ["/admin/", "/admin/pages/3/", "/django-admin/", "/inspiratie/?thema=leren",
                 "/inspiratie/?organisatie=ede&organisatie=epe", "/inspiratie/?thema=leren&pagina=2",
                 "/vacatures/?q=adviseur", "/vacatures/?sorteer=sluitingsdatum", "/vacatures/feed/?regio=twente",
                 "/zoeken/?q=loopbaan", "/medewerkers/inloggen/"]:
        assert not robots_allows(robots, path), path


# --------------------------------------------------------------------------- canonical, description, Open Graph


def test_listing_canonical_drops_filters_query_and_sort_but_keeps_the_page_number(client, make_project, network):
    for i in range(25):
        make_project(f"Project {i:02d}", thema="Leren")
    assert tags(client.get("/inspiratie/"))["canonical"] == "http://127.0.0.1:8000/inspiratie/"
    assert tags(client.get("/inspiratie/?thema=leren&q=project"))["canonical"] == "http://127.0.0.1:8000/inspiratie/"
    assert tags(client.get("/inspiratie/?thema=leren&pagina=2"))["canonical"] == "http://127.0.0.1:8000/inspiratie/?pagina=2"
    assert tags(client.get("/vacatures/?sorteer=sluitingsdatum"))["canonical"] == "http://127.0.0.1:8000/vacatures/"
    assert tags(client.get("/zoeken/?q=project"))["canonical"] == "http://127.0.0.1:8000/zoeken/"
    assert tags(client.get("/"))["canonical"] == "http://127.0.0.1:8000/"


def test_project_description_from_search_description_else_its_summary(client, make_project):
    long_summary = "Medewerkers leren van elkaar & van buiten. " * 8
    plain = make_project("Leren in Ede", samenvatting=long_summary)
    chosen = make_project("Vitaal in Epe", samenvatting="Niet dit.", search_description="Gezond werken in Epe.")

    found = tags(client.get(plain.url))
    words = long_summary.split()
    # Truncated on 160 characters with an ellipsis, the ampersand escaped once.
    assert found["description"].endswith("…") and len(found["description"].replace("&amp;", "&")) <= 160
    assert found["description"].startswith("Medewerkers leren van elkaar &amp; van buiten. Medewerkers")
    assert " ".join(words[:5]).replace("&", "&amp;") in found["description"]
    assert found["og:description"] == found["description"]
    assert found["og:title"] == "Leren in Ede"
    assert found["og:url"] == found["canonical"] == f"http://127.0.0.1:8000{plain.url}"
    assert found["og:type"] == "website"
    assert "og:image" not in found

    found = tags(client.get(chosen.url))
    assert found["description"] == "Gezond werken in Epe."


def test_index_page_description_is_its_intro_without_markup(client, library):
    found = tags(client.get("/inspiratie/"))
    assert found["description"].startswith("Projecten die gemeenten met subsidie van het A&amp;O fonds")
    assert "<p>" not in found["description"]


def png_bytes():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (400, 200), (30, 60, 200)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def alfa_logo(network):
    image = Image.objects.create(title="Logo Alfa", file=ImageFile(io.BytesIO(png_bytes()), name="alfa.png"))
    alfa = network["alfa"]
    alfa.logo = image
    alfa.save_revision().publish()
    return image


def test_public_vacancy_and_employer_share_the_employers_logo(client, make_vacancy, alfa_logo, network):
    vacancy = make_vacancy("alfa", "Adviseur werk en inkomen", omschrijving="<p>Je adviseert <b>inwoners</b>.</p>")
    found = tags(client.get(vacancy.url))
    assert found["og:title"] == "Adviseur werk en inkomen"
    assert found["description"] == "Je adviseert inwoners."
    assert found["og:url"] == f"http://127.0.0.1:8000{vacancy.url}"
    rendition = alfa_logo.get_rendition("max-1200x630")
    assert found["og:image"] == f"http://127.0.0.1:8000{rendition.url}"
    assert rendition.width == 400  # never enlarged

    employer = tags(client.get(network["alfa"].url))
    assert employer["og:image"] == found["og:image"]
    # Beta has no logo: no image tag.
    assert "og:image" not in tags(client.get(network["beta"].url))


def employee_client(network):
    return sign_in("iemand@alfa.example")


def test_vacancies_that_are_not_public_get_no_canonical_description_or_preview(make_vacancy, network, alfa_logo):
    employee = employee_client(network)
    phases = [dict(published_days_ago=10), dict(published_days_ago=2), dict(published_days_ago=12, route="niet_openbaar")]
    for kwargs in phases:  # onder water, intern, onder water and never public
        vacancy = make_vacancy("alfa", f"Stil {kwargs}", **kwargs)
        response = employee.get(vacancy.url)
        assert response.status_code == 200
        found = tags(response)
        assert found == {"robots": "noindex, nofollow"}, kwargs
        assert response["X-Robots-Tag"] == "noindex, nofollow"
    # A closed vacancy that was public: 410, noindex, nothing to share.
    closed = make_vacancy("alfa", "Gesloten adviseur", published_days_ago=40, closes_in=-1)
    response = Client().get(closed.url)
    assert response.status_code == 410
    assert tags(response) == {"robots": "noindex, nofollow"}


def test_sitemap_still_lists_public_pages_only(client, make_vacancy):
    public = make_vacancy("alfa", "Openbaar", published_days_ago=30)
    hidden = make_vacancy("alfa", "Onder water", published_days_ago=10, closes_in=5)
    body = client.get("/sitemap.xml").content.decode()
    assert public.url in body and hidden.url not in body


def test_a_klus_is_never_findable_outside_the_site(client, network):
    """A klus is for signed-in employees only: no canonical link, description or preview, no sitemap entry."""
    klus = build_every_state(network)[("alfa", "open")]
    response = employee_client(network).get(klus.url)
    assert response.status_code == 200
    assert tags(response) == {"robots": "noindex, nofollow"}
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert client.get(klus.url).status_code == 404
    assert klus.slug not in client.get("/sitemap.xml").content.decode()
    assert tags(client.get("/klussen/")).get("robots") == "noindex"
