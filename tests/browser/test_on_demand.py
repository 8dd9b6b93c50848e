"""A page loads only the script it needs (macros/assets.py, guidebook/on-demand.js): every page the entry
and the chunks it imports; a police phase page the incident clock (clock.js), any page while an incident
runs the bar (incidentbar.js), a page with a checked item item-record.js, a page with a role to show or
choose roles.js; the record page also record.js and handover.js, the packet page packet.js, and export or
import loads transfer.js at the click. A part that cannot be loaded is said in the catalogue's words next
to its control, and nothing is changed."""
import json

import pytest

from tests.support import catalogue, first_use_of_record_page, held_route, hold_requests, page_path, saved_progress_control
from tools.browser import wait_until
from tools.saved_progress import KEY, store_script, stored

ON_DEMAND = {"record", "handover", "transfer", "packet", "clock", "incidentbar", "item-record", "roles", "first-use"}
CHUNKS = "/assets/javascripts/guidebook/"


def chunks_fetched(page) -> set[str]:
    """Names of our chunks the page requests from now on (guidebook/record.<hash>.js -> 'record')."""
    names: set[str] = set()
    page.on("request", lambda request: names.add(request.url.split(CHUNKS, 1)[1].split(".")[0])
            if CHUNKS in request.url else None)
    return names


@pytest.mark.parametrize("where, loaded", [
    ("home", {"roles"}),
    ("police", {"first-use"}),  # nothing held: the clock waits for its first use
    ("police with a check", {"clock"}),
    ("municipal", set()),
    ("record/", {"first-use"}),  # this browser holds no record: the record's modules wait for the first use
    ("record/ with a check", {"record", "handover"}),
    ("packet/", {"packet", "roles"}),
])
def test_each_page_loads_only_its_own_parts(page, base_url, site, where, loaded):
    page_of = {"home": "", "police": page_path(site, "police-within-24-hours"),
               "municipal": page_path(site, "municipal-crisis-response")}
    name = where.removesuffix(" with a check")
    path = page_of.get(name, name)
    if where.endswith("with a check"):
        page.add_init_script(store_script(stored({"municipal-crisis-response": {
            "call-in-cabinet-and-executive-staff": {"at": "2026-12-07T02:00:00.000Z"}}})))
    fetched = chunks_fetched(page)
    page.goto(base_url + path)
    page.wait_for_load_state("networkidle")
    assert fetched & ON_DEMAND == loaded
    assert "chunk" in fetched, "the code every page shares comes in its own chunk"


def test_saved_checks_show_and_a_tap_is_saved_before_materials_script_has_run(page, base_url, site, guidebook):
    """Issue 34: ours is first in the page (in the head, its chunks preloaded) and Material's last, both
    deferred. Ours shows the saved checks and saves a tap as soon as it runs, however late Material's
    script comes; the rest of ours waits for DOMContentLoaded, which comes once every deferred script
    has run, so it starts after Material's and finds its document$."""
    checklist = guidebook.checklist("police-within-24-hours")
    first, second = checklist.items[0].id, checklist.items[1].id
    page.add_init_script(store_script(stored({checklist.id: {first: {"at": "2026-12-07T02:00:00.000Z"}}})))
    held = hold_requests(page, "**/assets/javascripts/bundle.*.min.js")
    page.goto(base_url + page_path(site, checklist.id), wait_until="commit")
    bundle = held_route(page, held)
    entry = "[...document.scripts].find(s => s.type === 'module').src"
    assert page.evaluate(f"import({entry}).then(() => true)"), "our module has run (import() resolves once it has)"
    assert page.locator(f"#check-{first}").is_checked(), "the saved check shows before Material's script"
    page.locator(f"label[for='check-{second}']").click()
    assert second in page.evaluate(f"localStorage.getItem({json.dumps(KEY)})"), "a tap is saved before it too"
    assert page.evaluate("performance.getEntriesByName('gb-start-rest').length") == 0, "the rest waits for Material's"
    bundle.continue_()
    wait_until(page, "performance.getEntriesByName('gb-start-rest').length > 0")
    started, rest, loaded = page.evaluate("""[performance.getEntriesByName('gb-start').length,
        performance.getEntriesByName('gb-start-rest').map(mark => mark.startTime),
        performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd]""")
    assert started == 1 and len(rest) == 1, "each part starts once"
    assert rest[0] >= loaded, "the rest in a task of its own, after DOMContentLoaded"
    assert page.locator(f"#check-{first}").is_checked() and page.locator(f"#check-{second}").is_checked()


def test_export_loads_its_module_at_the_click(page, base_url):
    fetched = chunks_fetched(page)
    page.goto(base_url)
    page.wait_for_load_state("networkidle")
    assert "transfer" not in fetched
    with page.expect_download() as download:
        saved_progress_control(page, "overview.export").click()
    assert download.value.suggested_filename.startswith("guidebook-progress-")
    assert "transfer" in fetched


@pytest.mark.parametrize("path, module, status", [
    ("", "transfer", "import-status"),
    ("packet/", "packet", "packet-status"),
    ("record/", "record", "record-status"),
    ("police/within-24-hours/", "clock", "incident-error"),  # the tap held is not answered: nothing changes
])
def test_a_part_that_cannot_load_says_so(page, base_url, path, module, status):
    page.route(f"**{CHUNKS}{module}.*.js", lambda route: route.abort())
    page.goto(base_url + path)
    if module == "clock":  # nothing held: the clock waits for its first use
        page.locator('[data-gb="incident-now"]').click()
    if module == "transfer":
        saved_progress_control(page, "overview.export").click()
    if module == "record":
        first_use_of_record_page(page)  # no record on this browser: its modules load at the first use
    message = page.locator(f'[data-gb="{status}"]')
    message.wait_for(state="visible")
    page.wait_for_load_state("networkidle")
    assert message.inner_text() == catalogue().text("loading.failed")
    if module == "clock":
        assert page.evaluate(f"localStorage.getItem({json.dumps(KEY)})") is None, "the tap held changed nothing"


def test_the_parts_load_once_they_are_needed(page, base_url, site):
    """The first check loads the record of checked items; "It started now" loads the incident bar."""
    fetched = chunks_fetched(page)
    page.goto(base_url + page_path(site, "police-within-24-hours"))
    page.wait_for_load_state("networkidle")
    assert not fetched & {"item-record", "incidentbar"}
    page.locator('[data-gb="check"]').first.check()
    page.locator('[data-gb="record"]').first.wait_for(state="visible")
    page.get_by_role("button", name=catalogue().text("status.started_now"), exact=True).first.click()
    page.locator('[data-gb="incident-bar"]').wait_for(state="visible")
    assert {"item-record", "incidentbar"} <= fetched
