"""Saved work is shown without moving the page (issue 34): a restored check's record line (its time, who and
note) is drawn in space kept for it from the first paint, and the record page keeps the space of what its
script draws. Not timed: each test holds the script's files back (page.route) to see every state."""
from __future__ import annotations

import pytest

from tests.support import first_use_of_record_page, page_path
from tools.browser import wait_until
from tools.saved_progress import RESTORED, store_script, stored

PHONE = {"width": 390, "height": 844}
CHECKLIST = "police-within-24-hours"
ENTRY = "**/assets/javascripts/guidebook.*.js"  # our entry script
ITEM_RECORD = "**/assets/javascripts/guidebook/item-record.*.js"  # the chunk that draws the record lines
SHIFTS = """
window.gbShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.gbShift += entry.value;
}).observe({ type: "layout-shift", buffered: true });
"""


class Held:
    """Requests for the addresses routed to it wait until released."""

    def __init__(self, context, *patterns: str):
        self.routes: list = []
        self.open = False
        for pattern in patterns:
            context.route(pattern, self.hold)

    def hold(self, route) -> None:
        if self.open:
            route.continue_()
        else:
            self.routes.append(route)

    def release(self) -> None:
        self.open = True
        while self.routes:
            self.routes.pop(0).continue_()


def rect(page, selector: str) -> dict:
    return page.locator(selector).bounding_box()


def test_a_restored_check_moves_nothing_below_it(browser, base_url, site, guidebook):
    checklist = guidebook.checklist(CHECKLIST)
    first, second, third = (item.id for item in checklist.items[:3])
    context = browser.new_context(viewport=PHONE, service_workers="block")
    context.add_init_script(store_script(stored({CHECKLIST: {
        first: {"at": "2026-12-07T09:10:00.000Z", "who": "Lt. Ruiz", "note": "Called the pastors' council " * 8},
        second: {"at": "2026-12-06T21:40:00.000Z"}}})))
    entry = Held(context, ENTRY)
    record_chunk = Held(context, ITEM_RECORD)
    page = context.new_page()
    page.goto(base_url + page_path(site, CHECKLIST), wait_until="commit")
    below = f'[id="{third}"]'
    wait_until(page, f"document.querySelector('{below}') !== null && document.readyState !== 'loading'")
    painted = rect(page, below)  # the page as first painted: our script not run yet

    entry.release()
    wait_until(page, f"{RESTORED}.length > 0")
    assert page.locator(f'[id="check-{first}"]').is_checked() and page.locator(f'[id="check-{second}"]').is_checked()
    restored = rect(page, below)  # the checks restored; their record lines not drawn while the chunk is held

    record_chunk.release()
    wait_until(page, "document.querySelectorAll('[data-gb=\"record\"]:not([hidden])').length === 2")
    filled = rect(page, below)
    assert restored == painted, "restoring the checks moved the item below them"
    assert filled == painted, "drawing the record lines moved the item below them"
    context.close()


RECORD_MODULES = ("**/assets/javascripts/guidebook/record.*.js", "**/assets/javascripts/guidebook/handover.*.js",
                  "**/assets/javascripts/guidebook/forms.*.js")
RENDERED = 'performance.getEntriesByName("gb-record-render").length > 0'


@pytest.mark.parametrize("saved", [True, False], ids=["with saved checks", "nothing saved"])
def test_the_record_page_moves_nothing_when_its_script_draws_it(browser, base_url, site, guidebook, saved):
    checklist = guidebook.checklist(CHECKLIST)
    context = browser.new_context(viewport=PHONE, service_workers="block")
    context.add_init_script(SHIFTS)
    if saved:
        checks = {item.id: {"at": f"2026-12-07T09:1{n}:00.000Z"} for n, item in enumerate(checklist.items[:3])}
        context.add_init_script(store_script(stored({CHECKLIST: checks})))
    modules = Held(context, *RECORD_MODULES)
    page = context.new_page()
    page.goto(base_url + "record/")
    page.wait_for_timeout(300)  # the page painted without its record
    assert not page.evaluate(RENDERED)
    if not saved:
        first_use_of_record_page(page)  # no record here: the modules load at the reader's first use
    modules.release()
    wait_until(page, RENDERED)
    page.wait_for_timeout(1500)  # and once idle, keep.js's line about lasting storage
    assert page.evaluate("window.gbShift") == 0
    context.close()
