"""The incident record (issue 15), with a fixed clock and time zone: checks with who and notes on two
checklists, one undone; the record page's log and open items; the after-action record on paper
(pdftotext); exports in JSON, CSV and text; archiving, past incidents, and storage full while archiving.
Expected texts come from the data and the catalogue of words."""
from __future__ import annotations

import csv
import io
import json
import subprocess

import pytest

from macros.guidebook.inline import plain_text
from tests.support import page_path, saved_progress_control, wait_for_record_page, word
from tools.saved_progress import KEY, stored, wait_for_saved

ZONE = "America/New_York"
POLICE, MUNICIPAL, PREPARATION = "police-within-two-hours", "municipal-crisis-response", "police-before-an-incident"
NAME = 'Main Street <b>protest</b> "=cmd"'
NOTE = "<img src=x onerror=alert(1)> called =SUM(A1)"


@pytest.fixture
def clocked(browser):
    """A context in New York at 2:00 PM on November 20, 2026, the clock moving only when told."""
    context = browser.new_context(timezone_id=ZONE, locale="en-US", viewport={"width": 1280, "height": 900},
                                  accept_downloads=True)
    context.clock.install(time="2026-11-20T14:00:00-05:00")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield context, page
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


def ready(page):
    """The page has loaded, and the record page shows its record (Playwright's clock replaces
    `performance`, so the script's performance marks cannot tell when it started)."""
    page.wait_for_load_state("load")
    if page.locator('[data-gb="record-page"]').count():
        wait_for_record_page(page)


def go(page, base_url, path):
    page.goto(base_url + path)
    ready(page)


def check_with_record(page, item_id, who=None, note=None):
    page.locator(f"#check-{item_id}").check()
    if who is None and note is None:
        return
    record = page.locator(f'[data-gb="record"][data-item="{item_id}"]')
    record.locator("summary").click()
    if who is not None:
        record.locator(f"#who-{item_id}").fill(who)
        record.locator(f"#who-{item_id}").press("Tab")
    if note is not None:
        record.locator(f"#note-{item_id}").fill(note)
        record.locator(f"#note-{item_id}").press("Tab")


def log_rows(page):
    return page.locator('[data-gb="record-log"] tbody tr').evaluate_all(
        "rows => rows.map(r => [...r.cells].map(c => c.textContent))")


def lifecycle(context, page, base_url, site, guidebook):
    """Start an incident, check items on two checklists with who and notes, undo one."""
    police, municipal = guidebook.checklist(POLICE), guidebook.checklist(MUNICIPAL)
    go(page, base_url, "record/")
    page.get_by_label(word("record.name_label")).fill(NAME)
    page.get_by_label(word("record.name_label")).press("Tab")
    page.get_by_label(word("record.start_label")).fill("2026-11-20T13:30")
    page.get_by_label(word("record.start_label")).press("Tab")
    page.get_by_label(guidebook.roles[0].name).check()
    # the modules waited for this first use: the record holds what was typed once they run (first-use.js)
    wait_for_saved(page, "incident?.roles?.length === 1")
    go(page, base_url, page_path(site, PREPARATION))
    page.locator(f"#check-{guidebook.checklist(PREPARATION).items[0].id}").check()
    go(page, base_url, page_path(site, POLICE))
    check_with_record(page, police.items[0].id, who="J.S.", note=NOTE)  # 2:00 PM
    time_shown = page.locator(f'[data-gb="record"][data-item="{police.items[0].id}"] [data-gb="record-time"]')
    assert time_shown.inner_text() == word("record.done_at", time="2:00 PM")
    context.clock.fast_forward("10:00")
    go(page, base_url, page_path(site, MUNICIPAL))
    check_with_record(page, municipal.items[0].id, who="Mayor Lee")  # 2:10 PM
    context.clock.fast_forward("05:00")
    page.locator(f"#check-{municipal.items[1].id}").check()  # 2:15 PM
    context.clock.fast_forward("05:00")
    page.locator(f"#check-{municipal.items[1].id}").uncheck()  # undone at 2:20 PM
    return police, municipal


