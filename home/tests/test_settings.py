"""Production settings pass Django's deployment checks when secrets come from the environment."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_check(extra_env):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.production", **extra_env})
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )


def test_check_deploy_passes_with_real_secrets():
    result = run_check({
        "DJANGO_SECRET_KEY": "k8$Vq2!zN4#pW7@rT1&mY6^bC3*hJ9(eL5)uA0_sD8+fG2-xQ4=oI7",
        "DJANGO_ALLOWED_HOSTS": "inbeweging.example.nl",
        "REDIS_URL": "redis://127.0.0.1:6379/7",
    })
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret():
    result = run_check({"DJANGO_ALLOWED_HOSTS": "inbeweging.example.nl"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
