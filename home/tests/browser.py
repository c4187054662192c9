"""Helpers for browser tests: headless Debian Chromium via Playwright, plus axe-core.

Not a test module. Use it from tests that run against pytest-django's ``live_server``::

    from home.tests.browser import format_violations, open_browser, run_axe

    with open_browser() as browser:
        page = browser.new_page()
        page.goto(live_server.url + "/")
        violations = run_axe(page)
        assert not violations, format_violations(violations)

Playwright's own browser download cannot be used here, so the system Chromium
(``apt-get install chromium``) is launched; override its path with CHROMIUM_PATH.
axe-core comes from frontend/ and is built into config/static/nlds/ by ``make frontend``.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import connections

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

AXE_PATH = Path(settings.BASE_DIR) / "config" / "static" / "nlds" / "axe.min.js"


def chromium_path() -> str:
    """Path of the system Chromium; fails with a clear message when it is missing."""
    candidates = [os.environ.get("CHROMIUM_PATH"), "/usr/bin/chromium", shutil.which("chromium")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return candidate
    raise RuntimeError(
        "Chromium niet gevonden: installeer het met `apt-get install chromium` "
        "of zet CHROMIUM_PATH naar een Chromium-binary."
    )


@contextmanager
def open_browser() -> Iterator[Browser]:
    """Yield a headless Chromium ``Browser`` (Playwright sync API); closed on exit.

    Playwright's sync API runs its own event loop; pytest-django's database access
    from the test thread still works, but Django refuses sync ORM calls made while
    an event loop is running, so DJANGO_ALLOW_ASYNC_UNSAFE is set for the duration.
    """
    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
            )
            try:
                yield browser
            finally:
                browser.close()
                # The test's database calls inside this block ran while Playwright's event loop was running,
                # so Django kept their connection apart from the test's own; close it here, or PostgreSQL
                # refuses to drop the test database at the end ("being accessed by other users").
                connections.close_all()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def axe_source() -> str:
    """The built axe-core script; fails with instructions when it has not been built."""
    if not AXE_PATH.is_file():
        raise RuntimeError(
            f"{AXE_PATH} ontbreekt: bouw de frontend eerst met `make frontend` "
            "(of `cd frontend && npm ci && npm run build`)."
        )
    return AXE_PATH.read_text(encoding="utf-8")


def run_axe(page: Page, context: str | None = None) -> list[dict[str, Any]]:
    """Run axe-core (WCAG 2.0/2.1 A and AA rules) on the loaded page; return its violations.

    ``context`` is an optional CSS selector to limit the check to part of the page.
    """
    # Evaluated through DevTools, not as an inline <script>: the site's CSP forbids inline scripts.
    page.evaluate("(source) => { (0, eval)(source); }", axe_source())
    # Jump finite CSS animations and transitions to their end (Wagtail's messages fade in over 0.5 s, its badges
    # pulse five times in 25 s): mid-fade, axe measures a blended colour that no user sees once the page settles.
    page.evaluate(
        """() => document.getAnimations()
            .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
            .forEach((a) => a.finish())"""
    )
    return page.evaluate(
        """async ([selector, tags]) => {
            const context = selector ? document.querySelector(selector) : document;
            const results = await axe.run(context, {runOnly: {type: 'tag', values: tags}});
            return results.violations;
        }""",
        [context, AXE_TAGS],
    )


def format_violations(violations: list[dict[str, Any]]) -> str:
    """Readable summary of axe violations for an assertion message."""
    if not violations:
        return "Geen axe-overtredingen."
    lines = [f"{len(violations)} axe-overtreding(en):"]
    for violation in violations:
        impact, rule = violation.get("impact"), violation["id"]
        lines.append(f"- [{impact}] {rule}: {violation['help']} ({violation.get('helpUrl')})")
        for node in violation.get("nodes", [])[:5]:
            target = ", ".join(str(t) for t in node.get("target", []))
            lines.append(f"    {target}")
            summary = node.get("failureSummary")
            if summary:
                lines.extend(f"      {line}" for line in summary.splitlines())
        if len(violation.get("nodes", [])) > 5:
            lines.append(f"    … en {len(violation['nodes']) - 5} andere elementen")
    return "\n".join(lines)


def screenshot(page: Page, name: str) -> None:
    """Save a screenshot of the viewport as `name` in $SCREENSHOT_DIR, when that is set (to look at by hand)."""
    folder = os.environ.get("SCREENSHOT_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / name))
