"""Handover by link (issue 15): a link made in one browser context, opened in another, replaces or merges
(per item, the later change wins); a tampered, truncated or oversized link changes nothing and says why;
the reader is told that anyone with the link can read its notes."""
from __future__ import annotations

import base64
import json
import zlib
from collections.abc import Callable

import pytest
from playwright.sync_api import expect

from tests.support import wait_for_record_page, word
from tools import saved_progress
from tools.saved_progress import KEY

POLICE, MUNICIPAL, PREPARATION = "police-within-two-hours", "municipal-crisis-response", "police-before-an-incident"
T0 = "2026-11-20T18:00:00.000Z"
LATER = "2026-11-20T19:00:00.000Z"


def state(checks, incident=None, log=()):
    return saved_progress.stored(checks, log=log, incident=incident)


def open_with(browser, base_url, saved, path="record/"):
    context = browser.new_context(timezone_id="America/New_York", locale="en-US")
    if saved is not None:
        context.add_init_script(f"if (!sessionStorage.getItem('seeded')) {{ sessionStorage.setItem('seeded', '1');"
                                f" localStorage.setItem('{KEY}', {json.dumps(saved)}); }}")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + path)
    page.wait_for_load_state("load")
    if path.startswith("record/"):
        wait_for_record_page(page)
    page.js_errors = errors
    return context, page


def stored(page):
    return json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))


def make_link(page):
    page.get_by_role("button", name=word("handover.make")).click()
    link = page.locator('[data-gb="handover-link"]')
    link.wait_for(state="visible")
    return link.input_value()


@pytest.fixture
def ids(guidebook):
    police, municipal = guidebook.checklist(POLICE), guidebook.checklist(MUNICIPAL)
    return {"p0": police.items[0].id, "p1": police.items[1].id, "m0": municipal.items[0].id,
            "m1": municipal.items[1].id, "prep": guidebook.checklist(PREPARATION).items[0].id}


@pytest.fixture
def sender(browser, base_url, ids):
    checks = {POLICE: {ids["p0"]: {"at": T0, "who": "J.S.", "note": "<b>briefed</b>"},
                       ids["p1"]: {"at": LATER}},
              MUNICIPAL: {ids["m0"]: {"at": T0, "who": "Mayor Lee"}},
              PREPARATION: {ids["prep"]: {"at": T0}}}
    log = [{"checklist": MUNICIPAL, "item": ids["m1"], "at": T0, "undone": LATER}]
    context, page = open_with(browser, base_url, state(checks, {"start": T0, "name": "Main Street protest"}, log))
    yield page
    assert page.js_errors == []
    context.close()


def test_the_warning_is_plain(sender):
    assert word("handover.warning") in sender.locator(".gb-handover").inner_text()


def test_replace_reproduces_the_incident_in_another_context(sender, browser, base_url, ids):
    link = make_link(sender)
    assert PREFIX in link
    path = link.split("/record/")[0]
    assert path.startswith(base_url.rstrip("/"))
    mine = state({POLICE: {ids["p1"]: {"at": T0}}, PREPARATION: {}}, None)
    context, page = open_with(browser, base_url, mine, "record/" + link[link.index("#"):])
    summary = page.locator('[data-gb="handover-summary"]')
    summary.wait_for(state="visible")
    assert "Main Street protest" in summary.inner_text() and " 3 " in summary.inner_text()
    page.get_by_role("button", name=word("handover.replace")).click()
    after = stored(page)
    sent = stored(sender)
    assert after["checks"][POLICE] == sent["checks"][POLICE]
    assert after["checks"][MUNICIPAL] == sent["checks"][MUNICIPAL]
    assert PREPARATION not in after["checks"], "preparation checks are not handed over"
    assert after["incident"] == sent["incident"] and after["log"] == sent["log"]
    assert "#handover" not in page.url, "the link's data leaves the address bar once used"
    context.close()


