"""The vacancy listing's search results, cached per audience and never across audiences.

The key holds the audience (anonymous, or employees of employer X), the date in Amsterdam
(phases change at midnight, so a new day is a new key) and a content version that every
publish, unpublish, move or delete of a vacancy or employer raises. The whole page is not
cached: it holds a visitor's CSRF token.
"""

import hashlib

from django.core.cache import cache

from . import phases

VERSION_KEY = "vacatures:versie"
TIMEOUT = 60 * 60


def content_version():
    return cache.get_or_set(VERSION_KEY, 1, None)


def bump_version(**kwargs):
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def listing_key(request, audience):
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"vacatures:lijst:{audience.cache_key}:{phases.local_date().isoformat()}:{content_version()}:{path}"


def cached(request, audience, compute):
    key = listing_key(request, audience)
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value
