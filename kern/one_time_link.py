"""One-time links sent by e-mail: a random token goes into the link, only its hash is stored.

Who uses it: the sign-in of employees (medewerkers.Inloglink: valid for 30 minutes, used once, confirmed
with a button so that mail scanners that open links do not use it up), the deletion link a candidate
gets with the confirmation of a reaction (reacties: valid as long as the reaction is kept), and the links in
every mail of a vacancy alert (alerts.AlertVerzending: confirm within 7 days, change or stop while it exists)
and the cancel link of a training registration (opleidingen: replaced by each new mail about it),
and the thread link of a question to the advisers (vragen.Draadlink: GET reads the thread, closing it is a
POST; valid as long as the question is kept).
"""

import hashlib
import secrets
from datetime import datetime, timedelta

from django.utils import timezone


def new_token() -> str:
    """A token for a link (43 URL-safe characters, 256 bits). Store `token_hash(token)`, never the token."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def is_unexpired(created: datetime, valid_for: timedelta, now: datetime | None = None) -> bool:
    """True while a link made at `created` may still be used."""
    return (now or timezone.now()) - created <= valid_for
