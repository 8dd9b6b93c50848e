"""Saved progress is the reader's work (issue 13): a saved state with bad parts keeps every valid check
and names what was left out; a failed read never leads to a write; an item id such as `constructor` is
an id like any other; imports are bounded; the stored format is versioned, with a migration from
version 1. Each case asserts the checks kept, the message shown and what was (not) overwritten."""
from __future__ import annotations

import json

import pytest

from tests.support import page_path, saved_progress_control, wait_for_progress, word
from tools.browser import wait_until
from tools.saved_progress import KEY, store_script

LEGACY_KEY = "ccm-guidebook.progress.v1"
CHECKLIST = "municipal-crisis-response"
OTHER = "police-long-term"
WHEN = "2026-11-20T08:00:00.000Z"


@pytest.fixture
def ids(guidebook):
    first, other = guidebook.checklist(CHECKLIST), guidebook.checklist(OTHER)
    return {"a": first.items[0].id, "b": first.items[2].id, "o": other.items[0].id, "first": first, "other": other}


def v1(ticks, incident=None):
    return json.dumps({"ticks": ticks, "incident": incident})


def v2(checks, incident=None, **extra):
    return json.dumps({"version": 2, "checks": checks, "incident": incident, "archive": [], **extra})


def seed(context, key, text):
    context.add_init_script(f"if (!sessionStorage.getItem('seeded')) {{ sessionStorage.setItem('seeded', '1'); "
                            f"localStorage.setItem({json.dumps(key)}, {json.dumps(text)}); }}")


def open_page(page, base_url, site, checklist_id=CHECKLIST):
    page.goto(base_url + page_path(site, checklist_id))
    wait_for_progress(page)


def checked(page, item_id):
    return page.locator(f"#check-{item_id}").is_checked()


def notice(page):
    box = page.locator('[data-gb="storage-notice"]')
    return box.inner_text() if box.is_visible() else ""


def stored(page, key=KEY):
    return page.evaluate(f"localStorage.getItem({json.dumps(key)})")


# ---- a saved state with bad parts: every valid check kept, what was left out named ----------------------

PARTLY_BAD = [
    # (name, key, saved text (from ids), checks kept, words the notice names)
    ("incident is a number (v1)", LEGACY_KEY, lambda i: v1({CHECKLIST: {i["a"]: WHEN, i["b"]: WHEN}}, 12345),
     ["a", "b"], lambda i: word("storage.what_incident")),
    ("one checklist is true (v1)", LEGACY_KEY, lambda i: v1({CHECKLIST: {i["a"]: WHEN}, OTHER: True}),
     ["a"], lambda i: word("storage.what_checklist", id=OTHER)),
    ("one checklist is a list (v2)", KEY, lambda i: v2({CHECKLIST: {i["a"]: {"at": WHEN}}, OTHER: [1]}),
     ["a"], lambda i: word("storage.what_checklist", id=OTHER)),
    ("a check time in the year 9999", KEY, lambda i: v2({CHECKLIST: {i["a"]: {"at": "9999-01-01T00:00:00Z"}}}),
     ["a"], lambda i: word("storage.what_time")),
    ("a check time that is not a time (v1)", LEGACY_KEY, lambda i: v1({CHECKLIST: {i["a"]: True, i["b"]: WHEN}}),
     ["a", "b"], lambda i: word("storage.what_time")),
    ("a malformed item id", KEY, lambda i: v2({CHECKLIST: {i["a"]: {"at": WHEN}, "Bad Id!": {"at": WHEN}}}),
     ["a"], lambda i: word("storage.what_check", id="Bad Id!")),
    ("an incident start before 2000", KEY,
     lambda i: v2({OTHER: {i["o"]: {"at": WHEN}}}, {"start": "1999-12-31T00:00:00Z"}),
     ["o"], lambda i: word("storage.what_incident")),
    ("an incident start in the year +275760", KEY,
     lambda i: v2({CHECKLIST: {i["b"]: {"at": WHEN}}}, {"start": "+275760-09-13T00:00:00.000Z"}),
     ["b"], lambda i: word("storage.what_incident")),
    ("checks is a string", KEY, lambda i: json.dumps({"version": 2, "checks": "x", "incident": {"start": WHEN}}),
     [], lambda i: word("storage.what_other", count=1)),
]