def test_the_record_shows_the_log_and_the_open_items(clocked, base_url, site, guidebook, tmp_path):
    context, page = clocked
    police, municipal = lifecycle(context, page, base_url, site, guidebook)
    go(page, base_url, "record/")
    rows = log_rows(page)
    text = lambda item: plain_text(item.text)  # noqa: E731
    assert [r[0] for r in rows] == ["+0:30", "+0:30", "+0:40", "+0:45", "+0:50"]
    assert rows[0][3] == text(guidebook.checklist(PREPARATION).items[0])  # every checklist is in the log
    assert rows[1][1:] == ["Nov 20, 2:00 PM", police.title, text(police.items[0]), word("record.event_checked"),
                           "J.S.", NOTE]
    assert rows[2][2:6] == [municipal.title, text(municipal.items[0]), word("record.event_checked"), "Mayor Lee"]
    assert rows[4][3:5] == [text(municipal.items[1]), word("record.event_undone")]
    assert page.locator("img[src=x]").count() == 0 and page.locator("b", has_text="protest").count() == 0
    open_text = page.locator('[data-gb="record-open"]').inner_text()
    assert text(municipal.items[1]) in open_text and text(police.items[0]) not in open_text
    assert text(guidebook.checklist(PREPARATION).items[1]) not in open_text, "preparation items are not incident items"
    summary = page.locator('[data-gb="record-summary"]').inner_text()
    assert NAME in summary and guidebook.roles[0].name in summary


def test_the_after_action_record_prints(clocked, base_url, site, guidebook, tmp_path):
    context, page = clocked
    police, municipal = lifecycle(context, page, base_url, site, guidebook)
    go(page, base_url, "record/")
    page.emulate_media(media="print")
    pdf = tmp_path / "record.pdf"
    page.pdf(path=str(pdf), format="Letter", print_background=True)
    paper = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                    check=True).stdout.split())
    assert f"{word('record.title_print')}: {NAME}" in paper
    assert word("record.lessons") in paper and word("record.summary_caption") in paper
    assert "J.S." in paper and "Mayor Lee" in paper and "+0:50" in paper
    assert police.title in paper and municipal.title in paper
    assert word("record.archive") not in paper and word("handover.make") not in paper


def download(page, tmp_path, name):
    with page.expect_download() as info:
        page.get_by_role("button", name=name, exact=True).click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path.read_text(encoding="utf-8")


def test_exports_in_three_formats(clocked, base_url, site, guidebook, tmp_path):
    context, page = clocked
    police, municipal = lifecycle(context, page, base_url, site, guidebook)
    go(page, base_url, "record/")
    data = json.loads(download(page, tmp_path, word("record.export_json")))
    assert data["incident"]["name"] == NAME and data["incident"]["start"] == "2026-11-20T18:30:00.000Z"
    ticked = {c["id"]: {t["id"]: t for t in c["ticked"]} for c in data["checklists"]}
    assert ticked[POLICE][police.items[0].id]["who"] == "J.S." and ticked[POLICE][police.items[0].id]["note"] == NOTE
    assert [(u["item"], u["undone"][:16]) for u in data["undone"]] == [(municipal.items[1].id, "2026-11-20T19:20")]
    rows = list(csv.reader(io.StringIO(download(page, tmp_path, word("record.export_csv")))))
    assert rows[0] == [word("record.incident"), NAME] and rows[1][0] == word("record.started")
    assert rows[1][1:] == ["Nov 20, 2026, 1:30 PM", "2026-11-20T18:30:00.000Z"]
    assert rows[4][0] == word("record.csv_elapsed") and len(rows) == 10
    log = rows[5:]
    assert log[1][7] == NOTE and log[1][8].startswith("2026-11-20T19:00")
    assert log[4][5] == word("record.event_undone")
    assert not any(row[0].startswith("'") for row in log), "elapsed times are not guarded"
    # in New York, the spreadsheet's local date and time are the record page's
    shown = log_rows(page)
    assert [(row[0], row[1]) for row in shown] == [
        (f"+{e}" if not e.startswith("-") else e, f"{d.rsplit(',', 1)[0]}, {t}") for e, d, t, *_ in log]
    text = download(page, tmp_path, word("record.export_text"))
    assert text.startswith(word("record.text_heading", name=NAME)) and "J.S." in text
    assert plain_text(municipal.items[1].text) in text.split(word("record.open_count"))[-1]
    # the JSON is re-importable: the home page's import restores the incident
    page.evaluate("localStorage.clear()")
    go(page, base_url, "")
    page.once("dialog", lambda d: d.accept())
    with page.expect_file_chooser() as chooser:
        saved_progress_control(page, "overview.import").click()
    chooser.value.set_files(next(tmp_path.glob("*.json")))
    page.wait_for_timeout(300)
    go(page, base_url, "record/")
    assert log_rows(page)[1][5:] == ["J.S.", NOTE] and len(log_rows(page)) == 5


