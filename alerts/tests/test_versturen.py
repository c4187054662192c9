"""Sending: each address gets exactly the vacancies that became visible to it (by the phases of
vacatures.phases), each once, on a clock we set; a stopped run resumes without duplicates; a closed vacancy
and a removed domain are honoured at once; a mail server that fails leaves the vacancies for the next run;
the mail itself (subject, marker, links, headers) and stopping by one-click POST."""

import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.test import Client, override_settings

from alerts.mails import day
from alerts.models import Alert, AlertVerzending, VerzondenVacature
from alerts.sending import run, run_alerts
from alerts.tests.helpers import mails_to, subscribe, went_live
from config.settings.search import search_backends
from conftest import link_in_mail
from outbox.tests.fixtures import database_tasks, mail_tasks, run_worker, smtp_settings
from search.tests.test_unavailable import closed_port
from taxonomie.models import Regio
from vacatures.tests.fixtures import TODAY

OWN = "iemand@alfa.example"
OTHER = "iemand@beta.example"
OUTSIDE = "lid@elders.example"


def mailed_titles(email, titles):
    """Per mail to `email` in the outbox: which of `titles` it names."""
    return [{t for t in titles if t in m.body} for m in mails_to(email)]


def run_days(first, last, titles, addresses):
    """Run the daily alerts on each day from `first` to `last`: {address: [(day offset, {titles}), ...]}."""
    seen = {address: [] for address in addresses}
    for offset in range(first, last + 1):
        mail.outbox.clear()
        run("dagelijks", today=TODAY + timedelta(days=offset))
        for address in addresses:
            seen[address] += [(offset, found) for found in mailed_titles(address, titles)]
    return seen


def test_each_address_gets_a_vacancy_when_it_becomes_visible_to_it_and_once(make_vacancy, network):
    for address in (OWN, OTHER, OUTSIDE):
        subscribe(address, "/vacatures/?vakgebied=beleid")
    mail.outbox.clear()
    # Alfa's defaults: intern 7 days, onder water 14 days. Published tomorrow: intern from day 1,
    # netwerk from day 8, public from day 22, closes on day 40.
    stepwise = make_vacancy("alfa", "Beleidsadviseur wonen", published_days_ago=-1, closes_in=40)
    direct = make_vacancy("beta", "Adviseur beleid en regie", published_days_ago=-3, closes_in=30,
                          route="direct_openbaar")
    make_vacancy("beta", "Informatieadviseur", published_days_ago=-3, closes_in=30, vakgebied="ict",
                 route="direct_openbaar")
    old = make_vacancy("beta", "Al lang openbaar", published_days_ago=30, closes_in=10)
    went_live(old, days_ago=30)
    titles = {stepwise.title, direct.title, "Informatieadviseur", old.title}

    seen = run_days(0, 25, titles, (OWN, OTHER, OUTSIDE))
    assert seen[OWN] == [(1, {stepwise.title}), (3, {direct.title})]
    assert seen[OTHER] == [(3, {direct.title}), (8, {stepwise.title})]
    assert seen[OUTSIDE] == [(3, {direct.title}), (22, {stepwise.title})]

    rows = {(r.alert.email, r.vacature.title): r.onder_water for r in VerzondenVacature.objects.select_related(
        "alert", "vacature")}
    assert rows == {
        (OWN, stepwise.title): True, (OWN, direct.title): False,
        (OTHER, stepwise.title): True, (OTHER, direct.title): False,
        (OUTSIDE, stepwise.title): False, (OUTSIDE, direct.title): False,
    }
    mail.outbox.clear()
    run("dagelijks", today=TODAY + timedelta(days=26))
    assert not mail.outbox


