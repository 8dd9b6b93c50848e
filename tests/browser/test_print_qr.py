"""QR codes on paper: Chromium prints a checklist page and the packet (print media, US Letter),
pdftoppm renders the paper as a 200 dpi image and zbarimg (Debian's zbar-tools) reads the codes.
On screen the code is never shown. Expected addresses come from the data and the site's address."""
from __future__ import annotations

import subprocess

import pytest

from tests.support import expected_site_url, page_path


def printed_codes(page, tmp_path, name: str) -> list[str]:
    """Every QR code read on every printed page."""
    pdf = tmp_path / f"{name}.pdf"
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format="Letter")
    page.emulate_media(media="screen")
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(pdf), str(tmp_path / name)], check=True)
    codes = []
    for image in sorted(tmp_path.glob(f"{name}-*.png")):
        result = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], check=False, capture_output=True, text=True)
        codes += result.stdout.split()
    return codes


@pytest.mark.parametrize("checklist_id", ["police-within-two-hours", "community-stakeholders"])
def test_a_printed_checklist_has_a_qr_code_that_opens_its_live_page(checklist_id, page, base_url, site, tmp_path):
    page.goto(base_url + page_path(site, checklist_id))
    address = expected_site_url() + page_path(site, checklist_id)
    assert printed_codes(page, tmp_path, checklist_id) == [address]
    image = page.get_by_role("img", name=f"QR code: {address}", include_hidden=True)
    assert image.count() == 1, "the QR code needs alt text naming the address"


def test_the_printed_packet_has_each_checklists_qr_code(page, base_url, site, guidebook, tmp_path):
    page.goto(base_url + "packet/")
    codes = printed_codes(page, tmp_path, "packet")
    want = [expected_site_url() + page_path(site, c.id) for c in guidebook.checklists]
    assert sorted(codes) == sorted(want)


@pytest.mark.parametrize("width, height, scheme", [(390, 844, "light"), (1280, 900, "dark")])
def test_the_qr_code_is_not_shown_on_screen(width, height, scheme, browser, base_url, site):
    context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)
    try:
        page = context.new_page()
        for path in (page_path(site, "police-within-24-hours"), "packet/"):
            page.goto(base_url + path)
            codes = page.locator(".gb-qr")
            assert codes.count() >= 1
            assert all(not codes.nth(n).is_visible() for n in range(codes.count())), f"{path}: QR code on screen"
    finally:
        context.close()
