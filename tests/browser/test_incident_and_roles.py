"""Incident mode and role views in real Chromium, with a fixed clock and time zone."""
from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from tests.support import page_path, saved_progress_control, wait_for_packet, wait_for_progress, word
from tools.browser import wait_until
from tools.saved_progress import SAVED

ZONE = "America/New_York"
BEGAN = word("incident.began", start="").split("{")[0].rstrip(" .")  # "Incident began"
NOW = dt.datetime(2026, 11, 23, 9, 24, tzinfo=ZoneInfo(ZONE))


def clock(when: dt.datetime) -> str:
    """The time format the page uses in en-US: 'Mon, Nov 23, 9:14 AM'."""
    return f"{when:%a, %b} {when.day}, {when.hour % 12 or 12}:{when:%M} {when:%p}"


def text(locator) -> str:
    return " ".join(locator.inner_text().replace("\u202f", " ").split())


@pytest.fixture
def context(browser):
    context = browser.new_context(locale="en-US", timezone_id=ZONE, viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def police_page(page, base_url, site, guidebook):
    page.clock.install(time=NOW)
    def go(checklist_id="police-within-24-hours"):
        page.goto(base_url + page_path(site, checklist_id))
        clock_ready(page)
        return page.locator('[data-gb="incident"]')
    return go


def clock_ready(page):
    """The incident clock loads with import() once the page's script has started, which can be after the
    page's load event: its Set button waits, disabled, until the clock has shown the saved start."""
    expect(page.get_by_role("button", name=word("incident.set"))).to_be_enabled()


def set_start(page, start: dt.datetime):
    page.locator("#gb-incident-start").fill(start.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name=word("incident.set")).click()
    # where the clock waited for this first use (first-use.js), the click is pressed again once clock.js runs:
    # the start is then saved, or refused with a message
    wait_until(page, f"{SAVED}?.incident?.start != null"
                     " || document.querySelector('[data-gb=\"incident-error\"]').textContent.trim() !== ''")


def status_of(panel, phase_id) -> str:
    return text(panel.locator(f'[data-phase="{phase_id}"] [data-gb="phase-status"]'))


def phases_with_hours(guidebook):
    return [p for p in guidebook.phases if p.due_within_hours]


def open_words(count: int) -> str:
    return word("incident.open_items", open=count) if count > 1 else word("incident.open_item")


def test_two_hours_ten_minutes_in_is_a_window_not_a_deadline(page, police_page, guidebook):
    panel = police_page()
    start = NOW - dt.timedelta(hours=2, minutes=10)
    set_start(page, start)
    timed = phases_with_hours(guidebook)
    two_hours = next(p for p in timed if p.due_within_hours == 2)
    day = next(p for p in timed if p.due_within_hours == 24)
    week = next(p for p in timed if p.due_within_hours == 168)
    open_two = len(guidebook.checklist("police-within-two-hours").items)
    assert status_of(panel, two_hours.id) == word("incident.still_open", open=open_words(open_two))
    assert "gb-past" in panel.locator(f'[data-phase="{two_hours.id}"]').get_attribute("class")
    assert "gb-now" in panel.locator(f'[data-phase="{day.id}"]').get_attribute("class")
    assert status_of(panel, week.id) == word("incident.starts_in", left=word("duration.hours", count=22))
    summary = text(panel.locator('[data-gb="incident-summary"]'))
    assert word("incident.began", start=clock(start)) in summary
    assert word("incident.now_in", phase=day.name) in summary
    shown = text(panel).lower()
    for deadline_word in ("overdue", "late", "due by", " h ", " min"):
        assert deadline_word not in f" {shown} ", deadline_word


def test_the_clock_refreshes_the_phases_without_reading_the_summary_out_again(page, police_page, guidebook):
    """The summary is a live region: it changes (and is read out) only when the window changes."""
    panel = police_page()
    set_start(page, NOW - dt.timedelta(hours=2, minutes=10))
    week = next(p for p in phases_with_hours(guidebook) if p.due_within_hours == 168)
    assert panel.locator('[data-gb="incident-summary"]').get_attribute("aria-live") == "polite"
    page.evaluate("""() => { window.summaryChanges = 0;
        const summary = document.querySelector('[data-gb="incident-summary"]');
        new MutationObserver(() => window.summaryChanges++).observe(summary,
            {childList: true, characterData: true, subtree: true}); }""")
    page.clock.run_for("01:00:00")
    assert status_of(panel, week.id) == word("incident.starts_in", left=word("duration.hours", count=21))
    assert page.evaluate("window.summaryChanges") == 0


def test_each_phase_counts_its_open_items_before_any_start(page, police_page, guidebook):
    """On a checklist page, whose manifest is a summary, as on the pages with the whole one: "Before an
    incident" too (its checklist is kept across incidents), not "Done" with nothing checked."""
    panel = police_page()
    for phase in guidebook.phases:
        count = sum(len(c.items) for c in guidebook.checklists if c.phase and c.phase.id == phase.id)
        assert status_of(panel, phase.id) == open_words(count), phase.id


def test_a_window_with_every_item_checked_is_done(page, police_page, guidebook):
    two_hours = guidebook.checklist("police-within-two-hours")
    panel = police_page(two_hours.id)
    set_start(page, NOW - dt.timedelta(hours=3))
    for item in two_hours.items:
        page.locator(f"#check-{item.id}").check()
    assert text(panel.locator(f'[data-phase="{two_hours.phase.id}"] [data-gb="phase-status"]')) == word("incident.done")


def test_clear_and_future_start(page, police_page):
    panel = police_page()
    set_start(page, NOW + dt.timedelta(hours=1))
    assert text(panel.locator('[data-gb="incident-error"]')) == word("incident.future")
    set_start(page, NOW - dt.timedelta(hours=1))
    assert BEGAN in text(panel.locator('[data-gb="incident-summary"]'))
    page.once("dialog", lambda d: d.accept())
    panel.get_by_role("button", name=word("incident.clear")).click()
    assert BEGAN not in text(panel.locator('[data-gb="incident-summary"]'))
    assert not panel.locator(".gb-now").count()
    page.reload()
    clock_ready(page)
    assert BEGAN not in text(page.locator('[data-gb="incident-summary"]'))


def test_incident_start_survives_reload_and_export_import(page, police_page, base_url, tmp_path):
    panel = police_page()
    start = NOW - dt.timedelta(minutes=45)
    set_start(page, start)
    page.reload()
    clock_ready(page)
    assert word("incident.began", start=clock(start)) in text(page.locator('[data-gb="incident-summary"]'))
    page.goto(base_url)
    with page.expect_download() as info:
        saved_progress_control(page, "overview.export").click()
    path = tmp_path / "progress.json"
    info.value.save_as(path)
    exported = json.loads(path.read_text())
    assert dt.datetime.fromisoformat(exported["incident_start"].replace("Z", "+00:00")) == start
    page.once("dialog", lambda d: d.accept())
    saved_progress_control(page, "overview.reset_all").click()
    page.once("dialog", lambda d: d.accept())
    with page.expect_file_chooser() as chooser:
        saved_progress_control(page, "overview.import").click()
    chooser.value.set_files(str(path))
    wait_until(page, "document.getElementById('gb-import-status').textContent.length > 0")
    panel = police_page()
    assert word("incident.began", start=clock(start)) in text(panel.locator('[data-gb="incident-summary"]'))


def order_of(page):
    return page.locator('.gb-overview-list[data-gb="role-sort"] > li').evaluate_all(
        "items => items.map(li => li.querySelector('[data-gb=count]').dataset.checklist)")


@pytest.mark.parametrize("role_index", [0, 1, 2])
def test_shared_role_link_puts_that_roles_checklists_first(page, base_url, guidebook, role_index):
    role = guidebook.roles[role_index]
    wanted = [c.id for c in guidebook.checklists_for(role)]
    page.goto(base_url + f"?role={role.id}")
    page.locator('[data-gb="role-status"]').wait_for()
    order = order_of(page)
    assert sorted(order) == sorted(c.id for c in guidebook.checklists)
    for part in guidebook.parts:  # progress is grouped under the parts: the role's checklists first in each
        in_part = [c for c in order if guidebook.checklist(c).part.id == part.id]
        wanted_here = [c for c in wanted if c in in_part]
        assert in_part[: len(wanted_here)] == wanted_here, part.id
    assert page.get_by_label(role.name).is_checked()
    assert text(page.locator('[data-gb="role-status"]')) == word("roles.showing", name=role.name)


def test_picking_a_role_writes_it_into_the_address(page, base_url, guidebook):
    page.goto(base_url)
    assert order_of(page) == [c.id for c in guidebook.checklists]
    role = guidebook.roles[1]
    page.get_by_label(role.name).check()
    assert page.url.endswith(f"?role={role.id}")
    first = guidebook.checklists_for(role)[0]
    in_part = [c for c in order_of(page) if guidebook.checklist(c).part.id == first.part.id]
    assert in_part[0] == first.id
    assert page.locator(".gb-entries li").first.get_attribute("data-role") == role.id
    page.get_by_label(word("roles.everyone")).check()
    assert "role=" not in page.url
    assert order_of(page) == [c.id for c in guidebook.checklists]


def test_unknown_role_shows_everything(page, base_url, guidebook):
    page.goto(base_url + "?role=fire-chief")
    expect(page.locator('[data-gb="role-status"]')).to_have_text(word("roles.unknown", id="fire-chief"))  # roles.js, loaded now
    assert order_of(page) == [c.id for c in guidebook.checklists]


def test_shared_role_link_orders_the_packet_too(page, base_url, site, guidebook):
    role = next(r for r in guidebook.roles if guidebook.checklists_for(r)[0] != guidebook.checklists[0])
    wanted = [c.id for c in guidebook.checklists_for(role)]
    page.goto(base_url + f"?role={role.id}")
    page.locator('a[data-gb="keep-role"][href*="packet/"]').click()
    assert page.url.endswith(f"packet/?role={role.id}")
    wait_for_progress(page)  # the script has run
    wait_for_packet(page)
    order = page.locator('[data-gb="role-sort"] > section').evaluate_all(
        "sections => sections.map(s => s.querySelector('.gb-checklist').dataset.checklist)")
    assert order[: len(wanted)] == wanted
    assert sorted(order) == sorted(c.id for c in guidebook.checklists)


def test_the_phase_strip_is_one_row_wide_and_fits_a_narrow_phone(page, police_page, guidebook):
    """The computed layout, not only the markup: our grid wins over Material's `ol` rules."""
    panel = police_page()
    set_start(page, NOW - dt.timedelta(hours=30))
    strip = panel.locator("ol.gb-timeline")
    assert strip.evaluate("el => getComputedStyle(el).display") == "grid"
    # Every box read in one go: the incident bar, loaded once the start is set, can move the page between two reads.
    boxes = "list => list.map((li) => li.getBoundingClientRect()).map(({ x, y, width, height }) => ({ x, y, width, height }))"
    tops = {round(box["y"]) for box in strip.locator("> li").evaluate_all(boxes)}
    assert len(tops) == 1, f"one row at 1280 px, got rows at {sorted(tops)}"
    assert strip.bounding_box()["height"] < 120
    page.set_viewport_size({"width": 320, "height": 700})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, "no sideways scrolling at 320 px"
    for box in strip.locator("> li").evaluate_all(boxes):
        assert box["x"] >= 0 and box["x"] + box["width"] <= 320
        assert box["height"] < 60, "one compact line per window, not a card"


def test_no_phase_is_called_overdue_late_or_due_by_anywhere(site):
    pages = [p.read_text(encoding="utf-8") for p in site.rglob("*.html")]
    scripts = [p.read_text(encoding="utf-8") for p in (site / "assets" / "javascripts").glob("guidebook*.js")]
    assert scripts, "the guidebook script is in the built site"
    for text_ in pages + scripts:
        lowered = text_.lower()
        for phrase in ("overdue", "due by", "due next", "is late", "running late"):
            assert phrase not in lowered, phrase
