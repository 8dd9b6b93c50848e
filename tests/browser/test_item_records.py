"""The record beside each checked item (issue 15), made light for long lists (issue 12): a page with
every item saved as checked shows a record for each, made a batch at a time; the who and note fields
are made when "Who and note" is first opened, filled with what was saved, and save what is typed."""
from __future__ import annotations

import json

from tests.support import page_path, word
from tools.browser import wait_until
from tools.saved_progress import KEY, store_script, stored

CHECKLIST = "municipal-crisis-response"
WHEN = "2026-11-20T08:00:00.000Z"


def saved_all(checklist, who: str, note: str) -> str:
    """Every item of `checklist` checked; the first with who and note."""
    checks = {item.id: {"at": WHEN} for item in checklist.items}
    checks[checklist.items[0].id] |= {"who": who, "note": note}
    return stored({checklist.id: checks})


def records(page):
    return page.locator('[data-gb="record"]:not([hidden])')


def test_every_saved_check_gets_its_record_and_fields_come_with_the_first_opening(context, page, base_url, site,
                                                                                 guidebook):
    checklist = guidebook.checklist(CHECKLIST)
    first, last = checklist.items[0].id, checklist.items[-1].id
    context.add_init_script(store_script(saved_all(checklist, 'J.S.', 'Called')))
    page.goto(base_url + page_path(site, CHECKLIST))
    wait_until(page, f"document.querySelectorAll('[data-gb=\"record\"]:not([hidden])').length === {len(checklist.items)}")
    assert records(page).count() == len(checklist.items)
    assert page.locator('[data-gb="record-who"]').count() == 0, "the fields are made only when opened"
    said = page.locator(f'[data-gb="record"][data-item="{first}"] [data-gb="record-said"]').inner_text()
    assert said == word("record.by", who="J.S.") + " · Called"

    record = page.locator(f'[data-gb="record"][data-item="{first}"]')
    record.locator("summary").click()
    assert record.get_by_label(word("record.who")).input_value() == "J.S."
    assert record.get_by_label(word("record.note")).input_value() == "Called"
    assert page.locator('[data-gb="record-who"]').count() == 1, "only the opened record has fields"

    other = page.locator(f'[data-gb="record"][data-item="{last}"]')
    other.locator("summary").click()
    other.get_by_label(word("record.who")).fill("Mayor Lee")
    other.get_by_label(word("record.who")).press("Tab")
    saved = json.loads(page.evaluate(f"localStorage.getItem({json.dumps(KEY)})"))
    assert saved["checks"][CHECKLIST][last]["who"] == "Mayor Lee"
    assert saved["checks"][CHECKLIST][last]["who_at"], "an edit of who keeps its own time (a merge keeps the later edit)"
    assert "note_at" not in saved["checks"][CHECKLIST][last], "only the field edited is stamped"
    assert saved["checks"][CHECKLIST][first] == {"at": WHEN, "who": "J.S.", "note": "Called"}
    assert other.locator('[data-gb="record-said"]').inner_text() == word("record.by", who="Mayor Lee")