def test_a_vacancy_entered_late_with_an_earlier_publication_date_is_mailed_when_it_goes_live(
        make_vacancy, network):
    # Confirmed today; a vacancy put online tomorrow, public since (its dates say) three days ago, and one that
    # has been online and public since before the alert: only the first is new to these addresses.
    for address in (OTHER, OUTSIDE):
        subscribe(address)
    mail.outbox.clear()
    before = make_vacancy("alfa", "Al openbaar", published_days_ago=10, closes_in=20, route="direct_openbaar")
    went_live(before, days_ago=10)
    late = make_vacancy("alfa", "Laat ingevoerd", published_days_ago=3, closes_in=20, route="direct_openbaar",
                        live=False)
    run("dagelijks", today=TODAY + timedelta(days=1))
    assert not mail.outbox  # not live yet
    late.save_revision().publish()
    went_live(late, days_ago=-1)
    run("dagelijks", today=TODAY + timedelta(days=1))
    titles = {before.title, late.title}
    assert mailed_titles(OUTSIDE, titles) == [{late.title}]
    assert mailed_titles(OTHER, titles) == [{late.title}]
    mail.outbox.clear()
    run("dagelijks", today=TODAY + timedelta(days=2))
    assert not mail.outbox


def test_the_mail_names_what_and_for_whom_with_change_and_stop_links(make_vacancy, network):
    subscribe(OTHER, "/vacatures/?vakgebied=beleid")
    mail.outbox.clear()
    first = make_vacancy("alfa", "Beleidsadviseur wonen", published_days_ago=-1, closes_in=40, salarisschaal=11)
    make_vacancy("alfa", "Beleidsmedewerker zorg", published_days_ago=-1, closes_in=35, uren_min=24, uren_max=24)
    public = make_vacancy("beta", "Adviseur beleid en regie", published_days_ago=-8, closes_in=30,
                          route="direct_openbaar")
    run("dagelijks", today=TODAY + timedelta(days=8))
    [message] = mail.outbox
    assert message.subject == "Nieuwe vacatures: Beleidsmedewerker zorg en 2 andere"  # onder water first
    body = message.body
    until = day(first.start_openbaar - timedelta(days=1))
    assert body.count(f"Let op: alleen voor medewerkers van deelnemende werkgevers tot {until}") == 2
    assert "Alfa · Enschede · 32–36 uur per week · schaal 11" in body
    assert "24 uur per week" in body
    assert f"Sluitingsdatum: {day(first.sluitingsdatum)}" in body
    assert body.index("Beleidsmedewerker zorg") < body.index("Beleidsadviseur wonen") < body.index(public.title)
    assert "Beleid en advies" in body
    html, kind = message.alternatives[0]
    assert kind == "text/html" and "Beleidsadviseur wonen" in html and 'name="viewport"' in html
    stop = link_in_mail(body, r"/vacaturealerts/[\w-]+/stoppen/")
    change = link_in_mail(body, r"/vacaturealerts/[\w-]+/")
    assert message.extra_headers["List-Unsubscribe"].endswith(f"{stop}>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    client = Client(enforce_csrf_checks=True)
    page = client.get(change).content.decode()
    assert "Je vacaturealert" in page and "Beleid en advies" in page
    browser = Client()
    assert browser.post(change, {"frequentie": "wekelijks"}).status_code == 200
    assert Alert.objects.get().frequentie == "wekelijks"

    # GET (a scanner, a preview) stops nothing; the mail client's one-click POST stops without a session.
    assert client.get(stop).status_code == 200
    assert client.head(stop).status_code == 200
    assert Alert.objects.filter(email=OTHER).exists()
    response = client.post(stop, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert not Alert.objects.filter(email=OTHER).exists()
    assert not [a for a in Alert.objects.all() if a.email == OTHER]
    assert VerzondenVacature.objects.count() == 3  # counts stay, without the address
    assert client.post(stop).status_code == 410
    assert client.get(change).status_code == 410


def test_body_stop_link_leads_to_a_page_with_one_button(make_vacancy, network):
    subscribe(OUTSIDE)
    make_vacancy("alfa", "Adviseur", published_days_ago=0, closes_in=20, route="direct_openbaar")
    mail.outbox.clear()
    run("dagelijks")
    stop = link_in_mail(mails_to(OUTSIDE)[0].body, r"/vacaturealerts/[\w-]+/stoppen/")
    client = Client()
    page = client.get(stop).content.decode()
    assert len(re.findall(r"<button", page)) == 1 and "Alert stoppen" in page
    assert Alert.objects.exists()
    client.post(stop)
    assert not Alert.objects.exists()


def test_a_vacancy_closed_or_filled_before_the_run_is_left_out(make_vacancy, network):
    subscribe(OUTSIDE)
    mail.outbox.clear()
    stays = make_vacancy("alfa", "Blijft open", published_days_ago=0, closes_in=20, route="direct_openbaar")
    filled = make_vacancy("alfa", "Vervuld", published_days_ago=0, closes_in=20, route="direct_openbaar")
    closed = make_vacancy("beta", "Gesloten", published_days_ago=0, closes_in=0, route="direct_openbaar")
    filled.vervuld_op, filled.vervuld_door = TODAY, "extern"
    filled.save_revision().publish()
    unpublished = make_vacancy("beta", "Teruggetrokken", published_days_ago=0, closes_in=20, route="direct_openbaar")
    unpublished.unpublish()
    run("dagelijks", today=TODAY + timedelta(days=1))
    titles = {stays.title, filled.title, closed.title, unpublished.title}
    assert mailed_titles(OUTSIDE, titles) == [{stays.title}]


def test_removing_a_domain_stops_onder_water_at_once(make_vacancy, network):
    subscribe(OTHER)
    mail.outbox.clear()
    vacancy = make_vacancy("alfa", "Onder water", published_days_ago=-1, closes_in=40)
    beta = network["beta"]
    beta.email_domeinen = ""
    beta.save_revision().publish()
    seen = run_days(8, 22, {vacancy.title}, (OTHER,))
    assert seen[OTHER] == [(22, {vacancy.title})]  # as the public, once it is public
    assert VerzondenVacature.objects.get().onder_water is False


def test_removing_one_of_two_domains_after_an_onder_water_mail(make_vacancy, network):
    kept, removed = "iemand@beta.example", "iemand@beta-oud.example"
    beta = network["beta"]
    beta.email_domeinen = "beta.example\nbeta-oud.example"
    beta.save_revision().publish()
    for address in (kept, removed):
        subscribe(address)
    mail.outbox.clear()
    first = make_vacancy("alfa", "Eerste onder water", published_days_ago=-1, closes_in=40)  # netwerk day 8
    second = make_vacancy("alfa", "Tweede onder water", published_days_ago=-3, closes_in=40)  # netwerk day 10
    titles = {first.title, second.title}
    seen = run_days(8, 8, titles, (kept, removed))
    assert seen == {kept: [(8, {first.title})], removed: [(8, {first.title})]}
    beta.email_domeinen = "beta.example"
    beta.save_revision().publish()
    seen = run_days(9, 25, titles, (kept, removed))
    # The kept domain goes on as before; the removed one sees the second only when it is public (day 24),
    # and never the first again (already mailed, also when it turns public on day 22).
    assert seen == {kept: [(10, {second.title})], removed: [(24, {second.title})]}


def test_a_domain_added_after_confirmation_brings_the_onder_water_vacancies_from_that_day(make_vacancy, network):
    address = "iemand@beta-nieuw.example"
    subscribe(address)
    mail.outbox.clear()
    onder_water = make_vacancy("alfa", "Al onder water", published_days_ago=10, closes_in=30)  # netwerk since day -3
    went_live(onder_water, days_ago=10)
    public = make_vacancy("alfa", "Al lang openbaar", published_days_ago=30, closes_in=10)
    went_live(public, days_ago=30)
    titles = {onder_water.title, public.title}
    assert run_days(0, 1, titles, (address,))[address] == []  # the public address sees neither as new
    beta = network["beta"]
    beta.email_domeinen = "beta.example\nbeta-nieuw.example"
    beta.save_revision().publish()
    # From day 2 the address counts as Beta's: the onder-water vacancy became visible to it that day, once.
    assert run_days(2, 20, titles, (address,))[address] == [(2, {onder_water.title})]
    assert VerzondenVacature.objects.get().onder_water is True


def test_a_vacancy_moved_back_to_onder_water_waits_for_its_new_public_date(make_vacancy, network):
    subscribe(OUTSIDE)
    mail.outbox.clear()
    vacancy = make_vacancy("alfa", "Later openbaar", published_days_ago=-1, closes_in=40)  # public from day 22
    vacancy.publicatieroute = "eigen_data"
    vacancy.start_openbaar = TODAY + timedelta(days=30)
    vacancy.save_revision().publish()
    assert run_days(20, 31, {vacancy.title}, (OUTSIDE,))[OUTSIDE] == [(30, {vacancy.title})]


def test_the_employer_leaving_the_network_stops_onder_water(make_vacancy, network):
    subscribe(OTHER)
    mail.outbox.clear()
    vacancy = make_vacancy("alfa", "Onder water", published_days_ago=-1, closes_in=40)
    network["beta"].unpublish()
    assert run_days(8, 21, {vacancy.title}, (OTHER,))[OTHER] == []


class DiesAfterOneMail(EmailBackend):
    """The process is stopped (Ctrl-C, a deploy) right after the first mail of the run went out."""

    def send_messages(self, messages):
        if len(mail.outbox) >= 1:
            raise KeyboardInterrupt
        return super().send_messages(messages)


def test_a_run_stopped_halfway_resumes_without_duplicates(make_vacancy, network):
    addresses = [f"lid{n}@elders.example" for n in range(3)]
    for address in addresses:
        subscribe(address)
    mail.outbox.clear()
    make_vacancy("alfa", "Adviseur", published_days_ago=0, closes_in=20, route="direct_openbaar")
    with override_settings(EMAIL_BACKEND="alerts.tests.test_versturen.DiesAfterOneMail"), \
            pytest.raises(KeyboardInterrupt):
        run("dagelijks")
    assert len(mail.outbox) == 1
    assert VerzondenVacature.objects.count() == 1
    summary = run("dagelijks")
    assert (summary.alerts, summary.mails, summary.vacatures) == (3, 2, 2)
    assert sorted(m.to[0] for m in mail.outbox) == addresses
    run("dagelijks")
    assert len(mail.outbox) == 3


def test_a_failing_mail_server_leaves_the_vacancies_for_the_next_run(make_vacancy, network, smtp_refused):
    subscribe(OUTSIDE)
    mail.outbox.clear()
    vacancy = make_vacancy("alfa", "Adviseur", published_days_ago=0, closes_in=20, route="direct_openbaar")
    with smtp_settings(smtp_refused):
        summary = run("dagelijks")
    assert summary.mails == 0
    assert not VerzondenVacature.objects.exists()
    assert not AlertVerzending.objects.filter(soort="vacatures").exists()
    run("dagelijks")
    assert mailed_titles(OUTSIDE, {vacancy.title}) == [{vacancy.title}]


def test_a_text_query_finds_what_the_listing_finds(make_vacancy, network):
    made = [
        make_vacancy("alfa", "Medewerker beleid", published_days_ago=0, closes_in=20, route="direct_openbaar"),
        make_vacancy("alfa", "Adviseur", published_days_ago=0, closes_in=20, route="direct_openbaar",
                     omschrijving="<p>Je schrijft nieuw beleid en adviseert het bestuur.</p>", vakgebied="ict"),
        make_vacancy("beta", "Projectleider", published_days_ago=0, closes_in=20, route="direct_openbaar",
                     omschrijving="<p>Je leidt beleidsmatige projecten.</p>"),
        make_vacancy("beta", "Monteur", published_days_ago=0, closes_in=20, route="direct_openbaar",
                     vakgebied="techniek"),
    ]
    titles = {v.title for v in made}
    listing = Client().get("/vacatures/?q=beleid").content.decode()
    expected = {t for t in titles if f">{t}<" in listing}
    assert expected and expected != titles
    subscribe(OUTSIDE, "/vacatures/?q=beleid")
    mail.outbox.clear()
    run("dagelijks")
    assert mailed_titles(OUTSIDE, titles) == [expected]
    assert "‘beleid’" in mail.outbox[0].body


def test_command_and_task_run_one_frequency(make_vacancy, network):
    subscribe(OUTSIDE)
    subscribe(OTHER, frequentie="wekelijks")
    mail.outbox.clear()
    make_vacancy("alfa", "Adviseur", published_days_ago=0, closes_in=20, route="direct_openbaar")
    out = io.StringIO()
    call_command("verstuur_alerts", "--frequentie", "dagelijks", stdout=out)
    assert "Vacaturealerts (dagelijks): 1 alerts, 1 mails, 1 vacatures" in out.getvalue()
    assert [m.to for m in mail.outbox] == [[OUTSIDE]]
    result = run_alerts.enqueue("wekelijks")
    assert result.return_value["mails"] == 1
    assert [m.to for m in mail.outbox] == [[OUTSIDE], [OTHER]]


@pytest.mark.django_db(transaction=True)
def test_with_the_task_queue_the_mail_task_is_committed_with_the_sent_log(make_vacancy, network):
    """Production: the run writes the mail's record, its sent-log rows and the queued mail task in one
    transaction; a second run before the worker sends queues nothing more; the worker sends it once."""
    subscribe(OUTSIDE)
    mail.outbox.clear()
    vacancy = make_vacancy("alfa", "Adviseur", published_days_ago=0, closes_in=20, route="direct_openbaar")
    with database_tasks():
        run("dagelijks")
        run("dagelijks")
        assert not mail.outbox
        assert mail_tasks().count() == 1
        assert VerzondenVacature.objects.count() == 1
        run_worker()
    assert mailed_titles(OUTSIDE, {vacancy.title}) == [{vacancy.title}]
    assert not mail_tasks().exists()  # a finished mail task's row goes (see outbox)


def test_an_alert_still_matches_after_its_region_and_employer_are_renamed(make_vacancy, network):
    make_vacancy("alfa", "Al openbaar")  # the listing offers only filters with results
    subscribe(OUTSIDE, "/vacatures/?regio=twente&organisatie=alfa")
    assert Alert.objects.get().criteria == {"organisatie": [network["alfa"].pk], "regio": [Regio.objects.get(
        naam="Twente").pk]}
    mail.outbox.clear()
    twente = Regio.objects.get(naam="Twente")
    twente.naam, twente.slug = "Twente-Oost", "twente-oost"
    twente.save()
    alfa = network["alfa"]
    alfa.title, alfa.slug = "Gemeente Alfa", "gemeente-alfa"
    alfa.save_revision().publish()
    vacancy = make_vacancy("alfa", "Adviseur", published_days_ago=0, closes_in=20, route="direct_openbaar")
    make_vacancy("beta", "Elders", published_days_ago=0, closes_in=20, route="direct_openbaar")
    run("dagelijks")
    assert mailed_titles(OUTSIDE, {vacancy.title, "Elders"}) == [{vacancy.title}]
    assert "Gemeente Alfa, regio Twente-Oost" in mail.outbox[0].body


def test_an_unreachable_search_engine_postpones_only_the_alerts_with_a_word(make_vacancy, network):
    make_vacancy("alfa", "Al openbaar")
    subscribe("woord@elders.example", "/vacatures/?q=adviseur")
    subscribe("facet@elders.example", "/vacatures/?vakgebied=beleid")
    vacancy = make_vacancy("alfa", "Adviseur", published_days_ago=0, closes_in=20, route="direct_openbaar")
    mail.outbox.clear()
    down = search_backends({"SEARCH_BACKEND": "opensearch", "SEARCH_URL": f"http://127.0.0.1:{closed_port()}",
                            "SEARCH_TIMEOUT": "1"})
    with override_settings(WAGTAILSEARCH_BACKENDS=down):
        summary = run("dagelijks")
    assert (summary.mails, summary.overgeslagen) == (1, 1)
    assert "1 overgeslagen" in summary.line("dagelijks")
    assert [m.to for m in mail.outbox] == [["facet@elders.example"]]
    run("dagelijks")
    assert mailed_titles("woord@elders.example", {vacancy.title}) == [{vacancy.title}]


def test_an_internal_vacancy_says_for_whom_and_until_when(make_vacancy, network):
    subscribe(OWN)
    mail.outbox.clear()
    vacancy = make_vacancy("alfa", "Intern eerst", published_days_ago=-1, closes_in=40)
    never = make_vacancy("alfa", "Nooit openbaar", published_days_ago=-1, closes_in=40, route="niet_openbaar")
    run("dagelijks", today=TODAY + timedelta(days=1))
    [message] = mail.outbox
    until = day(vacancy.start_netwerk - timedelta(days=1))
    assert message.body.count(f"Let op: alleen voor medewerkers van Alfa tot {until}") == 2
    assert never.start_openbaar is None
    subscribe(OTHER)
    mail.outbox.clear()
    run("dagelijks", today=TODAY + timedelta(days=8))
    [message] = mails_to(OTHER)
    assert "Let op: alleen voor medewerkers van deelnemende werkgevers; deze vacature wordt niet openbaar" in message.body
