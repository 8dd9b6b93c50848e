"""Items first: on a phone the first item of every checklist is on the first screen, with and without a
running incident, items are numbered, and the boxes are the first Tab stops after the skip link."""
from __future__ import annotations

import json

import pytest

from tests.support import page_path
from tools.saved_progress import KEY

PHONE = {"width": 390, "height": 844}


def running_incident(hours_ago: float) -> str:
    return f"""() => localStorage.setItem({json.dumps(KEY)}, JSON.stringify({{version: 2, checks: {{}},
        incident: {{start: new Date(Date.now() - {hours_ago} * 3600e3).toISOString()}}, archive: []}}))"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("incident", [False, True], ids=["no-incident", "incident-running"])
def test_the_first_item_is_on_the_first_phone_screen(phone, base_url, site, guidebook, incident):
    if incident:
        phone.goto(base_url)
        phone.evaluate(running_incident(30))
    for checklist in guidebook.checklists:
        phone.goto(base_url + page_path(site, checklist.id))
        first = phone.locator(f"#{checklist.items[0].id}")
        box = first.bounding_box()
        assert box is not None and box["y"] + min(box["height"], 80) <= PHONE["height"], \
            f"{checklist.id}: first item at {box and round(box['y'])} px"
        assert phone.evaluate("scrollY") == 0


def test_items_are_numbered_on_screen(page, base_url, site, guidebook):
    checklist = guidebook.checklist("police-within-two-hours")
    page.goto(base_url + page_path(site, checklist.id))
    numbers = page.locator(".gb-item .gb-number").all_inner_texts()
    assert numbers == [f"{n}." for n in range(1, len(checklist.items) + 1)]
    assert all(n.is_visible() for n in page.locator(".gb-item .gb-number").all())


def test_the_boxes_are_the_first_tab_stops_after_the_skip_link(page, base_url, site, guidebook):
    checklist = guidebook.checklist("municipal-crisis-response")
    page.goto(base_url + page_path(site, checklist.id))
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    stops = []
    for _ in range(3 * len(checklist.items)):
        page.keyboard.press("Tab")
        if not page.evaluate("document.activeElement.closest('.gb-items') !== null"):
            break
        stops.append(page.evaluate("document.activeElement.id || document.activeElement.tagName"))
    boxes = [stop for stop in stops if stop.startswith("check-")]
    assert stops[0] == f"check-{checklist.items[0].id}"
    assert boxes == [f"check-{item.id}" for item in checklist.items]
    assert len(stops) - len(boxes) == page.locator(".gb-items a[href]").count(), "only links in the text besides"


def test_the_part_notice_is_one_line_that_opens(page, base_url, site, guidebook):
    checklist = guidebook.checklist("police-within-24-hours")
    page.goto(base_url + page_path(site, checklist.id))
    notice = page.locator("details.gb-notice")
    summary = notice.locator("summary")
    assert summary.bounding_box()["height"] < 40, "one short line"
    assert not notice.locator("p").is_visible()
    summary.click()
    assert notice.locator("p").is_visible()
