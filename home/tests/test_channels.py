"""No channel, including one nobody thought of, shows gated content to someone who may not see it.

The per-type leak tests (vacatures, klussen, agenda, ...) check the channels each feature knows about. This
test finds the channels itself: every URL pattern without parameters (site and admin), every page an anonymous
visitor can open, and each routable page's own sub-routes. It loads the demo, marks every gated thing with a
secret word (the shared word ZWIJG plus one unique word each), and then, as an anonymous visitor and as
members of Wagtail's default groups (Editors, Moderators):

- no response contains a unique secret word (a title, a name, a text of something gated);
- each URL asked with ?q=ZWIJG answers exactly as it answers ?q=CONTROL, a word of the same length that
  occurs nowhere: not a different count, not one more result, not a longer page. The echo of the query is
  the only place the word may appear.

Gated here: vacancies not visible to the public (except closed ones, whose own page says "gesloten" with
their title, on purpose), every klus, events for employees only, mobility profiles, swap offers, questions
to the advisers and reactions (personal data).
"""

import io
import re

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from agenda.models import EvenementPage
from klussen.models import KlusPage
from profielen.models import Profiel
from reacties.models import Reactie
from ruilen.models import Ruilaanbod
from vacatures import phases
from vacatures.models import VacaturePage
from vragen.models import Vraag

ZWIJG = "zwijgplicht"
CONTROL = "kalfsoester"  # same length, in no text of the demo
# Answers that say nothing about what exists behind them.
ALLOWED_STATUS = {200, 301, 302, 400, 403, 404, 405, 410}
# Never asked: they change state, stream files or fail on purpose (Wagtail's failwhale), each tested elsewhere.
SKIP = re.compile(r"/(logout|uitloggen|afmelden|failwhale)/|^/(media|static|private)/|/__debug__/|/django-tasks/")
# What differs between two identical requests.
VOLATILE = re.compile(
    r'(nonce="|csrfmiddlewaretoken" value="|"csrfToken": "|csrf_token": "|data-w-session-'
    r'|name="csrf-token" content=")[^"]*|(<lastBuildDate>)[^<]*'
)
CSRF_TOKEN = re.compile(r"\b[A-Za-z0-9]{64}\b")  # a masked CSRF token, wherever a page embeds it

unique_words = []


def secret(number):
    word = f"geheimwoord{number:03d}"  # one word for the search analyser: no digits split off on their own
    word = word.replace("0", "q").replace("1", "x").replace("2", "z")
    for digit, letter in zip("3456789", "jkvwybh", strict=True):
        word = word.replace(digit, letter)
    unique_words.append(word)
    return word


def mark_pages(queryset):
    for page in queryset:
        page.title = f"{page.title} {ZWIJG} {secret(len(unique_words))}"
        page.save_revision().publish()


def mark_rows(queryset, field):
    for row in queryset:
        setattr(row, field, f"{getattr(row, field)} {ZWIJG} {secret(len(unique_words))}")
        row.save(update_fields=[field])


@pytest.fixture(scope="module")
def demo(module_db):
    call_command("load_demo", stdout=io.StringIO())
    unique_words.clear()
    today = phases.local_date()
    hidden = VacaturePage.objects.filter(pk__in=VacaturePage.objects.hidden_from(today=today))
    mark_pages(hidden.exclude(phases.phase_q(phases.GESLOTEN, today)))
    mark_pages(KlusPage.objects.all())
    mark_pages(EvenementPage.objects.filter(pk__in=EvenementPage.objects.hidden_from()))
    mark_rows(Profiel.objects.all(), "functie")
    mark_rows(Ruilaanbod.objects.all(), "functie")
    mark_rows(Vraag.objects.all(), "vraag")
    mark_rows(Reactie.objects.all(), "naam")
    assert len(unique_words) > 20  # every gated kind in the demo has rows
    return list(unique_words)


def plain_paths(patterns=None, prefix=""):
    """Every path of the URL configuration that takes no parameter."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = str(pattern.pattern)
        if any(sign in route for sign in "<(["):
            continue
        route = route.lstrip("^").rstrip("$").replace("\\", "")
        if isinstance(pattern, URLResolver):
            yield from plain_paths(pattern.url_patterns, prefix + route)
        elif isinstance(pattern, URLPattern):
            yield "/" + prefix + route


def page_paths():
    """Every page an anonymous visitor can open, and the plain sub-routes of routable pages."""
    for page in Page.objects.live().public().specific():
        url = page.get_url()
        if not url:
            continue
        yield url
        if isinstance(page, RoutablePageMixin):
            for pattern in page.get_resolver().url_patterns:
                route = str(pattern.pattern).lstrip("^").rstrip("$")
                if route and not any(sign in route for sign in "<(["):
                    yield url + route


def client_for(role, client):
    if role != "anoniem":
        user = User.objects.create_user(f"rol-{role}", f"{role.lower()}@example.org", "x")
        user.groups.add(Group.objects.get(name=role))
        client.force_login(user)
    return client


def normalised(response, word):
    text = response.content.decode(errors="replace") if not getattr(response, "streaming", False) else ""
    return CSRF_TOKEN.sub("TOKEN", VOLATILE.sub(r"\1\2", text)).replace(word, "WOORD")


def get(client, path, **params):
    response = client.get(path, params)
    client.cookies.pop("messages", None)  # a message left for the next page ("no permission") is not an answer
    assert response.status_code in ALLOWED_STATUS, (path, params, response.status_code)
    return response


@pytest.mark.parametrize("role", ["anoniem", "Editors", "Moderators"])
def test_no_channel_shows_gated_content(demo, client, role, settings):
    settings.MESSAGE_STORAGE = "django.contrib.messages.storage.cookie.CookieStorage"
    client = client_for(role, client)
    paths = sorted({p for p in [*plain_paths(), *page_paths()] if not SKIP.search(p)})
    if role == "anoniem":
        paths = [p for p in paths if not p.startswith("/admin/")]
    assert len(paths) > 50
    asked = 0
    for path in paths:
        found, control = get(client, path, q=ZWIJG), get(client, path, q=CONTROL)
        assert found.status_code == control.status_code, (role, path)
        if found.status_code in (301, 302):
            continue
        found_body = normalised(found, ZWIJG)
        leaked = [word for word in demo if word in found_body]
        assert not leaked, (role, path, leaked[:3])
        assert found_body == normalised(control, CONTROL), (role, path, "answers differ with a secret word")
        asked += 1
    assert asked > 30
