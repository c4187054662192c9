# Two commands for a fresh machine: `make run` and `make test`. Everything else is a step of those.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
SEEDS ?= ../shared/seeds
export SEEDS
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
# Test processes (pytest-xdist): `auto` is one per CPU core; TEST_WORKERS=0 runs the suite in one process.
# xdist's default distribution hands each worker consecutive tests in pytest-django's order (transaction tests
# last), so a module's shared data (conftest.module_db) is made at most once per worker.
TEST_WORKERS ?= auto
PYTEST := $(VENV)/bin/pytest -q -n $(TEST_WORKERS)

.PHONY: run test test-sqlite test-postgres import-check lint install frontend chromium migrate demo serve bench clean \
	lock audit migrations-check prod-check lint-imports

run: install frontend migrate demo serve

test: install frontend chromium lint test-sqlite

install: $(VENV)/.installed
$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements.txt -r requirements-dev.txt
	touch $@

# The lock files (with hashes) from requirements.in and requirements-dev.in; see README "Een pakket toevoegen".
UV_COMPILE := $(VENV)/bin/uv pip compile --quiet --generate-hashes --python-version 3.11.7 \
	--python-platform x86_64-manylinux_2_28 --custom-compile-command "make lock"
lock: install
	$(UV_COMPILE) -o requirements.txt requirements.in
	$(UV_COMPILE) -o requirements-dev.txt requirements-dev.in

# Known vulnerabilities in the production lock (PyPI's advisory data); fails when one is found.
audit: install
	$(VENV)/bin/pip-audit --disable-pip --require-hashes -r requirements.txt --progress-spinner off

# A model change without its migration fails CI.
migrations-check: install
	$(MANAGE) makemigrations --check --dry-run

# The site as in production, without containers: gunicorn with 4 workers, PostgreSQL, Redis, db_worker,
# osmem-server; checks, a load run and faults (benchmarks/prod_check.py; figures in benchmarks/README.md).
prod-check: install frontend
	$(PY) -m benchmarks.prod_check --seeds $(SEEDS)

frontend: config/static/nlds/.built
config/static/nlds/.built: frontend/package.json frontend/package-lock.json $(wildcard frontend/src/*) frontend/build.mjs
	cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build
	touch $@

# Debian's Chromium for the browser tests (Playwright drives it; it never downloads a browser).
chromium:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; }

migrate: install
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) load_demo

serve:
	@echo "Site: http://127.0.0.1:8000/  beheer: http://127.0.0.1:8000/admin/ (beheerder / inbeweging-demo)"
	$(MANAGE) runserver 127.0.0.1:8000

lint: install lint-imports
	$(VENV)/bin/ruff check .

# The import contracts in .importlinter: apps import downwards only, no cycles (imports inside functions count).
lint-imports: install
	$(VENV)/bin/lint-imports --no-logo --no-cache

test-sqlite: install
	$(PYTEST)

test-postgres: install
	DATABASE_URL=$(PG_URL) $(PYTEST)

# Imports the real library from ../shared/seeds into a fresh database, twice: the second run must change nothing.
# Then compares the import field by field with an independent reading of the source (vergelijk_import).
IMPORT_DB := $(CURDIR)/.import-check.sqlite3
INSPIRATIE := $(SEEDS)/aeno-inspiratie-subsidieprojecten.txt
import-check: install
	@test -f $(SEEDS)/aeno-inspiratie-subsidieprojecten.txt || { \
	  echo "import-check: $(SEEDS)/aeno-inspiratie-subsidieprojecten.txt ontbreekt." \
	       "De echte bronbestanden staan in ../shared/seeds naast het project; geef een andere map met SEEDS=<map>."; \
	  exit 1; }
	rm -f $(IMPORT_DB)
	DATABASE_URL=sqlite:///$(IMPORT_DB) $(MANAGE) migrate --noinput -v0
	DATABASE_URL=sqlite:///$(IMPORT_DB) $(MANAGE) import_inspiratie $(INSPIRATIE) | tail -n 1
	DATABASE_URL=sqlite:///$(IMPORT_DB) $(MANAGE) import_inspiratie $(INSPIRATIE) | tail -n 1 \
	  | grep -q ": 0 aangemaakt, 0 bijgewerkt, 141 ongewijzigd" || { echo "second import changed something"; exit 1; }
	DATABASE_URL=sqlite:///$(IMPORT_DB) $(MANAGE) vergelijk_import $(INSPIRATIE)
	rm -f $(IMPORT_DB)

bench: install
	$(PY) -m benchmarks.search
	$(PY) -m benchmarks.alerts
	$(PY) -m benchmarks.incremental
	$(PY) -m benchmarks.engine

clean:
	rm -rf $(VENV) frontend/node_modules config/static/nlds db.sqlite3 .test-media
