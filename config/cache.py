"""Django's Redis cache that keeps the site up while Redis is down.

A read that cannot reach Redis is a miss, a write is dropped, and `add`/`incr` fail, so django-ratelimit
counts nothing and limits the request (fail closed: `RATELIMIT_FAIL_OPEN` stays off). Sessions use the
`cached_db` engine and fall back on the database. Each failure is logged (no keys: they may name people).
"""

import functools
import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
DOWN = (RedisConnectionError, RedisTimeoutError, OSError)


def _tolerant(fallback):
    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except DOWN as exc:
                logger.warning("Redis onbereikbaar bij cache.%s: %s", method.__name__, type(exc).__name__)
                return fallback(*args, **kwargs)
        return wrapper
    return decorate


def _default(key, default=None, *args, **kwargs):
    return default


def _none(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


def _empty(*args, **kwargs):
    return {}


def _no_count(*args, **kwargs):
    raise ValueError("cache unavailable")  # what django-ratelimit expects from a cache that cannot count


class TolerantRedisCache(RedisCache):
    get = _tolerant(_default)(RedisCache.get)
    get_many = _tolerant(_empty)(RedisCache.get_many)
    has_key = _tolerant(_false)(RedisCache.has_key)
    add = _tolerant(_false)(RedisCache.add)
    set = _tolerant(_none)(RedisCache.set)
    set_many = _tolerant(lambda data, *a, **k: list(data))(RedisCache.set_many)
    touch = _tolerant(_false)(RedisCache.touch)
    delete = _tolerant(_false)(RedisCache.delete)
    delete_many = _tolerant(_none)(RedisCache.delete_many)
    incr = _tolerant(_no_count)(RedisCache.incr)
    clear = _tolerant(_none)(RedisCache.clear)

    def ping(self) -> bool:
        """For /gereed/: True when Redis answers (no fallback)."""
        try:
            return bool(self._cache.get_client(write=True).ping())
        except DOWN:
            return False
