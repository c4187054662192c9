"""The vacancy listing's search results, cached per audience and never across audiences.

The key holds the audience (anonymous, or employees of employer X), the date in Amsterdam
(phases change at midnight, so a new day is a new key) and the site's content version
(`search.version.content_version`, new after every change to pages or taxonomy). The whole
page is not cached: it holds a visitor's CSRF token.
"""

import hashlib

from django.core.cache import cache

from search.version import content_version

from . import phases

TIMEOUT = 60 * 60


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