def test_archiving_keeps_the_old_incident_intact_and_preparation_checks(clocked, base_url, site, guidebook):
    context, page = clocked
    police, _ = lifecycle(context, page, base_url, site, guidebook)
    go(page, base_url, "record/")
    before = log_rows(page)
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name=word("record.archive")).click()
    assert page.locator('[data-gb="record-status"]').inner_text() == word("record.archived_done")
    preparation = plain_text(guidebook.checklist(PREPARATION).items[0].text)
    assert [r[3] for r in log_rows(page)] == [preparation], "only the preparation check stays"
    assert page.get_by_label(word("record.name_label")).input_value() == ""
    history = page.locator('[data-gb="record-history"] li')
    assert history.count() == 1 and NAME in history.inner_text()
    page.get_by_role("button", name=f"{word('record.open')}: ", exact=False).click()
    assert log_rows(page) == before, "the archived record is not intact"
    assert page.get_by_label(word("record.name_label")).is_disabled()
    go(page, base_url, page_path(site, PREPARATION))
    assert page.locator(f"#check-{guidebook.checklist(PREPARATION).items[0].id}").is_checked()
    go(page, base_url, page_path(site, POLICE))
    assert not page.locator(f"#check-{police.items[0].id}").is_checked()


def test_storage_full_while_archiving_loses_nothing(clocked, base_url, site, guidebook):
    context, page = clocked
    lifecycle(context, page, base_url, site, guidebook)
    go(page, base_url, "record/")
    before = page.evaluate(f"localStorage.getItem('{KEY}')")
    rows = log_rows(page)
    page.evaluate("""() => {
        const real = Storage.prototype.setItem;
        Storage.prototype.setItem = function (key, value) {
            if (key.startsWith('ccm-guidebook')) throw new DOMException('full', 'QuotaExceededError');
            return real.call(this, key, value);
        };
    }""")
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name=word("record.archive")).click()
    assert page.locator('[data-gb="record-status"]').inner_text() == word("record.archive_failed")
    assert page.evaluate(f"localStorage.getItem('{KEY}')") == before
    assert log_rows(page) == rows and page.locator('[data-gb="record-history"] li').count() == 0
    page.reload()
    ready(page)
    assert log_rows(page) == rows


def test_delete_all_data_on_this_device(clocked, base_url, site, guidebook):
    context, page = clocked
    lifecycle(context, page, base_url, site, guidebook)
    go(page, base_url, "record/")
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name=word("privacy.delete_all")).click()
    assert page.locator('[data-gb="delete-all-status"]').inner_text() == word("privacy.deleted_all")
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('ccm-guidebook'))") == []
    assert log_rows(page) == []


def test_with_nothing_checked_the_record_never_says_every_item_is_checked(page, base_url):
    """No check and no role: no checklist counts as used, and the open items are all "not used", never "done"."""
    page.goto(base_url + "record/")
    wait_for_record_page(page)
    open_items = page.locator('[data-gb="record-open"]').inner_text()
    assert word("record.open_none") not in open_items
    assert open_items.startswith(word("record.open_others", list="")[:20]), open_items


def test_a_warning_comes_before_storage_runs_out(page, context, base_url, site, guidebook):
    """Saved progress past the warning size (many past incidents with long notes) still saves, and says so."""
    police = guidebook.checklist(POLICE)
    note = "n" * 450
    checks = {POLICE: {f"item-{n}": {"at": "2026-11-20T18:00:00.000Z", "note": note} for n in range(180)}}
    archive = [{"archived": "2026-11-20T19:00:00.000Z", "incident": {"start": None, "name": f"Past {n}"},
                "checks": checks, "log": []} for n in range(20)]
    text = stored({}, archive=archive)
    assert len(text) > 1_500_000
    context.add_init_script(f"if (!localStorage.getItem('{KEY}')) localStorage.setItem('{KEY}', {json.dumps(text)})")
    go(page, base_url, page_path(site, POLICE))
    page.locator(f"#check-{police.items[0].id}").check()
    assert page.locator('[data-gb="storage-notice"]').inner_text().strip() == word("storage.nearly_full")
    assert page.get_by_role("button", name=word("storage_notice.start_over")).is_hidden()
    assert police.items[0].id in json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))["checks"][POLICE]
