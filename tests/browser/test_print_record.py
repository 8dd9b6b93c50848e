"""A blank copy is blank, a copy with progress is a record, and each checklist is one sheet.

Chromium prints every checklist page to PDF (print media, US Letter and A4) from a profile holding
saved progress (format 2, as store.js writes it: checks with the time checked, and an incident
start); pdftotext reads the paper back. Expected times are written out here in US English from the
stored times (Python's own clock and time zone rules), not by the code under test."""
from __future__ import annotations

import datetime
import json
from zoneinfo import ZoneInfo

import pytest

from tests.browser.test_print import CHECK_MARK, CHECKLIST_IDS, expected, norm, print_to_pdf, url_of
from tests.support import held_route, hold_requests, wait_for_progress, word
from tools.browser import wait_until
from tools.saved_progress import KEY

ZONE = "America/New_York"
TZ = ZoneInfo(ZONE)
PAPERS = ("Letter", "A4")


def iso(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def us_time(moment: datetime.datetime, today: datetime.date, with_year: bool = False) -> str:
    """How shortTime (words.js) writes a time in US English: "3:19 AM" today, "Nov 21, 3:19 AM" on another day,
    "Nov 21, 2025, 3:19 AM" in another year (or always with the year: the incident start)."""
    local = moment.astimezone(TZ)
    clock = f"{(local.hour % 12) or 12}:{local.minute:02d} {'AM' if local.hour < 12 else 'PM'}"
    if local.date() == today and not with_year:
        return clock
    year = f", {local.year}" if with_year or local.year != today.year else ""
    return f"{local:%b} {local.day}{year}, {clock}"


def stored_progress(checklist, now: datetime.datetime) -> tuple[dict, dict, datetime.datetime]:
    """Every other item checked (the first three days ago at 4:26 AM, the others minutes ago), and an
    incident that began three days ago at 3:17 AM local time."""
    day = (now - datetime.timedelta(days=3)).date()
    start = datetime.datetime.combine(day, datetime.time(3, 17), TZ)
    checked = {item.id: (datetime.datetime.combine(day, datetime.time(4, 26), TZ) if n == 0
                         else now - datetime.timedelta(minutes=3 * n + 2))
               for n, item in enumerate(checklist.items[::2])}
    saved = {"version": 2, "checks": {checklist.id: {i: {"at": iso(t)} for i, t in checked.items()}},
             "incident": {"start": iso(start)}, "archive": []}
    return saved, checked, start


@pytest.fixture
def record_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US", timezone_id=ZONE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    assert errors == [], errors
    context.close()


def open_with_progress(page, address: str, saved: dict) -> None:
    """Open `address` with `saved` progress, once the page shows it (item-record.js, which also makes
    the checked times on paper, loads once an item is checked)."""
    open_saved(page, address, saved)
    page.locator('[data-gb="record"]:not([hidden])').first.wait_for()


def open_saved(page, address: str, saved: dict) -> None:
    """Open `address` with `saved` progress in this browser's storage."""
    page.goto(address)
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [KEY, json.dumps(saved)])
    page.reload()


def print_copy(page, kind: str, pdf, paper: str) -> list[str]:
    page.evaluate("() => { window.print = () => {}; }")
    page.get_by_role("button", name=word(f"print.{kind}")).click()
    return print_to_pdf(page, pdf, paper=paper)


def screen_only_words() -> list[str]:
    """Words the screen shows about the incident and the saved progress, never printed."""
    return [norm(word(key)) for key in ("incident.unset", "incident.question", "incident.title", "incident.set",
                                        "checklist.privacy", "checklist.reset", "status.change",
                                        "status.started_now")]


@pytest.mark.parametrize("checklist_id", CHECKLIST_IDS)
def test_each_checklist_prints_on_one_sheet_blank_or_with_progress(checklist_id, record_page, site, base_url,
                                                                   guidebook, tmp_path):
    checklist = guidebook.checklist(checklist_id)
    page = record_page
    now = datetime.datetime.now(TZ)
    saved, checked, start = stored_progress(checklist, now)
    open_with_progress(page, url_of(site, base_url, checklist_id), saved)
    limit = 2 if checklist.layout == "roster" else 1
    for paper in PAPERS:
        blank_pages = print_copy(page, "blank", tmp_path / f"blank-{paper}.pdf", paper)
        record_pages = print_copy(page, "progress", tmp_path / f"progress-{paper}.pdf", paper)
        today = datetime.datetime.now(TZ).date()
        print(f"\n{checklist_id} {paper}: blank {len(blank_pages)} page(s), with progress {len(record_pages)}")
        assert len(blank_pages) <= limit, f"{checklist_id}: the blank copy takes {len(blank_pages)} {paper} pages"
        assert len(record_pages) <= limit, f"{checklist_id}: the copy with progress takes {len(record_pages)} {paper} pages"
        blank, record = norm("\n".join(blank_pages)), norm("\n".join(record_pages))
        assert_blank(blank, checklist, checked, start, today)
        assert_record(record, checklist, checked, start, today)


