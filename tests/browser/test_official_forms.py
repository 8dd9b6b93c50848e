"""The record in the forms officials already use (issue 27): the ICS 214-format activity log (its 8 blocks,
the record's checks in local date and 24-hour time, "ICS 214, Page N", the preparer kept on this device)
and the improvement plan (HSEEP matrix columns, one row per item still open in the used checklists), as a
spreadsheet read back by Python's csv module and on paper. In New York; times written out here from the
stored times with Python's own zone rules, not by the code under test."""
from __future__ import annotations

import csv
import datetime
import io
import json
from zoneinfo import ZoneInfo

import pytest

from macros.guidebook.inline import plain_text
from tests.browser.test_after_action_record import NOTE, POLICE, ZONE, police_incident
from tests.support import letter_pages, wait_for_record_page, word
from tools.saved_progress import KEY

BLOCKS = ("block_incident", "block_period", "block_name", "block_position", "block_agency", "block_resources",
          "block_log", "block_prepared")
MATRIX = ("capability", "issue", "action", "element", "org", "poc", "start", "end")


@pytest.fixture
def forms_page(browser, base_url, guidebook):
    context = browser.new_context(timezone_id=ZONE, locale="en-US", viewport={"width": 1280, "height": 900},
                                  accept_downloads=True)
    context.add_init_script(f"if (!sessionStorage.getItem('seeded')) {{ sessionStorage.setItem('seeded', '1');"
                            f" localStorage.setItem({json.dumps(KEY)}, {json.dumps(police_incident(guidebook))}); }}")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base_url + "record/")
    wait_for_record_page(page)
    page.evaluate("() => { window.print = () => {}; }")
    yield page
    assert errors == [], errors
    context.close()


def fill_preparer(page):
    for field, value in (("name", "Sgt. Ana Diaz"), ("position", "Documentation Unit Leader"),
                         ("agency", "Springfield PD, Records")):
        page.get_by_label(word(f"forms.{field}")).fill(value)
        page.get_by_label(word(f"forms.{field}")).press("Tab")


def test_ics_214_format_log_holds_the_8_blocks_and_the_checks_in_24_hour_time(forms_page, guidebook, tmp_path):
    page = forms_page
    fill_preparer(page)
    page.reload()
    wait_for_record_page(page)
    assert page.get_by_label(word("forms.name")).input_value() == "Sgt. Ana Diaz", "the preparer is kept on this device"
    page.evaluate("() => { window.print = () => {}; }")
    page.get_by_role("button", name=word("forms.print_ics")).click()
    pages = letter_pages(page, tmp_path / "ics214.pdf")
    paper = " ".join(pages)
    assert word("forms.ics_title") in paper and word("forms.not_official") in paper
    for block in BLOCKS:
        assert word(f"forms.{block}") in paper, f"{block} is missing"
    for number in range(1, len(pages) + 1):
        assert word("forms.ics_page", page=number) in pages[number - 1]
    assert "Main Street protest" in paper and "Sgt. Ana Diaz" in paper and "Springfield PD, Records" in paper
    zone = ZoneInfo(ZONE)
    for n, item in enumerate(guidebook.checklist(POLICE).items):
        at = datetime.datetime(2026, 11, 20, 18, 35 + 5 * n, tzinfo=datetime.UTC).astimezone(zone)
        stamp = f"{at:%m/%d/%Y %H:%M}"
        assert stamp in paper, f"{stamp} (24-hour local time) is not in the log"
        assert word("forms.activity_checked", item=plain_text(item.text), checklist=guidebook.checklist(POLICE).title) \
            .split(" (")[0] in paper
        assert f"Lt. Ruiz {n}" in paper
    assert paper.count(NOTE) == len(guidebook.checklist(POLICE).items)
    assert word("record.log_caption") not in paper, "only the form is printed"
    assert not page.evaluate("document.documentElement.classList.contains('gb-print-ics214')"), "the mode ends after printing"


def test_the_period_the_reader_picks_limits_the_log(forms_page, guidebook, tmp_path):
    page = forms_page
    page.get_by_label(word("forms.from"), exact=True).fill("2026-11-20T13:44")
    page.get_by_label(word("forms.to"), exact=True).fill("2026-11-20T13:51")
    page.get_by_role("button", name=word("forms.print_ics")).click()
    paper = " ".join(letter_pages(page, tmp_path / "period.pdf"))
    assert "11/20/2026 13:45" in paper and "11/20/2026 13:50" in paper
    assert "13:35" not in paper and "13:55" not in paper
    assert "Lt. Ruiz 0" not in paper, "resources assigned are those of the period"


def test_improvement_plan_csv_has_the_matrix_and_one_row_per_open_item(forms_page, guidebook, tmp_path):
    page = forms_page
    with page.expect_download() as info:
        page.get_by_role("button", name=word("forms.plan_csv")).click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert rows[0] == [word("record.incident"), "Main Street protest"]
    header = rows.index([word(f"forms.col_{c}") for c in MATRIX])
    body = rows[header + 1:]
    used = [c for c in guidebook.checklists if c.scope == "incident" and c.id != POLICE
            and any(a.id == "police-official" for a in c.audiences)]
    expected = [word("forms.plan_issue", item=plain_text(i.text), checklist=c.title) for c in used for i in c.items]
    assert [r[1] for r in body] == expected
    assert all(r[0] == "" and r[2:] == [""] * 6 for r in body), "the other columns are blank for the team"


def test_improvement_plan_prints_the_matrix_then_the_timeline(forms_page, guidebook, tmp_path):
    page = forms_page
    page.get_by_role("button", name=word("forms.print_plan")).click()
    paper = " ".join(letter_pages(page, tmp_path / "plan.pdf"))
    for column in ("capability", "action", "element", "poc"):
        assert word(f"forms.col_{column}") in paper
    assert word("forms.plan_heading", name="Main Street protest") in paper and word("forms.not_official") in paper
    timeline = paper.index(word("forms.plan_timeline"))
    assert paper.index(word("forms.col_capability")) < timeline < paper.index("11/20/2026 13:35")


def test_a_long_log_continues_on_numbered_pages_with_its_headings(browser, base_url, guidebook, tmp_path):
    from tools.saved_progress import stored

    lists = [c for c in guidebook.checklists if c.scope == "incident"]
    start = datetime.datetime(2026, 11, 20, 18, 0, tzinfo=datetime.UTC)
    checks: dict = {}
    for n, (checklist, item) in enumerate((c, i) for c in lists for i in c.items):
        at = (start + datetime.timedelta(minutes=3 * n)).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        checks.setdefault(checklist.id, {})[item.id] = {"at": at, "who": f"Officer {n % 4}", "note": NOTE}
    saved = stored(checks, incident={"start": "2026-11-20T18:00:00.000Z", "name": "Long day"})
    context = browser.new_context(timezone_id=ZONE, locale="en-US")
    context.add_init_script(f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(saved)})")
    page = context.new_page()
    page.goto(base_url + "record/")
    wait_for_record_page(page)
    page.evaluate("() => { window.print = () => {}; }")
    page.get_by_role("button", name=word("forms.print_ics")).click()
    pages = letter_pages(page, tmp_path / "long.pdf")
    print(f"\nICS 214-format log of {sum(len(c.items) for c in lists)} checks: {len(pages)} Letter pages")
    assert len(pages) >= 2
    for number, text in enumerate(pages, start=1):
        assert word("forms.ics_page", page=number) in text
    for text in pages[1:]:
        assert word("forms.col_datetime") in text and word("forms.col_activities") in text, "the log's heading repeats"
    assert word("forms.block_prepared") in pages[-1]
    context.close()
