"""The "copy link" buttons in real Chromium: names, keyboard, clipboard, feedback and fallbacks."""
from __future__ import annotations

import pytest

from macros.guidebook.inline import plain_text
from tests.support import page_path, word
from tools.browser import wait_until

CHECKLIST = "police-within-two-hours"  # any checklist would do: expectations come from its data


@pytest.fixture
def checklist(guidebook):
    return guidebook.checklist(CHECKLIST)


@pytest.fixture
def address(base_url, site, checklist):
    """The page's address as a reader sees it in the address bar."""
    return base_url + page_path(site, checklist.id)


# The icon an icon-only button shows (drawn by the stylesheet on ::before), and Material's "check" icon.
ICON = "button => getComputedStyle(button, '::before').maskImage"
CHECK_ICON = "getComputedStyle(document.body).getPropertyValue('--md-admonition-icon--success').trim()"


def grant_clipboard(context, base_url):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))


def item_link_name(checklist, item):
    """"Copy link to item 3: Address misinformation directly." """
    return word("checklist.copy_item_link", number=checklist.items.index(item) + 1, text=plain_text(item.text))


def test_buttons_are_named_visible_and_one_per_item(page, address, checklist):
    page.goto(address)
    for item in checklist.items:
        button = page.get_by_role("button", name=item_link_name(checklist, item), exact=True)
        assert button.count() == 1 and button.is_visible()
        assert button.get_attribute("data-gb-copy-link") == item.id
    whole = page.get_by_role("button", name=word("checklist.copy_link"), exact=True)
    assert whole.count() == 1 and whole.is_visible()


def test_copying_an_item_link_puts_its_address_on_the_clipboard(page, context, base_url, address, checklist):
    grant_clipboard(context, base_url)
    page.goto(address)
    item = checklist.items[-1]
    button = page.locator(f"#{item.id} button.gb-copy")
    link_icon = button.evaluate(ICON)
    button.click()
    status = page.locator("#gb-copy-status")
    status.filter(has_text=word("copy.done")).wait_for()
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    assert page.evaluate("navigator.clipboard.readText()") == f"{address}#{item.id}"
    assert button.evaluate(ICON) == page.evaluate(CHECK_ICON) != link_icon, "visible feedback: the check icon shows"
    assert page.get_by_role("button", name=item_link_name(checklist, item), exact=True).count() == 1, \
        "the button keeps its name while the feedback shows"


def test_copying_the_checklist_link_gives_the_page_address(page, context, base_url, address):
    grant_clipboard(context, base_url)
    page.goto(address)
    page.get_by_role("button", name=word("checklist.copy_link")).click()
    page.locator("#gb-copy-status").filter(has_text=word("copy.done")).wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == address


def test_the_buttons_work_from_the_keyboard(page, context, base_url, address, checklist):
    """The boxes follow one another in the Tab order (item links do not double it); the link to the
    whole checklist comes after the list and works with Enter."""
    grant_clipboard(context, base_url)
    page.goto(address)
    first = checklist.items[0]
    page.locator(f"#check-{first.id}").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == f"check-{checklist.items[1].id}"
    page.get_by_role("button", name=word("checklist.copy_link"), exact=True).focus()
    page.keyboard.press("Enter")
    page.locator("#gb-copy-status").filter(has_text=word("copy.done")).wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == address


NO_CLIPBOARD_API = """
Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined, configurable: true });
"""


def test_without_the_clipboard_api_the_link_is_offered_to_copy_by_hand(page, address, checklist):
    """Plain http (not a secure context) has no Clipboard API: the browser's own prompt shows the
    address, selected, to copy by hand."""
    page.add_init_script(NO_CLIPBOARD_API)
    page.goto(address)
    item = checklist.items[0]
    dialogs = []
    page.once("dialog", lambda d: (dialogs.append((d.type, d.message, d.default_value)), d.dismiss()))
    page.locator(f"#{item.id} button.gb-copy").click()
    wait_until(page, "() => true")  # let the click's promise settle
    page.wait_for_timeout(100)
    assert len(dialogs) == 1
    kind, message, value = dialogs[0]
    assert kind == "prompt" and value == f"{address}#{item.id}"
    assert message == word("copy.prompt_link")
    assert word("copy.done") not in page.locator("#gb-copy-status").text_content()


def test_without_javascript_there_are_no_copy_buttons(browser, address):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(address)
        buttons = page.locator("button.gb-copy")
        assert buttons.count() > 0
        assert not any(b.is_visible() for b in buttons.all())
        assert page.locator(".gb-check").first.is_visible()
    finally:
        context.close()


def test_the_link_page_copies_addresses_and_the_snippet(page, context, base_url, site):
    grant_clipboard(context, base_url)
    page.goto(base_url + "link-to-this-guidebook/")
    page.get_by_role("button", name=word("copy.snippet")).click()
    page.locator("#gb-copy-status").filter(has_text=word("copy.snippet_done")).wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == page.locator("#gb-link-snippet").text_content()
    first = page.locator("[data-gb-copy-url]").nth(1)
    first.click()
    page.locator("#gb-copy-status").filter(has_text=word("copy.done")).wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == first.get_attribute("data-gb-copy-url")


def test_copy_buttons_fit_a_phone_screen(page, address, checklist):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(address)
    width = page.evaluate("document.documentElement.clientWidth")
    for item in checklist.items:
        box = page.locator(f"#{item.id} button.gb-copy").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, item.id
        assert box["width"] >= 24 and box["height"] >= 24, "a target big enough to tap"
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "no sideways scrolling"
