"""Saved progress in real Chromium: checks persist in this browser only, and bad states never break the page."""
from __future__ import annotations

import json

import pytest

from tests.support import held_route, hold_requests, page_path, saved_progress_control, wait_for_progress, word
from tools.browser import wait_until
from tools.saved_progress import KEY, RESTORED, store_script, stored


@pytest.fixture
def checklist(guidebook):
    return guidebook.checklist("municipal-crisis-response")


@pytest.fixture
def open_checklist(page, base_url, site, checklist):
    def go(target=page, which=checklist):
        target.goto(base_url + page_path(site, which.id))
        wait_for_progress(target)
        return target
    return go


def count_text(page, checklist_id):
    return page.locator(f'.gb-progress [data-gb="count"][data-checklist="{checklist_id}"]').inner_text()


def home_count(page, checklist_id):
    return page.locator(f'[data-gb="count"][data-checklist="{checklist_id}"]').inner_text()


def box(page, item):
    return page.locator(f"#check-{item.id}")


def test_check_survives_reload_and_navigation(page, open_checklist, checklist, base_url):
    open_checklist()
    first, third = checklist.items[0], checklist.items[2]
    box(page, first).check()
    box(page, third).check()
    page.reload()
    wait_for_progress(page)
    assert box(page, first).is_checked() and box(page, third).is_checked()
    assert not box(page, checklist.items[1]).is_checked()
    page.goto(base_url)  # the home page shows the same state
    wait_for_progress(page)
    assert home_count(page, checklist.id) == word("count.done", done=2, total=len(checklist.items))
    stored = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert set(stored["checks"][checklist.id]) == {first.id, third.id}


def test_boxes_checked_while_the_page_loads_are_kept_and_saved(page, context, base_url, site, checklist):
    """Taps on boxes before the script has started (held back here) are the reader's checks: the saved
    progress, read as the script starts, must not uncheck them, and they are saved with the one before."""
    first, early = checklist.items[0], checklist.items[1:3]
    context.add_init_script(store_script(stored({checklist.id: {first.id: {"at": "2026-11-20T08:00:00.000Z"}}})))
    held = hold_requests(page, "**/assets/javascripts/guidebook.*.js")  # the script's entry, until the boxes are checked
    page.goto(base_url + page_path(site, checklist.id), wait_until="commit")
    for item in early:
        box(page, item).check()
    held_route(page, held).continue_()
    wait_for_progress(page)
    assert all(box(page, item).is_checked() for item in [first, *early])
    assert count_text(page, checklist.id) == word("count.done", done=3, total=len(checklist.items))
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["checks"][checklist.id]
    assert set(saved) == {first.id, *(item.id for item in early)}
    assert saved[first.id]["at"] == "2026-11-20T08:00:00.000Z"


def test_counts_follow_checks_and_are_announced(page, open_checklist, checklist):
    open_checklist()
    total = len(checklist.items)
    counter = page.locator(f'.gb-progress [data-gb="count"][data-checklist="{checklist.id}"]')
    assert counter.get_attribute("aria-live") == "polite"
    assert counter.inner_text() == word("count.done", done=0, total=total)
    for n, item in enumerate(checklist.items[:4], start=1):
        box(page, item).check()
        assert counter.inner_text() == word("count.done", done=n, total=total)
    box(page, checklist.items[0]).uncheck()
    assert counter.inner_text() == word("count.done", done=3, total=total)
    bar = page.locator(f'.gb-progress progress[data-gb="bar"][data-checklist="{checklist.id}"]')
    assert bar.evaluate("p => p.value") == 3


