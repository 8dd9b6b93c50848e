"""Accessibility: axe-core over every built page in light and dark palettes, and the keyboard."""
from __future__ import annotations

import pytest

from tests.support import built_pages, page_path, saved_progress_control, word
from tools.browser import wait_until
from tools.saved_progress import store_script

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


# Running CSS transitions and animations, infinite ones aside.
RUNNING = ("document.getAnimations().filter(a => a.playState === 'running'"
           " && a.effect && a.effect.getComputedTiming().endTime !== Infinity).length")


def wait_until_settled(page) -> None:
    """Wait until no transition is running. Scrolling an element into view (as a click does) makes
    Material's header swap the site name for the page title, fading one out and the other in; axe
    measures colours as drawn, so a half-faded title failed contrast now and then (dark palette)."""
    # Polled from here: wait_for_function compiles its predicate with eval inside the page, which the
    # site's Content Security Policy forbids.
    for _ in range(200):
        if page.evaluate(RUNNING) == 0:
            return
        page.wait_for_timeout(50)
    raise AssertionError("transitions still running after 10 s")


def axe_report(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    wait_until_settled(page)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": TAGS}, "resultTypes": ["violations"]})
    return [f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:5]}"
            for v in results.response["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_has_no_axe_violation(browser, site, base_url, scheme):
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    failures = {}
    for path in built_pages(site):
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        found = axe_report(page)
        if found:
            failures[path] = found
    context.close()
    assert failures == {}, "\n".join(f"{p}:\n  " + "\n  ".join(v) for p, v in failures.items())


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_states_the_script_shows_have_no_axe_violation(browser, site, base_url, guidebook, scheme):
    """Incident clock with a window past, a storage notice, a role view, an import message."""
    context = browser.new_context(color_scheme=scheme)
    context.add_init_script(store_script("{broken"))
    page = context.new_page()
    # Transitions at a fifth of their speed: axe would always catch the header's title mid-fade, so this
    # test fails for sure (instead of now and then) if axe_report stops waiting for a settled page.
    cdp = context.new_cdp_session(page)
    cdp.send("Animation.enable")
    cdp.send("Animation.setPlaybackRate", {"playbackRate": 0.2})
    page.goto(base_url + page_path(site, "police-within-24-hours"))
    page.locator("#gb-incident-start").fill("2020-01-01T08:00")
    page.get_by_role("button", name=word("incident.set")).click()
    page.locator(".gb-past").first.wait_for()
    assert page.locator('[data-gb="storage-notice"]').is_visible()
    assert axe_report(page) == []
    page.goto(base_url + f"?role={guidebook.roles[0].id}")
    with page.expect_file_chooser() as chooser:
        saved_progress_control(page, "overview.import").click()
    chooser.value.set_files(files=[{"name": "x.json", "mimeType": "application/json", "buffer": b"nope"}])
    wait_until(page, "document.getElementById('gb-import-status').textContent.length > 0")
    assert axe_report(page) == []
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_incident_bar_and_its_controls_have_no_axe_violation(browser, site, base_url, scheme):
    """The bar on the home page and a checklist, with its Change controls and the new-incident question open."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url)
    page.evaluate("""() => localStorage.setItem('ccm-guidebook.progress', JSON.stringify({version: 2, checks: {},
        incident: {start: new Date(Date.now() - 30 * 3600e3).toISOString()}, archive: []}))""")
    for path in ["", page_path(site, "municipal-crisis-response")]:
        page.goto(base_url + path)
        bar = page.locator('[data-gb="incident-bar"]')
        assert bar.is_visible()
        wait_until(page, """document.querySelector('[data-gb="bar-open"]').textContent !== ''""")  # incidentbar.js
        assert axe_report(page) == [], path or "home"
        bar.locator("summary").click()
        bar.get_by_role("button", name=word("status.new")).click()
        assert axe_report(page) == [], path or "home"
    context.close()
