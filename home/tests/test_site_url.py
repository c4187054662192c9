"""One address for the whole site (issue 18, item 8): SITE_URL decides every absolute link.

Sitemap, API `html_url`, JSON-LD, the RSS feed and the admin exports all said http://localhost/
(Wagtail's default Site) while the site ran at http://127.0.0.1:8000/.
"""

import csv
import io
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Site

from home.site_setup import site_address, sync_site_address

ROOT = Path(__file__).resolve().parents[2]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ADDRESS = "https://vacatures.example.nl"


def absolute_urls(text):
    return re.findall(r"https?://[^\s\"'<>]+", text)


@pytest.fixture
def site_at_address(make_vacancy, make_project, network):
    """A public vacancy and a project; the site's address is ADDRESS, as SITE_URL would set in production."""
    vacancy = make_vacancy("alfa", "Adviseur openbare ruimte", published_days_ago=30, closes_in=10)
    project = make_project("Vitaal werken", orgs=["Ede"])
    with override_settings(SITE_URL=ADDRESS, WAGTAILADMIN_BASE_URL=ADDRESS, WAGTAILAPI_BASE_URL=ADDRESS):
        assert sync_site_address()
        yield vacancy, project


def test_migrate_gives_the_default_site_the_address_of_site_url(db):
    site = Site.objects.get(is_default_site=True)
    assert site.root_url == settings.SITE_URL
    assert (site.hostname, site.port) != ("localhost", 80)


def test_load_demo_moves_an_old_localhost_site_to_site_url(db):
    Site.objects.filter(is_default_site=True).update(hostname="localhost", port=80)
    with override_settings(SITE_URL="http://127.0.0.1:8000"):
        call_command("load_demo", stdout=io.StringIO())
        assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8000"


@pytest.mark.parametrize(("url", "expected"), [
    ("http://127.0.0.1:8000", ("127.0.0.1", 8000)),
    ("https://www.example.nl/", ("www.example.nl", 443)),
    ("http://intranet.example", ("intranet.example", 80)),
])
def test_site_address_reads_host_and_port(url, expected):
    assert site_address(url) == expected


@pytest.mark.parametrize("url", ["www.example.nl", "https://www.example.nl/vacatures", "https://www.example.nl:8443"])
def test_site_address_refuses_what_wagtail_cannot_express(url):
    with pytest.raises(ImproperlyConfigured):
        site_address(url)


def test_every_channel_uses_the_site_address(client, admin_client, site_at_address):
    vacancy, project = site_at_address
    vacancy_url = f"{ADDRESS}/werkgevers/alfa/{vacancy.slug}/"
    project_url = f"{ADDRESS}/inspiratie/{project.slug}/"

    # Sitemap
    sitemap = ET.fromstring(client.get("/sitemap.xml").content)
    locs = [loc.text for loc in sitemap.iter(f"{SITEMAP}loc")]
    assert vacancy_url in locs and project_url in locs
    assert all(loc.startswith(ADDRESS + "/") for loc in locs), locs

    # API html_url and detail_url
    api = client.get("/api/v2/pages/?type=vacatures.VacaturePage&fields=*").json()
    assert [item["meta"]["html_url"] for item in api["items"]] == [vacancy_url]
    assert api["items"][0]["meta"]["detail_url"].startswith(f"{ADDRESS}/api/v2/pages/")
    projects = client.get("/api/v2/pages/?type=projecten.ProjectPage&fields=*").json()
    assert [item["meta"]["html_url"] for item in projects["items"]] == [project_url]

    # JSON-LD on the vacancy page
    html = client.get(vacancy.url).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["url"] == vacancy_url
    assert data["hiringOrganization"]["sameAs"] == f"{ADDRESS}/werkgevers/alfa/"

    # RSS feed: channel link, self link, item links
    feed = client.get("/vacatures/feed/?dienstverband=vast").content.decode()
    channel = ET.fromstring(feed).find("channel")
    assert channel.findtext("link") == f"{ADDRESS}/vacatures/"
    assert [item.findtext("link") for item in channel.iter("item")] == [vacancy_url]
    self_link = channel.find("{http://www.w3.org/2005/Atom}link").get("href")
    assert self_link == f"{ADDRESS}/vacatures/feed/?dienstverband=vast"
    assert all(url.startswith(ADDRESS) for url in absolute_urls(feed) if "example.nl" in url or "localhost" in url
               or "testserver" in url)

    # Admin exports (CSV) of vacancies and projects
    for path, title in [("/admin/vacatures/?export=csv", vacancy.title), ("/admin/projecten/?export=csv", project.title)]:
        response = admin_client.get(path)
        rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
        webadres = {row.get("Titel") or row.get("Functietitel"): row["Webadres"] for row in rows}
        assert webadres[title] in (vacancy_url, project_url)

    # Nothing anywhere still says localhost
    for text in (client.get("/sitemap.xml").content.decode(), json.dumps(api), html, feed):
        assert "localhost" not in text and "testserver" not in text


def run_settings(extra_env):
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "WAGTAILADMIN_BASE_URL")}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.production", DJANGO_SECRET_KEY="x" * 60,
               REDIS_URL="redis://127.0.0.1:6379/9", **extra_env)  # production requires the shared cache
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SITE_URL, s.WAGTAILADMIN_BASE_URL, s.WAGTAILAPI_BASE_URL)"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    return result


def test_production_takes_its_address_from_site_url_or_the_first_allowed_host():
    result = run_settings({"DJANGO_ALLOWED_HOSTS": "werk.example.nl", "SITE_URL": "https://www.werk.example.nl/"})
    assert result.stdout.split() == ["https://www.werk.example.nl"] * 3, result.stderr
    result = run_settings({"DJANGO_ALLOWED_HOSTS": ".werk.example.nl,andere.example.nl"})
    assert result.stdout.split() == ["https://werk.example.nl"] * 3, result.stderr
    result = run_settings({"DJANGO_ALLOWED_HOSTS": "*"})
    assert result.returncode != 0 and "SITE_URL" in result.stderr
