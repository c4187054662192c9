"""Who is looking: anonymous, or an employee of one participating employer (from the session)."""

from datetime import datetime

from django.utils import timezone
from django.utils.cache import patch_vary_headers

from kern.audience import PUBLIC, Audience

from .models import SESSION_VALID_FOR, Medewerker, participates

SESSION_KEY = "medewerker_id"
SIGNED_IN_AT = "medewerker_sinds"


def sign_in(request, medewerker):
    request.session.cycle_key()
    request.session[SESSION_KEY] = medewerker.pk
    request.session[SIGNED_IN_AT] = timezone.now().isoformat()
    request.session.set_expiry(int(SESSION_VALID_FOR.total_seconds()))


def sign_out(request):
    request.session.pop(SESSION_KEY, None)
    request.session.pop(SIGNED_IN_AT, None)
    request.session.cycle_key()


def audience_from_session(request, now=None):
    """Checked on every request (one query): a session ends when it is 30 days old, when the employer
    page is no longer live, when the address's domain is no longer on its list, or when a coordinator
    ended all sessions of the employer after this one began."""
    pk = request.session.get(SESSION_KEY)
    since = request.session.get(SIGNED_IN_AT)
    if not pk or not since:
        return PUBLIC, None
    now = now or timezone.now()
    signed_in_at = datetime.fromisoformat(since)
    if now - signed_in_at > SESSION_VALID_FOR:
        sign_out(request)
        return PUBLIC, None
    medewerker = Medewerker.objects.filter(pk=pk).select_related("werkgever", "werkgever__sessiegrens").first()
    if medewerker is None or not participates(medewerker.email, medewerker.werkgever, signed_in_at):
        sign_out(request)
        return PUBLIC, None
    return Audience(werkgever_id=medewerker.werkgever_id), medewerker


class AudienceMiddleware:
    """Sets request.audience and request.medewerker. Responses for employees are private."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.audience, request.medewerker = audience_from_session(request)
        response = self.get_response(request)
        if request.medewerker is not None:
            response["Cache-Control"] = "private, no-store"
        patch_vary_headers(response, ["Cookie"])
        return response

