"""`make prod-check`: the site as in production, without containers, checked, loaded and broken on purpose.

Starts gunicorn (4 workers, production settings) on a free 127.0.0.1 port, `db_worker`, PostgreSQL (its
own database `prodcheck`, made and dropped here), Redis (db 3, flushed) and osmem-server as the search
engine. PostgreSQL, Redis and the search engine are reached through small TCP proxies in this script:
stopping a proxy is the outage (the machine's shared servers stay up). Then:

- checks: security headers and cookies, hashed and compressed static files, an unpublish through one
  worker seen by every worker at once, a rate limit counted across workers, the PDF-text task run by
  the worker;
- a bounded load run (3,000 requests, 20 at a time, only to 127.0.0.1): 0 errors, figures written to
  benchmarks/README.md;
- faults, each removed again: search engine, Redis, a gunicorn worker, the database.

Everything it started is stopped at the end, also on failure or Ctrl-C. Exit code 1 on a failed check.
"""

import argparse
import contextlib
import json
import logging
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

import httpx
import psycopg
import redis
from osmem_server import OsmemServer

PROJECT = Path(__file__).resolve().parent.parent
WORK = PROJECT / ".prod-check"
PG_URL = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432/test").rsplit("/", 1)[0]
REDIS_URL = os.environ.get("PRODCHECK_REDIS", "redis://127.0.0.1:6379/3")
DATABASE = "prodcheck"
WORKERS = 4
LOAD_REQUESTS, LOAD_CONCURRENCY = 3000, 20
ADMIN = ("beheerder", "inbeweging-demo")  # made by load_demo


class CheckFailed(Exception):
    pass


def check(condition, message):
    if not condition:
        raise CheckFailed(message)
    print(f"  ok  {message}", flush=True)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class TcpProxy:
    """127.0.0.1:<port> -> target. `stop()` refuses new connections and cuts the open ones (the outage);
    `start()` listens again on the same port."""

    def __init__(self, name, target_host, target_port):
        self.name, self.target = name, (target_host, target_port)
        self.port = free_port()
        self.listener = None
        self.sockets: set[socket.socket] = set()
        self.lock = threading.Lock()

    def start(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(128)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def stop(self):
        self.stopping = True
        listener, self.listener = self.listener, None
        if listener:
            with contextlib.suppress(OSError):
                listener.shutdown(socket.SHUT_RDWR)
            listener.close()
        with self.lock:
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self.sockets.clear()

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self.target, timeout=5)
                upstream.settimeout(None)
            except OSError:
                client.close()
                continue
            with self.lock:
                self.sockets |= {client, upstream}
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


