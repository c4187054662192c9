"""The asker's path: the form at /vragen/, routing to an adviser, the confirmation mail with a thread link that
works without an account (GET reads, only a POST acts), the answer given in the admin and mailed, the FAQ."""

import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client

from conftest import link_in_mail, sign_in
from vragen.models import Draadlink, FaqVraag, Routering, Status, Vraag
from vragen.tests.fixtures import build_desk

THREAD = r"/vragen/draad/[\w-]+/"


@pytest.fixture
def desk(network):
    return build_desk()


def ask(client=None, **fields):
    client = client or Client()
    data = {"naam": "Sanne de Boer", "email": "sanne@thuis.example", "werkgever_naam": "Gemeente Ergens",
            "vraag": "Mag ik een half jaar bij een andere gemeente werken?", "website": "", **fields}
    return client.post("/vragen/", data)


def mail_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def test_question_is_routed_confirmed_and_readable_through_the_link_without_account(desk):
    response = ask(onderwerp=desk["loopbaan"].pk)
    assert response.status_code == 200
    assert "Je vraag is verstuurd" in response.content.decode()
    vraag = Vraag.objects.get()
    assert (vraag.adviseur, vraag.status, vraag.werkgever_naam) == (desk["loes"], Status.NIEUW, "Gemeente Ergens")

    # the adviser is told, without the asker's details; the asker gets a confirmation with the thread link
    (note,) = mail_to(desk["loes"].email)
    assert "Sanne" not in note.body and "sanne@" not in note.body and f"/admin/vragen/vraag/edit/{vraag.pk}/" in note.body
    (confirmation,) = mail_to("sanne@thuis.example")
    assert "3 werkdagen" in confirmation.body and "12 maanden" in confirmation.body
    link = link_in_mail(confirmation.body, THREAD)
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert not Draadlink.objects.filter(hash=token).exists()  # only the hash is stored

    stranger = Client()  # no session, no account
    for _ in range(2):  # reading is harmless: a scanner opening the link changes nothing
        page = stranger.get(link)
        assert page.status_code == 200
        assert "Mag ik een half jaar" in page.content.decode() and "nog geen antwoord" in page.content.decode()
    vraag.refresh_from_db()
    assert vraag.gesloten_op is None and vraag.status == Status.NIEUW
    assert Client().get("/vragen/draad/onbekend-token/").status_code == 410


def test_routing_takes_the_most_specific_rule(desk):
    alfa_twente = desk["twente"]
    assert Routering.adviser_for(desk["loopbaan"], alfa_twente) == desk["loes"]  # topic beats region
    assert Routering.adviser_for(desk["regelingen"], alfa_twente) == desk["tim"]  # region
    assert Routering.adviser_for(desk["regelingen"], None) == desk["dora"]  # the default
    both = Routering.objects.create(onderwerp=desk["regelingen"], regio=alfa_twente, adviseur=desk["loes"])
    assert Routering.adviser_for(desk["regelingen"], alfa_twente) == desk["loes"]  # topic and region beat both
    both.delete()
    for duplicate in (Routering(adviseur=desk["loes"]), Routering(onderwerp=desk["loopbaan"], adviseur=desk["tim"]),
                      Routering(regio=alfa_twente, adviseur=desk["loes"])):
        with pytest.raises(ValidationError):  # one rule per combination, as the admin form checks
            duplicate.full_clean()
    Routering.objects.filter(onderwerp=None, regio=None).delete()
    assert Routering.adviser_for(desk["regelingen"], None) is None


def test_signed_in_employee_is_known_and_routed_by_the_employers_region(desk, network):
    client = sign_in("piet@alfa.example")
    form = client.get("/vragen/").content.decode()
    assert "medewerker van Alfa" in form and 'value="piet@alfa.example"' in form
    assert 'name="werkgever_naam"' not in form
    ask(client, onderwerp=desk["regelingen"].pk, email="piet@alfa.example", werkgever_naam="Verzonnen")
    vraag = Vraag.objects.get()
    assert (vraag.werkgever, vraag.werkgever_naam, vraag.regio) == (network["alfa"], "", desk["twente"])
    assert vraag.adviseur == desk["tim"]  # Alfa is in Twente


def test_honeypot_and_rate_limit(desk):
    response = ask(onderwerp=desk["loopbaan"].pk, website="http://spam.example")
    assert "Je vraag is verstuurd" in response.content.decode()
    assert not Vraag.objects.exists() and mail.outbox == []
    for _ in range(9):  # the bot's post counted too: 10 an hour per address
        assert ask(onderwerp=desk["loopbaan"].pk).status_code == 200
    assert ask(onderwerp=desk["loopbaan"].pk).status_code == 429
    assert Vraag.objects.count() == 9