def test_reset_one_checklist_offers_undo_instead_of_asking(page, open_checklist, checklist, guidebook):
    other = guidebook.checklist("police-long-term")
    open_checklist(which=other)
    box(page, other.items[0]).check()
    open_checklist()
    box(page, checklist.items[0]).check()
    box(page, checklist.items[2]).check()
    saved_time = page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}')).checks")[checklist.id][checklist.items[2].id]
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    reset = page.get_by_role("button", name=word("checklist.reset"))
    assert reset.evaluate("b => b.compareDocumentPosition(document.querySelector('.gb-items')) & 2"), \
        "reset comes after the list"
    reset.click()
    assert dialogs == [], "no confirmation dialog"
    assert not box(page, checklist.items[0]).is_checked()
    assert count_text(page, checklist.id) == word("count.done", done=0, total=len(checklist.items))
    status = page.get_by_role("status").filter(has_text=word("undo.reset_one", title=checklist.title))
    assert status.is_visible()
    page.get_by_role("button", name=word("undo.undo"), exact=True).click()
    assert box(page, checklist.items[0]).is_checked() and box(page, checklist.items[2]).is_checked()
    stored = page.evaluate(f"JSON.parse(localStorage.getItem('{KEY}')).checks")[checklist.id]
    assert stored[checklist.items[2].id] == saved_time, "undo gives back the time of each check"
    assert page.get_by_role("button", name=word("undo.undo"), exact=True).count() == 0
    reset.click()
    page.reload()
    wait_for_progress(page)
    assert not box(page, checklist.items[0]).is_checked(), "without undo, the reset is saved"
    open_checklist(which=other)
    assert box(page, other.items[0]).is_checked()  # the other checklist is untouched


def test_reset_everything(page, open_checklist, checklist, base_url, guidebook):
    open_checklist()
    box(page, checklist.items[0]).check()
    page.goto(base_url)
    page.once("dialog", lambda d: d.accept())
    saved_progress_control(page, "overview.reset_all").click()
    for c in guidebook.checklists:
        assert home_count(page, c.id) == word("count.done", done=0, total=len(c.items))
    assert json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["checks"] == {}


def export_file(page, tmp_path):
    with page.expect_download() as info:
        saved_progress_control(page, "overview.export").click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path


def import_file(page, path, accept=True):
    page.once("dialog", lambda d: d.accept() if accept else d.dismiss())
    with page.expect_file_chooser() as chooser:
        saved_progress_control(page, "overview.import").click()
    chooser.value.set_files(str(path))
    status = page.locator("#gb-import-status")
    status.wait_for(state="attached")
    wait_until(page, "document.getElementById('gb-import-status').textContent.length > 0")
    return status.inner_text()


def test_export_then_import_round_trip(page, open_checklist, checklist, guidebook, base_url, tmp_path):
    open_checklist()
    ticked = [checklist.items[1], checklist.items[4]]
    for item in ticked:
        box(page, item).check()
    page.goto(base_url)
    path = export_file(page, tmp_path)
    data = json.loads(path.read_text())
    assert data["format"] == "ccm-guidebook-progress" and data["guidebook_version"] == guidebook.version
    assert data["exported_at"]
    assert [c["id"] for c in data["checklists"]] == [checklist.id]
    assert data["checklists"][0]["title"] == checklist.title
    assert [t["id"] for t in data["checklists"][0]["ticked"]] == [i.id for i in ticked]

    page.once("dialog", lambda d: d.accept())
    saved_progress_control(page, "overview.reset_all").click()
    message = import_file(page, path)
    assert word("import.imported", count=2, file=path.name) in message
    assert home_count(page, checklist.id) == word("count.done", done=2, total=len(checklist.items))
    open_checklist()
    assert [box(page, i).is_checked() for i in checklist.items] == [i in ticked for i in checklist.items]


@pytest.mark.parametrize("content, expected", [
    ("not json at all", word("import.foreign")),
    ('{"some": "other json"}', word("import.foreign")),
    ('{"format": "ccm-guidebook-progress", "format_version": 99, "checklists": []}', word("import.newer")),
    ('{"format": "ccm-guidebook-progress", "format_version": 1}', word("import.damaged")),
])
def test_bad_import_file_changes_nothing(page, open_checklist, checklist, base_url, tmp_path, content, expected):
    open_checklist()
    box(page, checklist.items[0]).check()
    page.goto(base_url)
    before = page.evaluate(f"localStorage.getItem('{KEY}')")
    path = tmp_path / "bad.json"
    path.write_text(content)
    message = import_file(page, path)
    assert expected in message
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == before


