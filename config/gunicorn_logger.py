"""Gunicorn's access log as JSON lines: method, path (no query string, sign-in tokens masked), status,
size, duration and the request id that the application put in `X-Request-ID`. No client address or
user agent: they are personal data and nobody needs them to run the site."""

import json
import time

from gunicorn.glogging import Logger

from config.logging import redact_path


class JsonAccessLogger(Logger):
    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        headers = {name.lower(): value for name, value in (resp.headers or [])}
        status = resp.status.split(None, 1)[0] if isinstance(resp.status, str) else resp.status
        line = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "level": "INFO",
            "logger": "gunicorn.access",
            "method": environ.get("REQUEST_METHOD"),
            "path": redact_path(environ.get("PATH_INFO", "")),
            "status": int(status),
            "bytes": getattr(resp, "sent", None),
            "duration_ms": round(request_time.total_seconds() * 1000, 1),
            "request_id": headers.get("x-request-id", "-"),
        }
        self.access_log.info(json.dumps(line))
