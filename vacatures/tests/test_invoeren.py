"""Entering vacancies without touching the web address (issue 18, item 1), also without JavaScript."""

import pytest
from django.apps import apps
from wagtail.admin.panels import TitleFieldPanel
from wagtail.models import Page

from vacatures.models import VacaturePage

from .test_admin import editor_of, vacancy_form  # noqa: F401


def title_panels(panel):
    if getattr(panel, "field_name", None) == "title":
        yield panel
    for child in getattr(panel, "children", []):
        yield from title_panels(child)


def our_page_models():
    ours = {"home", "projecten", "vacatures"}
    return [m for m in apps.get_models() if issubclass(m, Page) and m is not Page and m._meta.app_label in ours]


def test_every_page_type_fills_its_slug_from_the_title():
    models = our_page_models()
    assert {m.__name__ for m in models} >= {"VacaturePage", "OrganisatiePage", "ProjectPage", "HomePage"}
    for model in models:
        panels = list(title_panels(model.get_edit_handler()))
        assert len(panels) == 1, model
        assert isinstance(panels[0], TitleFieldPanel), f"{model.__name__}: {type(panels[0]).__name__}"


def test_a_new_vacancy_sent_without_a_slug_gets_one_from_its_title(client, editor_of, make_vacancy, network):  # noqa: F811
    template = make_vacancy("alfa", "Sjabloon")  # only to build a complete form
    client.force_login(editor_of("alfa"))
    url = f"/admin/pages/add/vacatures/vacaturepage/{network['alfa'].pk}/"
    for _ in range(2):  # the same job advertised twice by the same employer
        form = vacancy_form(template, title="Medewerker Burgerzaken", slug="", **{"action-publish": "1"})
        response = client.post(url, form)
        assert response.status_code == 302, response.content.decode()[:3000]
    slugs = sorted(VacaturePage.objects.filter(title="Medewerker Burgerzaken").values_list("slug", flat=True))
    assert slugs == ["medewerker-burgerzaken", "medewerker-burgerzaken-1"]
    assert all(VacaturePage.objects.filter(title="Medewerker Burgerzaken").values_list("live", flat=True))


def test_an_existing_vacancy_keeps_the_slug_check(client, editor_of, make_vacancy):  # noqa: F811
    one = make_vacancy("alfa", "Een", slug="een")
    two = make_vacancy("alfa", "Twee", slug="twee")
    client.force_login(editor_of("alfa"))
    response = client.post(f"/admin/pages/{two.pk}/edit/", vacancy_form(two, slug=one.slug))
    assert response.status_code == 200  # the form again, with Wagtail's message
    two.refresh_from_db()
    assert two.slug == "twee"


@pytest.mark.parametrize("existing_copies", [0, 2])
def test_copy_proposes_a_free_slug_and_takes_it_untouched(client, editor_of, make_vacancy, network, existing_copies):  # noqa: F811
    original = make_vacancy("alfa", "Jurist", slug="jurist")
    for number in range(1, existing_copies + 1):
        make_vacancy("alfa", "Jurist", slug=f"jurist-{number}")
    client.force_login(editor_of("alfa"))
    url = f"/admin/pages/{original.pk}/copy/"
    expected = f"jurist-{existing_copies + 1}"
    assert client.get(url).context["form"]["new_slug"].value() == expected
    response = client.post(url, {"new_title": "Jurist", "new_slug": expected, "new_parent_page": network["alfa"].pk})
    assert response.status_code == 302
    assert VacaturePage.objects.filter(slug=expected, title="Jurist").count() == 1


def test_copy_with_an_untouched_proposal_is_renumbered_when_someone_took_it_meanwhile(
    client, editor_of, make_vacancy, network,  # noqa: F811
):
    original = make_vacancy("alfa", "Jurist", slug="jurist")
    client.force_login(editor_of("alfa"))
    url = f"/admin/pages/{original.pk}/copy/"
    proposal = client.get(url).context["form"]["new_slug"].value()
    make_vacancy("alfa", "Jurist", slug=proposal)  # a colleague copied it first
    response = client.post(url, {"new_title": "Jurist", "new_slug": proposal, "new_parent_page": network["alfa"].pk})
    assert response.status_code == 302
    assert sorted(VacaturePage.objects.values_list("slug", flat=True)) == ["jurist", "jurist-1", "jurist-2"]


def test_a_slug_typed_by_hand_that_is_taken_still_gets_wagtails_message(client, editor_of, make_vacancy, network):  # noqa: F811
    original = make_vacancy("alfa", "Jurist", slug="jurist")
    make_vacancy("alfa", "Andere", slug="andere")
    client.force_login(editor_of("alfa"))
    response = client.post(f"/admin/pages/{original.pk}/copy/", {
        "new_title": "Jurist", "new_slug": "andere", "new_parent_page": network["alfa"].pk,
    })
    assert response.status_code == 200 and "new_slug" in response.context["form"].errors
    assert VacaturePage.objects.count() == 2
