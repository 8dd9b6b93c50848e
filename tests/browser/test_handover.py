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
    assert "#handover=1." in link
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
    assert after[POLICE][ids["p0"]] == {"at": LATER, "who": "Me"}, "my later check wins"
    assert after[POLICE][ids["p1"]] == {"at": LATER}, "their later check wins"
    assert ids["m1"] in after[MUNICIPAL], "my check after their undoing wins"
    assert ids["m0"] not in after.get(MUNICIPAL, {}), "my undoing after their check wins"
    assert stored(page)["incident"]["name"] == "Main Street protest"
    context.close()


def tampered(link):
    head, data = link.split("#handover=1.")
    return f"{head}#handover=1.{data[:10]}{'A' if data[10] != 'A' else 'B'}{data[11:]}"


def bomb(link):
    """A small link whose data inflates past the 1 MB bound."""
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = raw.compress(b'{"format":"ccm-guidebook-progress","x":"' + b"a" * 3_000_000 + b'"}') + raw.flush()
    return link.split("#")[0] + "#handover=1." + base64.urlsafe_b64encode(data).decode().rstrip("=")


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
    ("not base64", lambda link: link.split("#")[0] + "#handover=1.<script>", "handover.damaged", {}),
    ("oversized", lambda link: link.split("#")[0] + "#handover=1." + "A" * 1_500_000, "handover.too_big", None),
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
