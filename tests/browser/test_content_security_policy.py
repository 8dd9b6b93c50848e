"""The build's Content Security Policy in real Chromium: no violation on any page, with the script,
search and the incident clock working under it.

A `securitypolicyviolation` listener is added before any of the page's own scripts run
(page.add_init_script), so a blocked inline script or worker would be counted.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.support import built_pages, page_path, wait_for_progress, word
from tools.browser import wait_until

LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture
def csp_page(page):
    page.add_init_script(LISTEN)
    return page


def violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations")


def test_no_page_violates_the_policy(csp_page, base_url, site):
    for path in [*built_pages(site), "404.html"]:
        csp_page.goto(base_url + path)
        csp_page.wait_for_load_state("networkidle")
        assert csp_page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1, path
        assert csp_page.evaluate("document.documentElement.classList.contains('js')"), f"{path}: script blocked"
        assert violations(csp_page) == [], f"{path or 'home'}: {violations(csp_page)}"


def test_search_works_under_the_policy(csp_page, base_url, guidebook):
    item = guidebook.checklist("police-long-term").items[3]
    words = " ".join(item.text.split()[:3])
    csp_page.goto(base_url)
    csp_page.wait_for_load_state("networkidle")  # our search worker is ready; it loads the index on the first search
    query = csp_page.locator("input[data-md-component='search-query']")
    query.click()
    query.press_sequentially(words, delay=30)
    csp_page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    # the results of earlier keystrokes may show first (search loads on the first query): wait for the last
    wait_until(csp_page, "part => [...document.querySelectorAll('.md-search-result__link')]"
                     ".some(a => a.getAttribute('href').includes(part))", arg="police/long-term/")
    assert violations(csp_page) == []


def test_incident_clock_and_ticks_work_under_the_policy(csp_page, base_url, site, guidebook):
    csp_page.goto(base_url + page_path(site, "police-within-24-hours"))
    panel = csp_page.locator('[data-gb="incident"]')
    panel.wait_for()
    csp_page.locator("#gb-incident-start").fill("2026-01-01T08:00")
    csp_page.get_by_role("button", name=word("incident.set")).click()
    began = word("incident.began", start="{start}").split("{start}")[0]
    expect(panel.locator('[data-gb="incident-summary"]')).to_contain_text(began)
    item = guidebook.checklist("police-within-24-hours").items[0]
    csp_page.locator(f"#check-{item.id}").check()
    csp_page.reload()
    wait_for_progress(csp_page)
    assert csp_page.locator(f"#check-{item.id}").is_checked()
    assert violations(csp_page) == []
