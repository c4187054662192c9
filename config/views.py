"""Error pages that need nothing but the template files: they must work when the database does not."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

DATABASE_DOWN = (OperationalError, InterfaceError)


@requires_csrf_token
def server_error(request):
    """500, or 503 'tijdelijk niet beschikbaar' when the database cannot be reached. Django has already
    logged the exception with its path (logger `django.request`); the visitor sees no traceback."""
    exc = sys.exc_info()[1]
    if isinstance(exc, DATABASE_DOWN):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = "30"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())
