"""Reading a printed or built PDF back with pypdf: the size each piece of text is set in, and the
tagged structure tree (tag names, attributes, annotations), for the print and PDF packet tests."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject


def text_sizes(pdf: Path, page: int = 0) -> list[tuple[float, str]]:
    """(size in points, text) of every run of text on one page, in the order it is drawn; the size is the
    font size times the scale of the text and graphics matrices, as a reader sees it on paper."""
    runs: list[tuple[float, str]] = []

    def visit(text, cm, tm, _font, size):
        if text.strip():
            scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
            runs.append((round(size * scale, 2), text.strip()))

    PdfReader(pdf).pages[page].extract_text(visitor_text=visit)
    return runs


def size_of(runs: list[tuple[float, str]], text: str) -> float:
    """The size of the first run of text that starts with `text` (or holds it)."""
    found = [size for size, run in runs if run.startswith(text)] or [size for size, run in runs if text in run]
    assert found, f"no text {text!r} on the page"
    return found[0]


@dataclass
class Tag:
    """One element of the structure tree: its role (H1, TH, Link...), attributes, kids, annotations."""

    role: str
    attributes: dict = field(default_factory=dict)
    kids: list[Tag] = field(default_factory=list)
    annotations: list[DictionaryObject] = field(default_factory=list)
    alt: str | None = None
    parent: Tag | None = None

    def walk(self):
        yield self
        for kid in self.kids:
            yield from kid.walk()

    def path(self) -> list[str]:
        """The roles from the root down to this tag."""
        return ([*self.parent.path()] if self.parent else []) + [self.role]


def _attributes(node) -> dict:
    found: dict = {}
    owned = node.get("/A")
    for entry in owned if isinstance(owned, list) else [owned] if owned is not None else []:
        entry = entry.get_object()
        if hasattr(entry, "items"):
            found.update({str(k): v for k, v in entry.items()})
    return found


def _tag(node, parent: Tag | None) -> Tag | None:
    node = node.get_object() if isinstance(node, IndirectObject) else node
    if not isinstance(node, DictionaryObject):
        return None  # a marked-content id: text
    if node.get("/Type") == "/OBJR":
        annotation = node["/Obj"].get_object()
        if parent is not None and isinstance(annotation, DictionaryObject):
            parent.annotations.append(annotation)
        return None
    if not node.get("/S"):
        return None
    tag = Tag(str(node["/S"])[1:], _attributes(node), alt=str(node["/Alt"]) if node.get("/Alt") else None, parent=parent)
    kids = node.get("/K")
    for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
        child = _tag(kid, tag)
        if child:
            tag.kids.append(child)
    return tag


def structure(pdf: Path) -> Tag:
    """The structure tree of a tagged PDF, from its Document element down."""
    catalog = PdfReader(pdf).trailer["/Root"].get_object()
    assert isinstance(catalog, DictionaryObject)
    root = catalog["/StructTreeRoot"].get_object()
    assert isinstance(root, DictionaryObject), "the PDF is not tagged"
    kids = root["/K"]
    top = Tag("StructTreeRoot")
    for kid in kids if isinstance(kids, list) else [kids]:
        child = _tag(kid, top)
        if child:
            top.kids.append(child)
    return top