def assert_blank(text: str, checklist, checked: dict, start: datetime.datetime, today) -> None:
    local = start.astimezone(TZ)
    assert CHECK_MARK not in text, f"{checklist.id}: a blank copy printed a check mark"
    for stored in [start, *checked.values()]:
        assert us_time(stored, today) not in text and us_time(stored, today, with_year=True) not in text
    assert f"{local:%b} {local.day}" not in text and f"{local:%B} {local.day}" not in text, \
        f"{checklist.id}: a blank copy printed the stored incident's date"
    assert f"{(local.hour % 12) or 12}:{local.minute:02d}" not in text, "a blank copy printed the incident's time"
    for words in screen_only_words():
        assert words not in text, f"{checklist.id}: a blank copy printed the on-screen words {words!r}"
    if checklist.phase:
        assert norm(word("print.incident_blank")) in text, f"{checklist.id}: no line to fill in the incident start"
    assert norm(word("print.completed_by")) in text


def assert_record(text: str, checklist, checked: dict, start: datetime.datetime, today) -> None:
    assert text.count(CHECK_MARK) == 2 * len(checked), "a check mark in each checked box and one before its time"
    for item_id, moment in checked.items():
        item = next(i for i in checklist.items if i.id == item_id)
        stamp = norm(word("print.checked_at", time=us_time(moment, today)))
        assert stamp in text, f"{checklist.id}/{item_id}: the time it was checked ({stamp!r}) is not printed"
        # The time sits at the right of the item's last line, so pdftotext may put it inside the item's words:
        # the item's first words come before it.
        opening = " ".join(expected(item.text).split()[:3])
        assert text.index(opening) < text.index(stamp), f"{item_id}: its time is not beside it"
    if checklist.phase:
        began = norm(word("print.incident_began", start=us_time(start, today, with_year=True)))
        assert began in text, f"{checklist.id}: the incident start is not printed ({began!r})"
        assert norm(word("print.incident_blank")) not in text
    for words in screen_only_words():
        assert words not in text, f"{checklist.id}: the copy with progress printed the on-screen words {words!r}"
    last_opening = " ".join(expected(checklist.items[-1].text).split()[:3])  # the time may sit inside its words
    assert text.index(last_opening) < text.index(norm(word("print.completed_by")))


def test_a_fresh_browser_prints_lines_to_fill_in_not_instructions(record_page, site, base_url, guidebook, tmp_path):
    checklist = next(c for c in guidebook.checklists if c.phase and c.phase.due_within_hours)
    page = record_page
    page.goto(url_of(site, base_url, checklist.id))
    for kind in ("blank", "progress"):
        text = norm(" ".join(print_copy(page, kind, tmp_path / f"{kind}.pdf", "Letter")))
        assert norm(word("print.incident_blank")) in text
        assert norm(word("print.phase_windows")) in text
        for phase in (p for p in guidebook.phases if p.due_within_hours):
            assert norm(phase.name) in text, f"the phase windows table lacks {phase.name!r}"
        for words in screen_only_words():
            assert words not in text, f"{kind}: printed the on-screen words {words!r}"
        assert CHECK_MARK not in text


def test_the_record_is_taken_out_after_printing(record_page, site, base_url, guidebook, tmp_path):
    checklist = guidebook.checklist("police-within-two-hours")
    page = record_page
    saved, _, _ = stored_progress(checklist, datetime.datetime.now(TZ))
    open_with_progress(page, url_of(site, base_url, checklist.id), saved)
    print_copy(page, "progress", tmp_path / "record.pdf", "Letter")
    filled = page.evaluate("""() => [...document.querySelectorAll(
        '[data-gb="print-when"], [data-gb="print-due"], [data-gb="print-incident-set"]')]
        .map(el => el.textContent).filter(Boolean)""")
    assert filled == [], "the times stayed in the page after printing"
    assert page.locator('[data-gb="print-incident-blank"]').first.evaluate("el => !el.hidden")


def test_a_checked_roster_row_keeps_its_columns_to_write_in(record_page, site, base_url, guidebook):
    checklist = next(c for c in guidebook.checklists if c.layout == "roster")
    page = record_page
    saved, checked, _ = stored_progress(checklist, datetime.datetime.now(TZ))
    open_with_progress(page, url_of(site, base_url, checklist.id), saved)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")  # as printing a copy with progress does
    for item_id in checked:
        row = page.locator(f"#{item_id}")
        assert row.locator('[data-gb="print-when"]').inner_text().startswith(CHECK_MARK)
        widths = [row.locator(".gb-roster-cell").nth(n).bounding_box()["width"] for n in range(3)]
        assert min(widths) > 60, f"{item_id}: a checked row lost its columns to write in ({widths})"
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")


