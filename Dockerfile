# syntax=docker/dockerfile:1
# In Beweging: one image for the web process (gunicorn), the worker (db_worker) and the cron jobs.
#   docker build -t inbeweging .
#   docker compose --profile productie up -d        (see compose.yaml and README "In productie")

# 1. The NL Design System CSS (frontend/ -> config/static/nlds/).
FROM node:22-bookworm-slim AS frontend
WORKDIR /app/frontend
COPY frontend/package.json frontend/package-lock.json ./
RUN npm ci --no-audit --no-fund --omit=optional
COPY frontend/ ./
RUN npm run build

# 2. Python packages from the lock file (hashes checked), in a virtualenv that is copied whole.
FROM python:3.11-slim-bookworm AS python-deps
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python -m venv /opt/venv
COPY requirements.txt /tmp/requirements.txt
RUN /opt/venv/bin/pip install --require-hashes --no-deps -r /tmp/requirements.txt

# 3. The application: slim, no compilers, no dev/test packages, not root.
FROM python:3.11-slim-bookworm AS app
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    MEDIA_ROOT=/data/media \
    PRIVATE_MEDIA_ROOT=/data/private \
    PORT=8000
RUN groupadd --system --gid 1000 inbeweging \
    && useradd --system --uid 1000 --gid inbeweging --home-dir /app --shell /usr/sbin/nologin inbeweging \
    && mkdir -p /data/media /data/private \
    && chown -R inbeweging:inbeweging /data
COPY --from=python-deps /opt/venv /opt/venv
WORKDIR /app
COPY --chown=inbeweging:inbeweging . /app
COPY --from=frontend --chown=inbeweging:inbeweging /app/config/static/nlds /app/config/static/nlds
# Hashed and compressed static files in the image (collectstatic needs settings, not secrets or services).
RUN DJANGO_SECRET_KEY=build-only DJANGO_ALLOWED_HOSTS=localhost REDIS_URL=redis://localhost:6379/0 \
    python manage.py collectstatic --noinput -v0 \
    && rm -f static/nlds/axe.min*
USER inbeweging
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ.get(\"PORT\", \"8000\")}/gezond/', timeout=4)"]
CMD ["gunicorn", "config.wsgi"]