def test_merge_keeps_the_later_change_per_item(sender, browser, base_url, ids):
    link = make_link(sender)
    mine = state({POLICE: {ids["p0"]: {"at": LATER, "who": "Me"}, ids["p1"]: {"at": T0}},
                  MUNICIPAL: {ids["m1"]: {"at": "2026-11-20T19:30:00.000Z"}}},
                 {"start": T0}, [{"checklist": MUNICIPAL, "item": ids["m0"], "at": T0, "undone": "2026-11-20T19:45:00.000Z"}])
    context, page = open_with(browser, base_url, mine, "record/")
    page.get_by_label(word("handover.paste_label")).fill(link)
    page.get_by_role("button", name=word("handover.open")).click()
    page.get_by_role("button", name=word("handover.merge")).click()
    after = stored(page)["checks"]
    assert after[POLICE][ids["p0"]] == {"at": LATER, "who": "Me", "note": "<b>briefed</b>"}, \
        "my later check and who win; their note, which mine does not replace, is kept"
    assert {"checklist": POLICE, "item": ids["p0"], "at": T0, "who": "J.S.", "note": "<b>briefed</b>"}.items() \
        <= next(e for e in stored(page)["log"] if e.get("replaced")).items(), "their replaced check is in the log"
    assert after[POLICE][ids["p1"]] == {"at": LATER}, "their later check wins"
    assert ids["m1"] in after[MUNICIPAL], "my check after their undoing wins"
    assert ids["m0"] not in after.get(MUNICIPAL, {}), "my undoing after their check wins"
    assert stored(page)["incident"]["name"] == "Main Street protest"
    context.close()


PREFIX = "#handover=2."


def tampered(link):
    head, data = link.split(PREFIX)
    return f"{head}{PREFIX}{data[:10]}{'A' if data[10] != 'A' else 'B'}{data[11:]}"


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sealed(data: bytes) -> str:
    """The data of a link of this version: the compressed bytes and their CRC-32, big-endian."""
    return b64url(data + zlib.crc32(data).to_bytes(4, "big"))


def bomb(link):
    """A small link whose data inflates past the 1 MB bound."""
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = raw.compress(b'{"format":"ccm-guidebook-progress","x":"' + b"a" * 3_000_000 + b'"}') + raw.flush()
    return link.split("#")[0] + PREFIX + sealed(data)


def carrying(data: dict) -> Callable[[str], str]:
    """A link that carries `data`, well packed: its contents, not its packing, are wrong."""
    def spoil(link: str) -> str:
        raw = zlib.compressobj(9, zlib.DEFLATED, -15)
        packed = raw.compress(json.dumps(data).encode()) + raw.flush()
        return link.split("#")[0] + "#handover=1." + base64.urlsafe_b64encode(packed).decode().rstrip("=")
    return spoil