def test_missing_fields_are_named_in_dutch(desk):
    page = Client().post("/vragen/", {"naam": "", "email": "geen-adres", "vraag": ""}).content.decode()
    for text in ("Vul je naam in.", "Dit is geen geldig e-mailadres.", "Kies een onderwerp.", "Schrijf je vraag."):
        assert text in page
    assert not Vraag.objects.exists()


def edit_form(client, vraag, **changes):
    """The admin's edit form as the adviser would send it (the editable fields, as they are, plus changes)."""
    data = {"onderwerp": vraag.onderwerp_id, "adviseur": vraag.adviseur_id or "", "status": vraag.status,
            "antwoord": vraag.antwoord, **changes}
    return client.post(f"/admin/vragen/vraag/edit/{vraag.pk}/", data)


def test_answer_in_the_admin_is_mailed_and_readable_through_the_link(desk):
    ask(onderwerp=desk["loopbaan"].pk)
    vraag = Vraag.objects.get()
    mail.outbox.clear()
    adviser = Client()
    adviser.force_login(desk["loes"])
    queue = adviser.get("/admin/vragen/vraag/?status=nieuw").content.decode()
    assert "Sanne de Boer" in queue

    response = edit_form(adviser, vraag, status=Status.IN_BEHANDELING)
    assert response.status_code == 302 and mail.outbox == []  # no answer yet, no mail
    response = edit_form(adviser, vraag, status=Status.IN_BEHANDELING, antwoord="Ja, via een detachering.")
    assert response.status_code == 302
    vraag.refresh_from_db()
    assert vraag.status == Status.BEANTWOORD and vraag.beantwoord_op is not None
    (answer,) = mail.outbox
    assert answer.to == ["sanne@thuis.example"] and "Ja, via een detachering." in answer.body

    link = link_in_mail(answer.body, THREAD)
    stranger = Client()
    page = stranger.get(link).content.decode()
    assert "Ja, via een detachering." in page and "Sluit mijn vraag af" in page
    first = vraag.beantwoord_op

    # saving without a new answer mails nothing; a corrected answer is mailed again, the first moment stays
    edit_form(adviser, vraag)
    assert len(mail.outbox) == 1
    edit_form(adviser, vraag, antwoord="Ja, via een detachering van drie tot zes maanden.")
    vraag.refresh_from_db()
    assert len(mail.outbox) == 2 and vraag.beantwoord_op == first

    # reacting again is a POST too: the question is open again and its adviser is told (without the text)
    mail.outbox.clear()
    assert 'name="actie" value="reageren"' in page
    empty = stranger.post(link, {"actie": "reageren", "reactie": ""}).content.decode()
    assert "Schrijf je reactie." in empty and mail.outbox == []
    reacted = stranger.post(link, {"actie": "reageren", "reactie": "Geldt dat ook voor een half jaar?"})
    assert "Je reactie is verstuurd naar de adviseur." in reacted.content.decode()
    vraag.refresh_from_db()
    assert vraag.status == Status.IN_BEHANDELING and "Geldt dat ook voor een half jaar?" in vraag.vervolg
    assert vraag.beantwoord_op == first  # the time to the first answer does not change
    (note,) = mail.outbox
    assert note.to == [desk["loes"].email] and "reactie" in note.subject and "half jaar" not in note.body
    assert "Geldt dat ook voor een half jaar?" in adviser.get(f"/admin/vragen/vraag/edit/{vraag.pk}/").content.decode()

    # closing is a POST from the page's own form
    form = re.search(r'<form method="post">(.*?)</form>', page, re.S).group(1)
    assert 'name="actie" value="afsluiten"' in form
    assert stranger.post(link, {"actie": "afsluiten"}).status_code == 200
    vraag.refresh_from_db()
    assert vraag.gesloten_op is not None
    closed = stranger.get(link).content.decode()
    assert "Je hebt deze vraag afgesloten" in closed and 'value="reageren"' not in closed