def test_import_ignores_and_reports_unknown_ids(page, base_url, checklist, tmp_path):
    path = tmp_path / "old.json"
    path.write_text(json.dumps({
        "format": "ccm-guidebook-progress", "format_version": 1, "guidebook_version": 1,
        "checklists": [
            {"id": checklist.id, "ticked": [{"id": checklist.items[0].id}, {"id": "an-item-that-was-removed"}]},
            {"id": "a-checklist-that-was-removed", "ticked": [{"id": "x"}]},
        ]}))
    page.goto(base_url)
    message = import_file(page, path)
    assert word("import.imported", count=1, file=path.name) in message
    assert "an-item-that-was-removed" in message and "a-checklist-that-was-removed" in message
    assert home_count(page, checklist.id).startswith("1 ")


def test_import_merges_a_checklist_listed_twice_and_says_so(page, base_url, checklist, tmp_path):
    first, second = checklist.items[0].id, checklist.items[1].id
    path = tmp_path / "twice.json"
    path.write_text(json.dumps({
        "format": "ccm-guidebook-progress", "format_version": 2, "guidebook_version": 1,
        "checklists": [
            {"id": checklist.id, "ticked": [{"id": first, "ticked_at": "2026-11-20T18:00:00.000Z", "who": "Ruiz"}]},
            {"id": checklist.id, "ticked": [{"id": second, "ticked_at": "2026-11-20T18:10:00.000Z"},
                                            {"id": first, "ticked_at": "2026-11-20T18:20:00.000Z"}]},
        ]}))
    page.goto(base_url)
    message = import_file(page, path)
    assert word("import.imported", count=2, file=path.name) in message
    assert word("import.repeated", titles=checklist.title) in message
    checks = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["checks"][checklist.id]
    assert checks[first] == {"at": "2026-11-20T18:20:00.000Z", "who": "Ruiz"}, "merged: the later check, the who kept"
    assert second in checks


def test_corrupt_storage_is_kept_with_a_notice(page, context, open_checklist, checklist):
    context.add_init_script(f"localStorage.setItem('{KEY}', '{{not json')")
    open_checklist()
    notice = page.locator('[data-gb="storage-notice"]')
    assert notice.is_visible() and word("storage.damaged") in notice.inner_text()
    box(page, checklist.items[0]).check()  # still works, but is not written over the saved text
    assert count_text(page, checklist.id).startswith("1 ")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == "{not json"


@pytest.mark.parametrize("script, words", [
    ("for (const name of ['localStorage', 'sessionStorage']) Object.defineProperty(window, name, "
     "{get() { throw new DOMException('denied', 'SecurityError'); }});", word("storage.blocked")),
    ("Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };",
     word("storage.full")),
])
def test_unusable_storage_keeps_the_page_working(page, context, open_checklist, checklist, script, words):
    context.add_init_script(script)
    open_checklist()
    box(page, checklist.items[0]).check()
    assert box(page, checklist.items[0]).is_checked()
    assert count_text(page, checklist.id).startswith("1 ")
    notice = page.locator('[data-gb="storage-notice"]')
    assert notice.is_visible() and words in notice.inner_text()
    # the `page` fixture fails the test on any uncaught JavaScript error


def test_two_tabs_stay_in_step(context, open_checklist, checklist):
    first, second = context.new_page(), context.new_page()
    open_checklist(first)
    open_checklist(second)
    box(first, checklist.items[2]).check()
    wait_until(second, f"document.getElementById('check-{checklist.items[2].id}').checked")
    assert count_text(second, checklist.id).startswith("1 ")
    box(second, checklist.items[2]).uncheck()
    wait_until(first, f"!document.getElementById('check-{checklist.items[2].id}').checked")


