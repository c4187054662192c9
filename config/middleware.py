"""Request id and the security headers that Django does not set itself."""

import re
import uuid

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

from .logging import request_id_var

REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


class RequestIdMiddleware:
    """Every request gets an id: the proxy's `X-Request-ID` if it looks like one, otherwise a new one.
    It is in every log line of the request and in the response header, so a user's report of an
    error can be found in the logs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request.id = incoming if REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        token = request_id_var.set(request.id)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(token)
        response["X-Request-ID"] = request.id
        return response


class PermissionsPolicyMiddleware:
    """No camera, microphone, location, payment or FLoC/Topics for any page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class SiteCSPMiddleware(CSPMiddleware):
    """The strict policy (`CONTENT_SECURITY_POLICY`) on the public site; Wagtail's admin and Django's
    admin get `ADMIN_CONTENT_SECURITY_POLICY`, which allows their inline scripts and styles."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and request.path_info.startswith(settings.ADMIN_URL_PREFIXES):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts
