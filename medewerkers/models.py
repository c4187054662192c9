"""Employees who signed in, and their one-time sign-in links.

For an employee the site keeps only the e-mail address, the employer and the last sign-in:
no page views, no searches, nothing about what they looked at.
"""

import hashlib
import secrets
from datetime import timedelta

from django.db import models
from django.utils import timezone

from vacatures.models import OrganisatiePage

LINK_VALID_FOR = timedelta(minutes=30)
SESSION_VALID_FOR = timedelta(days=30)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Medewerker(models.Model):
    email = models.EmailField("e-mailadres", unique=True)
    werkgever = models.ForeignKey(OrganisatiePage, on_delete=models.CASCADE, related_name="medewerkers")
    laatst_ingelogd = models.DateTimeField("laatst ingelogd", null=True)

    class Meta:
        verbose_name = "medewerker"
        verbose_name_plural = "medewerkers"

    def __str__(self):
        return self.email


class Inloglink(models.Model):
    """A sign-in link: only its hash is stored; valid for 30 minutes, once."""

    token_hash = models.CharField(max_length=64, unique=True)
    email = models.EmailField()
    werkgever = models.ForeignKey(OrganisatiePage, on_delete=models.CASCADE, related_name="+")
    aangemaakt = models.DateTimeField(default=timezone.now)
    gebruikt = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "inloglink"
        verbose_name_plural = "inloglinks"

    def __str__(self):
        return f"inloglink voor {self.email}"

    @classmethod
    def issue(cls, email, werkgever):
        """Create a link and return its token (the only copy of it). Expired links, and the e-mail
        addresses in them, are deleted here: nothing is kept longer than the link could be used."""
        cls.objects.filter(aangemaakt__lt=timezone.now() - LINK_VALID_FOR).delete()
        token = secrets.token_urlsafe(32)
        cls.objects.create(token_hash=token_hash(token), email=email, werkgever=werkgever)
        return token

    def is_valid(self, now=None):
        now = now or timezone.now()
        return self.gebruikt is None and now - self.aangemaakt <= LINK_VALID_FOR


def employer_for_email(email: str):
    """The live employer page whose employee domains include the address's domain, or None."""
    domain = email.rsplit("@", 1)[-1].strip().lower()
    if not domain:
        return None
    for employer in OrganisatiePage.objects.live().exclude(email_domeinen=""):
        if domain in employer.domain_list:
            return employer
    return None
