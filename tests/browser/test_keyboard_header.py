"""The header from the keyboard (issue 26): no invisible tab stop after the search box, the palette radio
of the palette shown is checked (so Shift+Tab from search lands on the switch that is shown, rightly
named), and the palette toggle's focus ring shows on the indigo header."""
from __future__ import annotations

import pytest

NAMES = {"light": "Switch to dark mode", "dark": "Switch to light mode"}  # mkdocs.yml's palette toggles


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_header_from_the_keyboard(browser, base_url, scheme):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(base_url)
        page.locator("[data-gb-js]").first.wait_for()
        for _ in range(100):  # polled: the page's CSP refuses wait_for_function's eval
            if page.evaluate("document.querySelector('input[name=__palette]:checked') !== null"):
                break
            page.wait_for_timeout(50)
        checked = page.locator("input[name=__palette]:checked")
        assert checked.count() == 1
        assert checked.get_attribute("data-md-color-scheme") == page.evaluate("document.body.dataset.mdColorScheme")
        search = page.locator(".md-search__input")
        search.focus()
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.className")
        assert "md-search__scrollwrap" not in focused, "no invisible tab stop on the closed search results"
        search.focus()
        page.keyboard.press("Shift+Tab")
        assert page.evaluate("document.activeElement.getAttribute('aria-label')") == NAMES[scheme]
        ring = page.evaluate("""() => { const label = document.activeElement.nextElementSibling;
            const s = getComputedStyle(label); return [s.display, s.outlineStyle, s.outlineWidth, s.outlineColor]; }""")
        assert ring[0] != "none", "the label next to the focused radio is the one shown"
        assert ring[1] == "solid" and float(ring[2].rstrip("px")) >= 3
        assert ring[3] == "rgb(255, 255, 255)", "white on the indigo header"
    finally:
        context.close()