def test_the_checked_times_are_made_for_printing_only(record_page, site, base_url, guidebook):
    """The page holds no element per item for the time it was checked: printing a copy with progress
    puts one after the label of each checked item (where print.css places it), and only there;
    afterwards, and for a blank copy, there is none."""
    checklist = guidebook.checklist("police-within-two-hours")
    page = record_page
    saved, checked, _ = stored_progress(checklist, datetime.datetime.now(TZ))
    open_with_progress(page, url_of(site, base_url, checklist.id), saved)
    times = page.locator('[data-gb="print-when"]')
    assert times.count() == 0, "an element per item for its checked time, though nothing is printed"
    page.evaluate("() => { window.print = () => { dispatchEvent(new Event('beforeprint')); }; }")
    page.get_by_role("button", name=word("print.progress")).click()
    placed = times.evaluate_all("""els => els.map(el => [el.closest('li').id, el.previousElementSibling.tagName,
        el.className, el.dataset.checklist, el.dataset.item, el.hidden])""")
    assert placed == [[i, "LABEL", "gb-print-when gb-print-only", checklist.id, i, True] for i in checked], placed
    assert times.first.inner_text().startswith(CHECK_MARK)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert times.count() == len(checked), "printing twice made the times twice"
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert times.count() == 0, "the times stayed in the page after printing"
    page.get_by_role("button", name=word("print.blank")).click()
    assert times.count() == 0, "a blank copy got the times the items were checked"
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")


def test_a_copy_printed_as_the_page_opens_waits_for_the_checked_times(record_page, site, base_url, guidebook):
    """The checked times on paper are written by a part of the script that loads as the page opens
    (item-record.js): "Print a copy with my progress" pressed before it has arrived waits for it."""
    checklist = guidebook.checklist("police-within-two-hours")
    page = record_page
    held = hold_requests(page, "**/guidebook/item-record.*")  # that part, until the button has been pressed
    saved, checked, _ = stored_progress(checklist, datetime.datetime.now(TZ))
    open_saved(page, url_of(site, base_url, checklist.id), saved)
    wait_for_progress(page)
    route = held_route(page, held)
    page.evaluate("() => { window.print = () => { dispatchEvent(new Event('beforeprint')); }; }")
    page.get_by_role("button", name=word("print.progress")).click()
    times = page.locator('[data-gb="print-when"]')
    page.wait_for_timeout(200)
    assert times.count() == 0, "printed before the part that writes the times had arrived"
    route.continue_()
    wait_until(page, f"document.querySelectorAll('[data-gb=\"print-when\"]').length === {len(checked)}")
    assert times.first.inner_text().startswith(CHECK_MARK)


LONG_NOTE = ("Statement posted on the city site and read to the press at the east entrance; the chief and the "
             "mayor's office agreed the wording; next update due at the top of the hour; rumor about road "
             "closures answered on social media; community liaison called the three faith leaders and the "
             "school district; the council president asked for a briefing before the evening meeting; the "
             "hotline number was repeated in Spanish and Vietnamese by the bilingual officers at the scene; the shift "
             "lead signed off at dusk.")


def longest_checklist(guidebook):
    """The checklist (not a roster) whose printed words are the most: the hardest to keep on one sheet."""
    lists = [c for c in guidebook.checklists if c.layout != "roster"]
    return max(lists, key=lambda c: sum(len(i.text) + len(i.details or "") for i in c.items))


@pytest.mark.parametrize("paper", PAPERS)
def test_a_copy_with_progress_prints_who_and_note_under_the_item(paper, record_page, site, base_url, guidebook, tmp_path):
    assert len(LONG_NOTE) == 500
    checklist = longest_checklist(guidebook)
    page = record_page
    saved, checked, _ = stored_progress(checklist, datetime.datetime.now(TZ))
    first, second = list(checked)[:2]
    saved["checks"][checklist.id][first] |= {"who": "PIO: Lt. Ruiz", "note": LONG_NOTE}
    saved["checks"][checklist.id][second] |= {"who": "Sgt. <b>Chen</b>"}
    open_with_progress(page, url_of(site, base_url, checklist.id), saved)
    pages = print_copy(page, "progress", tmp_path / f"said-{paper}.pdf", paper)
    print(f"\n{checklist.id} with a 500-character note, {paper}: {len(pages)} page(s)")
    assert len(pages) == 1, f"{checklist.id}: the copy with who and note takes {len(pages)} {paper} pages"
    text = norm(" ".join(pages))
    said = norm(f"{word('record.by', who='PIO: Lt. Ruiz')} · {LONG_NOTE}")
    assert said.replace(" ", "") in text.replace(" ", ""), "the who and the whole 500-character note are printed"
    assert norm(word("record.by", who="Sgt. <b>Chen</b>")) in text
    opening = " ".join(expected(next(i for i in checklist.items if i.id == first).text).split()[:3])
    assert text.index(opening) < text.index(norm(word("record.by", who="PIO: Lt. Ruiz"))), "the note is under its item"
    blank = norm(" ".join(print_copy(page, "blank", tmp_path / f"blank-{paper}.pdf", paper)))
    assert "Ruiz" not in blank and "Chen" not in blank, "a blank copy shows no who or note"
    assert page.locator('[data-gb="print-said"]').count() == 0, "taken out after printing"
