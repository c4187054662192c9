"""Saving and confirming an alert through the site's own pages and the links in the mails."""

import re
from datetime import timedelta
from html import unescape

from django.core import mail
from django.test import Client
from django.utils import timezone

from conftest import link_in_mail
from vacatures.models import VacaturePage

ALERT_LINK = re.compile(r'href="(/vacaturealerts/nieuw/[^"]*)">Ontvang nieuwe vacatures per e-mail')


def alert_link(client, listing_url="/vacatures/"):
    """The link ‘Ontvang nieuwe vacatures per e-mail’ on a result page."""
    html = client.get(listing_url).content.decode()
    match = ALERT_LINK.search(html)
    assert match, "no alert link on the result page"
    return unescape(match.group(1))


def save(client, form_url, email, frequentie="dagelijks", **extra):
    """Post the form found at `form_url` (its own action keeps the query string)."""
    html = client.get(form_url).content.decode()
    action = unescape(re.search(r'<form method="post" action="([^"]*)"', html).group(1))
    path = form_url.split("?")[0] + action
    return client.post(path, {"email": email, "frequentie": frequentie, **extra})


def mails_to(email):
    return [message for message in mail.outbox if message.to == [email]]


def confirmation_link(email):
    found = [m for m in mails_to(email) if m.subject == "Bevestig je vacaturealert"]
    assert len(found) == 1
    return link_in_mail(found[0].body, r"/vacaturealerts/bevestigen/[\w-]+/")


def subscribe(email, listing_url="/vacatures/", client=None, frequentie="dagelijks"):
    """The whole path: result page, its alert link, the form, the confirmation mail's link and its button."""
    client = client or Client()
    response = save(client, alert_link(client, listing_url), email, frequentie)
    assert response.status_code == 200
    link = confirmation_link(email)
    assert client.post(link).status_code == 200
    return link


def went_live(vacancy, days_ago):
    """The vacancy has been live since `days_ago` (as if published then, not in this test): for alerts it
    became visible then, not today."""
    VacaturePage.objects.filter(pk=vacancy.pk).update(first_published_at=timezone.now() - timedelta(days=days_ago))
    return vacancy
