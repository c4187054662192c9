import os

from .base import *  # noqa: F403
from .base import BASE_DIR, file_storages

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# One folder per pytest-xdist worker (gw0, gw1, ...), so parallel tests never share or delete each other's files.
TEST_MEDIA = BASE_DIR / ".test-media" / os.environ.get("PYTEST_XDIST_WORKER", "main")
MEDIA_ROOT = TEST_MEDIA / "public"
PRIVATE_MEDIA_ROOT = TEST_MEDIA / "private"
STORAGES = {
    **file_storages(MEDIA_ROOT, PRIVATE_MEDIA_ROOT),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
