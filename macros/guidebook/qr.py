"""QR codes for paper: each printed checklist carries one that opens its live page.

Made at build time with segno as an SVG in a data: URI, so nothing is fetched and
no script runs: the printed page and the PDF packet use the same image.
"""
from __future__ import annotations

from functools import lru_cache

import segno

QUIET_ZONE = 2  # modules of white drawn around the code; the blank paper around it adds more


@lru_cache(maxsize=64)
def qr_data_uri(address: str) -> str:
    """An SVG QR code encoding `address`, as a data: URI for an <img>: the smallest code that holds it,
    with the strongest error correction that fits in that size (at least L)."""
    code = segno.make_qr(address, error="l", boost_error=True)
    return code.svg_data_uri(border=QUIET_ZONE, omitsize=True, encode_minimal=True,
                             svgclass=None, lineclass=None, dark="#000")
