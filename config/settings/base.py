"""Settings shared by every environment. dev/production/test import from here."""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF

from config.logging import logging_config

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "home",
    "taxonomie",
    "projecten",
    "vacatures",
    "klussen",
    "reacties",
    "medewerkers",
    "ruilen",
    "rapportage",
    "alerts",
    "profielen",
    "opleidingen",
    "agenda",
    "vragen",
    "verhalen",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "django_tasks",
    "django_tasks_db",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
]

MIDDLEWARE = [
    "config.middleware.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "config.middleware.PermissionsPolicyMiddleware",
    "config.middleware.SiteCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "medewerkers.audience.AudienceMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# SQLite is the embedded default; DATABASE_URL (postgres://...) switches to PostgreSQL.
# Connections close at the end of each request (runserver starts a thread per request: persistent
# connections piled up there); production.py keeps them open (DB_CONN_MAX_AGE).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=0
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite's own page cache is 2 MB: the search index alone is larger. 64 MB of cache and reading the
    # file through a 256 MB memory map make a search about a third faster (benchmarks/README.md).
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = (
        "PRAGMA cache_size = -65536; PRAGMA mmap_size = 268435456;"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Dutch everywhere: the public site and the Wagtail admin.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
# config/static/nlds/ is built by `make frontend` from frontend/ (NL Design System CSS).
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Uploaded CVs: outside MEDIA_ROOT, never served directly.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))


def file_storages(media_root, private_root) -> dict:
    """Uploads on the file system: public media, and the private files (CVs) that only a
    permission-checked view hands out. production.py swaps both for S3 buckets when MEDIA_S3_* is set."""
    return {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": media_root, "base_url": MEDIA_URL}},
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": private_root, "base_url": "/geen-publieke-url/"}},
    }


STORAGES = {
    **file_storages(MEDIA_ROOT, PRIVATE_MEDIA_ROOT),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "In Beweging <noreply@inbeweging.nl>")
# Outgoing mail (SMTP) from the environment; mail is sent by background tasks (outbox/), never in a request.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "0").lower() in ("1", "true", "yes")
EMAIL_USE_SSL = os.environ.get("EMAIL_USE_SSL", "0").lower() in ("1", "true", "yes")
EMAIL_TIMEOUT = float(os.environ.get("EMAIL_TIMEOUT", "10"))  # seconds per SMTP connection and reply
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ValueError("EMAIL_USE_TLS (STARTTLS, port 587) and EMAIL_USE_SSL (port 465) exclude each other: choose one")
# Uploads: at most 5 MB for a CV is checked by the form; reject far larger bodies before they are read.
DATA_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024
RATELIMIT_VIEW = "kern.ratelimit.too_many"
# The client address for rate limits: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT reverse proxies the
# address the outermost one saw in TRUSTED_PROXY_HEADER (config/client_ip.py).
RATELIMIT_IP_META_KEY = "config.client_ip.client_ip"
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
TRUSTED_PROXY_HEADER = "HTTP_" + os.environ.get("TRUSTED_PROXY_HEADER", "X-Forwarded-For").upper().replace("-", "_")

# Security headers for every environment (the tests see what production sends).
# Content-Security-Policy (django-csp 4): no inline script or style on the public site; an inline
# script needs `nonce="{{ request.csp_nonce }}"`. Wagtail's admin has its own, looser policy.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
ADMIN_URL_PREFIXES = ("/admin/", "/django-admin/")
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, "https:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    },
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
    "payment=(), usb=(), interest-cohort=(), browsing-topics=()"
)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"

# Background tasks (django-tasks, as Wagtail uses): run at once by default; in production set
# TASKS_BACKEND=django_tasks_db.DatabaseBackend and run `manage.py db_worker` next to the web process.
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}}

WAGTAIL_SITE_NAME = "In Beweging"
# The one address of the site: absolute links in the sitemap, API, JSON-LD, feed, admin exports and the
# admin's own mails. `migrate` and `load_demo` give Wagtail's default Site this host and port
# (home/site_setup.py). In production: SITE_URL=https://www.example.nl (see production.py).
SITE_URL = (os.environ.get("SITE_URL") or os.environ.get("WAGTAILADMIN_BASE_URL") or "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILAPI_BASE_URL = SITE_URL
WAGTAILAPI_LIMIT_MAX = 100
WAGTAIL_ENABLE_UPDATE_CHECK = False

REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# Everything to standard error, unhandled exceptions included (with their path, without personal data).
LOGGING = logging_config(json_lines=os.environ.get("LOG_FORMAT", "text") == "json",
                         level=os.environ.get("LOG_LEVEL", "INFO"))
from .search import *  # noqa: E402,F403

WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no e-mail hashes to a third party; Wagtail shows its default avatar
