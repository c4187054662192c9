"""Helpers for the production tests (not a test module): a Django process with other settings."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

from django.conf import settings

PROJECT = Path(settings.BASE_DIR)
TEST_REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/7")


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (bound and released: refused at once)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run_django(code: str, env: dict, settings_module="config.settings.production", setup=True):
    """Run `code` in a fresh Python process with these settings and variables (after django.setup(),
    or with the settings only: `setup=False` reads settings whose storage packages are not installed)."""
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_", "SEARCH_"))}
    environ.update({"DJANGO_SETTINGS_MODULE": settings_module, "PYTHONPATH": str(PROJECT)}, **env)
    start = "import django\ndjango.setup()\n" if setup else "from django.conf import settings\nsettings.DEBUG\n"
    script = start + code
    return subprocess.run([sys.executable, "-c", script], cwd=PROJECT, env=environ, capture_output=True,
                          text=True, timeout=120)


def json_out(result: subprocess.CompletedProcess):
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": "test-" + "x" * 50,
    "DJANGO_ALLOWED_HOSTS": "testserver,inbeweging.example",
    "DJANGO_SECURE_SSL_REDIRECT": "0",
    "REDIS_URL": TEST_REDIS,
}
