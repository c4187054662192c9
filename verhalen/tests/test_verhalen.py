"""Experience stories (issue 14, §2): on the pages they link to, on the home page, in /verhalen/ with facets,
in the site search and the sitemap, and the visibility rule (verhalen/visibility.py): a link shows only to
who may see its target, and a story whose links are all hidden from the visitor is hidden from them."""

import re
from collections import Counter
from html import unescape

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from wagtail.admin.panels import TitleFieldPanel
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from conftest import project_factory
from home.site_setup import ensure_klus_index, ensure_library, ensure_story_index
from klussen.tests.fixtures import klus_factory
from opleidingen.tests.fixtures import training_factory
from ruilen.models import Ruil, Status
from vacatures.models import WerkgeverRedactie
from vacatures.roles import COORDINATORS
from verhalen.models import VerhaalPage

from .fixtures import WORD, days_ago, story_factory

make_story = pytest.fixture(lambda db: story_factory())


def section(html, heading_id):
    """The HTML of the <section> labelled by `heading_id` ('' when absent)."""
    match = re.search(rf'<section aria-labelledby="{heading_id}"[^>]*>(.*?)</section>', html, re.S)
    return match.group(1) if match else ""


def links(html):
    """[(href, text)] of the links in `html`, in order."""
    return [(unescape(href), re.sub(r"<[^>]+>", "", text).strip())
            for href, text in re.findall(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', html, re.S)]


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def public_vacancy(make_vacancy, title="Openbare vacature Merel"):
    return make_vacancy("alfa", title, published_days_ago=30, closes_in=10)


# -- on the pages a story is about --------------------------------------------------------------------


def test_a_story_shows_on_each_page_it_links_to_and_links_back(client, network, make_vacancy, make_story):
    vacancy = public_vacancy(make_vacancy)
    training = training_factory()("Loopbaantraining Vink")
    project = project_factory(ensure_library())("Project Specht")
    story = make_story("Van loket naar beleid", links=[vacancy, training, project], werkgevers=[network["alfa"]])
    other = make_story("Een ander verhaal", links=[project])

    for target, expected in ((vacancy, [story]), (training, [story]), (project, [story, other])):
        found = links(section(get(client, target.url), "ervaringen-kop"))
        assert [text for _, text in found] == [s.title for s in sorted(expected, key=lambda s: -s.pk)], target
        href = dict((text, href) for href, text in found)[story.title]
        html = get(client, href)  # follow the link from the page
        assert f">{story.title}</h1>" in html
        back = links(section(html, "over-kop"))
        assert [href for href, _ in back] == [vacancy.url, training.url, project.url]
        assert f'href="{network["alfa"].url}"' in html  # the employer involved


def test_a_page_without_stories_has_no_ervaringen_section(client, network, make_vacancy, make_story):
    vacancy = public_vacancy(make_vacancy)
    make_story("Los verhaal")
    assert 'id="ervaringen-kop"' not in get(client, vacancy.url)


# -- the visibility rule ------------------------------------------------------------------------------------


def test_a_story_only_about_a_klus_is_for_signed_in_employees_only(client, network, employee, make_story):
    ensure_klus_index()
    klus = klus_factory(network)("alfa", "Klus Roodborst")
    story = make_story("Ons klusverhaal", links=[klus])

    # Anonymous: no trace in any channel.
    assert client.get(story.url).status_code == 404
    for url in ("/verhalen/", "/", f"/zoeken/?q={WORD}", "/sitemap.xml", "/api/v2/pages/?type=verhalen.VerhaalPage",
                f"/zoeken/suggesties?q={story.title[:8]}"):
        html = get(client, url)
        assert story.title not in html and story.slug not in html and "Roodborst" not in html, url
    assert client.get(f"/api/v2/pages/{story.pk}/").status_code == 404
    assert VerhaalPage.objects.hidden_from().filter(pk=story.pk).exists()

    # Employees of any participating employer see the klus, so the story and its link.
    for employer in ("alfa", "beta"):
        signed_in = employee(employer)
        found = dict((text, href) for href, text in links(section(get(signed_in, klus.url), "ervaringen-kop")))
        response = signed_in.get(found[story.title])
        assert response.status_code == 200 and response["X-Robots-Tag"] == "noindex, nofollow"
        assert links(section(response.content.decode(), "over-kop")) == [(klus.url, klus.title)]
        assert story.title in get(signed_in, "/verhalen/") and story.title in get(signed_in, f"/zoeken/?q={WORD}")


def test_a_gated_link_is_left_out_while_the_story_stays_public(client, network, employee, make_vacancy, make_story):
    internal = make_vacancy("alfa", "Interne vacature Kwartel", published_days_ago=2, closes_in=25)  # alfa only
    training = training_factory()("Schrijftraining Gors")
    story = make_story("Intern doorgegroeid", links=[internal, training])

    response = client.get(story.url)
    html = response.content.decode()
    assert response.status_code == 200 and "X-Robots-Tag" not in response
    assert links(section(html, "over-kop")) == [(training.url, training.title)]
    assert "Kwartel" not in html and internal.url not in html
    assert "Kwartel" not in get(client, "/verhalen/")
    assert links(section(get(employee("beta"), story.url), "over-kop")) == [(training.url, training.title)]
    assert links(section(get(employee("alfa"), story.url), "over-kop")) == [
        (internal.url, internal.title), (training.url, training.title),
    ]


def test_a_swap_is_told_about_only_once_the_employers_agreed(client, network, employee, make_story):
    ruil = Ruil.objects.create(sleutel="test-paar", soort="paar")  # voorgesteld
    story = make_story("Drie maanden geruild", links=[ruil])
    assert client.get(story.url).status_code == 404
    for status in (Status.AKKOORD, Status.LOPEND, Status.AFGEROND):
        Ruil.objects.filter(pk=ruil.pk).update(status=status)
        over = section(get(client, story.url), "over-kop")
        assert "Een ruil via Jouw Baan Mijn Baan (paar" in over
        assert links(over) == [("/medewerkers/ruilen/", "meer over ruilen")]
    # A swap has no page: the stories about agreed swaps show on the swap page of a signed-in employee.
    swaps_page = get(employee("alfa"), "/medewerkers/ruilen/")
    assert [text for _, text in links(section(swaps_page, "ervaringen-kop"))] == [story.title]
    Ruil.objects.filter(pk=ruil.pk).update(status=Status.AFGEBLAZEN)
    assert client.get(story.url).status_code == 404
    assert 'id="ervaringen-kop"' not in get(employee("beta"), "/medewerkers/ruilen/")


def test_a_draft_story_is_nowhere(client, network, make_vacancy, make_story):
    vacancy = public_vacancy(make_vacancy)
    draft = make_story("Nog niet af", links=[vacancy], live=False)
    assert draft.title not in get(client, vacancy.url) and draft.title not in get(client, "/verhalen/")


# -- home page ----------------------------------------------------------------------------------------------


def test_the_home_page_shows_the_three_newest_stories_the_visitor_may_see(client, network, employee, make_story):
    ensure_klus_index()
    klus = klus_factory(network)("alfa", "Klus Ekster")
    public = [make_story(f"Verhaal {n}", datum=days_ago(n)) for n in (5, 1, 3, 10, 7)]
    newest_gated = make_story("Nieuwste over een klus", links=[klus], datum=days_ago(0))

    def shown(c):
        return [text for _, text in links(section(get(c, "/"), "verhalen-kop"))][:-1]  # last: "Lees alle verhalen"

    expected = [s.title for s in sorted(public, key=lambda s: s.datum, reverse=True)[:3]]
    assert shown(client) == expected == ["Verhaal 1", "Verhaal 3", "Verhaal 5"]
    assert shown(employee("alfa")) == [newest_gated.title, *expected[:2]]
    assert links(section(get(client, "/"), "verhalen-kop"))[-1] == ("/verhalen/", "Lees alle verhalen")


# -- /verhalen/: facets, pagination, the library's stories ----------------------------------------------------


def options(response, facet):
    view = next(f for f in response.context["search"].facets if f.name == facet)
    return {option.value: option.count for option in view.options}


def test_facet_counts_follow_the_stories_the_visitor_may_see(client, network, employee, make_vacancy, make_story):
    ensure_klus_index()
    alfa, beta = network["alfa"], network["beta"]
    targets = {
        "vacature": public_vacancy(make_vacancy), "klus": klus_factory(network)("beta", "Klus Gaai"),
        "opleiding": training_factory()("Training Mees"), "project": project_factory(ensure_library())("Project Uil"),
    }
    spec = [  # (soort, employers, kinds of link)
        ("persoon", [alfa], ["vacature", "opleiding"]),
        ("persoon", [alfa, beta], ["project"]),
        ("team", [beta], ["opleiding", "project"]),
        ("team", [], []),
        ("persoon", [beta], ["klus"]),  # employees only
        ("team", [alfa], ["klus", "vacature"]),  # public, the klus link hidden from the public
    ]
    for n, (soort, employers, kinds) in enumerate(spec):
        make_story(f"Facetverhaal {n}", soort=soort, werkgevers=employers, links=[targets[k] for k in kinds])

    def expected(rows, klus_visible):
        visible = [r for r in rows if klus_visible or r[2] != ["klus"]]
        return (
            Counter(soort for soort, _, _ in visible),
            Counter(e.slug for _, employers, _ in visible for e in employers),
            Counter(k for _, _, kinds in visible for k in set(kinds) if klus_visible or k != "klus"),
        )

    for who, klus_visible in ((client, False), (employee("alfa"), True)):
        response = who.get("/verhalen/")
        soort, werkgever, over = expected(spec, klus_visible)
        assert response.context["search"].total == sum(soort.values())
        assert options(response, "soort") == soort
        assert options(response, "werkgever") == werkgever
        assert options(response, "over") == over
        # One facet chosen: the others count within it, the chosen one with the other filters only.
        response = who.get("/verhalen/?soort=team")
        team, werkgever, over = expected([r for r in spec if r[0] == "team"], klus_visible)
        assert response.context["search"].total == team["team"]
        assert options(response, "werkgever") == werkgever and options(response, "over") == over
        assert options(response, "soort") == soort
    assert "klus" not in options(client.get("/verhalen/"), "over")
    assert client.get("/verhalen/?over=klus").context["search"].total == sum(soort.values()) - 1  # unknown value dropped


def test_the_listing_pages_with_pagina_following_its_links(client, make_story):
    titles = {make_story(f"Verhaal nummer {n:02d}", datum=days_ago(n)).title for n in range(14)}
    seen, url = [], "/verhalen/"
    while url:
        html = get(client, url)
        results = re.search(r'id="resultaten"(.*?)</nav>|id="resultaten"(.*)', html, re.S).group(0)
        seen += [text for _, text in links(results) if text.startswith("Verhaal nummer")]
        nxt = re.search(r'rel="next" href="([^"]+)"', html)
        url = "/verhalen/" + unescape(nxt.group(1)) if nxt else None
        assert url is None or "pagina=" in url
    assert seen == sorted(titles)  # newest first: nummer 00 is today
    assert len(seen) == 14 and client.get("/verhalen/?pagina=3").status_code == 404


def test_the_librarys_own_stories_are_reachable_from_verhalen(client, make_story):
    make = project_factory(ensure_library())
    told = make("Project Kievit", materiaal=[("ervaringsverhaal", "Verhaal van de projectleider"), ("podcast", "Pod")])
    make("Project Grutto", materiaal=[("podcast", "Alleen een podcast")])
    make("Project Wulp", materiaal=[("ervaringsverhaal", "Concept-verhaal")], live=False)
    ensure_story_index()
    html = section(get(client, "/verhalen/"), "bibliotheek-verhalen-kop")
    assert links(html) == [(told.url, told.title)]  # the material has no link yet: its title as text
    assert "Verhaal van de projectleider" in html and "Pod" not in html and "Wulp" not in html
    assert get(client, told.url)  # the link leads to the project


# -- site search and sitemap ---------------------------------------------------------------------------------


def test_public_stories_are_in_the_site_search_and_the_sitemap(client, make_story):
    story = make_story("Verhaal Boomklever")
    results = get(client, f"/zoeken/?q={WORD}")
    assert "Ervaringsverhaal" in results and f'href="{story.url}"' in results
    assert client.get("/zoeken/?soort=verhaalpage").context["search"].total == 1
    assert f"{story.url}</loc>" in get(client, "/sitemap.xml")
    assert [p["title"] for p in client.get("/api/v2/pages/?type=verhalen.VerhaalPage").json()["items"]] == [story.title]


# -- editing ------------------------------------------------------------------------------------------------


def test_a_photo_needs_its_alt_text(client, make_story):
    image = Image.objects.create(title="Foto", file=get_test_image_file())
    story = make_story("Met foto")
    story.foto = image
    with pytest.raises(ValidationError) as error:
        story.full_clean()
    assert "foto_alt" in error.value.message_dict
    story.foto_alt = "Twee collega's bij een whiteboard"
    story.full_clean()
    story.save_revision().publish()
    assert 'alt="Twee collega&#x27;s bij een whiteboard"' in get(client, story.url)


def test_network_coordinators_add_and_publish_stories_and_employer_editors_cannot(client, network, make_vacancy):
    index = ensure_story_index()
    vacancy = public_vacancy(make_vacancy)
    coordinator = User.objects.create_user("coordinator", "c@example.org", "x")
    coordinator.groups.add(Group.objects.get(name=COORDINATORS))
    editor = User.objects.create_user("redacteur", "r@alfa.example", "x")
    editor.groups.add(WerkgeverRedactie.objects.get(werkgever=network["alfa"]).group)
    url = f"/admin/pages/add/verhalen/verhaalpage/{index.pk}/"

    client.force_login(editor)
    assert client.get(url).status_code in (302, 403)
    client.force_login(coordinator)
    assert client.get(url).status_code == 200
    form = nested_form_data({  # sent without JavaScript, without a slug: the title gives the address
        "title": "Mijn eerste week", "slug": "", "soort": "persoon", "datum": "2026-06-01",
        "intro": "Een korte inleiding.", "body": rich_text("<p>Het verhaal.</p>"), "citaat": "", "citaat_van": "",
        "foto": "", "foto_alt": "", "werkgevers": [network["alfa"].pk],
        "koppelingen": inline_formset([{"pagina": vacancy.pk, "ruil": ""}]),
        "action-publish": "1",
    })
    response = client.post(url, form)
    assert response.status_code == 302, response.context["form"].errors
    story = VerhaalPage.objects.get(title="Mijn eerste week")
    assert story.live and story.slug == "mijn-eerste-week" and story.url == "/verhalen/mijn-eerste-week/"
    assert [k.pagina_id for k in story.koppelingen.all()] == [vacancy.pk]
    assert client.post(url, form).status_code == 302  # the same title again: a numbered address
    assert VerhaalPage.objects.filter(title="Mijn eerste week").latest("pk").slug == "mijn-eerste-week-1"
    client.logout()
    assert "Mijn eerste week" in section(get(client, vacancy.url), "ervaringen-kop")
    panels = [p for p in VerhaalPage.get_edit_handler().children[0].children if getattr(p, "field_name", "") == "title"]
    assert [type(p) for p in panels] == [TitleFieldPanel]  # the slug follows the title in the browser too


def test_a_link_is_one_page_of_the_allowed_kinds_or_one_swap(network, make_story):
    story = make_story("Koppelingen")
    link = story.koppelingen.model(verhaal=story)
    with pytest.raises(ValidationError):
        link.clean()  # neither
    link.pagina = network["alfa"]  # an employer page: not a kind a story links to
    with pytest.raises(ValidationError):
        link.clean()
    link.ruil = Ruil.objects.create(sleutel="x", soort="paar")
    with pytest.raises(ValidationError):
        link.clean()  # both


# -- the data migration ----------------------------------------------------------------------------------------


def test_the_data_migration_makes_verhalen_once_under_the_home_page(db):
    from importlib import import_module

    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    from home.site_setup import ensure_home

    ensure_home()
    migration = import_module("verhalen.migrations.0002_verhalen_pagina_en_rechten")
    state = MigrationExecutor(connection).loader.project_state(("verhalen", "0002_verhalen_pagina_en_rechten"))
    for _ in range(2):
        migration.create_index(state.apps, None)
    index = Page.objects.get(slug="verhalen")
    assert index.specific_class.__name__ == "VerhalenIndexPage" and index.url == "/verhalen/" and index.live
    assert all(problem == [] for problem in Page.find_problems())
    codenames = set(index.group_permissions.filter(group__name=COORDINATORS)
                    .values_list("permission__codename", flat=True))
    assert codenames == {"add_page", "change_page", "publish_page", "delete_page"}
    assert ensure_story_index().pk == index.pk  # the site setup finds it


def test_newest_first_breaks_ties_by_publication(make_story):
    first = make_story("Eerst", datum=days_ago(2))
    second = make_story("Daarna", datum=days_ago(2))
    assert list(VerhaalPage.objects.visible_to().newest_first()) == [second, first]