@pytest.mark.parametrize("name, key, saved, kept, named", PARTLY_BAD, ids=[c[0] for c in PARTLY_BAD])
def test_a_bad_part_drops_only_itself(page, context, base_url, site, ids, name, key, saved, kept, named):
    seed(context, key, saved(ids))
    open_page(page, base_url, site, OTHER if kept == ["o"] else CHECKLIST)
    for letter in kept:
        assert checked(page, ids[letter]), f"{name}: a valid check was lost"
    assert named(ids) in notice(page)
    assert word("storage.dropped", what="").split(":")[0] in notice(page)
    box = page.locator(f"#check-{ids['o' if kept == ['o'] else 'a']}")
    box.click()  # a change: the valid checks are written back in the new format, the bad part left out
    saved_now = json.loads(stored(page))
    assert saved_now["version"] == 3
    for letter in kept:
        if letter != ("o" if kept == ["o"] else "a"):
            group = OTHER if letter == "o" else CHECKLIST
            assert ids[letter] in saved_now["checks"][group], f"{name}: a valid check was overwritten"


# ---- a failed read: nothing is written until a read succeeds or the reader starts over -------------------

def test_a_read_that_throws_writes_nothing_until_the_reader_starts_over(page, context, base_url, site, ids):
    saved = v2({CHECKLIST: {ids["a"]: {"at": WHEN}}})
    seed(context, KEY, saved)
    context.add_init_script("""
        const realGet = Storage.prototype.getItem;
        window.readFails = true;
        Storage.prototype.getItem = function (key) {
            if (window.readFails && key.startsWith('ccm-guidebook')) throw new Error('transient read failure');
            return realGet.call(this, key);
        };""")
    open_page(page, base_url, site)
    assert notice(page).startswith(word("storage.unreadable"))
    page.locator(f"#check-{ids['b']}").click()
    assert checked(page, ids["b"])  # the page still works
    page.evaluate("window.readFails = false")
    assert stored(page) == saved, "a failed read was followed by a write"
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name=word("storage_notice.start_over")).click()
    assert json.loads(stored(page))["checks"] == {}
    assert notice(page) == ""


@pytest.mark.parametrize("text", ["{not json", "[1, 2, 3]", '"a string"', "null-ish"])
def test_unreadable_saved_text_is_kept_as_it_is(page, context, base_url, site, ids, text):
    seed(context, KEY, text)
    open_page(page, base_url, site)
    assert notice(page).startswith(word("storage.damaged"))
    page.locator(f"#check-{ids['a']}").click()
    assert stored(page) == text, "unreadable progress was overwritten"
    page.once("dialog", lambda d: d.dismiss())
    page.get_by_role("button", name=word("storage_notice.start_over")).click()
    assert stored(page) == text, "declining to start over changed nothing"


def test_a_newer_format_is_shown_but_not_overwritten(page, context, base_url, site, ids):
    saved = json.dumps({"version": 4, "checks": {CHECKLIST: {ids["a"]: {"at": WHEN}}}, "incident": None})
    seed(context, KEY, saved)
    open_page(page, base_url, site)
    assert checked(page, ids["a"]) and word("storage.newer") in notice(page)
    page.locator(f"#check-{ids['b']}").click()
    assert stored(page) == saved


def test_a_read_that_succeeds_in_another_tab_lets_writes_resume(context, base_url, site, ids):
    seed(context, KEY, "{not json")
    page = context.new_page()
    open_page(page, base_url, site)
    page.evaluate(store_script(v2({CHECKLIST: {ids['a']: {'at': WHEN}}})))
    page.evaluate(f"dispatchEvent(new StorageEvent('storage', {{key: {json.dumps(KEY)}}}))")
    wait_until(page, f"document.getElementById('check-{ids['a']}').checked")
    page.locator(f"#check-{ids['b']}").click()
    assert set(json.loads(stored(page))["checks"][CHECKLIST]) == {ids["a"], ids["b"]}


