"""The incident bar's Change and Hand over… panels come in a module of their own (bar-panels.<hash>.js,
issue 34), loaded with the bar's script and put in place of the page's empty placeholder: in real
Chromium, they work on a page opened with the network off after one visit (the file from the service
worker's cache), and a file that cannot be loaded is said in the catalogue's words and changes nothing;
closed, they take no room."""
from __future__ import annotations

import json

import pytest

from tests.support import catalogue, page_path
from tools.browser import wait_until
from tools.saved_progress import KEY
from tools.server import serve

ACTIVE = ("navigator.serviceWorker.getRegistration()"
          ".then(r => r?.active?.state === 'activated' && !r.installing && !r.waiting)")
BAR = '[data-gb="incident-bar"]'
FILLED = """document.querySelector('[data-gb="bar-began"]').textContent !== ''"""
PANELS = "**/assets/javascripts/guidebook/bar-panels.*.js"


def start_incident(page, hours_ago: float) -> None:
    page.evaluate(f"""() => localStorage.setItem({json.dumps(KEY)}, JSON.stringify({{version: 2, checks: {{}},
        incident: {{start: new Date(Date.now() - {hours_ago} * 3600e3).toISOString()}}, archive: []}}))""")


@pytest.fixture
def worker_context(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="allow")
    yield context
    context.close()


def test_the_panels_work_offline_on_a_page_opened_after_one_visit(worker_context, site, guidebook):
    """One visit to the home page (no incident: the file is not fetched then, only precached), then the
    network off, an incident started, and a checklist page: Change and Hand over… both work."""
    page = worker_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    served: list[bool] = []
    page.on("response", lambda r: "/bar-panels." in r.url and served.append(r.from_service_worker))
    server, url = serve(site)
    page.goto(url)
    wait_until(page, ACTIVE, timeout=60_000)
    worker_context.set_offline(True)
    server.shutdown()
    server.server_close()

    start_incident(page, 5)
    page.goto(url + page_path(site, "municipal-crisis-response"))
    bar = page.locator(BAR)
    wait_until(page, FILLED)
    assert served == [True], "the panels' file, once, from the service worker's cache"
    assert bar.locator('[data-gb="bar-panels"]').count() == 0, "the placeholder is replaced"

    bar.locator("summary").click()
    bar.get_by_role("button", name=catalogue().text("status.started_now")).click()
    assert not bar.locator("details").evaluate("d => d.open"), "a choice closes its panel"
    stored = json.loads(page.evaluate(f"localStorage.getItem({json.dumps(KEY)})"))
    assert stored["incident"]["start"] > "2026", "the new start is saved"

    bar.get_by_role("button", name=catalogue().text("status.handover")).click()
    panel = bar.locator('[data-gb="handoff"]')
    panel.locator('[data-gb="handoff-made"]').wait_for(state="visible")
    assert panel.locator('[data-gb="handoff-link"]').input_value().startswith(url + "record/#handover=")
    panel.get_by_role("button", name=catalogue().text("shift.close")).click()
    assert not panel.is_visible()
    assert errors == []


def test_panels_that_cannot_be_loaded_are_said_and_change_nothing(page, base_url, site):
    page.route(PANELS, lambda route: route.abort())
    page.goto(base_url)
    start_incident(page, 5)
    before = page.evaluate(f"localStorage.getItem({json.dumps(KEY)})")
    page.goto(base_url + page_path(site, "police-within-24-hours"))
    bar = page.locator(BAR)
    wait_until(page, FILLED)
    page.wait_for_load_state("networkidle")
    assert bar.locator('[data-gb="bar-began"]').inner_text() == catalogue().text("loading.failed")
    assert bar.get_by_role("button", name=catalogue().text("status.handover")).is_disabled()
    bar.locator("summary").click()
    assert bar.locator('[data-gb="bar-started-now"]').count() == 0, "no panel, no control that could change"
    assert page.evaluate(f"localStorage.getItem({json.dumps(KEY)})") == before


def test_the_closed_panels_take_no_room(page, base_url, site):
    """No layout shift when they are put in place: with both panels closed, the bar and the page below it
    stand where they stood with the empty placeholder (the panels taken out again, as the page had them)."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url)
    start_incident(page, 5)
    page.goto(base_url + page_path(site, "police-within-24-hours"))
    wait_until(page, FILLED)
    boxes = "[document.querySelector('[data-gb=\"incident-bar\"]'), document.querySelector('h1')].map(e => " \
            "JSON.stringify(e.getBoundingClientRect()))"
    placed = page.evaluate(boxes)
    page.evaluate("""() => {
        document.querySelector('[data-gb="bar-change-panel"]').remove();
        const empty = Object.assign(document.createElement("div"), {id: "gb-bar-handover", hidden: true});
        empty.dataset.gb = "bar-panels";
        document.querySelector('[data-gb="handoff"]').replaceWith(empty);
    }""")
    assert page.evaluate(boxes) == placed
