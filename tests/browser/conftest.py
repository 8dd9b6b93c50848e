"""Real Chromium (Debian's /usr/bin/chromium) driven by Playwright, against the built site on loopback."""
from __future__ import annotations

import pytest

from tools.browser import launch_chromium
from tools.server import serve


@pytest.fixture(scope="session")
def base_url(site):
    """Root URL of the built site, served on 127.0.0.1 for the whole session."""
    server, url = serve(site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = launch_chromium(p)
        yield browser
        browser.close()


@pytest.fixture
def context(browser):
    """A fresh browser profile per test: empty storage, no cookies, and no service worker: its precache
    would fetch every file of the site in the background, into the requests a test counts or holds.
    The service worker's own tests (test_service_worker.py) open contexts that allow it."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    yield context
    context.close()


@pytest.fixture
def page(context):
    """A page that fails the test on any uncaught JavaScript error."""
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors
    yield page
    assert errors == [], f"JavaScript errors: {errors}"
