"""Sign-in without passwords, end to end through Django's test mail outbox."""

import re
from datetime import timedelta

from django.core import mail
from django.utils import timezone

from conftest import sign_in, sign_in_link
from medewerkers.audience import SIGNED_IN_AT
from medewerkers.models import Inloglink, Medewerker
from vacatures.tests import fixtures

# Every test only reads the network; what a test writes (links, employees) is rolled back after it.
network = fixtures.network_from_module


def test_known_domain_gets_a_single_use_link(client, network):
    response = client.post("/medewerkers/inloggen/", {"email": "Jan.Jansen@ALFA.example"})
    assert response.status_code == 200
    assert "Kijk in je mailbox" in response.content.decode()
    assert mail.outbox[0].to == ["jan.jansen@alfa.example"]
    path = sign_in_link()
    assert Inloglink.objects.get().token_hash not in mail.outbox[0].body  # only the hash is stored

    confirm = client.get(path)  # a mail scanner opening the link does not use it up
    assert confirm.status_code == 200 and "Alfa" in confirm.content.decode()
    response = client.post(path)
    assert response.status_code == 302 and response["Location"] == "/vacatures/"
    medewerker = Medewerker.objects.get()
    assert (medewerker.email, medewerker.werkgever.title) == ("jan.jansen@alfa.example", "Alfa")
    assert medewerker.laatst_ingelogd is not None
    assert "Ingelogd als medewerker van Alfa" in client.get("/vacatures/").content.decode()

    # Single use: the same link works no more, not even in another browser.
    other = client.__class__()
    assert other.post(path).status_code == 410
    assert "Deze inloglink werkt niet meer" in other.get(path).content.decode()


def test_link_expires_after_30_minutes(client, network):
    client.post("/medewerkers/inloggen/", {"email": "p@beta.example"})
    path = sign_in_link()
    Inloglink.objects.update(aangemaakt=timezone.now() - timedelta(minutes=31))
    assert client.post(path).status_code == 410
    assert not Medewerker.objects.exists()
    # The next request deletes the expired link with its e-mail address.
    client.post("/medewerkers/inloggen/", {"email": "q@beta.example"})
    assert list(Inloglink.objects.values_list("email", flat=True)) == ["q@beta.example"]


def test_foreign_domain_is_refused_neutrally(client, network):
    response = client.post("/medewerkers/inloggen/", {"email": "iemand@gmail.example"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Als dit adres bij een deelnemende werkgever hoort, krijg je binnen een paar minuten een e-mail" in html
    assert 'href="/werkgevers/"' in html
    assert "alfa.example" not in html and "beta.example" not in html and "Alfa" not in html.split("<main")[1]
    assert mail.outbox == []
    # A look-alike domain is foreign too.
    client.post("/medewerkers/inloggen/", {"email": "x@notalfa.example"})
    assert mail.outbox == []


def test_same_answer_whether_or_not_a_mail_went_out(client, network):
    sent = client.post("/medewerkers/inloggen/", {"email": "a@alfa.example"}).content.decode()
    bot = client.post("/medewerkers/inloggen/", {"email": "b@alfa.example", "website": "spam"}).content.decode()
    assert len(mail.outbox) == 1  # the honeypot request sent nothing...
    strip = lambda html: re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)  # noqa: E731
    assert strip(sent) == strip(bot)  # ...and looks the same


def test_sign_out_and_session_age_end_it(client, network):
    sign_in("a@alfa.example", client)
    assert client.get("/vacatures/").wsgi_request.audience.werkgever_id is not None
    client.post("/medewerkers/uitloggen/")
    assert client.get("/vacatures/").wsgi_request.audience.werkgever_id is None

    sign_in("a@alfa.example", client)
    session = client.session
    session[SIGNED_IN_AT] = (timezone.now() - timedelta(days=31)).isoformat()
    session.save()
    assert client.get("/vacatures/").wsgi_request.audience.werkgever_id is None


def test_only_address_employer_and_last_sign_in_are_stored(client, network):
    sign_in("a@alfa.example", client)
    client.get("/vacatures/")
    fields = {f.name for f in Medewerker._meta.get_fields() if f.concrete}
    assert fields == {"id", "email", "werkgever", "laatst_ingelogd"}


def test_rate_limit_answers_429(client, network):
    codes = [client.post("/medewerkers/inloggen/", {"email": f"x{i}@gmail.example"}).status_code for i in range(12)]
    assert codes[:10] == [200] * 10
    assert codes[10:] == [429, 429]
