"""The incident bar on every page while an incident runs, end to end in real Chromium: what it says,
where its link leads, It started now, the quick "... ago" choice, and a new incident that offers to save
first and keeps the preparation checklists' checks."""
from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.support import built_pages, page_path, word
from tools.browser import wait_until
from tools.saved_progress import KEY


def store(page, checks: dict, hours_ago: float | None):
    start = "null" if hours_ago is None else f"{{start: new Date(Date.now() - {hours_ago} * 3600e3).toISOString()}}"
    page.evaluate(f"""() => localStorage.setItem({json.dumps(KEY)}, JSON.stringify({{version: 2,
        checks: {json.dumps(checks)}, incident: {start}, archive: []}}))""")


def saved(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem({json.dumps(KEY)})"))


def at(item_ids) -> dict:
    return {item: {"at": "2026-11-20T10:00:00.000Z"} for item in item_ids}


@pytest.fixture
def bar(page):
    return page.locator('[data-gb="incident-bar"]')


def test_no_bar_without_an_incident(page, bar, base_url):
    page.goto(base_url)
    assert bar.count() == 1 and not bar.is_visible()


def test_every_page_shows_the_bar_while_an_incident_runs(page, bar, base_url, site, guidebook):
    """30 hours in: the window now (the first week), the next one (long term) and when it starts, and how
    many items of every started window are open (the first two hours, 24 hours and the first week), a link
    to the Now list."""
    page.goto(base_url)
    store(page, {}, 30)
    week = next(c for c in guidebook.checklists if c.phase and c.phase.due_within_hours == 168)
    long_term = next(p for p in guidebook.phases if p.id == "long-term")
    started = [c for c in guidebook.checklists if c.scope == "incident" and c.phase and c.phase.due_within_hours
               and c.phase.due_within_hours <= 168]
    assert len(started) == 3
    total = sum(len(c.items) for c in started)
    pages = [""] + [page_path(site, c.id) for c in guidebook.checklists]
    assert len(pages) > 5 and set(pages) <= set(built_pages(site)) | {""}
    for path in pages:
        page.goto(base_url + path)
        assert bar.is_visible(), path or "home"  # at once, then filled in by incidentbar.js (loaded now)
        wait_until(page, """document.querySelector('[data-gb="bar-began"]').textContent !== ''""")
        text = " ".join(bar.locator(".gb-bar-line").inner_text().split())
        assert text.startswith(word("status.began", ago=word("duration.hours", count=30), start="").split("(")[0])
        assert word("status.now", phase=week.phase.name) in text
        assert word("status.next", phase=long_term.name, left="") in text
        link = bar.get_by_role("link", name=word("status.open_now", open=total, total=total))
        assert link.evaluate("a => a.href") == base_url + "now/", path  # the address it leads to
        box = bar.bounding_box()
        assert box["y"] < 200, "near the top"
    link.click()
    assert page.url == base_url + "now/"


def test_it_started_now_and_the_quick_choice(page, bar, base_url, site, guidebook):
    checklist = guidebook.checklist("municipal-crisis-response")
    page.goto(base_url)
    store(page, {}, 5)
    page.goto(base_url + page_path(site, checklist.id))
    bar.locator("summary").click()
    bar.get_by_role("button", name=word("status.started_now")).click()
    assert bar.locator(".gb-bar-line").inner_text().startswith(
        word("status.began", ago=word("duration.under_minute"), start="").split("(")[0])
    started = saved(page)["incident"]["start"] if isinstance(saved(page)["incident"], dict) else saved(page)["incident"]
    assert started
    assert not bar.locator("details").evaluate("d => d.open"), "a choice closes its panel"
    bar.locator("summary").click()
    bar.get_by_role("combobox").select_option(label=word("status.ago", time=word("duration.minutes", count=45)))
    assert word("duration.minutes", count=45) in bar.locator(".gb-bar-line").inner_text()


def test_a_new_incident_offers_to_save_first_and_keeps_preparation(page, bar, base_url, site, guidebook):
    incident = [c for c in guidebook.checklists if c.scope == "incident"]
    preparation = [c for c in guidebook.checklists if c.scope == "preparation"]
    assert {c.id for c in preparation} >= {"police-before-an-incident", "community-stakeholders"}
    police = [c for c in incident if c.phase]
    assert police, "the police phase checklists belong to an incident"
    page.goto(base_url)
    checks = {c.id: at([c.items[0].id]) for c in guidebook.checklists}
    store(page, checks, 30)
    page.goto(base_url + page_path(site, police[0].id))
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    bar.locator("summary").click()
    bar.get_by_role("button", name=word("status.new")).click()
    question = bar.locator('[data-gb="bar-new-question"]')
    assert question.is_visible() and str(len(incident)) in question.inner_text()
    save = bar.get_by_role("button", name=word("status.save_first"))
    confirm = bar.get_by_role("button", name=word("status.confirm_new"))
    assert page.evaluate("document.activeElement.dataset.gb") == "bar-save", "the offer to save comes first"
    assert save.evaluate("(s, c) => Boolean(s.compareDocumentPosition(c) & 4)", confirm.element_handle())
    assert saved(page)["checks"].keys() == checks.keys(), "nothing cleared before the reader confirms"
    with page.expect_download() as download:
        save.click()
    exported = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert {c["id"] for c in exported["checklists"]} == set(checks)
    confirm.click()
    after = saved(page)
    assert after["incident"] is None
    assert set(after["checks"]) == {c.id for c in preparation}, "only the preparation checks are kept"
    assert not bar.is_visible()
    assert dialogs == []
    for checklist in police:
        page.goto(base_url + page_path(site, checklist.id))
        assert not any(box.is_checked() for box in page.get_by_role("checkbox").all()), checklist.id


def test_it_started_now_on_a_police_checklist_and_none_before_an_incident(page, bar, base_url, site, guidebook):
    two_hours = next(c for c in guidebook.checklists if c.phase and c.phase.due_within_hours == 2)
    page.goto(base_url + page_path(site, two_hours.id))
    assert not bar.is_visible()
    page.locator('[data-gb="incident"]').get_by_role("button", name=word("status.started_now")).click()
    # as soon as clock.js runs (it waited for this first use and presses the button again); incidentbar.js,
    # loaded then, fills it in
    expect(bar).to_be_visible()
    wait_until(page, """document.querySelector('[data-gb="bar-window"]').textContent !== ''""")
    assert word("status.now", phase=two_hours.phase.name) in bar.inner_text()
    before = guidebook.checklist("police-before-an-incident")
    page.goto(base_url + page_path(site, before.id))
    assert page.locator('[data-gb="incident"]').count() == 0, "Before an incident does not ask for a start"