class Site:
    """Everything this run starts, and how to stop it."""

    def __init__(self, seeds: Path):
        self.seeds = seeds
        self.processes: dict[str, subprocess.Popen] = {}
        self.proxies: list[TcpProxy] = []
        self.osmem = None
        self.stopping = False
        self.worker_restarts = 0
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"

    # --- set-up -------------------------------------------------------------------------------
    def prepare(self):
        library = self.seeds / "aeno-inspiratie-subsidieprojecten.txt"
        if not library.is_file():
            raise CheckFailed(f"De echte bibliotheek ontbreekt: {library} (zet SEEDS=pad/naar/seeds)")
        WORK.mkdir(exist_ok=True)
        for sub in ("media", "private"):
            (WORK / sub).mkdir(exist_ok=True)
        with psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {DATABASE}")
        redis.Redis.from_url(REDIS_URL).flushdb()
        self.osmem = OsmemServer.start(addr="127.0.0.1:0", japanese=False, startup_timeout=30)
        pg_host, pg_port = re.match(r"postgres://[^@]*@([^:/]+):(\d+)", PG_URL).groups()
        r = redis.Redis.from_url(REDIS_URL).connection_pool.connection_kwargs
        os_host, os_port = re.match(r"http://([^:/]+):(\d+)", self.osmem.url).groups()
        self.db = TcpProxy("database", pg_host, int(pg_port))
        self.cache = TcpProxy("redis", r["host"], r["port"])
        self.search = TcpProxy("zoekmachine", os_host, int(os_port))
        self.proxies = [self.db, self.cache, self.search]
        for proxy in self.proxies:
            proxy.start()
        user = re.match(r"postgres://([^@]*)@", PG_URL).group(1)
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_", "SEARCH_"))},
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "DJANGO_SECRET_KEY": "prod-check-" + "k" * 50,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": f"postgres://{user}@127.0.0.1:{self.db.port}/{DATABASE}",
            "DB_CONNECT_TIMEOUT": "2",
            "REDIS_URL": f"redis://127.0.0.1:{self.cache.port}/{REDIS_URL.rsplit('/', 1)[1]}",
            "SEARCH_BACKEND": "opensearch",
            "SEARCH_URL": f"http://127.0.0.1:{self.search.port}",
            "SEARCH_INDEX_PREFIX": "prodcheck_",
            "SEARCH_TIMEOUT": "2",
            "SEARCH_DUTCH_ANALYSIS": "0",  # osmem has no Dutch stemmer
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "MEDIA_ROOT": str(WORK / "media"),
            "PRIVATE_MEDIA_ROOT": str(WORK / "private"),
            "WEB_CONCURRENCY": str(WORKERS),
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{self.port}",
            "LOG_LEVEL": "WARNING",
        }

    def manage(self, *args, timeout=900):
        """A set-up command; its background tasks (search index, references) run inline, so the worker
        starts with an empty queue."""
        started = time.monotonic()
        env = {**self.env, "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
        result = subprocess.run([sys.executable, "manage.py", *args], cwd=PROJECT, env=env,
                                capture_output=True, text=True, timeout=timeout)
        if result.returncode:
            raise CheckFailed(f"manage.py {' '.join(args)} faalde:\n{result.stderr[-3000:]}")
        print(f"  --  manage.py {args[0]} ({time.monotonic() - started:.0f} s)", flush=True)
        return result.stdout

    def start(self):
        self.manage("collectstatic", "--noinput", "-v0")
        self.manage("migrate", "--noinput", "-v0")
        self.manage("load_demo")
        self.manage("import_inspiratie", str(self.seeds / "aeno-inspiratie-subsidieprojecten.txt"))
        self.manage("update_index")
        (WORK / "logs").mkdir(exist_ok=True)
        self.launch("web", [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py", "config.wsgi"])
        self.launch("worker", [sys.executable, "manage.py", "db_worker"])
        threading.Thread(target=self.supervise_worker, daemon=True).start()
        self.wait_ready(120)

    def launch(self, name, command):
        logs = WORK / "logs"
        self.processes[name] = subprocess.Popen(
            command, cwd=PROJECT, env=self.env, start_new_session=True,
            stdout=open(logs / f"{name}.out", "a"), stderr=open(logs / f"{name}.err", "a"),
        )

    def supervise_worker(self):
        """As the compose file's `restart: unless-stopped` (or systemd's Restart=always) does: db_worker exits
        when it loses the database; it is started again."""
        while not self.stopping:
            if self.processes["worker"].poll() is not None and not self.stopping:
                self.worker_restarts += 1
                self.launch("worker", [sys.executable, "manage.py", "db_worker"])
            time.sleep(1)

    def wait_ready(self, seconds):
        deadline = time.monotonic() + seconds
        last = None
        while time.monotonic() < deadline:
            try:
                last = httpx.get(f"{self.base}/gereed/", timeout=5)
                if last.status_code == 200:
                    return last
            except httpx.HTTPError as exc:
                last = exc
            time.sleep(0.5)
        raise CheckFailed(f"/gereed/ niet binnen {seconds} s: {getattr(last, 'text', last)}")

    def stop(self):
        self.stopping = True
        for process in self.processes.values():
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        for proxy in self.proxies:
            proxy.stop()
        if self.osmem:
            self.osmem.close()
        with contextlib.suppress(psycopg.Error):
            with psycopg.connect(f"{PG_URL}/postgres", autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        with contextlib.suppress(redis.RedisError):
            redis.Redis.from_url(REDIS_URL).flushdb()

    def worker_pids(self) -> list[int]:
        master = self.processes["web"].pid
        out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(master)], capture_output=True, text=True).stdout
        return [int(pid) for pid in out.split()]

    def get(self, path, **kwargs) -> httpx.Response:
        # A new connection per request: gunicorn hands each to whichever worker accepts first.
        return httpx.get(self.base + path, timeout=15, **kwargs)


class Browser:
    """A client that keeps Secure cookies itself (the site runs behind TLS; here plain HTTP with the proxy's
    X-Forwarded-Proto), one connection per request."""

    def __init__(self, site: Site):
        self.site, self.cookies = site, {}

    def request(self, method, path, **kwargs):
        headers = {"X-Forwarded-Proto": "https", "Referer": f"https://127.0.0.1:{self.site.port}{path}",
                   "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()), **kwargs.pop("headers", {})}
        response = httpx.request(method, self.site.base + path, headers=headers, timeout=30, **kwargs)
        for header in response.headers.get_list("set-cookie"):
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name.strip()] = value
        return response

    def csrf(self, path):
        page = self.request("GET", path)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1), page


# --- checks ---------------------------------------------------------------------------------------

def check_headers(site: Site):
    print("Beveiligingsheaders en cookies", flush=True)
    for path in ("/", "/inspiratie/", "/vacatures/", "/zoeken/?q=werk"):
        response = site.get(path)
        csp = response.headers.get("content-security-policy", "")
        check(response.status_code == 200 and "default-src 'self'" in csp and "unsafe-inline" not in csp,
              f"{path}: CSP zonder unsafe-inline")
        check(response.headers.get("referrer-policy") == "strict-origin-when-cross-origin"
              and response.headers.get("cross-origin-opener-policy") == "same-origin"
              and "camera=()" in response.headers.get("permissions-policy", "")
              and response.headers.get("x-frame-options") == "DENY", f"{path}: Referrer-, Permissions-, COOP, X-Frame")
    form = httpx.get(site.base + "/medewerkers/inloggen/", headers={"X-Forwarded-Proto": "https"})
    cookie = form.headers.get("set-cookie", "")
    check("Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie,
          "CSRF-cookie Secure, HttpOnly, SameSite=Lax")
    hsts = form.headers.get("strict-transport-security", "")
    check("max-age=31536000" in hsts, "HSTS over HTTPS")


def check_static(site: Site):
    print("Statische bestanden", flush=True)
    html = site.get("/").text
    css = re.search(r'href="(/static/nlds/utrecht\.[0-9a-f]{12}\.css)"', html)
    check(css is not None, "pagina verwijst naar gehashte CSS")
    response = site.get(css.group(1), headers={"Accept-Encoding": "gzip"})
    check(response.status_code == 200 and response.headers.get("content-encoding") == "gzip",
          "gehashte CSS gecomprimeerd (gzip)")
    cache = response.headers.get("cache-control", "")
    check("immutable" in cache and "max-age=315360000" in cache, f"far-future cache-headers ({cache})")


def check_shared_version(site: Site, browser: Browser):
    print("Wijziging via één worker, meteen zichtbaar in elke worker", flush=True)
    title = "Fietsend naar het werk"
    for _ in range(WORKERS * 5):  # every worker builds its facet table and remembers the match
        check_listing = site.get("/inspiratie/?q=fietsend")
        assert title in check_listing.text, "demo project missing before the change"
    token, _ = browser.csrf("/admin/login/")
    login = browser.request("POST", "/admin/login/", data={
        "csrfmiddlewaretoken": token, "username": ADMIN[0], "password": ADMIN[1], "next": "/admin/"})
    check(login.status_code == 302, "ingelogd in het beheer (via een worker)")
    with psycopg.connect(site.env["DATABASE_URL"]) as conn:
        page_id = conn.execute("SELECT id FROM wagtailcore_page WHERE title = %s", [title]).fetchone()[0]
    token, _ = browser.csrf(f"/admin/pages/{page_id}/unpublish/")
    done = browser.request("POST", f"/admin/pages/{page_id}/unpublish/", data={"csrfmiddlewaretoken": token})
    check(done.status_code == 302, "project gedepubliceerd via het beheer")
    stale = [n for n in range(WORKERS * 5) if title in site.get("/inspiratie/?q=fietsend").text]
    check(not stale, f"{WORKERS * 5} verzoeken over alle workers: geen enkele toont het project nog")
    return page_id


def check_rate_limit(site: Site):
    print("Rate limit over workers heen", flush=True)
    browser = Browser(site)
    statuses = []
    for n in range(11):
        token, _ = browser.csrf("/medewerkers/inloggen/")
        statuses.append(browser.request("POST", "/medewerkers/inloggen/", data={
            "csrfmiddlewaretoken": token, "email": f"iemand{n}@elders.example"}).status_code)
    check(statuses == [200] * 10 + [429], f"10 inlogverzoeken, het 11e geweigerd (429): {statuses}")


def check_task_in_worker(site: Site, browser: Browser):
    print("Achtergrondtaak (pdf-tekst) in db_worker", flush=True)
    sys.path.insert(0, str(PROJECT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")  # only to import the helper
    import django

    django.setup()
    logging.getLogger("httpx").setLevel(logging.WARNING)
    from conftest import make_pdf  # the same real PDF the tests make

    token, form = browser.csrf("/admin/documents/add/")
    collection = re.search(r'<option value="(\d+)"[^>]*>', form.text.split('name="collection"', 1)[1]).group(1)
    upload = browser.request("POST", "/admin/documents/add/", data={
        "csrfmiddlewaretoken": token, "title": "evaluatie prodcheck", "collection": collection, "tags": ""},
        files={"file": ("evaluatie.pdf", make_pdf("Evaluatie prodcheck fietsbeleid"), "application/pdf")})
    check(upload.status_code == 302, f"pdf geüpload via het beheer ({upload.status_code})")
    deadline = time.monotonic() + 60
    row = None
    while time.monotonic() < deadline and not row:
        with psycopg.connect(site.env["DATABASE_URL"]) as conn:
            row = conn.execute(
                "SELECT t.status, t.tekst FROM projecten_documenttekst t JOIN wagtaildocs_document d "
                "ON d.id = t.document_id WHERE d.title LIKE %s", ["evaluatie%"]).fetchone()
            worker = conn.execute("SELECT count(*) FROM django_tasks_database_dbtaskresult WHERE task_path = "
                                  "'projecten.tasks.extract_document_text' AND status = 'SUCCESSFUL'").fetchone()
            tasks = conn.execute("SELECT task_path, status FROM django_tasks_database_dbtaskresult "
                                 "ORDER BY enqueued_at DESC LIMIT 5").fetchall()
            documents = conn.execute("SELECT id, title FROM wagtaildocs_document").fetchall()
        time.sleep(0.5)
    check(row is not None and row[0] == "ok" and "prodcheck" in row[1],
          "de worker las de tekst van de pdf" if row else f"geen tekst gelezen (taken {tasks}, documenten {documents})")
    check(worker[0] >= 1, "taakresultaat SUCCESSFUL in de database (db_worker)")


def load_run(site: Site) -> dict:
    print(f"Belasting: {LOAD_REQUESTS} verzoeken, {LOAD_CONCURRENCY} tegelijk", flush=True)
    paths = ["/", "/inspiratie/", "/inspiratie/?thema=vitaliteit", "/inspiratie/?q=werk&status=afgerond",
             "/vacatures/?q=beleid", "/vacatures/", "/zoeken/?q=gezond", "/zoeken/suggesties?q=duurz",
             "/zoeken/?q=medewerkers"]
    latencies, errors = [], []
    lock = threading.Lock()
    per_thread = LOAD_REQUESTS // LOAD_CONCURRENCY

    def run(worker_index):
        with httpx.Client(base_url=site.base, timeout=30) as client:
            for n in range(per_thread):
                path = paths[(worker_index + n) % len(paths)]
                started = time.perf_counter()
                try:
                    status = client.get(path).status_code
                except httpx.HTTPError as exc:
                    status = type(exc).__name__
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    if status != 200:
                        errors.append((path, status))

    started = time.perf_counter()
    with ThreadPoolExecutor(LOAD_CONCURRENCY) as pool:
        list(pool.map(run, range(LOAD_CONCURRENCY)))
    wall = time.perf_counter() - started
    q = statistics.quantiles(latencies, n=100)
    figures = {"requests": len(latencies), "errors": len(errors), "seconds": wall,
               "rps": len(latencies) / wall, "p50": q[49] * 1000, "p95": q[94] * 1000, "p99": q[98] * 1000}
    print(f"  --  {figures['rps']:.0f} verzoeken/s, p50 {figures['p50']:.0f} ms, p95 {figures['p95']:.0f} ms, "
          f"p99 {figures['p99']:.0f} ms", flush=True)
    check(not errors, f"0 fouten in {len(latencies)} verzoeken {errors[:5]}")
    return figures


def fault_search(site: Site):
    print("Storing: zoekmachine weg", flush=True)
    site.search.stop()
    listing = site.get("/inspiratie/?q=werk")
    check(listing.status_code == 200 and "Zoeken op tekst is tijdelijk niet beschikbaar" in listing.text,
          "/inspiratie/ werkt, met de melding")
    check(site.get("/vacatures/?q=beleid").status_code == 200, "/vacatures/ werkt")
    check(site.get("/zoeken/?q=werk").status_code == 503, "/zoeken/ antwoordt 503")
    ready = site.get("/gereed/")
    check(ready.status_code == 503 and ready.json()["onderdelen"]["zoekmachine"] == "onbereikbaar",
          "/gereed/ meldt de zoekmachine")
    site.search.start()
    site.wait_ready(30)
    check(site.get("/zoeken/?q=werk").status_code == 200, "hersteld zonder herstart: /zoeken/ 200")


def fault_redis(site: Site):
    print("Storing: Redis weg", flush=True)
    redis.Redis.from_url(REDIS_URL).flushdb()  # the counts of the rate-limit check: start from zero
    site.cache.stop()
    for path in ("/", "/inspiratie/", "/vacatures/", "/zoeken/?q=werk"):
        check(site.get(path).status_code == 200, f"{path} werkt zonder Redis")
    browser = Browser(site)
    token, _ = browser.csrf("/medewerkers/inloggen/")
    refused = browser.request("POST", "/medewerkers/inloggen/", data={
        "csrfmiddlewaretoken": token, "email": "iemand@elders.example"})
    check(refused.status_code == 429, "inloggen geweigerd zolang de teller onbereikbaar is (fail closed)")
    ready = site.get("/gereed/")
    check(ready.status_code == 503 and ready.json()["onderdelen"]["cache"] == "onbereikbaar", "/gereed/ meldt Redis")
    site.cache.start()
    site.wait_ready(30)
    check(site.get("/inspiratie/").status_code == 200, "hersteld zonder herstart")


def fault_worker(site: Site):
    print("Storing: een gunicorn-worker gedood", flush=True)
    before = site.worker_pids()
    check(len(before) == WORKERS, f"{WORKERS} workers")
    os.kill(before[0], signal.SIGKILL)
    statuses = [site.get("/").status_code for _ in range(40)]
    check(statuses == [200] * 40, "40 verzoeken na de kill: alle 200")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (len(site.worker_pids()) != WORKERS or before[0] in site.worker_pids()):
        time.sleep(0.5)
    after = site.worker_pids()
    check(len(after) == WORKERS and before[0] not in after, "gunicorn startte een nieuwe worker")


def fault_database(site: Site):
    print("Storing: database onbereikbaar", flush=True)
    site.db.stop()
    home = site.get("/")
    check(home.status_code == 503 and "Tijdelijk niet beschikbaar" in home.text
          and "Traceback" not in home.text and "OperationalError" not in home.text,
          "Nederlandse 503-pagina, zonder traceback")
    check(site.get("/gezond/").status_code == 200, "/gezond/ antwoordt nog")
    ready = site.get("/gereed/")
    check(ready.status_code == 503 and ready.json()["onderdelen"]["database"] == "onbereikbaar",
          "/gereed/ meldt de database")
    site.db.start()
    site.wait_ready(30)
    statuses = [site.get("/").status_code for _ in range(WORKERS * 3)]
    check(statuses == [200] * len(statuses), "hersteld zonder herstart: elke worker antwoordt weer")
    time.sleep(2)
    check(site.processes["worker"].poll() is None,
          f"db_worker draait (opnieuw gestart door de procesbewaking: {site.worker_restarts} keer)")
    errors = (WORK / "logs" / "web.err").read_text()
    check('"message": "Service Unavailable: /"' in errors and "OperationalError" in errors,
          "de fout staat met pad en traceback in het log (JSON)")
    check("@elders.example" not in errors, "geen e-mailadressen in het log")


def write_figures(figures: dict):
    readme = PROJECT / "benchmarks" / "README.md"
    text = readme.read_text()
    start, end = "<!-- prod-check:begin -->", "<!-- prod-check:end -->"
    block = (
        f"{start}\n"
        f"Last run ({date.today():%-d %B %Y}, `make prod-check`): gunicorn with {WORKERS} workers, PostgreSQL, "
        f"Redis, osmem-server, the real library plus the demo content; {figures['requests']} requests over home, "
        f"library with facets, vacancies with a query, site search and suggestions, {LOAD_CONCURRENCY} at a time, "
        "from 127.0.0.1 on the same 2-core machine (the load generator and every server share those cores). "
        "CI fails on errors only, not on these timings.\n\n"
        "| requests | errors | per second | p50 | p95 | p99 |\n| --- | --- | --- | --- | --- | --- |\n"
        f"| {figures['requests']} | {figures['errors']} | {figures['rps']:.0f} | {figures['p50']:.0f} ms | "
        f"{figures['p95']:.0f} ms | {figures['p99']:.0f} ms |\n{end}"
    )
    if start in text:
        text = text[:text.index(start)] + block + text[text.index(end) + len(end):]
    else:
        text = text.rstrip() + "\n\n## Production load run (make prod-check)\n\n" + block + "\n"
    readme.write_text(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default=str(PROJECT.parent / "shared" / "seeds"))
    args = parser.parse_args()
    site = Site(Path(args.seeds).resolve())
    started = time.monotonic()

    def interrupted(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
    try:
        site.prepare()
        site.start()
        browser = Browser(site)
        check_headers(site)
        check_static(site)
        check_shared_version(site, browser)
        check_rate_limit(site)
        check_task_in_worker(site, browser)
        figures = load_run(site)
        write_figures(figures)
        fault_search(site)
        fault_redis(site)
        fault_worker(site)
        fault_database(site)
    except CheckFailed as exc:
        print(f"MISLUKT: {exc}", file=sys.stderr)
        for name in ("web", "worker"):
            log = WORK / "logs" / f"{name}.err"
            if log.exists():
                print(f"--- laatste regels van {log}:\n" + "\n".join(log.read_text().splitlines()[-15:]),
                      file=sys.stderr)
        return 1
    finally:
        site.stop()
    print(f"prod-check geslaagd in {time.monotonic() - started:.0f} s; cijfers in benchmarks/README.md")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
