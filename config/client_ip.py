"""The visitor's address for rate limits (`RATELIMIT_IP_META_KEY`), also behind reverse proxies.

Without a proxy (`TRUSTED_PROXY_COUNT=0`, the default) only the address of the connection counts:
an `X-Forwarded-For` header is something any client can send and is ignored. Behind N proxies that
each append the address they received from (nginx `proxy_add_x_forwarded_for`, load balancers), the
N-th address from the right is the one our outermost proxy saw; everything left of it may be forged.
"""

import ipaddress

from django.conf import settings


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request) -> str:
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    remote = request.META.get("REMOTE_ADDR", "")
    if proxies <= 0:
        return remote
    header = request.META.get(getattr(settings, "TRUSTED_PROXY_HEADER", "HTTP_X_FORWARDED_FOR"), "")
    hops = [hop for hop in header.split(",") if hop.strip()]
    if len(hops) < proxies:
        # Not (fully) through our proxies: fall back on the connection, never on the client's words.
        return remote
    return _valid(hops[-proxies]) or remote
