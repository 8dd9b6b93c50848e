"""Accessibility: axe-core over every built page in light and dark palettes, and the keyboard."""
from __future__ import annotations

import pytest

from tests.support import built_pages

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_report(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

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
