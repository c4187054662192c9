"""The klus itself: who sees it (one queryset), its listing's facets, editing by its own employer's editors
only, and closing, which needs an outcome."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from conftest import sign_in
from kern.audience import PUBLIC, Audience
from klussen.models import CLOSE_WITHOUT_OUTCOME, KlusPage
from klussen.tests.fixtures import OPEN, TODAY, WORD, build_every_state, klus_factory
from klussen.wagtail_hooks import UNPUBLISH_WITHOUT_OUTCOME
from vacatures.models import WerkgeverRedactie
from vacatures.tests import fixtures
from vacatures.tests.test_admin import RICH_TEXT

network = fixtures.network_from_module


@pytest.fixture(scope="module")
def module_klussen(module_network):
    return build_every_state(module_network)


@pytest.fixture
def klussen(module_klussen):
    return module_klussen


def editor(network, employer):
    user = User.objects.create_user(f"redacteur-{employer}", f"r@{employer}.example", "x")
    user.groups.add(WerkgeverRedactie.objects.get(werkgever=network[employer]).group)
    return user


def klus_form(klus=None, **changes):
    data = {
        "title": "Projectleider archief", "slug": "", "omschrijving": RICH_TEXT, "vaardigheden": "Archiefwet",
        "vakgebied": "juridisch", "uren_per_week": "12", "startdatum": (TODAY + timedelta(days=20)).isoformat(),
        "duur_weken": "10", "einddatum": "", "plaats": "Enschede", "op_afstand": "on", "akkoord_leidinggevende": "on",
        "contactpersoon": "A. Archief", "contact_email": "archief@alfa.example",
        "sluitingsdatum": (TODAY + timedelta(days=14)).isoformat(), "afgesloten_op": "", "uitkomst": "",
        "ingevuld_door": "",
    }
    if klus is not None:
        data.update(title=klus.title, slug=klus.slug, vakgebied=klus.vakgebied, uren_per_week=klus.uren_per_week,
                     startdatum=klus.startdatum.isoformat(), duur_weken=klus.duur_weken or "",
                     plaats=klus.plaats, contact_email=klus.contact_email,
                     sluitingsdatum=klus.sluitingsdatum.isoformat())
    data.update(changes)
    return data


# --------------------------------------------------------------------------- the rule


def test_the_rule_is_one_queryset(network, klussen):
    open_pks = {k.pk for (_, state), k in klussen.items() if state in OPEN}
    assert not KlusPage.objects.visible_to(PUBLIC).exists()
    for employer in ("alfa", "beta"):
        audience = Audience(werkgever_id=network[employer].pk)
        assert set(KlusPage.objects.visible_to(audience).values_list("pk", flat=True)) == open_pks
        hidden = set(KlusPage.objects.hidden_from(audience).values_list("pk", flat=True))
        drafts = {klussen[(e, "concept")].pk for e in ("alfa", "beta")}  # the channels take live pages only
        assert hidden == {k.pk for k in klussen.values()} - open_pks - drafts
    assert set(KlusPage.objects.hidden_from(PUBLIC).values_list("pk", flat=True)) == {k.pk for k in klussen.values()}
    # The day after its closing date a klus is gone; on its closing date it is still there.
    audience = Audience(werkgever_id=network["alfa"].pk)
    klus = klussen[("alfa", "open")]
    assert KlusPage.objects.visible_to(audience, klus.sluitingsdatum).filter(pk=klus.pk).exists()
    assert not KlusPage.objects.visible_to(audience, klus.sluitingsdatum + timedelta(days=1)).filter(pk=klus.pk).exists()


def test_listing_facets_for_an_employee(network, klussen):
    client = sign_in("iemand@beta.example")
    search = client.get("/klussen/").context["search"]
    counts = {facet.name: {o.value: o.count for o in facet.options} for facet in search.facets}
    assert counts["organisatie"] == {"alfa": 2, "beta": 2}
    assert counts["afstand"] == {"ja": 2}
    assert counts["uren"] == {"tot-8": 2, "16-24": 2}
    assert counts["duur"] == {"4-12": 2, "26-plus": 2}
    assert counts["vakgebied"] == {"beleid": 4}
    response = client.get("/klussen/", {"afstand": "ja", "organisatie": "alfa"})
    assert [k.title for k in response.context["klussen"]] == [f"Klus open-op-afstand {WORD} Alfa"]
    assert response.context["search"].total == 1
    found = client.get("/klussen/", {"q": "opdracht"}).context["search"].total
    assert found == 4  # the text of every open klus; closed ones are not counted


# --------------------------------------------------------------------------- editing


def test_the_employers_editors_add_and_publish_a_klus_and_nobody_else(network, client):
    client.force_login(editor(network, "alfa"))
    alfa = network["alfa"]
    assert client.get(f"/admin/pages/add/klussen/kluspage/{alfa.pk}/").status_code == 200
    response = client.post(f"/admin/pages/add/klussen/kluspage/{alfa.pk}/", klus_form(**{"action-publish": "1"}))
    assert response.status_code == 302, response.context["form"].errors
    klus = KlusPage.objects.get(title="Projectleider archief")
    assert klus.live and klus.werkgever_id == alfa.pk and klus.looptijd_weken == 10
    assert klus.get_parent().pk == alfa.pk
    # The same editor under Beta: refused, nothing created.
    beta = network["beta"]
    other = client.post(f"/admin/pages/add/klussen/kluspage/{beta.pk}/", klus_form(title="Ingeslopen"))
    assert other.status_code in (302, 403)
    assert not KlusPage.objects.filter(title="Ingeslopen").exists()
    # Beta's editor cannot edit Alfa's klus.
    client.force_login(editor(network, "beta"))
    client.post(f"/admin/pages/{klus.pk}/edit/", klus_form(klus, title="Gekaapt", **{"action-publish": "1"}))
    klus.refresh_from_db()
    assert klus.title == "Projectleider archief"
    assert not klus.permissions_for_user(User.objects.get(username="redacteur-beta")).can_edit()
    assert klus.permissions_for_user(User.objects.get(username="redacteur-alfa")).can_publish()


def test_closing_without_an_outcome_is_refused(network, client):
    klus = klus_factory(network)("alfa", "Te sluiten klus")
    client.force_login(editor(network, "alfa"))
    url = f"/admin/pages/{klus.pk}/edit/"
    response = client.post(url, klus_form(klus, afgesloten_op=TODAY.isoformat(), **{"action-publish": "1"}))
    assert response.status_code == 200
    assert CLOSE_WITHOUT_OUTCOME in response.content.decode()
    klus.refresh_from_db()
    assert klus.afgesloten_op is None and klus.is_open
    # 'ingevuld' needs the employer of whoever took it.
    response = client.post(url, klus_form(klus, afgesloten_op=TODAY.isoformat(), uitkomst="ingevuld",
                                          **{"action-publish": "1"}))
    assert "Kies de werkgever" in response.content.decode()
    response = client.post(url, klus_form(klus, afgesloten_op=TODAY.isoformat(), uitkomst="ingevuld",
                                          ingevuld_door=network["beta"].pk, **{"action-publish": "1"}))
    assert response.status_code == 302
    klus.refresh_from_db()
    assert (klus.uitkomst, klus.ingevuld_door_id) == ("ingevuld", network["beta"].pk) and not klus.is_open
    employee = sign_in("iemand@beta.example")
    assert "Te sluiten klus" not in employee.get("/klussen/").content.decode()
    assert employee.get(klus.url).status_code == 404


def test_a_klus_cannot_be_taken_offline_without_an_outcome(network, client):
    make = klus_factory(network)
    klus, other = make("alfa", "Offline klus"), make("alfa", "Andere klus")
    client.force_login(editor(network, "alfa"))
    response = client.post(f"/admin/pages/{klus.pk}/unpublish/", follow=True)
    assert response.redirect_chain[-1][0] == f"/admin/pages/{klus.pk}/edit/"
    assert UNPUBLISH_WITHOUT_OUTCOME in response.content.decode()
    response = client.post(f"/admin/bulk/wagtailcore/page/unpublish/?id={klus.pk}&id={other.pk}", follow=True)
    assert response.redirect_chain[-1][0] == f"/admin/pages/{klus.get_parent().pk}/"
    assert "Zonder uitkomst: Offline klus, Andere klus." in response.content.decode()
    mine = KlusPage.objects.filter(pk__in=[klus.pk, other.pk])
    assert mine.filter(live=True).count() == 2
    # Closed with an outcome, it can go offline.
    client.post(f"/admin/pages/{klus.pk}/edit/", klus_form(klus, afgesloten_op=TODAY.isoformat(),
                                                           uitkomst="ingetrokken", **{"action-publish": "1"}))
    assert client.post(f"/admin/pages/{klus.pk}/unpublish/").status_code == 302
    assert list(mine.filter(live=True)) == [other]


def test_the_model_refuses_closing_without_an_outcome_too(network):
    klus = klus_factory(network)("alfa", "Modelklus")
    klus.afgesloten_op = TODAY
    with pytest.raises(ValidationError) as refused:
        klus.full_clean()
    assert refused.value.message_dict["uitkomst"] == [CLOSE_WITHOUT_OUTCOME]
    klus.afgesloten_op, klus.uitkomst = None, "ingetrokken"
    with pytest.raises(ValidationError) as refused:
        klus.full_clean()
    assert "afgesloten_op" in refused.value.message_dict
    klus.duur_weken = None
    klus.afgesloten_op = TODAY
    with pytest.raises(ValidationError) as refused:
        klus.full_clean()
    assert "duur_weken" in refused.value.message_dict
    klus.einddatum = klus.startdatum + timedelta(days=20)
    klus.full_clean()
    klus.save()
    assert klus.looptijd_weken == 3


def test_the_employer_page_allows_klussen_below_it(network):
    assert KlusPage in network["alfa"].specific_class.allowed_subpage_models()
