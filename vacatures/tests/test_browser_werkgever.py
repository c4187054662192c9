"""A coordinator in real Chromium: the employees' e-mail domains in the employer's admin form (refused,
then saved and logged), and ‘Alle sessies beëindigen’ from the employers' listing, which signs out a
signed-in employee. An employer's own editor sees the domains read-only."""

import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from playwright.sync_api import expect

from home.tests.browser import open_browser
from vacatures.models import OrganisatiePage, WerkgeverRedactie
from vacatures.permissions import ensure_coordinators_group


def admin_login(page, base, username):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "geheim-wachtwoord")
    page.press("#id_password", "Enter")
    page.wait_for_url(base + "/admin/")


@pytest.mark.django_db(transaction=True)
def test_coordinator_sets_domains_and_ends_sessions(live_site, network, make_vacancy):
    base = live_site.url
    alfa = network["alfa"]
    internal = make_vacancy("alfa", "Intern bij Alfa", published_days_ago=2, closes_in=25)
    User.objects.create_user("carla", "c@example.org", "geheim-wachtwoord").groups.add(
        ensure_coordinators_group(network["werkgevers"]))
    User.objects.create_user("ruud", "r@alfa.example", "geheim-wachtwoord").groups.add(
        WerkgeverRedactie.objects.get(werkgever=alfa).group)

    with open_browser() as browser:
        # An employee of Alfa signs in.
        employee = browser.new_context().new_page()
        employee.goto(base + "/medewerkers/inloggen/")
        employee.get_by_label("E-mailadres").fill("jan@alfa.example")
        employee.get_by_role("button", name=re.compile("link", re.I)).click()
        employee.goto(re.search(r"(http://\S+)", mail.outbox[-1].body).group(1))
        employee.get_by_role("button").filter(has_text=re.compile("inloggen", re.I)).first.click()
        assert employee.goto(base + internal.url).status == 200

        # Alfa's own editor sees the domains, but cannot change them.
        editor = browser.new_context().new_page()
        admin_login(editor, base, "ruud")
        editor.goto(base + f"/admin/pages/{alfa.pk}/edit/")
        expect(editor.locator("#id_email_domeinen")).to_be_disabled()
        expect(editor.get_by_text("Alleen netwerkcoördinatoren wijzigen de e-maildomeinen")).to_be_visible()

        # The coordinator: a public mail provider is refused with a Dutch message...
        page = browser.new_context().new_page()
        admin_login(page, base, "carla")
        page.goto(base + f"/admin/pages/{alfa.pk}/edit/")
        page.locator("#id_email_domeinen").fill("alfa.example\ngmail.com")
        page.get_by_role("button", name="Bewaar concept").click()
        expect(page.get_by_text("‘gmail.com’ is een publieke maildienst")).to_be_visible()
        # ...a real domain is saved, and the change is in the page's history with her name.
        page.locator("#id_email_domeinen").fill("alfa.example\nalfa-gemeente.nl")
        page.get_by_role("button", name="Bewaar concept").click()
        expect(page.get_by_text("Pagina 'Alfa' is gewijzigd.")).to_be_visible()
        page.goto(base + f"/admin/pages/{alfa.pk}/history/")
        expect(page.get_by_text("E-maildomeinen gewijzigd (toegevoegd: alfa-gemeente.nl)")).to_be_visible()

        # ‘Alle sessies beëindigen’ from the ‘…’ menu of Alfa in the employers' listing.
        page.goto(base + f"/admin/pages/{network['werkgevers'].pk}/")
        page.get_by_role("button", name="Meer opties voor 'Alfa'").click()
        page.get_by_role("link", name="Alle sessies beëindigen").click()
        expect(page.get_by_text("In de afgelopen 30 dagen logden 1 medewerker van deze werkgever in.")).to_be_visible()
        page.get_by_role("button", name="Ja, beëindig alle sessies").click()
        expect(page.get_by_text("Alle sessies van medewerkers van Alfa zijn beëindigd")).to_be_visible()

        # The employee is signed out on the next click.
        assert employee.goto(base + internal.url).status == 404
    assert OrganisatiePage.objects.get(pk=alfa.pk).domain_list == ["alfa.example"]  # a draft, not yet published