# ---- own properties only ---------------------------------------------------------------------------------

@pytest.mark.parametrize("hostile", ["constructor", "__proto__", "toString", "hasOwnProperty"])
def test_an_item_named_like_an_object_property_is_an_id_like_any_other(page, context, base_url, site, ids, hostile):
    """Saved progress naming ids such as `constructor`: no phantom checks, counts right, and they stay data."""
    checks = {CHECKLIST: {ids["a"]: {"at": WHEN}, hostile: {"at": WHEN}}, hostile: {hostile: {"at": WHEN}}}
    seed(context, KEY, v2(checks))
    open_page(page, base_url, site)
    first = ids["first"]
    assert [checked(page, i.id) for i in first.items] == [i.id == ids["a"] for i in first.items]
    counter = page.locator(f'.gb-progress [data-gb="count"][data-checklist="{CHECKLIST}"]')
    assert counter.inner_text() == word("count.done", done=1, total=len(first.items))
    page.locator(f"#check-{ids['a']}").click()
    assert counter.inner_text() == word("count.done", done=0, total=len(first.items))
    assert page.evaluate("({}).polluted === undefined && Object.prototype.constructor === Object")


# ---- the stored format: version 2, migrated from today's version 1 ----------------------------------------

def test_todays_saved_format_is_migrated_keeping_every_check(page, context, base_url, site, guidebook):
    """A state in exactly today's format (version 1): every check and the incident start are kept."""
    ticks = {c.id: {item.id: WHEN for item in c.items[::2]} for c in guidebook.checklists}
    seed(context, LEGACY_KEY, v1(ticks, WHEN))
    page.goto(base_url)
    wait_for_progress(page)
    for c in guidebook.checklists:
        counter = page.locator(f'[data-gb="count"][data-checklist="{c.id}"]')
        assert counter.inner_text() == word("count.done", done=len(ticks[c.id]), total=len(c.items))
    assert notice(page) == ""
    page.once("dialog", lambda d: d.dismiss())
    saved_progress_control(page, "overview.reset_all").click()  # declined: nothing written yet
    open_page(page, base_url, site, OTHER)
    page.locator(f"#check-{guidebook.checklist(OTHER).items[1].id}").click()
    migrated = json.loads(stored(page))
    assert migrated["version"] == 3 and migrated["incident"] == {"start": WHEN} and migrated["archive"] == []
    for c in guidebook.checklists:
        expected = set(ticks[c.id]) | ({c.items[1].id} if c.id == OTHER else set())
        assert set(migrated["checks"][c.id]) == expected
        new = {c.items[1].id} if c.id == OTHER else set()
        assert all(check["at"] == WHEN for item, check in migrated["checks"][c.id].items() if item not in new)
    assert stored(page, LEGACY_KEY) is None, "the old key is removed once the new one is written"


def test_format_2_is_migrated_to_format_3_keeping_every_check(page, context, base_url, site, guidebook):
    """A state in exactly format 2 (issue 13): every check, its time and the incident start are kept."""
    checks = {c.id: {item.id: {"at": WHEN} for item in c.items[1::2]} for c in guidebook.checklists}
    seed(context, KEY, v2(checks, {"start": WHEN}))
    open_page(page, base_url, site, OTHER)
    extra = guidebook.checklist(OTHER).items[0].id
    page.locator(f"#check-{extra}").click()
    migrated = json.loads(stored(page))
    assert migrated["version"] == 3 and migrated["incident"] == {"start": WHEN}
    assert migrated["archive"] == [] and migrated["log"] == []
    for c in guidebook.checklists:
        kept = {item: check for item, check in migrated["checks"].get(c.id, {}).items() if item != extra}
        assert kept == checks[c.id], f"a check of {c.id} was lost or changed in migration"


