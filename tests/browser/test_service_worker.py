"""The service worker (sw.js, made by Workbox at build time) in real Chromium: after one visit to the home
page, the whole guidebook works with the network off; a new deployment is offered, never forced; the worker
lives at the site's base, also under a sub-path; `mkdocs serve` leaves none behind."""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browser.test_search import search
from tests.support import ROOT, SUBPATH_URL, built, copy_project, page_path, word
from tools.browser import wait_until
from tools.server import serve

SUBPATH = urlsplit(SUBPATH_URL).path  # /cares/guidebook/
ACTIVE = ("navigator.serviceWorker.getRegistration()"
          ".then(r => r?.active?.state === 'activated' && !r.installing && !r.waiting)")
# localStorage without Material's own keys (".../.__palette" and the like): the reader's checks and record.
OUR_STORAGE = "JSON.stringify(Object.entries(localStorage).filter(([k]) => !/__\\w+$/.test(k)).sort())"


@pytest.fixture
def worker_context(browser):
    """A fresh profile in which service workers run (and the page is phone-sized)."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="allow")
    yield context
    context.close()


@pytest.fixture
def wpage(worker_context):
    """A page that fails the test on any uncaught JavaScript error or Content Security Policy violation (the
    worker running: pages, workers and the manifest are served from its cache)."""
    page = worker_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: "Content Security Policy" in message.text and errors.append(message.text))
    yield page
    assert errors == [], f"JavaScript errors or CSP violations: {errors}"


def visit_once(page, url: str) -> None:
    """One visit, as a reader makes it: the page, then the worker installs once the page is idle."""
    page.goto(url)
    wait_until(page, ACTIVE, timeout=60_000)


def go_offline(context, server) -> None:
    """No network: the browser is offline and the server is gone."""
    context.set_offline(True)
    server.shutdown()
    server.server_close()


def test_after_one_visit_the_whole_guidebook_works_offline(wpage, worker_context, site, guidebook):
    server, url = serve(site)
    visit_once(wpage, url)
    go_offline(worker_context, server)

    for checklist in guidebook.checklists:  # every checklist page
        response = wpage.goto(url + page_path(site, checklist.id))
        assert response.ok and response.from_service_worker, checklist.id
        assert wpage.locator("h1").first.inner_text().strip() == checklist.title

    item = guidebook.checklists[0].items[0]  # a check made offline is kept
    wpage.goto(url + page_path(site, guidebook.checklists[0].id))
    wpage.locator(f"#check-{item.id}").check()
    wpage.reload()
    assert wpage.locator(f"#check-{item.id}").is_checked()

    wpage.goto(url + "record/")  # the record page, with its own modules, shows it
    record = wpage.locator("[data-gb='record-page']")
    record.wait_for()
    wait_until(wpage, "t => document.querySelector(\"[data-gb='record-page']\").textContent.includes(t)",
               arg=" ".join(item.text.split()[:4]), timeout=10_000)
    assert word("loading.failed") not in record.inner_text()

    response = wpage.goto(url + "packet/")  # the packet page and its PDF
    assert response.from_service_worker
    pdf = wpage.locator("a[href$='.pdf']").first.get_attribute("href")
    got = wpage.evaluate("href => fetch(href).then(r => r.arrayBuffer()).then(b => [b.byteLength, "
                         "String.fromCharCode(...new Uint8Array(b.slice(0, 5)))])", pdf)
    assert got == [(site / "packet" / Path(pdf).name).stat().st_size, "%PDF-"]

    target = guidebook.checklist("police-long-term").items[2]  # search for an item's words
    wpage.goto(url)
    search(wpage, " ".join(target.text.split()[:3]))
    hrefs = wpage.evaluate("[...document.querySelectorAll('a.md-search-result__link')].map(a => a.href)")
    assert any(page_path(site, "police-long-term") in h for h in hrefs), hrefs

    worker_context.set_offline(False)  # back online (the server still gone): the check is shown
    wpage.goto(url + page_path(site, guidebook.checklists[0].id))
    assert wpage.locator(f"#check-{item.id}").is_checked()


@pytest.fixture
def two_editions(tmp_path) -> dict:
    """The site as this checkout builds it, and the next edition: the same with one item's text changed."""
    project = copy_project(tmp_path / "project")
    source = project / "data" / "checklists" / "police-within-24-hours.yml"
    text = source.read_text(encoding="utf-8")
    first = re.search(r"^(\s*text: )(.+)$", text, flags=re.M)
    assert first, "the checklist changed shape"
    changed = "Hold a briefing for every shift on what is known and what is rumor (newer edition)."
    source.write_text(text[:first.start(2)] + changed + text[first.end(2):], encoding="utf-8")
    return {"old": built(ROOT, tmp_path / "old"), "new": built(project, tmp_path / "new"), "changed": changed}


