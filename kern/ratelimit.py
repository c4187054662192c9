"""The rate limit of the public forms (sign-in requests and reactions): per visitor address
(`config.client_ip`, also behind reverse proxies), one rate for all, one answer when it is reached."""

from django.shortcuts import render

KEY = "ip"
RATE = "10/h"  # per IP address, for sign-in requests and reactions alike


def too_many(request, exception=None):
    """The answer to a visitor over the limit (also `RATELIMIT_VIEW`)."""
    return render(request, "kern/te_vaak.html", status=429)