# ---- bounded imports ---------------------------------------------------------------------------------

def import_file(page, path, accept=True):
    page.once("dialog", lambda d: d.accept() if accept else d.dismiss())
    with page.expect_file_chooser() as chooser:
        saved_progress_control(page, "overview.import").click()
    chooser.value.set_files(str(path))
    wait_until(page, "document.getElementById('gb-import-status').textContent.length > 0")
    return page.locator("#gb-import-status").inner_text()


def exported(checklists, incident=None):
    return {"format": "ccm-guidebook-progress", "format_version": 1,
            "incident_start": incident, "checklists": checklists}


@pytest.mark.parametrize("start", ["9999-01-01T00:00:00Z", "+275760-09-13T00:00:00.000Z",
                                   "1999-01-01T00:00:00Z", "soon"])
def test_an_import_with_an_impossible_incident_start_keeps_the_checks(page, base_url, ids, tmp_path, start):
    path = tmp_path / "progress.json"
    path.write_text(json.dumps(exported([{"id": CHECKLIST, "ticked": [{"id": ids["a"], "ticked_at": WHEN}]}], start)))
    page.goto(base_url)
    message = import_file(page, path)
    assert word("import.imported", count=1, file=path.name) in message
    assert word("import.bad_start", value=start[:40]) in message
    assert json.loads(stored(page))["incident"] is None


@pytest.mark.parametrize("entries, id_length, refusal", [
    (60000, 40, "import.too_big"),    # over 1 MB
    (25000, 4, "import.too_many"),    # under 1 MB, over 20,000 entries
])
def test_a_huge_import_is_refused_with_a_short_message(page, context, base_url, ids, tmp_path,
                                                       entries, id_length, refusal):
    before = v2({CHECKLIST: {ids["a"]: {"at": WHEN}}})
    seed(context, KEY, before)
    path = tmp_path / "huge.json"
    path.write_text(json.dumps(exported([{"id": f"{n:0{id_length}d}"} for n in range(entries)]), separators=(",", ":")))
    page.goto(base_url)
    message = import_file(page, path, accept=False)
    expected = {"import.too_big": word("import.too_big", kilobytes=round(path.stat().st_size / 1024)),
                "import.too_many": word("import.too_many", count=entries)}
    assert message == expected[refusal]
    assert len(message) < 200 and stored(page) == before


def test_an_impossible_saved_incident_start_in_berlin_leaves_clear_and_print_working(browser, base_url, site, ids):
    """The year +275760 in Europe/Berlin once threw a RangeError at start-up and broke Clear and Print."""
    context = browser.new_context(timezone_id="Europe/Berlin", locale="de-DE")
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    seed(context, LEGACY_KEY, v1({"police-within-24-hours": {}}, "+275760-09-13T00:00:00.000Z"))
    open_page(page, base_url, site, "police-within-24-hours")
    assert word("storage.what_incident") in notice(page)
    assert page.locator('[data-gb="incident-summary"]').inner_text() == word("incident.unset")
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    page.get_by_role("button", name=word("print.blank")).click()
    assert page.evaluate("window.printed") == 1
    page.once("dialog", lambda d: d.accept())
    page.locator('[data-gb="incident"]').get_by_role("button", name=word("incident.clear")).click()
    assert errors == []
    context.close()


def test_many_unknown_ids_are_named_briefly(page, base_url, ids, tmp_path):
    path = tmp_path / "many.json"
    unknown = [{"id": f"removed-checklist-{n}", "ticked": []} for n in range(500)]
    path.write_text(json.dumps(exported([{"id": CHECKLIST, "ticked": [{"id": ids["a"]}]}] + unknown)))
    page.goto(base_url)
    message = import_file(page, path)
    assert word("import.more", count=495) in message and len(message) < 400
    assert json.loads(stored(page))["checks"][CHECKLIST][ids["a"]]["at"] is None
