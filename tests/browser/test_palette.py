"""Boxes, radio buttons, progress bars and focus rings in the theme's colours, in both palettes: an empty
box is an outlined empty box (not the browser's grey-filled one, which looks disabled in the dark palette),
a checked one is filled, and the progress track is not white in the dark palette. Measured as drawn:
computed colours, composited over the page's background, and their contrast (WCAG 1.4.11 asks 3:1)."""
from __future__ import annotations

import io
import re

import pytest

from tests.support import page_path

SCHEMES = {"light": "default", "dark": "slate"}
STYLE = """([selector, pseudo]) => {
  const el = document.querySelector(selector);
  const s = getComputedStyle(el);
  return {background: s.backgroundColor, border: s.borderTopColor, borderWidth: parseFloat(s.borderTopWidth),
          outline: s.outlineColor, outlineWidth: parseFloat(s.outlineWidth), outlineStyle: s.outlineStyle,
          page: getComputedStyle(document.body).backgroundColor,
          accent: getComputedStyle(el).getPropertyValue('--md-accent-fg-color').trim()};
}"""


def rgba(css: str) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)]
    return (*numbers[:3], numbers[3] if len(numbers) > 3 else 1.0)  # type: ignore[return-value]


def over(color: str, background: str) -> tuple[float, float, float]:
    """`color` as drawn on the opaque `background`."""
    r, g, b, a = rgba(color)
    br, bg, bb, _ = rgba(background)
    return (r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a))


def luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one: tuple[float, float, float], two: tuple[float, float, float]) -> float:
    high, low = sorted([luminance(one), luminance(two)], reverse=True)
    return (high + 0.05) / (low + 0.05)


def style(page, selector: str) -> dict:
    return page.evaluate(STYLE, [selector, None])


@pytest.fixture(params=list(SCHEMES))
def themed(request, browser):
    context = browser.new_context(color_scheme=request.param, viewport={"width": 390, "height": 844})
    page = context.new_page()
    yield page, SCHEMES[request.param]
    context.close()


def open_page(page, url: str, scheme: str) -> None:
    page.goto(url)
    page.locator("[data-gb-js]").first.wait_for()
    assert page.evaluate("document.body.dataset.mdColorScheme") == scheme


def assert_empty_and_outlined(found: dict, what: str) -> None:
    page = over(found["page"], "rgb(255, 255, 255)")
    assert over(found["background"], found["page"]) == page, f"{what}: not empty ({found['background']})"
    assert found["borderWidth"] >= 1.5, f"{what}: no visible outline"
    ratio = contrast(over(found["border"], found["page"]), page)
    assert ratio >= 3, f"{what}: outline contrast {ratio:.2f}"


def test_an_empty_box_is_outlined_and_a_checked_box_is_filled(themed, base_url, site):
    page, scheme = themed
    open_page(page, base_url + page_path(site, "police-within-two-hours"), scheme)
    assert_empty_and_outlined(style(page, ".gb-check"), f"empty box ({scheme})")
    page.locator(".gb-check").first.check()
    checked = style(page, ".gb-check:checked")
    ratio = contrast(over(checked["background"], checked["page"]), over(checked["page"], "rgb(255, 255, 255)"))
    assert ratio >= 3, f"a checked box is filled ({scheme}): contrast {ratio:.2f}"


def test_radio_buttons_are_outlined_in_both_palettes(themed, base_url):
    page, scheme = themed
    open_page(page, base_url, scheme)
    assert_empty_and_outlined(style(page, '.gb-roles input[type="radio"]:not(:checked)'), f"radio ({scheme})")
    checked = style(page, '.gb-roles input[type="radio"]:checked')
    assert over(checked["border"], checked["page"]) != over(checked["page"], "rgb(255, 255, 255)")


def drawn(locator) -> tuple[float, float, float]:
    """The mean colour of an element as the browser drew it (a screenshot, not a computed style: the
    browser's own progress bar draws its track whatever the style says)."""
    from PIL import Image, ImageStat

    image = Image.open(io.BytesIO(locator.screenshot())).convert("RGB")
    return tuple(ImageStat.Stat(image).mean)  # type: ignore[return-value]


def test_the_progress_track_follows_the_palette(themed, base_url, site):
    page, scheme = themed
    open_page(page, base_url + page_path(site, "police-within-two-hours"), scheme)
    bar = page.locator(".gb-progress progress")
    assert bar.evaluate("b => b.value") == 0, "nothing checked: the bar is all track"
    track = drawn(bar)
    page_color = over(page.evaluate("getComputedStyle(document.body).backgroundColor"), "rgb(255, 255, 255)")
    if scheme == "slate":
        assert luminance(track) < 0.1, f"the track is light on the dark palette: {track}"
    assert 1.05 < contrast(track, page_color) < 3, "the track shows, as a quiet shade of the page"


def test_the_focus_ring_uses_the_theme_accent(themed, base_url, site):
    page, scheme = themed
    open_page(page, base_url + page_path(site, "police-within-two-hours"), scheme)
    page.keyboard.press("Tab")  # the skip link, which leads to the title
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")  # the first box, or with no incident the row "When did it start?" above it
    for _ in range(7):  # Now, 10, 20, 30, 60 min ago, Other… (issue 26)
        if page.evaluate("document.activeElement.classList.contains('gb-check')"):
            break
        assert page.evaluate("document.activeElement.closest('[data-gb=\"start-row\"]') !== null")
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('gb-check')")
    found = page.evaluate(STYLE, ["input:focus-visible", None])
    assert found["outlineStyle"] != "none" and found["outlineWidth"] >= 2
    assert over(found["outline"], found["page"]) == over(page.evaluate(
        "c => { const e = document.createElement('i'); e.style.color = c; document.body.append(e);"
        " const v = getComputedStyle(e).color; e.remove(); return v; }", found["accent"]), found["page"])
    ratio = contrast(over(found["outline"], found["page"]), over(found["page"], "rgb(255, 255, 255)"))
    assert ratio >= 3, f"focus ring contrast {ratio:.2f} ({scheme})"
