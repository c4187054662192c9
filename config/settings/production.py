"""Production: every secret comes from the environment; `manage.py check --deploy` passes.

Start-up fails (ImproperlyConfigured) without DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS or REDIS_URL:
rate limits, sessions and the content version must be shared by every process.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from config.logging import logging_config

from .base import *  # noqa: F403
from .base import DATABASES, MEDIA_ROOT, PRIVATE_MEDIA_ROOT, file_storages


def env(name, default=None):
    value = os.environ.get(name, default)
    if value is None or value == "":
        raise ImproperlyConfigured(f"Environment variable {name} is required in production")
    return value


DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = [h.strip() for h in env("DJANGO_ALLOWED_HOSTS").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{h}" for h in ALLOWED_HOSTS]
if not (os.environ.get("SITE_URL") or os.environ.get("WAGTAILADMIN_BASE_URL")):
    # Without SITE_URL the site lives at its first allowed host, over HTTPS.
    if ALLOWED_HOSTS[0] == "*":
        raise ImproperlyConfigured("Set SITE_URL (e.g. https://www.example.nl) when DJANGO_ALLOWED_HOSTS is '*'")
    SITE_URL = f"https://{ALLOWED_HOSTS[0].lstrip('.')}"
    WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = SITE_URL

# Persistent connections for the application server's long-lived workers (issue 10.13), checked
# before reuse so that a database restart costs no failed request.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DB_CONN_MAX_AGE", "60"))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = int(os.environ.get("DB_CONNECT_TIMEOUT", "5"))

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("DJANGO_SECURE_SSL_REDIRECT", "1") == "1"
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", 31536000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REDIRECT_EXEMPT = [r"^gezond/$", r"^gereed/$"]  # health checks come over plain HTTP from inside
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# Static files: hashed and compressed by collectstatic, served by WhiteNoise with far-future headers.
STATIC_STORAGE = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}

# Uploads: the file system by default; S3-compatible object storage when MEDIA_S3_BUCKET is set.
# CVs (storage "private") then go to MEDIA_S3_PRIVATE_BUCKET: private ACL, no custom domain, never a
# public URL; they are only read by the admin's permission-checked download view.
MEDIA_S3_BUCKET = os.environ.get("MEDIA_S3_BUCKET", "")
if MEDIA_S3_BUCKET:
    private_bucket = env("MEDIA_S3_PRIVATE_BUCKET")
    if private_bucket == MEDIA_S3_BUCKET:
        raise ImproperlyConfigured("MEDIA_S3_PRIVATE_BUCKET must differ from MEDIA_S3_BUCKET: CVs never in a public bucket")
    s3_common = {
        "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("MEDIA_S3_REGION") or None,
        "access_key": os.environ.get("MEDIA_S3_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("MEDIA_S3_SECRET_ACCESS_KEY") or None,
        "file_overwrite": False,
    }
    STORAGES = {
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
            **s3_common, "bucket_name": MEDIA_S3_BUCKET, "default_acl": "public-read",
            "querystring_auth": False, "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None,
        }},
        "private": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {
            **s3_common, "bucket_name": private_bucket, "default_acl": "private",
            "querystring_auth": True, "querystring_expire": 60, "custom_domain": None,
        }},
        "staticfiles": STATIC_STORAGE,
    }
    MEDIA_SERVED_BY_APP = False
else:
    STORAGES = {**file_storages(MEDIA_ROOT, PRIVATE_MEDIA_ROOT), "staticfiles": STATIC_STORAGE}
    # Public uploads (images, their renditions) from the application, as static files are; set 0 when a
    # web server or CDN in front serves MEDIA_ROOT itself.
    MEDIA_SERVED_BY_APP = os.environ.get("MEDIA_SERVED_BY_APP", "1") == "1"


EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
# Shared by the workers: rate limits, sessions, the content version and the per-audience listing cache.
# TolerantRedisCache keeps the site serving while Redis is down (sign-in and reactions are then refused).
REDIS_URL = env("REDIS_URL")
CACHES = {
    "default": {
        "BACKEND": "config.cache.TolerantRedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1, "retry_on_timeout": False},
    }
}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

LOGGING = logging_config(json_lines=os.environ.get("LOG_FORMAT", "json") == "json",
                         level=os.environ.get("LOG_LEVEL", "INFO"))

# Mail and PDF text go through the database queue and a `manage.py db_worker` process: a request never
# waits for a mail server (issue 10, item 5). TASKS_BACKEND may still name another backend.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
