"""With the production task backend the requests only queue: saying the last ‘Interesse’ sends nothing itself;
the worker then mails the participants and their employers, and the mail rows are gone afterwards."""

import pytest
from django.core import mail

from conftest import sign_in
from outbox.tests.fixtures import database_tasks, mail_tasks, run_worker
from ruilen import service
from ruilen.models import Ruil

from .conftest import editor_user, make_offer


@pytest.mark.django_db(transaction=True)
def test_the_last_yes_only_queues_the_mails(network):
    editor_user(network, "alfa")
    editor_user(network, "beta")
    anna = make_offer(network, "alfa", "anna@alfa.example", vakgebied="hr", wens_vakgebieden=["beleid"])
    make_offer(network, "beta", "bert@beta.example", vakgebied="beleid", wens_vakgebieden=["hr"])
    service.run_matching()
    ruil = Ruil.objects.get()
    service.say_interest(ruil.pk, anna)
    bert = sign_in("bert@beta.example")
    mail.outbox.clear()
    with database_tasks():
        assert bert.post(f"/medewerkers/ruilen/{ruil.pk}/interesse/").status_code == 302
        assert mail.outbox == []  # nothing sent inside the request
        assert mail_tasks().count() == 4  # two participants, two employers
        run_worker()
    assert sorted(m.to[0] for m in mail.outbox if len(m.to) == 1) == [
        "anna@alfa.example", "bert@beta.example", "redactie@alfa.example", "redactie@beta.example"]
    assert mail_tasks().count() == 0
