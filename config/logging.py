"""Logging for every process: one line per record on standard error, JSON lines in production.

Every record carries the id of the request it belongs to (`RequestIdMiddleware` sets it; the worker
and commands log `-`). Nothing personal reaches a log: e-mail addresses and the tokens of sign-in
links are masked in the message and in tracebacks, whoever logged them (`redact`).
"""

import contextvars
import logging
import re

from pythonjsonlogger.json import JsonFormatter

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")

EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
SIGN_IN_TOKEN = re.compile(r"(/medewerkers/inloggen/)[^/?#\s\"']+")


def redact(text: str) -> str:
    """E-mail addresses and sign-in tokens masked: safe to write to any log."""
    return SIGN_IN_TOKEN.sub(r"\1[token]", EMAIL.sub("[e-mailadres]", text))


def redact_path(path: str) -> str:
    """A request path for a log line: the sign-in token masked, no query string."""
    return redact(path.split("?", 1)[0])


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = request_id_var.get()
        return True


class RedactingFormatter(logging.Formatter):
    def format(self, record):
        return redact(super().format(record))


class RedactingJsonFormatter(JsonFormatter):
    """One JSON object per line: time, level, logger, message, request_id (and exc_info as text)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("rename_fields", {"asctime": "time", "levelname": "level", "name": "logger"})
        kwargs.setdefault("timestamp", False)
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s", *args, **kwargs)

    def process_log_record(self, log_record):
        # Django's request logger passes the request itself: its repr has the query string.
        log_record.pop("request", None)
        for key, value in log_record.items():
            if not isinstance(value, (int, float, bool, type(None))):
                log_record[key] = redact(value if isinstance(value, str) else str(value))
        return log_record


def logging_config(json_lines: bool, level: str = "INFO") -> dict:
    """The LOGGING setting: everything to standard error, including unhandled exceptions with their
    path (Django's `django.request` logger: 'Internal Server Error: /pad/' and the traceback)."""
    formatter = (
        {"()": RedactingJsonFormatter}
        if json_lines
        else {"()": RedactingFormatter, "format": "%(levelname)s %(name)s [%(request_id)s] %(message)s"}
    )
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"default": formatter},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "filters": ["request_id"],
                "formatter": "default",
            },
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Django's own handlers only print with DEBUG on; ours print always, once.
            "django": {"handlers": [], "level": level, "propagate": True},
            "django.server": {"handlers": [], "level": level, "propagate": True},
            "django.db.backends": {"level": "WARNING"},
        },
    }
