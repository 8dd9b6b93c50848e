"""The after-action record on paper (issue 27): concise for an incident that used one checklist. Open items
are grouped by checklist, only for the checklists the incident used or whose roles it involved (the rest in
one line), with no window name repeated after each item, no on-screen introduction, and the record of one
checklist's checks on at most 2 Letter pages. Chromium prints to PDF; pdftotext and pdftoppm read it back."""
from __future__ import annotations

import json

import pytest

from macros.guidebook.inline import plain_text
from tests.support import ROOT, letter_pages, wait_for_record_page, word
from tools.saved_progress import KEY, stored

ZONE = "America/New_York"
POLICE = "police-within-two-hours"
START = "2026-11-20T18:30:00.000Z"
NOTE = "Told the desk sergeant and the shift commander; the chief approved the wording of the statement at 2 PM."


def police_incident(guidebook) -> str:
    """A police incident (role: police) whose only checks are every item of the first-two-hours checklist,
    each with who and a note, ten minutes apart."""
    items = guidebook.checklist(POLICE).items
    checks = {POLICE: {item.id: {"at": f"2026-11-20T18:{35 + 5 * n:02d}:00.000Z", "who": f"Lt. Ruiz {n}", "note": NOTE}
                       for n, item in enumerate(items)}}
    return stored(checks, incident={"start": START, "name": "Main Street protest", "roles": ["police"]})


@pytest.fixture
def record_page(browser, base_url, guidebook):
    context = browser.new_context(timezone_id=ZONE, locale="en-US", viewport={"width": 1280, "height": 900})
    context.add_init_script(f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(police_incident(guidebook))})")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + "record/")
    wait_for_record_page(page)
    yield page
    assert errors == [], errors
    context.close()


def test_one_checklists_record_prints_on_at_most_two_letter_pages(record_page, guidebook, tmp_path):
    pages = letter_pages(record_page, tmp_path / "record.pdf")
    print(f"\nafter-action record of one checklist's checks: {len(pages)} Letter page(s)")
    assert len(pages) <= 2
    paper = " ".join(pages)
    assert paper.count(NOTE) == len(guidebook.checklist(POLICE).items), "every check's note is printed"
    intro = " ".join((ROOT / "docs" / "record.md").read_text(encoding="utf-8").split("# Incident record")[1].split()[:8])
    assert intro not in paper, "the on-screen introduction is not printed"
    assert paper.index(f"{word('record.title_print')}: Main Street protest") < 200, "the record's title comes first"


def test_open_items_only_for_the_used_checklists_and_roles(record_page, guidebook):
    box = record_page.locator('[data-gb="record-open"]')
    headings = box.locator("h3").all_inner_texts()
    police_lists = [c for c in guidebook.checklists if c.scope == "incident" and c.id != POLICE
                    and any(a.id == "police-official" for a in c.audiences)]
    assert headings == [f"{c.title} ({len(c.items)})" for c in police_lists], "the police role's checklists, by checklist"
    text = box.inner_text()
    municipal = guidebook.checklist("municipal-crisis-response")
    assert plain_text(municipal.items[0].text) not in text, "a checklist neither used nor for the roles lists no items"
    others = word("record.open_other", title=municipal.title, count=len(municipal.items))
    assert others in box.locator(".gb-record-others").inner_text(), "the rest are summed up in one line"
    for checklist in police_lists:
        assert f"({checklist.title})" not in text, "no window or checklist name is repeated after each item"
    summary = record_page.locator('[data-gb="record-summary"]').inner_text()
    assert f"{word('record.open_count')}\t{sum(len(c.items) for c in police_lists)}" in summary