def test_a_new_edition_is_offered_never_forced_and_keeps_the_checks(wpage, two_editions, site, guidebook):
    root = two_editions["old"].parent / "served"
    root.symlink_to(two_editions["old"], target_is_directory=True)
    server, url = serve(root)
    try:
        checklist = guidebook.checklist("police-within-24-hours")
        address = url + page_path(site, checklist.id)
        visit_once(wpage, address)
        wpage.locator(f"#check-{checklist.items[1].id}").check()
        saved = wpage.evaluate(OUR_STORAGE)

        root.unlink()  # the next deployment
        root.symlink_to(two_editions["new"], target_is_directory=True)
        wpage.goto(address)
        wpage.evaluate("window.gbSamePage = true")
        notice = wpage.locator("[data-gb='update-notice']")
        notice.wait_for(timeout=60_000)
        assert word("offline.update_ready") in notice.inner_text()
        assert two_editions["changed"] not in wpage.content(), "the old edition stays until the reader reloads"
        wpage.wait_for_timeout(1500)
        assert wpage.evaluate("window.gbSamePage === true"), "the page never reloads by itself"

        with wpage.expect_navigation():
            notice.get_by_role("button", name=word("offline.reload")).click()
        wpage.locator("h1").first.wait_for()
        assert two_editions["changed"] in wpage.locator("article").inner_text()
        assert wpage.locator("[data-gb='update-notice']").count() == 0
        assert wpage.evaluate(OUR_STORAGE) == saved, "the saved checks are unchanged"
        assert wpage.locator(f"#check-{checklist.items[1].id}").is_checked()
    finally:
        server.shutdown()


def test_under_a_sub_path_the_worker_keeps_to_its_base(wpage, worker_context, subpath_site, tmp_path):
    root = tmp_path / "root"
    (root / SUBPATH.strip("/")).parent.mkdir(parents=True)
    (root / SUBPATH.strip("/")).symlink_to(subpath_site, target_is_directory=True)
    server, url = serve(root)
    base = url.rstrip("/") + SUBPATH
    visit_once(wpage, base)
    scope = wpage.evaluate("navigator.serviceWorker.getRegistration().then(r => [r.scope, r.active.scriptURL])")
    assert scope == [base, base + "sw.js"]
    go_offline(worker_context, server)
    response = wpage.goto(base + "police/within-24-hours/")
    assert response.from_service_worker and response.ok
    response = wpage.goto(base + "record/")
    assert response.from_service_worker and response.ok


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def registrations_gone(page) -> bool:
    """Whether no worker is registered; False while the page is being reloaded (by the worker stepping aside)."""
    try:
        return page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length === 0)")
    except Exception:  # the page navigated meanwhile
        return False


@pytest.fixture
def mkdocs_serve():
    """`mkdocs serve` of this checkout on a port given by the test; stopped afterwards."""
    started: list[subprocess.Popen] = []

    def start(port: int) -> str:
        command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"]
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
        started.append(process)
        url = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(url + "sw.js", timeout=2):
                    return url
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError("mkdocs serve did not start") from None
                time.sleep(0.5)
    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=30)


def test_mkdocs_serve_registers_no_worker_and_clears_one_left_behind(wpage, site, tmp_path, mkdocs_serve):
    # A build served earlier at the same address left its worker in the developer's browser.
    copy = shutil.copytree(site, tmp_path / "site")
    server, url = serve(copy)
    port = urlsplit(url).port
    visit_once(wpage, url)
    server.shutdown()
    server.server_close()

    url = mkdocs_serve(port)
    wpage.goto(url)  # served once more by the old worker, which finds sw.js changed, steps aside and reloads
    deadline = time.monotonic() + 60
    while not registrations_gone(wpage):
        assert time.monotonic() < deadline, "the old worker is still registered"
        wpage.wait_for_timeout(200)
    wpage.goto(url)
    wpage.wait_for_load_state("load")
    wpage.wait_for_timeout(2500)  # past the idle moment in which a deployed page registers its worker
    assert wpage.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
    assert wpage.evaluate("navigator.serviceWorker.controller") is None
    assert wpage.evaluate("caches.keys().then(k => k.length)") == 0
    assert wpage.locator("meta[name='gb-service-worker']").count() == 0


def test_chromium_finds_the_app_installable(wpage, site):
    """Chromium's own installability check (what Lighthouse's installable-manifest audit reported, before
    Lighthouse 12 removed it): the manifest, its icons and the worker, with no error."""
    server, url = serve(site)
    try:
        visit_once(wpage, url)
        cdp = wpage.context.new_cdp_session(wpage)
        manifest = cdp.send("Page.getAppManifest")
        assert manifest["errors"] == [], manifest["errors"]
        assert manifest["url"] == url + "manifest.webmanifest"
        errors = [e["errorId"] for e in cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]]
        # Playwright's fresh profile is an incognito one, where Chromium never offers to install; it says so
        # and nothing else when the app is installable.
        assert errors == ["in-incognito"], errors
    finally:
        server.shutdown()