def test_keyboard_only(page, open_checklist, checklist):
    open_checklist()
    target = f"check-{checklist.items[0].id}"
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == target:
            break
    else:
        pytest.fail("Tab never reached the first checkbox")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert page.evaluate("document.activeElement.matches(':focus-visible')") and outline != "none"
    page.keyboard.press("Space")
    assert box(page, checklist.items[0]).is_checked()
    assert count_text(page, checklist.id).startswith("1 ")


def test_no_cookies_and_no_request_for_state(page, context, open_checklist, checklist, base_url):
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    open_checklist()
    before = len(requests)
    box(page, checklist.items[0]).check()
    box(page, checklist.items[1]).check()
    page.wait_for_timeout(200)
    # The browser may fetch the page's favicon late, on its own, the first check loads the part of our
    # script that shows a checked item's record (on-demand.js), and once the page is idle the part that
    # registers the service worker (offline-worker.js, keep.js): none is a request for state.
    ours = tuple(base_url + f"assets/javascripts/guidebook/{name}." for name in ("item-record", "offline-worker", "keep"))
    assert [url for url in requests[before:] if not url.endswith("/favicon.svg") and not url.startswith(ours)] == []
    assert all(url.startswith(base_url) for url in requests)
    assert context.cookies() == []


def test_without_javascript_the_checklist_still_reads(browser, base_url, site, checklist):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + page_path(site, checklist.id))
    for item in checklist.items:
        assert page.locator(f"#check-{item.id}").is_visible()
    assert not page.locator(".gb-progress").is_visible()
    context.close()


@pytest.fixture(scope="module")
def instant_site(tmp_path_factory):
    """The site built with Material's instant navigation switched on."""
    from tests.support import build, copy_project
    from tools.server import serve

    root = tmp_path_factory.mktemp("instant")
    project = copy_project(root / "project")
    config = project / "mkdocs.yml"
    server, url = serve(root / "site")  # instant navigation needs site_url: serve first to know the port
    text = config.read_text().replace("  features:\n", "  features:\n    - navigation.instant\n")
    config.write_text(f"site_url: {url}\n" + "\n".join(line for line in text.splitlines() if not line.startswith("site_url:")))
    result = build(project, root / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    yield root / "site", url
    server.shutdown()


def test_instant_navigation_starts_once_per_page(page, instant_site, guidebook):
    site, url = instant_site
    first, second = guidebook.checklist("police-within-24-hours"), guidebook.checklist("police-within-first-week")
    page.goto(url + page_path(site, first.id))
    box(page, first.items[0]).check()
    page.evaluate("window.samePageSinceStart = true")
    page.locator(f'nav a[href$="{page_path(site, second.id)}"]').first.click()
    wait_until(page, f"!!document.getElementById('check-{second.items[0].id}')")
    assert page.evaluate("window.samePageSinceStart") is True  # instant: no full page load
    box(page, second.items[0]).check()
    assert count_text(page, second.id) == word("count.done", done=1, total=len(second.items))  # one handler, one count
    page.locator(f'nav a[href$="{page_path(site, first.id)}"]').first.click()
    wait_until(page, f"!!document.getElementById('check-{first.items[0].id}')")
    assert box(page, first.items[0]).is_checked()
    assert count_text(page, first.id) == word("count.done", done=1, total=len(first.items))
    assert page.evaluate("window.samePageSinceStart") is True
    assert page.evaluate(f"{RESTORED}.length") == 3


def test_the_same_item_on_two_pages_shows_one_state(page, open_checklist, checklist, base_url):
    """A checklist page and the printable packet share the check."""
    open_checklist()
    box(page, checklist.items[3]).check()
    page.goto(base_url + "packet/")
    wait_for_progress(page)
    assert box(page, checklist.items[3]).is_checked()
    box(page, checklist.items[3]).uncheck()
    open_checklist()
    assert not box(page, checklist.items[3]).is_checked()
