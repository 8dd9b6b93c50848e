"""The record page where this browser holds no record (issue 34, guidebook/first-use.js): the build wrote the
empty record, so the page shows it without the record's modules (about 18 KB); they load at the reader's first
use of the page, a handover link opened, or a record saved in another tab. What the reader typed and pressed
before they came is not lost."""
from __future__ import annotations

import json

from tests.browser.test_layout_shift import RECORD_MODULES, RENDERED, Held
from tests.support import first_use_of_record_page, wait_for_record_page, word
from tools.browser import wait_until
from tools.saved_progress import KEY, stored

PHONE = {"width": 390, "height": 844}
CHUNKS = "/assets/javascripts/guidebook/"


def shown_text(page) -> list[str]:
    """The record page's lines as shown, without the time it is "as of" (that minute may turn) and the line
    about lasting storage (keep.js, which comes with the record's modules)."""
    text = page.locator('[data-gb="record-page"]').inner_text()
    keep = {word("offline.kept"), word("offline.not_kept")}
    return [line for line in text.splitlines() if line.strip() and line not in keep
            and not line.startswith(word("record.as_of"))]


def record_modules_fetched(page) -> list[str]:
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url) if any(
        f"{CHUNKS}{name}." in request.url for name in ("record", "handover", "forms")) else None)
    return fetched


def test_the_empty_record_shows_as_its_modules_would_draw_it(browser, base_url):
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    fetched = record_modules_fetched(page)
    page.goto(base_url + "record/")
    wait_for_record_page(page)
    page.wait_for_load_state("networkidle")
    before = shown_text(page)
    assert fetched == [], "no record: the record's modules wait"
    assert word("record.unnamed") in "\n".join(before) and word("record.log_empty") in before
    assert page.locator('[data-gb="as-of"]').inner_text() != "", "the time it is shown as of"
    first_use_of_record_page(page)
    wait_until(page, RENDERED)
    assert fetched, "the first use loads them"
    assert shown_text(page) == before, "the modules draw the same empty record: nothing changes"
    context.close()


def test_what_the_reader_typed_and_pressed_before_the_modules_came_is_kept(browser, base_url):
    context = browser.new_context(viewport=PHONE, service_workers="block", accept_downloads=True)
    modules = Held(context, *RECORD_MODULES)
    page = context.new_page()
    page.goto(base_url + "record/")
    wait_for_record_page(page)
    page.locator('[data-gb="record-name"]').fill("Main Street march")  # focus, type; the modules are held
    page.locator('[data-gb="record-role"][value="police"]').check()
    export = page.locator('[data-gb="record-export"][data-format="json"]')
    export.click()
    assert not page.evaluate(RENDERED)
    with page.expect_download() as download:
        modules.release()
    wait_until(page, RENDERED)
    saved = json.loads(page.evaluate(f"localStorage.getItem({json.dumps(KEY)})"))
    assert saved["incident"]["name"] == "Main Street march" and saved["incident"]["roles"] == ["police"]
    assert page.locator('[data-gb="record-name"]').input_value() == "Main Street march"
    assert page.locator('[data-gb="record-role"][value="police"]').is_checked()
    assert download.value.suggested_filename.endswith(".json"), "the button pressed meanwhile, pressed again"
    context.close()


def test_a_record_saved_in_another_tab_loads_them(browser, base_url):
    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    page.goto(base_url + "record/")
    wait_for_record_page(page)
    other = context.new_page()
    other.goto(base_url + "record/")
    wait_for_record_page(other)
    check = {"municipal-crisis-response": {"call-in-cabinet-and-executive-staff": {"at": "2026-12-07T02:00:00.000Z"}}}
    other.evaluate(f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(stored(check))})")
    wait_until(page, RENDERED)
    summary = page.locator('[data-gb="record-summary"]').inner_text()
    assert f"{word('record.checked_count')}\t1" in summary
    context.close()


CLOCK_MODULES = ("**/assets/javascripts/guidebook/clock.*.js",)
CLOCK_DRAWN = "document.querySelector('[data-gb=\"incident\"]').classList.contains('gb-shown')"


def phase_statuses(page) -> list[str]:
    return page.locator('[data-gb="phase-status"]').all_inner_texts()


def test_the_clock_with_nothing_held_shows_as_clock_js_would_draw_it(browser, base_url, site, guidebook):
    from tests.support import page_path

    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url) if f"{CHUNKS}clock." in request.url else None)
    page.goto(base_url + page_path(site, "police-within-24-hours"))
    wait_until(page, CLOCK_DRAWN)
    page.wait_for_load_state("networkidle")
    before = phase_statuses(page)
    assert fetched == [], "nothing held: the clock waits"
    first = [c for c in guidebook.checklists if c.phase and c.phase.id == guidebook.phases[0].id]
    assert before[0] == word("incident.open_items", open=sum(len(c.items) for c in first))
    page.locator('[data-gb="incident-start"]').focus()  # the first use
    wait_until(page, "performance.getEntriesByName('gb-start').length > 0")
    page.wait_for_load_state("networkidle")
    assert fetched, "the first use loads it"
    assert phase_statuses(page) == before, "clock.js draws the same: nothing changes"
    context.close()


def test_a_tap_on_it_started_now_before_the_clock_came_starts_the_incident(browser, base_url, site):
    from tests.support import page_path, wait_for_incident_start

    context = browser.new_context(viewport=PHONE, service_workers="block")
    clock = Held(context, *CLOCK_MODULES)
    page = context.new_page()
    page.goto(base_url + page_path(site, "police-within-24-hours"))
    wait_until(page, CLOCK_DRAWN)
    page.locator('[data-gb="incident-now"]').click()  # enabled while it waits: the tap is held
    assert page.evaluate(f"localStorage.getItem({json.dumps(KEY)})") is None
    clock.release()
    wait_for_incident_start(page)
    unset = json.dumps(word("incident.unset"))
    wait_until(page, f"document.querySelector('[data-gb=\"incident-summary\"]').textContent !== {unset}")
    context.close()


def test_a_check_on_the_page_brings_the_clock(browser, base_url, site, guidebook):
    from tests.support import page_path

    context = browser.new_context(viewport=PHONE, service_workers="block")
    page = context.new_page()
    page.goto(base_url + page_path(site, "police-within-24-hours"))
    wait_until(page, CLOCK_DRAWN)
    phases = [p.id for p in guidebook.phases]
    index = phases.index(guidebook.checklist("police-within-24-hours").phase.id)
    total = len(guidebook.checklist("police-within-24-hours").items)
    page.locator('[data-gb="check"]').first.check()
    expected = word("incident.open_items", open=total - 1) if total > 2 else word("incident.open_item")
    wait_until(page, f"document.querySelectorAll('[data-gb=\"phase-status\"]')[{index}].textContent === {json.dumps(expected)}")
    context.close()
