"""The incident as one flow on a phone (issue 26), in real Chromium at 390x844, light and dark: start in one
tap above the first item, the bar that answers "what now?", the Now list, Hand over… (link, QR code read
back with zbarimg, merged in another browser context, shift summary, calendar file), and Undo that waits."""
from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime, timedelta

import pytest

from tests.browser.test_accessibility import axe_report
from tests.support import page_path, word
from tools.browser import wait_until
from tools.saved_progress import KEY

PHONE = {"width": 390, "height": 844}
SCHEMES = ["light", "dark"]
BAR = '[data-gb="incident-bar"]'
FILLED = """document.querySelector('[data-gb="bar-open"]').textContent !== ''"""


@pytest.fixture(params=SCHEMES)
def phone(request, browser):
    """A page on a phone-sized screen in the light or dark palette, failing on any script error."""
    context = browser.new_context(viewport=PHONE, color_scheme=request.param, device_scale_factor=2)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], f"JavaScript errors: {errors}"


def store(page, checks: dict, hours_ago: float | None) -> None:
    start = "null" if hours_ago is None else f"{{start: new Date(Date.now() - {hours_ago} * 3600e3).toISOString()}}"
    page.evaluate(f"""() => localStorage.setItem({json.dumps(KEY)}, JSON.stringify({{version: 3,
        checks: {json.dumps(checks)}, log: [], incident: {start}, archive: []}}))""")


