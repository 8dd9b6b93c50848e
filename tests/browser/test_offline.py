"""The offline edition, unpacked from the zip `make offline` makes and opened from file:// in Chromium.

Every request is recorded and anything not file:// is blocked: the tests assert
that none was even attempted."""
from __future__ import annotations

import pytest

from tests.support import expected_site_url, page_path, wait_for_progress, word
from tools.browser import wait_until
from tools.saved_progress import store_script, stored


@pytest.fixture(scope="session")
def offline_site(offline_edition):
    return offline_edition["site"]


@pytest.fixture
def requests_elsewhere(context):
    """Requests that would have left the machine (blocked); checked empty after every test."""
    elsewhere: list[str] = []
    context.on("request", lambda request: None if request.url.startswith("file://")
               else elsewhere.append(request.url))
    context.route(lambda url: not url.startswith("file://"), lambda route: route.abort())
    yield elsewhere
    assert elsewhere == [], f"requests left the machine: {elsewhere}"


def offline_page(offline_site, site, checklist_id: str):
    """The offline file of a checklist: its online path with .html."""
    path = page_path(site, checklist_id).rstrip("/")
    return offline_site / (path + ".html")


# localStorage as JSON, without Material's own keys (".../.__palette" and the like).
OUR_STORAGE = "JSON.stringify(Object.entries(localStorage).filter(([k]) => !/__\\w+$/.test(k)).sort())"


def storage(page) -> str:
    return page.evaluate(OUR_STORAGE)


def test_offline_edition_opens_checks_and_searches_from_disk(page, requests_elsewhere, offline_site, site,
                                                            guidebook):
    checklist = guidebook.checklist("police-within-24-hours")
    page.goto(offline_page(offline_site, site, checklist.id).as_uri())
    assert page.url.startswith("file://")

    item = checklist.items[0]
    box = page.locator(f"#check-{item.id}")
    box.check()
    assert box.is_checked()

    # Search (the index is inlined; the worker runs through the local shim).
    target = guidebook.checklist("police-long-term").items[2]
    query = page.locator("input[data-md-component='search-query']")
    query.click()
    query.press_sequentially(" ".join(target.text.split()[:3]), delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    hrefs = [a.get_attribute("href") for a in page.locator(".md-search-result__link").all()]
    long_term = offline_page(offline_site, site, "police-long-term").as_uri()
    assert any(h.startswith(long_term) for h in hrefs), hrefs

    # Following a result opens the page from disk.
    page.locator(f'.md-search-result__link[href^="{long_term}"]').first.click()
    page.wait_for_url(long_term + "*")
    assert page.locator(f"#check-{target.id}").count() == 1
    assert requests_elsewhere == []


def test_offline_edition_keeps_checks_across_a_reload(page, requests_elsewhere, offline_site, site, guidebook):
    checklist = guidebook.checklist("police-within-first-week")
    page.goto(offline_page(offline_site, site, checklist.id).as_uri())
    item = checklist.items[-1]
    before = storage(page)
    page.locator(f"#check-{item.id}").check()
    assert page.locator(f"#check-{item.id}").is_checked(), "the check took"
    wait_until(page, f"before => {OUR_STORAGE} !== before", arg=before, timeout=5_000)
    page.reload()
    wait_for_progress(page)
    assert page.locator(f"#check-{item.id}").is_checked(), "the check was saved but not restored after a reload"
    assert requests_elsewhere == []


def test_the_incident_bar_leads_to_a_file_of_the_offline_edition(page, requests_elsewhere, offline_site, site, guidebook):
    """Opened from disk, one tap on "20" starts the incident, and the bar's link to the Now list names
    its file (now.html), not the web's folder, which does not exist on disk; the list shows the window's items."""
    two_hours = guidebook.checklist("police-within-two-hours")
    page.goto(offline_page(offline_site, site, two_hours.id).as_uri())
    page.locator('[data-gb="start-row"]').get_by_role("button", name=word("start.minutes_name", count=20)).click()
    link = page.locator('[data-gb="bar-open"]')
    wait_until(page, """document.querySelector('[data-gb="bar-open"]').textContent !== ''""")
    now_list = (offline_site / "now.html").as_uri()
    assert link.evaluate("a => a.href") == now_list  # the address it leads to
    link.click()
    page.wait_for_url(now_list)
    group = page.locator(f'[data-gb="now-group"][data-checklist="{two_hours.id}"]')
    group.wait_for(state="visible")
    assert group.get_by_role("checkbox").count() == len(two_hours.items)


def test_hand_over_offline_gives_the_public_record_address(page, requests_elsewhere, offline_site, site, guidebook):
    """Opened from disk, the bar's Hand over… makes a link to the public record page (a file:// link opens
    on no other phone), with its QR code drawn by the one offline script."""
    two_hours = guidebook.checklist("police-within-two-hours")
    page.goto(offline_page(offline_site, site, two_hours.id).as_uri())
    page.locator('[data-gb="start-row"]').get_by_role("button", name=word("start.now")).click()
    wait_until(page, """document.querySelector('[data-gb="bar-open"]').textContent !== ''""")
    page.get_by_role("button", name=word("status.handover")).click()
    page.locator('[data-gb="handoff-made"]').wait_for(state="visible")
    link = page.locator('[data-gb="handoff-link"]').input_value()
    assert link.startswith(expected_site_url() + "record/#handover=2."), link[:80]
    assert page.locator('[data-gb="handoff-qr"] svg').is_visible()


def test_copy_link_offline_gives_the_public_address(page, requests_elsewhere, offline_site, site, guidebook):
    page.add_init_script("""
        window.__copied = [];
        navigator.clipboard.writeText = (text) => { window.__copied.push(text); return Promise.resolve(); };
    """)
    checklist = guidebook.checklist("police-within-24-hours")
    page.goto(offline_page(offline_site, site, checklist.id).as_uri())
    item = checklist.items[1]
    page.locator(f"#{item.id} button.gb-copy").click()
    page.locator("#gb-copy-status").filter(has_text=word("copy.done")).wait_for()
    path = page_path(site, checklist.id).rstrip("/")
    assert page.evaluate("window.__copied") == [f"{expected_site_url()}{path}/#{item.id}"]


def test_a_handover_link_works_in_the_offline_edition(page, requests_elsewhere, offline_site, guidebook):
    """Made from disk, the link names the public record page; its data opens (pasted or in the address) from disk."""
    record = (offline_site / "record.html").as_uri()
    item = guidebook.checklist("police-within-two-hours").items[0]
    page.goto(record)
    page.evaluate(store_script(stored({"police-within-two-hours": {item.id: {"at": "2026-11-20T18:00:00.000Z", "who": "J.S."}}},
                                      incident={"start": "2026-11-20T17:00:00.000Z"})))
    page.reload()
    page.get_by_role("button", name=word("handover.make")).click()
    page.locator('[data-gb="handover-link"]').wait_for(state="visible")
    link = page.locator('[data-gb="handover-link"]').input_value()
    assert link.startswith(expected_site_url() + "record/#handover=2.")
    page.evaluate("localStorage.clear()")
    page.goto(record + link[link.index("#"):])
    page.get_by_role("button", name=word("handover.replace")).click()
    assert word("handover.replaced", count=1) == page.locator('[data-gb="handover-status"]').inner_text()
    page.goto((offline_site / "police" / "within-two-hours.html").as_uri())
    wait_for_progress(page)
    assert page.locator(f"#check-{item.id}").is_checked()
