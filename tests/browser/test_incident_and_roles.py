"""Incident mode and role views in real Chromium, with a fixed clock and time zone."""
from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest

from tests.support import page_path, word

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
        page.locator('[data-gb="incident"]').wait_for()
        return page.locator('[data-gb="incident"]')
    return go


def set_start(page, start: dt.datetime):
    page.locator("#gb-incident-start").fill(start.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_role("button", name=word("incident.set")).click()


def status_of(panel, phase_id) -> str:
    return text(panel.locator(f'[data-phase="{phase_id}"] [data-gb="phase-status"]'))


def due_next_in(hours: int, minutes: int) -> str:
    return word("incident.next", left=word("incident.hours_minutes", hours=hours, minutes=minutes)).strip()


def phases_with_hours(guidebook):
    return [p for p in guidebook.phases if p.due_within_hours]


def test_two_hours_ten_minutes_in(page, police_page, guidebook):
    panel = police_page()
    start = NOW - dt.timedelta(hours=2, minutes=10)
    set_start(page, start)
    timed = phases_with_hours(guidebook)
    for phase in timed:
        due = start + dt.timedelta(hours=phase.due_within_hours)
        due_text = text(panel.locator(f'[data-phase="{phase.id}"] [data-gb="phase-due"]'))
        assert due_text == word("incident.due", due=clock(due))
    two_hours = next(p for p in timed if p.due_within_hours == 2)
    day = next(p for p in timed if p.due_within_hours == 24)
    assert status_of(panel, two_hours.id).startswith(word("incident.overdue").strip())
    assert "gb-overdue" in panel.locator(f'[data-phase="{two_hours.id}"]').get_attribute("class")
    assert status_of(panel, day.id).startswith(due_next_in(21, 50))
    assert "gb-now" in panel.locator(f'[data-phase="{day.id}"]').get_attribute("class")
    summary = text(panel.locator('[data-gb="incident-summary"]'))
    assert word("incident.began", start=clock(start)) in summary
    assert word("incident.summary_overdue", phase=two_hours.name) in summary
    assert word("incident.summary_next", phase=day.name, due=clock(start + dt.timedelta(hours=24))) in summary


def test_the_clock_refreshes_the_phases_without_reading_the_summary_out_again(page, police_page, guidebook):
    """The summary is a live region: it changes (and is read out) only when a phase changes state."""
    panel = police_page()
    set_start(page, NOW - dt.timedelta(hours=2, minutes=10))
    day = next(p for p in phases_with_hours(guidebook) if p.due_within_hours == 24)
    assert panel.locator('[data-gb="incident-summary"]').get_attribute("aria-live") == "polite"
    page.evaluate("""() => { window.summaryChanges = 0;
        const summary = document.querySelector('[data-gb="incident-summary"]');
        new MutationObserver(() => window.summaryChanges++).observe(summary,
            {childList: true, characterData: true, subtree: true}); }""")
    page.clock.run_for("05:00")
    assert status_of(panel, day.id).startswith(due_next_in(21, 45))
    assert page.evaluate("window.summaryChanges") == 0


def test_a_phase_with_every_item_checked_is_not_overdue(page, police_page, guidebook):
    two_hours = guidebook.checklist("police-within-two-hours")
    panel = police_page(two_hours.id)
    set_start(page, NOW - dt.timedelta(hours=3))
    for item in two_hours.items:
        page.locator(f"#check-{item.id}").check()
    assert text(panel.locator(f'[data-phase="{two_hours.phase.id}"] [data-gb="phase-status"]')) == word("incident.done")
    overdue = word("incident.summary_overdue", phase="").split()[0]
    assert overdue not in text(panel.locator('[data-gb="incident-summary"]'))


def test_clear_and_future_start(page, police_page):
    panel = police_page()
    set_start(page, NOW + dt.timedelta(hours=1))
    assert text(panel.locator('[data-gb="incident-error"]')) == word("incident.future")
    set_start(page, NOW - dt.timedelta(hours=1))
    assert BEGAN in text(panel.locator('[data-gb="incident-summary"]'))
    page.once("dialog", lambda d: d.accept())
    panel.get_by_role("button", name=word("incident.clear")).click()
    assert BEGAN not in text(panel.locator('[data-gb="incident-summary"]'))
    assert all(not text(d) for d in panel.locator('[data-gb="phase-due"]').all())
    page.reload()
    assert BEGAN not in text(page.locator('[data-gb="incident-summary"]'))


def test_incident_start_survives_reload_and_export_import(page, police_page, base_url, tmp_path):
    panel = police_page()
    start = NOW - dt.timedelta(minutes=45)
    set_start(page, start)
    page.reload()
    assert word("incident.began", start=clock(start)) in text(page.locator('[data-gb="incident-summary"]'))
    page.goto(base_url)
    with page.expect_download() as info:
        page.get_by_role("button", name=word("overview.export")).click()
    path = tmp_path / "progress.json"
    info.value.save_as(path)
    exported = json.loads(path.read_text())
    assert dt.datetime.fromisoformat(exported["incident_start"].replace("Z", "+00:00")) == start
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name=word("overview.reset_all")).click()
    page.once("dialog", lambda d: d.accept())
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name=word("overview.import")).click()
    chooser.value.set_files(str(path))
    page.wait_for_function("document.getElementById('gb-import-status').textContent.length > 0")
    panel = police_page()
    assert word("incident.began", start=clock(start)) in text(panel.locator('[data-gb="incident-summary"]'))


