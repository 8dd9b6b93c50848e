"""QR codes: the PNG that segno makes decodes (zbarimg, from Debian's zbar-tools) to the address,
and every printed checklist carries one, with alt text, print-only."""
from __future__ import annotations

import base64
import re
import subprocess

import pytest

from macros.guidebook.pdf import render_pdf
from macros.guidebook.qr import qr_data_uri
from tests.unit.test_render import make_checklist, make_renderer


def decode(data_uri: str, tmp_path) -> list[str]:
    """Print the image (WeasyPrint, 25 mm wide), render the page at 150 dpi (pdftoppm), read it (zbarimg)."""
    pdf = render_pdf(f'<html lang="en"><title>QR</title><img src="{data_uri}" alt="QR" style="width: 25mm">')
    (tmp_path / "qr.pdf").write_bytes(pdf.data)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", str(tmp_path / "qr.pdf"), str(tmp_path / "qr")],
                   check=True)
    result = subprocess.run(["zbarimg", "--quiet", "--raw", str(tmp_path / "qr.png")],
                            check=False, capture_output=True, text=True)
    return result.stdout.split()


@pytest.mark.parametrize("address", [
    "http://127.0.0.1:8000/police/within-24-hours/",
    "https://www.ccm-ct.org/cares/guidebook/municipal/crisis-response/",
])
def test_qr_code_decodes_to_the_address(address, tmp_path):
    assert decode(qr_data_uri(address), tmp_path) == [address]


def test_qr_code_is_a_png_that_fetches_nothing():
    uri = qr_data_uri("https://example.org/a/")
    assert uri.startswith("data:image/png;base64,")
    assert base64.b64decode(uri.split(",", 1)[1]).startswith(b"\x89PNG\r\n\x1a\n"), "an image, nothing that runs"


def test_printed_checklist_carries_the_qr_code_with_alt_text_and_only_on_paper():
    checklist = make_checklist()
    renderer = make_renderer(checklist)
    renderer.public_urls = {checklist.id: 'https://example.org/a"b<c/'}
    html = renderer.checklist(checklist)
    element = re.search(r'<p class="gb-qr gb-print-only" hidden>.*?</p>', html).group(0)
    assert 'alt="QR code: https://example.org/a&#34;b&lt;c/"' in element
    assert re.search(r'<img src="data:image/png;base64,[^"]+"', element)


def test_without_a_public_address_there_is_no_qr_code():
    checklist = make_checklist()
    assert "gb-qr" not in make_renderer(checklist).checklist(checklist)


def test_each_address_is_drawn_once_however_many_checklists_there_are():
    """A 100x guidebook has hundreds of addresses: a bounded cache drew every code again for the packets."""
    addresses = [f"https://example.org/cache-test/{n}/" for n in range(300)]
    for address in addresses:
        qr_data_uri(address)
    before = qr_data_uri.cache_info()
    for address in addresses:
        qr_data_uri(address)
    after = qr_data_uri.cache_info()
    assert after.misses == before.misses and after.hits == before.hits + len(addresses)


def test_a_build_of_more_than_64_checklists_draws_each_code_once(monkeypatch):
    """What a build draws: each checklist's page, the packet page, and both papers' PDF packets, for 70
    checklists (past the 64 addresses the cache once held): one code per address, drawn once."""
    from macros.guidebook import qr
    from macros.guidebook.pdf import PAPERS, packet_html
    from macros.guidebook.render import Renderer
    from tests.unit.test_pdf import many_checklists

    drawn: list[str] = []
    make_qr = qr.segno.make_qr
    monkeypatch.setattr(qr.segno, "make_qr", lambda content, **options: drawn.append(content) or make_qr(content, **options))
    qr_data_uri.cache_clear()
    book = many_checklists(70)
    home = "https://example.org/draw-count/"
    addresses = {c.id: f"{home}{c.address}" for c in book.checklists}
    renderer = Renderer(book, public_urls=addresses)
    for checklist in book.checklists:
        renderer.checklist(checklist)
    renderer.packet()
    for paper in PAPERS:
        packet_html(book, addresses, home, paper)
    assert sorted(drawn) == sorted({*addresses.values(), home}), "a code was drawn twice, or one is missing"
