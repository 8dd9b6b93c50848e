"""Storage that lasts, in real Chromium: the browser is asked to keep the site's storage when an incident
starts; the record page says whether it agreed and, when not, reminds the reader (once checks are 3 days
old and were never saved to a file or handed over) with the button that saves the record; an iPhone's
browser gets the one-line Home Screen hint on the home and record pages, once."""
from __future__ import annotations

import json

import pytest

from tests.support import first_use_of_record_page, page_path, word
from tools.browser import wait_until
from tools.saved_progress import KEY, stored

IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
          "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1")
DAY = 24 * 3600 * 1000


def fake_storage(persisted: bool) -> str:
    """An init script: navigator.storage answers `persisted`; persist() calls are counted in the page."""
    return f"""
      window.gbPersistCalls = 0;
      Object.defineProperty(navigator.storage, "persisted", {{ value: () => Promise.resolve({json.dumps(persisted)}) }});
      Object.defineProperty(navigator.storage, "persist", {{
        value: () => {{ window.gbPersistCalls += 1; return Promise.resolve({json.dumps(persisted)}); }} }});
    """


def saved_with_old_checks(checklist, days: float) -> str:
    """An init script that saves two checks made `days` ago (the time computed in the page)."""
    text = stored({checklist.id: {item.id: {"at": "AT"} for item in checklist.items[:2]}})
    return f"""const at = new Date(Date.now() - {days * DAY}).toISOString();
      localStorage.setItem({json.dumps(KEY)}, {json.dumps(text)}.replaceAll('"AT"', JSON.stringify(at)));"""


@pytest.mark.parametrize("persisted", [True, False])
def test_the_record_page_says_whether_the_browser_keeps_the_record(page, context, base_url, persisted):
    context.add_init_script(fake_storage(persisted))
    page.goto(base_url + "record/")
    first_use_of_record_page(page)  # no record yet: the record's modules, and this line, come with the first use
    status = page.locator("[data-gb='keep-status']")
    status.wait_for(timeout=10_000)
    assert status.inner_text() == word("offline.kept" if persisted else "offline.not_kept")
    assert page.locator("[data-gb='keep-reminder']").count() == 0, "no checks: no reminder"


def test_a_calm_reminder_for_old_checks_never_saved_and_its_button(page, context, base_url, guidebook):
    context.add_init_script(fake_storage(False))
    context.add_init_script(saved_with_old_checks(guidebook.checklists[0], 4))
    page.goto(base_url + "record/")
    reminder = page.locator("[data-gb='keep-reminder']")
    reminder.wait_for(timeout=10_000)
    assert word("offline.reminder") in reminder.inner_text()
    with page.expect_download() as download:
        reminder.get_by_role("button", name=word("offline.save_record")).click()
    assert download.value.suggested_filename.endswith(".json")
    assert reminder.count() == 0, "saved: the reminder goes"
    page.reload()
    page.locator("[data-gb='keep-status']").wait_for(timeout=10_000)
    assert page.locator("[data-gb='keep-reminder']").count() == 0, "and stays away"


@pytest.mark.parametrize("days, persisted", [(2, False), (4, True)])
def test_no_reminder_for_recent_checks_or_when_the_browser_keeps_them(page, context, base_url, guidebook,
                                                                      days, persisted):
    context.add_init_script(fake_storage(persisted))
    context.add_init_script(saved_with_old_checks(guidebook.checklists[0], days))
    page.goto(base_url + "record/")
    page.locator("[data-gb='keep-status']").wait_for(timeout=10_000)
    assert page.locator("[data-gb='keep-reminder']").count() == 0


