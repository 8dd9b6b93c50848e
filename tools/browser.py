"""Launching Debian's Chromium (/usr/bin/chromium) with Playwright; never a downloaded browser."""
from __future__ import annotations

from typing import Any

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def launch_chromium(playwright: Any, **options: Any) -> Any:
    """A headless Chromium browser from a started `sync_playwright()`."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, **options)


_NO_ARG = object()


def wait_until(page, expression: str, arg=_NO_ARG, timeout: float = 10_000) -> None:
    """Wait until `expression` (a JavaScript expression, or a function of `arg`) is truthy in `page`.

    Polled from Python with page.evaluate: Playwright's wait_for_function compiles its predicate with
    eval inside the page, which the site's Content Security Policy (no 'unsafe-eval') refuses."""
    import time

    deadline = time.monotonic() + timeout / 1000
    while True:
        if page.evaluate(expression) if arg is _NO_ARG else page.evaluate(expression, arg):
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout / 1000:.0f} s: {expression}")
        page.wait_for_timeout(50)