def test_adviser_publishes_an_edited_anonymous_faq_entry(desk):
    ask(onderwerp=desk["loopbaan"].pk, vraag="Ik ben Sanne de Boer van Gemeente Ergens. Mag ik elders werken?")
    vraag = Vraag.objects.get()
    Vraag.objects.filter(pk=vraag.pk).update(status=Status.BEANTWOORD, antwoord="Ja, Sanne, dat kan.")
    adviser = Client()
    adviser.force_login(desk["loes"])
    queue = adviser.get("/admin/vragen/vraag/").content.decode()
    add_url = f"/admin/vragen/faq/new/?vraag={vraag.pk}"
    assert add_url.replace("&", "&amp;") in queue
    response = adviser.get(add_url)
    assert "Ja, Sanne, dat kan." in response.content.decode()  # the starting point, to be rewritten
    form = response.context["form"]
    prefilled = {name: form[name].value() for name in form.fields} | {"gepubliceerd": "on"}

    # published as it was filled in: refused, with what to remove, and nothing is stored
    refused = adviser.post(add_url, prefilled).content.decode()
    assert ("De vraag noemt nog de naam van de vrager (Sanne de Boer). "
            "Maak de vraag anoniem voordat je hem publiceert.") in refused
    assert ("Het antwoord noemt nog de naam van de vrager (Sanne). "
            "Maak het antwoord anoniem voordat je het publiceert.") in refused
    assert not FaqVraag.objects.exists()
    # without the name, the employer is still there
    refused = adviser.post(add_url, prefilled | {
        "vraag": "Ik werk bij gemeente ergens. Mag ik elders werken?", "antwoord": "Ja, dat kan.",
    }).content.decode()
    assert "De vraag noemt nog de werkgever van de vrager (gemeente ergens)." in refused
    assert "Het antwoord noemt" not in refused and not FaqVraag.objects.exists()

    response = adviser.post(add_url, prefilled | {
        "vraag": "Kan ik tijdelijk bij een andere deelnemer werken?", "antwoord": "Ja, dat kan via een detachering.",
    })
    assert response.status_code == 302
    faq = FaqVraag.objects.get()
    assert faq.bron == vraag and faq.gepubliceerd
    public = Client().get("/vragen/").content.decode()
    assert "Kan ik tijdelijk bij een andere deelnemer werken?" in public
    assert 'href="/vragen/" aria-current="page">Vragen</a>' in public  # in the site's navigation
    assert "Sanne" not in public.split("Stel je vraag")[0]
    FaqVraag.objects.create(onderwerp=desk["loopbaan"], vraag="Concept", antwoord="Nog niet af", gepubliceerd=False)
    assert "Concept" not in Client().get("/vragen/").content.decode()


@pytest.mark.parametrize(("text", "error"), [
    ("Mail naar sanne@thuis.example.", "bevat nog een e-mailadres (sanne@thuis.example)"),
    ("Vraag het p.jansen+faq@gemeente-ede.nl", "bevat nog een e-mailadres (p.jansen+faq@gemeente-ede.nl)"),
    ("Schrijf sanne [at] thuis.example.", "bevat nog een e-mailadres (sanne [at] thuis.example)"),  # as on a card
    ("Bel 06-12345678.", "bevat nog een telefoonnummer (06-12345678)"),
    ("Bel 030 - 123 45 67 op werkdagen.", "bevat nog een telefoonnummer (030 - 123 45 67)"),
    ("Bel +31 (0)6 12 34 56 78.", "bevat nog een telefoonnummer (+31 (0)6 12 34 56 78)"),
    ("Bel 0031 6 1234 5678.", "bevat nog een telefoonnummer (0031 6 1234 5678)"),
    ("Beste sanne, dat kan.", "noemt nog de naam van de vrager (sanne)"),
    ("Mevrouw De Boer vroeg het.", "noemt nog de naam van de vrager (Boer)"),
    ("Van Sanne  de\nBoer.", "noemt nog de naam van de vrager (Sanne  de\nBoer)"),
    # nothing personal: dates, amounts, words that hold a name, an organisation's short numbers
    ("Vanaf 1 januari 2025 krijg je 1.250 euro per maand, zie artikel 12.3 van de cao.", None),
    ("De boerderij van Sannes tante, in de regio 030.", None),
    ("Bel het algemene nummer 14 030 of 0800-1234.", None),
])
def test_faq_text_with_an_email_address_phone_number_or_the_askers_name_is_refused(text, error):
    bron = Vraag(naam="Sanne de Boer", email="sanne@thuis.example", werkgever_naam="Gemeente Ergens")
    for field, start, pronoun in (("vraag", "De vraag", "hem"), ("antwoord", "Het antwoord", "het")):
        faq = FaqVraag(bron=bron, vraag="Mag dat?", antwoord="Ja.")
        setattr(faq, field, text)
        if error is None:
            faq.clean()
            continue
        with pytest.raises(ValidationError) as refused:
            faq.clean()
        assert refused.value.message_dict == {
            field: [f"{start} {error}. Maak {start.lower()} anoniem voordat je {pronoun} publiceert."],
        }
    if error and "vrager" not in error:  # also once the source question is gone
        with pytest.raises(ValidationError):
            FaqVraag(vraag=text, antwoord="Ja.").clean()