def test_the_browser_is_asked_to_keep_the_storage_when_an_incident_starts(page, context, base_url, site, guidebook):
    context.add_init_script(fake_storage(False))
    page.goto(base_url + page_path(site, "police-within-two-hours"))
    page.locator("[data-gb='incident-summary']").click()
    page.locator("[data-gb='incident-now']").click()
    wait_until(page, "window.gbPersistCalls === 1")
    checklist = guidebook.checklist("police-within-two-hours")
    page.locator(f"#check-{checklist.items[0].id}").check()  # another change in the same incident
    page.wait_for_timeout(500)
    assert page.evaluate("window.gbPersistCalls") == 1
    page.reload()
    page.locator("[data-gb='incident-now']").wait_for(state="attached")
    page.wait_for_timeout(500)
    assert page.evaluate("window.gbPersistCalls") == 0, "asked once per incident, not on every page"


@pytest.fixture
def iphone(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, user_agent=IPHONE,
                                  is_mobile=True, has_touch=True)
    yield context
    context.close()


def test_an_iphone_gets_the_home_screen_hint_once_on_home_and_record(iphone, base_url, site):
    page = iphone.new_page()
    hint = page.locator("[data-gb='home-screen-hint']")
    for path in ("", "record/"):
        page.goto(base_url + path)
        if path:
            first_use_of_record_page(page)  # no record yet: the record's lines come with the first use
        hint.wait_for(timeout=10_000)
        assert hint.inner_text() == word("offline.iphone_hint")
        assert hint.evaluate("e => e.previousElementSibling.tagName") == "H1", "one line under the title"
        page.reload()
        page.wait_for_load_state("load")
        page.wait_for_timeout(1500)
        assert hint.count() == 0, "once"
    page.goto(base_url + page_path(site, "police-within-two-hours"))
    page.wait_for_timeout(1500)
    assert hint.count() == 0, "only the home and record pages"


def test_no_hint_on_other_browsers(page, base_url):
    page.goto(base_url)
    page.locator("[data-gb='words']").wait_for(state="attached")
    page.wait_for_timeout(1500)
    assert page.locator("[data-gb='home-screen-hint']").count() == 0


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_hint_the_reminder_and_the_update_notice_have_no_axe_violation(browser, base_url, guidebook, scheme):
    from tests.browser.test_accessibility import axe_report

    context = browser.new_context(color_scheme=scheme, viewport={"width": 390, "height": 844}, user_agent=IPHONE,
                                  is_mobile=True, has_touch=True)
    context.add_init_script(fake_storage(False))
    context.add_init_script(saved_with_old_checks(guidebook.checklists[0], 4))
    page = context.new_page()
    page.goto(base_url + "record/")
    page.locator("[data-gb='keep-reminder']").wait_for(timeout=10_000)
    page.locator("[data-gb='home-screen-hint']").wait_for()
    # The update notice, as offline-worker.js shows it when a newer edition waits (update-notice.js, loaded then).
    page.evaluate("""async () => {
      const url = performance.getEntriesByType('resource').map(e => e.name).find(n => n.includes('/offline-worker.'));
      await (await import(url)).showUpdateNotice(document, { waiting: {} }, { addEventListener() {} }, 0);
    }""")
    page.locator("[data-gb='update-notice']").wait_for()
    assert axe_report(page) == []
    context.close()


def test_delete_all_data_also_deletes_what_keep_noted(page, context, base_url, site):
    context.add_init_script(fake_storage(False))
    page.goto(base_url + page_path(site, "police-within-two-hours"))
    page.locator("[data-gb='incident-summary']").click()
    page.locator("[data-gb='incident-now']").click()
    wait_until(page, "window.gbPersistCalls === 1")
    page.goto(base_url + "record/")
    page.locator("[data-gb='keep-status']").wait_for(timeout=10_000)  # keep.js runs once the page is idle
    with page.expect_download():
        page.locator("[data-gb='record-export'][data-format='json']").click()
    ours = "Object.keys(localStorage).filter(k => k.startsWith('ccm-guidebook')).sort()"
    assert {"ccm-guidebook.keep-asked", "ccm-guidebook.copied-at"} <= set(page.evaluate(ours))
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name=word("privacy.delete_all")).click()
    assert page.evaluate(ours) == []
