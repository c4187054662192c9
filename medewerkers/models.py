"""Employees who signed in, and their one-time sign-in links.

For an employee the site keeps only the e-mail address, the employer and the last sign-in:
no page views, no searches, nothing about what they looked at.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone

from kern.one_time_link import is_unexpired, new_token, token_hash
from vacatures.models import OrganisatiePage

LINK_VALID_FOR = timedelta(minutes=30)
SESSION_VALID_FOR = timedelta(days=30)


class Medewerker(models.Model):
    email = models.EmailField("e-mailadres", unique=True)
    werkgever = models.ForeignKey(OrganisatiePage, on_delete=models.CASCADE, related_name="medewerkers")
    laatst_ingelogd = models.DateTimeField("laatst ingelogd", null=True)

    class Meta:
        verbose_name = "medewerker"
        verbose_name_plural = "medewerkers"

    def __str__(self):
        return self.email


class Sessiegrens(models.Model):
    """‘End all sessions’ of one employer: employees who signed in before `sinds` are signed out on
    their next request. Kept apart from the employer page (whose fields live in revisions: publishing
    an older revision would otherwise bring ended sessions back). Works with every session backend:
    nothing iterates sessions; the audience compares each session's sign-in time with this moment."""

    werkgever = models.OneToOneField(OrganisatiePage, on_delete=models.CASCADE, related_name="sessiegrens")
    sinds = models.DateTimeField("sessies beëindigd op")
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="door",
    )

    class Meta:
        verbose_name = "sessiegrens"
        verbose_name_plural = "sessiegrenzen"

    def __str__(self):
        return f"sessies van {self.werkgever} beëindigd op {self.sinds:%d-%m-%Y %H:%M}"

    @classmethod
    def end_sessions(cls, werkgever, user=None):
        return cls.objects.update_or_create(werkgever=werkgever, defaults={"sinds": timezone.now(), "door": user})[0]


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
        token = new_token()
        cls.objects.create(token_hash=token_hash(token), email=email, werkgever=werkgever)
        return token

    def is_valid(self, now=None):
        return self.gebruikt is None and is_unexpired(self.aangemaakt, LINK_VALID_FOR, now)


def email_domain(email: str) -> str:
    return email.rsplit("@", 1)[-1].strip().lower()


def participates(email: str, werkgever, signed_in_at=None) -> bool:
    """Does this address still count as an employee of `werkgever`: the employer page is live, the
    address's domain is still on its list, and (for a session) its sessions were not ended since."""
    if not (werkgever.live and email_domain(email) in werkgever.domain_list):
        return False
    if signed_in_at is None:
        return True
    try:
        ended = werkgever.sessiegrens.sinds
    except Sessiegrens.DoesNotExist:
        return True
    return signed_in_at > ended


def employer_for_email(email: str):
    """The live employer page whose employee domains include the address's domain, or None."""
    domain = email_domain(email)
    if not domain:
        return None
    for employer in OrganisatiePage.objects.live().exclude(email_domeinen=""):
        if domain in employer.domain_list:
            return employer
    return None
