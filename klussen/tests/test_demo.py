"""The demo's klussen: every state, visible as the rule says, with reserved addresses only."""

from collections import Counter

from conftest import sign_in
from home.site_setup import ensure_klus_index, ensure_vacancy_pages
from kern.audience import PUBLIC, Audience
from klussen.demo import KLUSSEN, load_klussen
from klussen.models import KlusPage
from vacatures.demo import load_twente


def test_demo_klussen_in_every_state(db):
    werkgevers, _ = ensure_vacancy_pages()
    load_twente(werkgevers)
    ensure_klus_index()
    marked = []
    assert load_klussen(mark=marked.append) == len(KLUSSEN) == len(marked)
    assert load_klussen() == 0  # a second run adds nothing
    klussen = KlusPage.objects.all()
    assert Counter(k.uitkomst for k in klussen) == {"": 5, "ingevuld": 2, "niet_ingevuld": 1, "ingetrokken": 1}
    filled = [k for k in klussen if k.uitkomst == "ingevuld"]
    assert {k.ingevuld_door_id == k.werkgever_id for k in filled} == {True, False}  # own and another employer
    assert all(k.contact_email.endswith(".example") for k in klussen)
    for klus in klussen:
        klus.full_clean()
    employee = sign_in("iemand@enschede.example")
    audience = Audience(werkgever_id=employee.get("/klussen/").wsgi_request.audience.werkgever_id)
    open_ = set(KlusPage.objects.visible_to(audience).values_list("title", flat=True))
    assert len(open_) == 4  # the fifth open one is past its closing date
    assert {k.title for k in employee.get("/klussen/").context["klussen"]} == open_
    assert not KlusPage.objects.visible_to(PUBLIC).exists()
