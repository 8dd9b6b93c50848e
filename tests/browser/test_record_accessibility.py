"""axe-core over the incident record page and the new controls (issue 15), in both palettes, with a
record, a past incident opened read only, a handover link made and an incoming one shown, and the
who-and-note control open beside a checked item."""
from __future__ import annotations

import json

import pytest

from tests.browser.test_accessibility import axe_report
from tests.support import page_path, wait_for_record_page, word
from tools.saved_progress import KEY, stored

WHEN = "2026-11-20T18:00:00.000Z"


def saved(guidebook):
    police, municipal = guidebook.checklist("police-within-two-hours"), guidebook.checklist("municipal-crisis-response")
    checks = {police.id: {police.items[0].id: {"at": WHEN, "who": "J.S.", "note": "Briefed the PIO"}},
              municipal.id: {municipal.items[0].id: {"at": WHEN}}}
    log = [{"checklist": municipal.id, "item": municipal.items[1].id, "at": WHEN, "undone": WHEN}]
    incident = {"start": WHEN, "name": "Main Street protest", "roles": [guidebook.roles[0].id]}
    archive = [{"archived": WHEN, "incident": {"start": WHEN, "name": "Earlier"}, "checks": checks, "log": []}]
    return stored(checks, log=log, incident=incident, archive=archive), police


def checked_by_axe(page) -> list[str]:
    """axe, once Material's header has had the time to start swapping its title after a scroll (a button
    that moves the focus scrolls the page): axe_report then waits for the fade to end."""
    page.wait_for_timeout(300)
    return axe_report(page)


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_record_page_and_new_controls_have_no_axe_violation(browser, base_url, site, guidebook, scheme, width):
    text, police = saved(guidebook)
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 900})
    context.add_init_script(f"localStorage.setItem('{KEY}', {json.dumps(text)})")
    page = context.new_page()
    page.goto(base_url + "record/")
    wait_for_record_page(page)
    page.get_by_role("button", name=word("handover.make")).click()
    page.locator('[data-gb="handover-made"]').wait_for(state="visible")  # the link is made asynchronously
    link = page.locator('[data-gb="handover-link"]').input_value()
    page.get_by_label(word("handover.paste_label")).fill(link)
    page.get_by_role("button", name=word("handover.open")).click()
    page.locator('[data-gb="handover-incoming"]').wait_for(state="visible")
    assert checked_by_axe(page) == []
    page.get_by_role("button", name=word("record.open") + ":").click()
    page.locator('[data-gb="record-viewing"]').wait_for(state="visible")
    assert checked_by_axe(page) == []
    page.goto(base_url + page_path(site, police.id))
    page.locator(f'[data-gb="record"][data-item="{police.items[0].id}"] summary').click()
    assert page.locator(f"#who-{police.items[0].id}").input_value() == "J.S."
    assert checked_by_axe(page) == []
    context.close()