FORMAT = "ccm-guidebook-progress"
BAD_LINKS: list[tuple[str, Callable[[str], str], str, dict | None]] = [
    # a handover link's problems are said of a link, never of a "progress file" (issue 32)
    ("made by a newer version", carrying({"format": FORMAT, "format_version": 999, "checklists": []}),
     "handover.newer", {}),
    ("no list of checklists", carrying({"format": FORMAT, "format_version": 1}), "handover.damaged", {}),
    ("another format", carrying({"format": "something-else"}), "handover.damaged", {}),
    ("tampered", tampered, "handover.damaged", {}),
    ("truncated", lambda link: link[: len(link) * 2 // 3], "handover.damaged", {}),
    ("not base64", lambda link: link.split("#")[0] + PREFIX + "<script>", "handover.damaged", {}),
    ("not base64, first version", lambda link: link.split("#")[0] + "#handover=1.<script>", "handover.damaged", {}),
    ("unknown version", lambda link: link.replace(PREFIX, "#handover=7."), "handover.damaged", {}),
    ("oversized", lambda link: link.split("#")[0] + PREFIX + "A" * 1_500_000, "handover.too_big", None),
    ("inflates too far", bomb, "handover.too_big", None),
]


@pytest.mark.parametrize("name, spoil, message, values", BAD_LINKS, ids=[b[0] for b in BAD_LINKS])
def test_a_bad_link_changes_nothing_and_says_why(sender, browser, base_url, ids, name, spoil, message, values):
    link = spoil(make_link(sender))
    mine = state({POLICE: {ids["p1"]: {"at": T0}}}, {"start": T0})
    context, page = open_with(browser, base_url, mine, "record/")
    before = page.evaluate(f"localStorage.getItem('{KEY}')")
    page.get_by_label(word("handover.paste_label")).fill(link)
    page.get_by_role("button", name=word("handover.open")).click()
    status = page.locator('[data-gb="handover-status"]')
    expected = word(message, **values) if values is not None else word(message, kilobytes="").split("(")[0]
    expect(status).not_to_have_text("")
    assert status.inner_text().startswith(expected), name
    assert page.locator('[data-gb="handover-incoming"]').is_hidden()
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == before
    assert page.js_errors == []
    context.close()


def flip(link: str, index: int, bit: int) -> str:
    """The link with one bit of the character at `index` of its fragment (after 'handover=') flipped."""
    at = link.index("handover=") + len("handover=") + index
    return link[:at] + chr(ord(link[at]) ^ (1 << bit)) + link[at + 1:]


def paste_and_open(page, link):
    page.get_by_label(word("handover.paste_label")).fill(link)
    page.get_by_role("button", name=word("handover.open")).click()


def test_24_single_bit_changes_are_all_refused_as_damaged(sender, browser, base_url, ids):
    link = make_link(sender)
    length = len(link) - link.index("handover=") - len("handover=")
    # the version, its dot, then the data to its last character (the checksum's)
    positions = [0, 1] + [2 + (length - 3) * n // 21 for n in range(22)]
    mine = state({POLICE: {ids["p1"]: {"at": T0}}}, {"start": T0})
    context, page = open_with(browser, base_url, mine, "record/")
    before = page.evaluate(f"localStorage.getItem('{KEY}')")
    status = page.locator('[data-gb="handover-status"]')
    refused = 0
    for n, index in enumerate(positions):
        page.evaluate("document.querySelector('[data-gb=handover-status]').textContent = ''")
        paste_and_open(page, flip(link, index, n % 5))
        expect(status).to_have_text(word("handover.damaged"))
        assert page.locator('[data-gb="handover-incoming"]').is_hidden()
        refused += 1
    assert refused == 24 and len(set(positions)) == 24
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == before
    paste_and_open(page, link)
    expect(page.locator('[data-gb="handover-summary"]')).to_be_visible()
    assert page.js_errors == []
    context.close()


def test_a_link_of_the_first_version_still_opens_and_says_it_has_no_checksum(sender, browser, base_url, ids):
    link = make_link(sender)
    compressed = unb64url(link.split(PREFIX)[1])[:-4]  # what the first version put in its links: no checksum
    old = link.split("#")[0] + "#handover=1." + b64url(compressed)
    context, page = open_with(browser, base_url, state({}, None), "record/")
    paste_and_open(page, old)
    expect(page.locator('[data-gb="handover-summary"]')).to_contain_text("Main Street protest")
    expect(page.locator('[data-gb="handover-status"]')).to_have_text(word("handover.unsealed"))
    page.get_by_role("button", name=word("handover.merge")).click()
    assert stored(page)["checks"][POLICE][ids["p0"]]["who"] == "J.S."
    context.close()


def test_merging_a_later_check_keeps_my_who_and_note(browser, base_url, ids):
    """Device B checks an item with who and note; device A checks it later (no who, no note);
    B merges A's link: B keeps its who and note, and its earlier check time is in the log."""
    a_checks = {POLICE: {ids["p0"]: {"at": LATER}}}
    a_context, a_page = open_with(browser, base_url, state(a_checks, {"start": T0}))
    link = make_link(a_page)
    a_context.close()
    b_check = {"at": T0, "who": "PIO: Lt. Ruiz", "note": "Statement posted"}
    b_context, b_page = open_with(browser, base_url, state({POLICE: {ids["p0"]: b_check}}, {"start": T0}))
    paste_and_open(b_page, link)
    b_page.get_by_role("button", name=word("handover.merge")).click()
    saved = stored(b_page)
    assert saved["checks"][POLICE][ids["p0"]] == {"at": LATER, "who": "PIO: Lt. Ruiz", "note": "Statement posted"}
    assert saved["log"] == [{"checklist": POLICE, "item": ids["p0"], "at": T0, "who": "PIO: Lt. Ruiz",
                             "note": "Statement posted", "undone": saved["log"][0]["undone"], "replaced": True}]
    log = b_page.locator('[data-gb="record-log"]')
    expect(log).to_contain_text(word("record.event_replaced"))
    expect(log).to_contain_text("PIO: Lt. Ruiz")
    assert b_page.js_errors == []
    b_context.close()


def test_a_note_written_after_the_other_check_wins_and_theirs_is_logged(browser, base_url, ids):
    a_checks = {POLICE: {ids["p0"]: {"at": LATER, "note": "Their note"}}}
    a_context, a_page = open_with(browser, base_url, state(a_checks, {"start": T0}))
    link = make_link(a_page)
    a_context.close()
    late = "2026-11-20T19:30:00.000Z"
    b_check = {"at": T0, "note": "Called the chief", "note_at": late}
    b_context, b_page = open_with(browser, base_url, state({POLICE: {ids["p0"]: b_check}}, {"start": T0}))
    paste_and_open(b_page, link)
    b_page.get_by_role("button", name=word("handover.merge")).click()
    saved = stored(b_page)
    assert saved["checks"][POLICE][ids["p0"]] == {"at": LATER, "note": "Called the chief", "note_at": late}
    assert any(e.get("replaced") and e.get("note") == "Their note" for e in saved["log"])
    b_context.close()


def test_a_link_naming_a_checklist_twice_is_merged_and_says_so(sender, browser, base_url, ids, guidebook):
    link = make_link(sender)
    text = zlib.decompress(unb64url(link.split(PREFIX)[1])[:-4], -15)
    data = json.loads(text)
    data["checklists"].append({"id": POLICE, "ticked": [{"id": ids["p1"], "ticked_at": LATER, "who": "Second"}]})
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    doubled = raw.compress(json.dumps(data).encode()) + raw.flush()
    context, page = open_with(browser, base_url, state({}, None), "record/")
    paste_and_open(page, link.split("#")[0] + PREFIX + sealed(doubled))
    title = guidebook.checklist(POLICE).title
    expect(page.locator('[data-gb="handover-status"]')).to_have_text(word("import.repeated", titles=title))
    page.get_by_role("button", name=word("handover.merge")).click()
    kept = stored(page)["checks"][POLICE]
    assert kept[ids["p0"]]["who"] == "J.S." and kept[ids["p1"]] == {"at": LATER, "who": "Second"}
    context.close()


@pytest.mark.parametrize("how", ["in the address", "into the tab already showing the empty record"])
def test_a_link_opened_where_this_browser_holds_no_record(sender, browser, base_url, how):
    """Issue 34: a browser with no record waits for the record page's first use (first-use.js), but a handover
    link, in the address it opens with or opened into the tab later (its fragment only), loads the modules."""
    link = make_link(sender)
    fragment = link[link.index("#"):]
    context, page = open_with(browser, base_url, None, "record/" + (fragment if how == "in the address" else ""))
    if how != "in the address":
        page.evaluate(f"location.hash = {json.dumps(fragment)}")
    summary = page.locator('[data-gb="handover-summary"]')
    summary.wait_for(state="visible")
    assert "Main Street protest" in summary.inner_text()
    assert page.js_errors == []
    context.close()