def saved(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem({json.dumps(KEY)})"))


def windowed(guidebook):
    return [c for c in guidebook.checklists if c.scope == "incident" and c.phase]


def open_now_words(guidebook, hours: float, checked: int = 0) -> str:
    """The bar's count: the items of every window that has started by `hours`."""
    started = [c for c in windowed(guidebook) if (c.phase.due_within_hours is None and hours >= 168)
               or (c.phase.due_within_hours and hours >= previous_hours(guidebook, c.phase))]
    total = sum(len(c.items) for c in started)
    return word("status.open_now", open=total - checked, total=total)


def previous_hours(guidebook, phase) -> float:
    """When a phase's window starts: the end of the timed phase before it (0 for the first)."""
    before = [p.due_within_hours for p in guidebook.phases if p.due_within_hours and p.due_within_hours < phase.due_within_hours]
    return max(before, default=0)


def test_the_start_row_is_above_the_first_item_of_each_windowed_checklist_only(phone, base_url, site, guidebook):
    assert len(windowed(guidebook)) >= 4
    for checklist in guidebook.checklists:
        phone.goto(base_url + page_path(site, checklist.id))
        row = phone.locator('[data-gb="start-row"]')
        first = phone.locator(".gb-item").first
        if checklist in windowed(guidebook):
            row.wait_for(state="visible")
            assert row.inner_text().startswith(word("start.question")), checklist.id
            assert row.bounding_box()["y"] + row.bounding_box()["height"] <= first.bounding_box()["y"], checklist.id
        else:
            assert row.count() == 0, f"{checklist.id}: a preparation checklist, or one without a window, has no row"
        box = first.bounding_box()
        assert box["y"] + 40 <= PHONE["height"], f"{checklist.id}: the first item is on the first phone screen"
    phone.emulate_media(media="print")
    phone.goto(base_url + page_path(site, windowed(guidebook)[0].id))
    assert not phone.locator('[data-gb="start-row"]').is_visible(), "never printed"


def test_the_home_page_offers_the_row_under_responding_right_now(phone, base_url):
    phone.goto(base_url)
    row = phone.locator('[data-gb="start-row"]')
    row.wait_for(state="visible")
    heading = phone.get_by_role("heading", name=word("wayin.responding"))
    assert heading.bounding_box()["y"] < row.bounding_box()["y"] < PHONE["height"] - 60


def test_twenty_minutes_ago_in_one_tap_starts_the_incident(phone, base_url, site, guidebook):
    checklist = windowed(guidebook)[0]
    phone.goto(base_url + page_path(site, checklist.id))
    phone.locator('[data-gb="start-row"]').get_by_role("button", name=word("start.minutes_name", count=20)).click()
    bar = phone.locator(BAR)
    assert bar.is_visible()
    wait_until(phone, FILLED)
    assert bar.locator(".gb-bar-line").inner_text().startswith(
        word("status.began", ago=word("duration.minutes", count=20), start="").split("(")[0])
    assert not phone.locator('[data-gb="start-row"]').is_visible(), "the row gives way to the bar"
    assert phone.evaluate("document.activeElement.dataset.gb") == "incident-bar", "the focus follows to the bar"
    start = datetime.fromisoformat(saved(phone)["incident"]["start"].replace("Z", "+00:00"))
    assert abs(datetime.now(UTC) - timedelta(minutes=20) - start) < timedelta(seconds=30)
    assert phone.locator(".gb-item").first.bounding_box()["y"] + 40 <= PHONE["height"], \
        "with the bar, the first item is still on the first screen"


def test_other_opens_the_date_and_time(phone, base_url, site, guidebook):
    phone.goto(base_url + page_path(site, windowed(guidebook)[0].id))
    row = phone.locator('[data-gb="start-row"]')
    row.get_by_role("button", name=word("start.other")).click()
    field = row.get_by_label(word("start.other_label"))
    assert field.is_visible() and phone.evaluate("document.activeElement.id") == "gb-start-when"
    when = (datetime.now() - timedelta(hours=3)).strftime("%Y-%m-%dT%H:%M")
    field.fill(when)
    row.get_by_role("button", name=word("start.set")).click()
    wait_until(phone, FILLED)
    assert word("duration.hours", count=3) in phone.locator(BAR).inner_text()


@pytest.mark.parametrize("hours, current, following", [
    (3, "first-24-hours", "first-week"),  # the first two windows together
    (30, "first-week", "long-term"),
])
def test_the_bar_counts_every_started_window_and_names_the_next(phone, base_url, site, guidebook, hours, current, following):
    phone.goto(base_url)
    two_hours = next(c for c in windowed(guidebook) if c.phase.due_within_hours == 2)
    before = guidebook.checklist("police-before-an-incident")
    store(phone, {two_hours.id: {two_hours.items[0].id: {"at": "2026-12-07T01:00:00.000Z"}}, before.id: {}}, hours)
    phone.goto(base_url + page_path(site, guidebook.checklists[0].id))
    wait_until(phone, FILLED)
    bar = phone.locator(BAR)
    phases = {p.id: p for p in guidebook.phases}
    text = " ".join(bar.locator(".gb-bar-line").inner_text().split())
    assert word("status.now", phase=phases[current].name) in text
    assert word("status.next", phase=phases[following].name, left="").strip() in text
    assert bar.locator('[data-gb="bar-open"]').inner_text() == open_now_words(guidebook, hours, checked=1)


def controls(bar):
    return bar.locator("a:visible, button:visible, summary:visible, select:visible, input:visible, textarea:visible")


def test_no_control_of_the_bar_is_under_44_px_and_a_choice_closes_its_panel(phone, base_url, site, guidebook):
    phone.goto(base_url)
    store(phone, {}, 1)
    phone.goto(base_url + page_path(site, windowed(guidebook)[1].id))
    wait_until(phone, FILLED)
    bar = phone.locator(BAR)

    def heights():
        return [(c.evaluate("e => e.dataset.gb || e.textContent.trim() || e.tagName"), c.bounding_box()["height"])
                for c in controls(bar).all()]
    assert all(h >= 44 for _, h in heights()), heights()
    bar.locator("summary").click()
    assert all(h >= 44 for _, h in heights()), heights()
    end = bar.get_by_role("button", name=word("status.new"))
    now_button = bar.get_by_role("button", name=word("status.started_now"))
    gap = end.bounding_box()["y"] - (now_button.bounding_box()["y"] + now_button.bounding_box()["height"])
    assert gap >= 60, "the destructive action sits apart from the time controls"
    assert "gb-button--destructive" in end.get_attribute("class")
    assert end.evaluate("e => getComputedStyle(e).color") != now_button.evaluate("e => getComputedStyle(e).color")
    bar.get_by_role("combobox").select_option(label=word("status.ago", time=word("duration.minutes", count=45)))
    assert not bar.locator("details").evaluate("d => d.open"), "a choice closes its panel"
    assert phone.evaluate("document.activeElement.tagName") == "SUMMARY"
    bar.get_by_role("button", name=word("status.handover")).click()
    bar.locator('[data-gb="handoff-made"]').wait_for(state="visible")
    assert all(h >= 44 for _, h in heights()), heights()


def test_the_now_list_lists_open_items_of_started_windows_and_checks_them_on_their_own_page(phone, base_url, site, guidebook):
    two_hours, day = (next(c for c in windowed(guidebook) if c.phase.due_within_hours == h) for h in (2, 24))
    week = next(c for c in windowed(guidebook) if c.phase.due_within_hours == 168)
    phone.goto(base_url)
    store(phone, {two_hours.id: {two_hours.items[0].id: {"at": "2026-12-07T01:00:00.000Z"}}}, 3)
    phone.goto(base_url + page_path(site, day.id))
    wait_until(phone, FILLED)
    phone.locator('[data-gb="bar-open"]').click()
    phone.wait_for_url(base_url + "now/")
    groups = phone.locator('[data-gb="now-group"]:visible')
    groups.first.wait_for()
    shown = [g.get_attribute("data-checklist") for g in groups.all()]
    assert shown[:2] == [two_hours.id, day.id], "earliest window first"
    assert week.id not in shown, "a window not yet started is not listed"
    assert "police-before-an-incident" not in shown
    first_group = phone.locator(f'[data-gb="now-group"][data-checklist="{two_hours.id}"]')
    assert first_group.get_by_role("checkbox").filter(visible=True).count() == len(two_hours.items) - 1, \
        "an item already done is not listed"
    next_line = phone.locator('[data-gb="now-next"]')
    assert next_line.inner_text().startswith(word("now.next", phase=week.phase.name, start="", left="").split(" starts")[0])
    assert next_line.bounding_box()["y"] < PHONE["height"] / 2, "the next window at the top"
    item = day.items[1]
    box = phone.locator(f'[data-gb="now-group"][data-checklist="{day.id}"] input[data-item="{item.id}"]')
    box.check()
    phone.locator(f'[data-gb="now-group"][data-checklist="{day.id}"] [data-gb="record"] summary').first.click()
    who = phone.locator(f'[data-gb="now-group"][data-checklist="{day.id}"] [data-gb="record-who"]').first
    who.fill("Sgt. Ortiz")
    who.press("Tab")
    assert box.is_visible(), "a check made here stays in view, for its who and note"
    phone.goto(base_url + page_path(site, day.id))
    assert phone.locator(f"#check-{item.id}").is_checked(), "checked on its own page"
    assert saved(phone)["checks"][day.id][item.id]["who"] == "Sgt. Ortiz"


def qr_text(page, locator, path) -> str:
    locator.screenshot(path=str(path))
    result = subprocess.run(["zbarimg", "--quiet", "--raw", str(path)], capture_output=True, text=True, check=False)
    return result.stdout.strip()


def test_hand_over_shows_a_qr_code_of_the_link_that_another_phone_merges(phone, browser, base_url, site, guidebook, tmp_path):
    two_hours = next(c for c in windowed(guidebook) if c.phase.due_within_hours == 2)
    phone.goto(base_url)
    store(phone, {two_hours.id: {two_hours.items[0].id: {"at": "2026-12-07T01:00:00.000Z", "who": "PIO Lt. Ruiz",
                                                         "note": "first statement out"},
                                 two_hours.items[2].id: {"at": "2026-12-07T01:10:00.000Z"}}}, 1)
    phone.goto(base_url + page_path(site, two_hours.id))
    wait_until(phone, FILLED)
    bar = phone.locator(BAR)
    bar.get_by_role("button", name=word("status.handover")).click()
    panel = bar.locator('[data-gb="handoff"]')
    panel.locator('[data-gb="handoff-made"]').wait_for(state="visible")
    assert word("shift.snapshot") in panel.inner_text()
    link = panel.locator('[data-gb="handoff-link"]').input_value()
    assert link.startswith(base_url + "record/#handover=")
    figure = panel.locator('[data-gb="handoff-qr"]')
    assert figure.get_attribute("aria-label") == word("shift.qr_label")
    assert qr_text(phone, figure, tmp_path / "qr.png") == link

    summary = panel.locator('[data-gb="handoff-summary"]').input_value()
    numbers = range(1, len(two_hours.items) + 1)
    assert word("shift.line", title=two_hours.title, parts="; ".join([
        word("shift.done", items=f"{word('shift.who', number=1, who='PIO Lt. Ruiz')}, 3"),
        word("shift.open", items=", ".join(str(n) for n in numbers if n not in (1, 3)))])) in summary
    following = next(p for p in guidebook.phases if p.due_within_hours == 24)  # one hour in
    assert word("shift.next", phase=following.name, start="{start}").split("{start}")[0] in summary

    other = browser.new_context(viewport=PHONE)
    try:
        taker = other.new_page()
        taker.goto(link)
        taker.locator('[data-gb="handover-merge"]').click()
        back = taker.get_by_role("link", name=word("shift.after_merge"))
        back.wait_for(state="visible")
        stored = saved(taker)["checks"][two_hours.id]
        assert stored[two_hours.items[0].id]["who"] == "PIO Lt. Ruiz"
        assert stored[two_hours.items[0].id]["note"] == "first statement out"
        back.click()
        taker.wait_for_url(base_url + "now/")
        taker.locator(f'[data-gb="now-group"][data-checklist="{two_hours.id}"]').wait_for(state="visible")
    finally:
        other.close()


def test_a_link_too_long_for_a_qr_code_says_so_and_keeps_the_link(phone, base_url, site, guidebook):
    two_hours = next(c for c in windowed(guidebook) if c.phase.due_within_hours == 2)
    notes = {item.id: {"at": "2026-12-07T01:00:00.000Z", "who": f"Officer {i}",
                       "note": "".join(chr(0x4E00 + (i * 97 + k * 31) % 5000) for k in range(400))}
             for i, item in enumerate(two_hours.items)}
    phone.goto(base_url)
    store(phone, {two_hours.id: notes}, 1)
    phone.goto(base_url + page_path(site, two_hours.id))
    wait_until(phone, FILLED)
    phone.locator(BAR).get_by_role("button", name=word("status.handover")).click()
    panel = phone.locator('[data-gb="handoff"]')
    panel.locator('[data-gb="handoff-made"]').wait_for(state="visible")
    link = panel.locator('[data-gb="handoff-link"]').input_value()
    assert len(link) > 1273
    assert not panel.locator('[data-gb="handoff-qr"]').is_visible()
    assert panel.locator('[data-gb="handoff-too-long"]').inner_text() == word("shift.too_long", length=len(link))


def parse_ics(text: str) -> list[dict]:
    """The events of an iCalendar text (lines unfolded), each with its fields and its alarms."""
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.rstrip("\r\n").endswith("END:VCALENDAR")
    lines = text.replace("\r\n ", "").split("\r\n")
    events: list[dict] = []
    stack: list[dict] = []
    for line in filter(None, lines):
        name, _, value = line.partition(":")
        if name == "BEGIN":
            stack.append({"kind": value, "alarms": []})
        elif name == "END":
            done = stack.pop()
            assert done["kind"] == value
            if value == "VEVENT":
                events.append(done)
            elif value == "VALARM":
                stack[-1]["alarms"].append(done)
        elif stack:
            stack[-1][name.split(";")[0]] = value
    return events


def test_the_calendar_file_has_one_event_and_alarm_per_upcoming_window(phone, base_url, site, guidebook):
    phone.goto(base_url)
    store(phone, {}, 3)
    phone.goto(base_url + page_path(site, windowed(guidebook)[0].id))
    wait_until(phone, FILLED)
    phone.locator(BAR).get_by_role("button", name=word("status.handover")).click()
    phone.locator('[data-gb="handoff-made"]').wait_for(state="visible")
    with phone.expect_download() as download:
        phone.get_by_role("button", name=word("shift.calendar")).click()
    assert download.value.suggested_filename == word("shift.calendar_file")
    events = parse_ics(download.value.path().read_bytes().decode("utf-8"))  # CRLF kept, as RFC 5545 asks
    upcoming = [p for p in guidebook.phases if p.id in ("first-week", "long-term")]  # 3 hours in
    assert [e["SUMMARY"] for e in events] == [word("shift.calendar_event", phase=p.name) for p in upcoming]
    assert all(len(e["alarms"]) == 1 and e["alarms"][0]["TRIGGER"] == "PT0S" for e in events)
    starts = [datetime.strptime(e["DTSTART"], "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC) for e in events]
    assert all(start > datetime.now(UTC) for start in starts)


def test_undo_after_a_reset_waits_and_takes_the_focus(phone, base_url, site, guidebook):
    checklist = guidebook.checklist("municipal-crisis-response")
    phone.clock.install()
    phone.goto(base_url + page_path(site, checklist.id))
    phone.locator(f"#check-{checklist.items[0].id}").check()
    reset = phone.get_by_role("button", name=word("checklist.reset"))
    reset.click()
    undo = phone.get_by_role("button", name=word("undo.undo"), exact=True)
    assert phone.evaluate("document.activeElement.dataset.gb") == "undo-button"
    phone.clock.run_for(31_000)
    assert undo.is_visible(), "still there after 30 s"
    undo.click()
    assert phone.locator(f"#check-{checklist.items[0].id}").is_checked()
    assert phone.evaluate("document.activeElement.dataset.gb") == "reset", "the focus goes back to the reset button"
    reset.click()
    phone.locator(f"#check-{checklist.items[1].id}").check()
    assert not undo.is_visible(), "doing something else closes it"


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_axe_violation_on_the_now_list_and_the_open_panels(browser, base_url, site, guidebook, scheme):
    context = browser.new_context(viewport=PHONE, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(base_url)
        store(page, {}, 30)
        page.goto(base_url + "now/")
        page.locator('[data-gb="now-group"]:visible').first.wait_for()
        assert axe_report(page) == [], "now list"
        page.goto(base_url + page_path(site, windowed(guidebook)[0].id))
        wait_until(page, FILLED)
        page.locator(BAR).get_by_role("button", name=word("status.handover")).click()
        page.locator('[data-gb="handoff-made"]').wait_for(state="visible")
        assert axe_report(page) == [], "hand over panel"
        page.goto(base_url + page_path(site, windowed(guidebook)[0].id))
        store(page, {}, None)
        page.reload()
        page.locator('[data-gb="start-row"]').get_by_role("button", name=word("start.other")).click()
        assert axe_report(page) == [], "start row"
    finally:
        context.close()


def test_the_now_list_of_a_municipal_role_holds_its_own_checklists(phone, base_url, guidebook):
    role = next(r for r in guidebook.roles if r.id == "chief-executive")
    audiences = {a.id for a in role.audiences}
    expected = [c.id for c in guidebook.checklists if c.scope == "incident" and not c.phase
                and audiences & {a.id for a in c.audiences}]
    assert expected
    phone.goto(base_url)
    store(phone, {}, 1)
    phone.goto(base_url + f"now/?role={role.id}")
    phone.locator('[data-gb="now-group"]:visible').first.wait_for()
    shown = [g.get_attribute("data-checklist") for g in phone.locator('[data-gb="now-group"]:visible').all()]
    assert sorted(shown) == sorted(expected), "a municipal role: its own checklists, no police window"
    assert phone.locator('[data-gb="now-role"]').inner_text() == word("now.role", role=role.name)
