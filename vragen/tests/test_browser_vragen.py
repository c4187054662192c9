"""The question desk in real Chromium: the form (with its FAQ) and the thank-you page, then the answer read
through the link in the mail, without an account, and the question closed there; axe finds nothing."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from conftest import link_in_mail
from home.tests.browser import format_violations, open_browser, run_axe
from vragen.models import FaqVraag, Status, Vraag
from vragen.tasks import send_answer
from vragen.tests.fixtures import build_desk


def no_violations(page):
    violations = run_axe(page)
    assert violations == [], format_violations(violations)


def looks(page, label):
    """A field's background and border colour, as the visitor sees them."""
    return page.get_by_label(label, exact=True).evaluate(
        "(el) => { const s = getComputedStyle(el); return [s.backgroundColor, s.borderTopColor]; }"
    )


@pytest.mark.django_db(transaction=True)
def test_ask_a_question_and_read_the_answer_through_the_link(live_site, network):
    desk = build_desk()
    FaqVraag.objects.create(onderwerp=desk["loopbaan"], vraag="Kan ik meelopen bij een andere deelnemer?",
                            antwoord="Ja, in overleg met je leidinggevende.", gepubliceerd=True)
    with open_browser() as browser:
        page = browser.new_page()
        page.goto(live_site.url + "/vragen/")
        page.get_by_text("Kan ik meelopen bij een andere deelnemer?").click()
        expect(page.get_by_text("Ja, in overleg met je leidinggevende.")).to_be_visible()
        # Untouched, every field looks alike: no error colour on the empty, required question
        assert looks(page, "Je vraag") == looks(page, "Naam") == looks(page, "Onderwerp")
        page.get_by_role("button", name="Verstuur je vraag").click()  # empty: the errors are named
        expect(page.get_by_text("Vul je naam in.")).to_be_visible()
        no_violations(page)
        # After the server's answer, every field in error shows it in the same way, the select too
        in_error = looks(page, "Je vraag")
        assert in_error == looks(page, "Naam") == looks(page, "Onderwerp") != looks(page, "Werkgever (niet verplicht)")
        boxes = {label: page.get_by_label(label).bounding_box() for label in ("Naam", "Onderwerp")}
        assert boxes["Onderwerp"]["x"] == boxes["Naam"]["x"]  # the select sits below its label, as the text boxes

        page.get_by_label("Naam").fill("Sanne de Boer")
        page.get_by_label("E-mailadres").fill("sanne@thuis.example")
        page.get_by_label("Onderwerp").select_option(label="Loopbaan")
        page.get_by_role("textbox", name="Je vraag").fill("Mag ik een half jaar bij een andere gemeente werken?")
        page.get_by_role("button", name="Verstuur je vraag").click()
        expect(page.get_by_role("heading", name="Je vraag is verstuurd")).to_be_visible()
        no_violations(page)

        vraag = Vraag.objects.get()
        assert vraag.adviseur == desk["loes"]
        Vraag.objects.filter(pk=vraag.pk).update(antwoord="Ja, via een detachering.", status=Status.BEANTWOORD)
        mail.outbox.clear()
        send_answer.enqueue(vraag.pk)
        link = link_in_mail(mail.outbox[0].body, r"/vragen/draad/[\w-]+/")

        reader = browser.new_context().new_page()  # another browser profile: no cookies, no account
        reader.goto(live_site.url + link)
        expect(reader.get_by_role("heading", name="Je vraag over Loopbaan")).to_be_visible()
        expect(reader.get_by_text("Ja, via een detachering.")).to_be_visible()
        no_violations(reader)
        reader.get_by_role("button", name="Sluit mijn vraag af").click()
        expect(reader.get_by_text("Je hebt deze vraag afgesloten.")).to_be_visible()
        no_violations(reader)
    vraag.refresh_from_db()
    assert vraag.gesloten_op is not None
