"""Keyboard, zoom and motion on a checklist page, in real Chromium."""
from __future__ import annotations

import pytest

from tests.support import page_path, word

FOCUS_VISIBLE = """() => {
  const el = document.activeElement;
  // Material's palette toggle is a visually hidden radio button whose label shows the focus.
  const shown = el.classList.contains('md-option') ? el.nextElementSibling : el;
  const style = getComputedStyle(shown);
  const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow && style.boxShadow !== 'none';
  // A date input's calendar button sits inside the input: the input's own ring shows it.
  const keyboard = el.matches(':focus-visible') || el.type === 'datetime-local';
  return {id: el.id, tag: el.tagName, cls: el.className, text: (el.innerText || el.value || '').trim().slice(0, 40),
          visible: keyboard && (ring || shadow)};
}"""


def test_keyboard_walk_reaches_every_control_with_visible_focus(page, base_url, site, guidebook):
    checklist = guidebook.checklist("police-within-two-hours")
    page.goto(base_url + page_path(site, checklist.id))
    page.locator("[data-gb-js]").first.wait_for()
    seen = []
    for _ in range(200):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_VISIBLE)
        if seen and focus == seen[0]:
            break
        seen.append(focus)
        if focus["tag"] == "BODY":
            break
    assert seen[0]["cls"].startswith("md-skip"), f"first Tab should reach the skip link, got {seen[0]}"
    hidden_focus = [f for f in seen if not f["visible"] and f["tag"] != "BODY"]
    assert hidden_focus == [], f"focus not visible on: {hidden_focus}"
    ids = {f["id"] for f in seen}
    for item in checklist.items:
        assert f"check-{item.id}" in ids, f"Tab never reached {item.id}"
    texts = {f["text"] for f in seen}
    assert "Reset this checklist" in texts and "Set incident start" in texts


def test_skip_link_moves_focus_to_the_content(page, base_url, site, guidebook):
    checklist = guidebook.checklist("municipal-crisis-response")
    page.goto(base_url + page_path(site, checklist.id))
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**#{checklist.id}")  # Playwright learns of the in-page navigation a moment later
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.md-content') !== null")


@pytest.mark.parametrize("width", [320, 640])
def test_narrow_or_zoomed_screen_loses_nothing(page, base_url, site, guidebook, width):
    """640 CSS pixels is a 1280-pixel window at 200% zoom; 320 is the WCAG reflow width."""
    page.set_viewport_size({"width": width, "height": 600})
    for checklist in guidebook.checklists:
        page.goto(base_url + page_path(site, checklist.id))
        overflow = page.evaluate("document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth")
        assert overflow <= 0, f"{checklist.id}: {overflow}px of horizontal scrolling at {width}px"
        for item in checklist.items:
            label = page.locator(f'label[for="check-{item.id}"]')
            box = label.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= width + 1, f"{item.id} is cut off"


def test_reduced_motion_turns_transitions_off(browser, base_url, site, guidebook):
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    page.goto(base_url + page_path(site, guidebook.checklists[0].id))
    durations = page.evaluate("""() => [...document.querySelectorAll('*')]
        .map(el => getComputedStyle(el).transitionDuration.split(',').map(parseFloat))
        .flat().filter(d => d > 0.001)""")
    assert durations == []
    context.close()
    context = browser.new_context(reduced_motion="no-preference")
    page = context.new_page()
    page.goto(base_url + page_path(site, guidebook.checklists[0].id))
    assert page.evaluate("""() => [...document.querySelectorAll('*')]
        .some(el => parseFloat(getComputedStyle(el).transitionDuration) > 0.01)""")  # the check can fail
    context.close()


def walk_to(page, selector: str, limit: int = 200) -> list[dict]:
    """Press Tab until the element matching `selector` has the focus; the stops on the way, that one last."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUS_VISIBLE))
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return seen
    raise AssertionError(f"Tab never reached {selector}: {seen[-5:]}")


def test_manage_saved_progress_is_one_keyboard_control(page, base_url):
    """Closed, it is one tab stop; Enter opens it and Tab reaches export, import and reset, in that order."""
    page.goto(base_url)
    page.locator("[data-gb-js]").first.wait_for()
    manage = page.locator('details[data-gb="manage"]')
    assert manage.get_attribute("open") is None, "closed by default"
    stops = walk_to(page, 'details[data-gb="manage"] > summary')
    assert stops[-1]["visible"], "its focus shows"
    assert stops[-1]["text"] == word("wayin.manage")
    names = [word(k) for k in ("overview.export", "overview.import", "overview.reset_all")]
    assert not {s["text"] for s in stops} & set(names), "closed, its buttons are no tab stops"
    page.keyboard.press("Enter")
    assert manage.get_attribute("open") is not None
    after = [walk_to(page, "button")[-1] for _ in names]
    assert [s["text"] for s in after] == names and all(s["visible"] for s in after)
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert manage.get_attribute("open") is None, "Enter on its summary closes it again"
