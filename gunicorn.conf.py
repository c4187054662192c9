"""Gunicorn, the application server (`gunicorn config.wsgi`; this file is read from the working directory).

Environment: WEB_CONCURRENCY (workers; default 2 x CPUs + 1), PORT or GUNICORN_BIND, GUNICORN_TIMEOUT.
Graceful reload after a deploy: `kill -HUP <master pid>` starts new workers with the new code and lets
the old ones finish their requests (graceful_timeout).
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
threads = 1
# A request that takes longer than this is a bug or an outage; the worker is replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then (memory growth of long-lived processes), not all at once.
max_requests = 2000
max_requests_jitter = 200
# No preload: each worker imports the application itself, so HUP reloads new code.
preload_app = False
# Behind a proxy on the same machine or network (X-Forwarded-* from these addresses only).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

accesslog = "-"  # JSON lines on standard output (config/gunicorn_logger.py)
errorlog = "-"  # gunicorn's own messages on standard error; the application logs there too
loglevel = os.environ.get("GUNICORN_LOGLEVEL", "info")
logger_class = "config.gunicorn_logger.JsonAccessLogger"
capture_output = False
proc_name = "inbeweging"