def order_of(page):
    return page.locator('[data-gb="role-sort"] > li').evaluate_all(
        "items => items.map(li => li.querySelector('[data-gb=count]').dataset.checklist)")


@pytest.mark.parametrize("role_index", [0, 1, 2])
def test_shared_role_link_puts_that_roles_checklists_first(page, base_url, guidebook, role_index):
    role = guidebook.roles[role_index]
    wanted = [c.id for c in guidebook.checklists_for(role)]
    page.goto(base_url + f"?role={role.id}")
    page.locator('[data-gb="role-status"]').wait_for()
    order = order_of(page)
    assert order[: len(wanted)] == wanted
    assert sorted(order) == sorted(c.id for c in guidebook.checklists)
    assert page.get_by_label(role.name).is_checked()
    assert text(page.locator('[data-gb="role-status"]')) == word("roles.showing", name=role.name)


def test_picking_a_role_writes_it_into_the_address(page, base_url, guidebook):
    page.goto(base_url)
    assert order_of(page) == [c.id for c in guidebook.checklists]
    role = guidebook.roles[1]
    page.get_by_label(role.name).check()
    assert page.url.endswith(f"?role={role.id}")
    assert order_of(page)[0] == guidebook.checklists_for(role)[0].id
    page.get_by_label(word("roles.everyone")).check()
    assert "role=" not in page.url
    assert order_of(page) == [c.id for c in guidebook.checklists]


def test_unknown_role_shows_everything(page, base_url, guidebook):
    page.goto(base_url + "?role=fire-chief")
    assert order_of(page) == [c.id for c in guidebook.checklists]
    assert text(page.locator('[data-gb="role-status"]')) == word("roles.unknown", id="fire-chief")


def test_shared_role_link_orders_the_packet_too(page, base_url, site, guidebook):
    role = next(r for r in guidebook.roles if guidebook.checklists_for(r)[0] != guidebook.checklists[0])
    wanted = [c.id for c in guidebook.checklists_for(role)]
    page.goto(base_url + f"?role={role.id}")
    page.locator('a[data-gb="keep-role"]').click()
    assert page.url.endswith(f"packet/?role={role.id}")
    page.wait_for_function("performance.getEntriesByName('gb-progress-restore').length > 0")  # the script has run
    order = page.locator('[data-gb="role-sort"] > section').evaluate_all(
        "sections => sections.map(s => s.querySelector('.gb-checklist').dataset.checklist)")
    assert order[: len(wanted)] == wanted
    assert sorted(order) == sorted(c.id for c in guidebook.checklists)
