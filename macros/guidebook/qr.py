"""QR codes for paper: each printed checklist carries one that opens its live page.

Made at build time with segno as a PNG in a data: URI, so nothing is fetched and
no script runs: the printed page and the PDF packet use the same image. A PNG of
4 pixels per module (printed at 48 CSS px, about 250 dpi) is 0.4 KB gzipped where
the same code as an SVG path is 0.55 KB, on every checklist page.
"""
from __future__ import annotations

from functools import cache

import segno

QUIET_ZONE = 2  # modules of white drawn around the code; the blank paper around it adds more
PNG_SCALE = 4  # pixels per module


# Each address's code is drawn once per build, for its page and both packets: the cache holds every
# address (a few per checklist, 0.5 KB each). A bound below the number of checklists drew each code again.
@cache
def qr_data_uri(address: str) -> str:
    """A PNG QR code encoding `address`, as a data: URI for an <img>: the smallest code that holds it,
    with the strongest error correction that fits in that size (at least L)."""
    code = segno.make_qr(address, error="l", boost_error=True)
    return code.png_data_uri(scale=PNG_SCALE, border=QUIET_ZONE, dark="#000")
