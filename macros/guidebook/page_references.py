"""pydyf's list of page references, made once per page count instead of once per use.

WeasyPrint asks `pdf.page_references[n]` for every tagged element, link and bookmark it writes
(weasyprint/pdf/tags.py, anchors.py), and pydyf 0.13 builds the whole tuple of the document's page
references on each call: work that grows with elements x pages, the square of the guidebook's size
(1.75 s of a 10x packet, about 100 times that at 100x). `install()` replaces the property, in the process
that lays out a PDF, with one that keeps the tuple until a page is added: the same references, so the
same PDF (decision record 2026-12-07-bounded-pdf-builds).
"""
from __future__ import annotations

from typing import Any

import pydyf

_KEPT = "_guidebook_page_references"  # on each pydyf.PDF: (page count, the references)


def page_references(pdf: Any) -> tuple[bytes, ...]:
    """What pydyf's `PDF.page_references` returns ("N 0 R" of each page, in order), made again only when
    the number of pages has changed (pydyf only ever appends to Kids: PDF.add_page)."""
    kids = pdf.pages["Kids"]
    kept = pdf.__dict__.get(_KEPT)
    if kept is None or kept[0] != len(kids):
        kept = (len(kids), tuple(f"{number} 0 R".encode("ascii") for number in kids[::3]))
        pdf.__dict__[_KEPT] = kept
    return kept[1]


def install() -> None:
    """Use `page_references` for every pydyf.PDF made in this process from now on."""
    pydyf.PDF.page_references = property(page_references)
