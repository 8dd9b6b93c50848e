"""Benchmark: the size of the search index, beside stock Material indexing the same content.

The full index (search/search_docs.json) loads on the first search, not in a page's first load
(make budget measures that); its budget here, at most 1.00x stock Material, dates from when every
page loaded it. Our index gives every item an entry of its own, addressed to the item
(police/within-24-hours/#investigate-where-needed), which stock Material's has not: those
addresses are most of the difference. The stock anchor is built here, in the
same run: stock Material (search on, fonts off) indexing each checklist as a plain Markdown
page (title, summary, note, notice, the items as a numbered list with their details), and
the other pages' sections as our index holds them (they are the same Markdown; only the
interface is left out). The verdict compares without the packet, which our index leaves out
(`search: exclude`); a stock site would index it too, shown on its own line for reference.

A benchmark, not a test: it prints figures, the budget and a verdict, and exits 0.

    .venv/bin/python bench/search_index.py
"""
from __future__ import annotations

import gzip
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from macros.guidebook import load_guidebook
from macros.guidebook.model import Checklist
from macros.guidebook.search_index import checklist_locations, page_of, read_full_index
from tests.support import ROOT, build

BUDGET_RATIO = 1.00  # gzip size of our index / stock Material's, for the same content
GZIP_LEVEL = 6       # as bench/gzip_server.py serves it

STOCK_CONFIG = """site_name: Stock anchor
theme:
  name: material
  font: false
plugins:
  - search
"""


def row(name: str, value: str, verdict: str | None = None) -> None:
    mark = "" if verdict is None else ("  within budget" if verdict == "yes" else f"  OVER BUDGET ({verdict})")
    print(f"{name:<58} {value:>16}{mark}")


def stock_markdown(checklist: Checklist) -> str:
    """A checklist as an author of a stock Material site would write it."""
    parts = [f"# {checklist.title}", checklist.summary, checklist.note, checklist.part.notice]
    items = []
    for n, item in enumerate(checklist.items, start=1):
        items.append(f"{n}. {item.text}" + (f"\n\n    {item.details}" if item.details else ""))
    return "\n\n".join([p for p in parts if p] + items) + "\n"


def built_index(project: Path, site: Path) -> dict:
    result = build(project, site)
    if result.returncode != 0:
        sys.exit(f"build of {project} failed:\n{result.stdout}{result.stderr}")
    return read_full_index(site)


def stock_index(work: Path, ours: dict, checklists: dict[str, Checklist], packet: bool = False) -> dict:
    """Stock Material's index of the checklist pages (and the packet), plus our entries of the other pages."""
    project = work / ("stock-packet" if packet else "stock")
    (project / "docs").mkdir(parents=True)
    (project / "mkdocs.yml").write_text(STOCK_CONFIG, encoding="utf-8")
    for location, checklist in checklists.items():
        page = project / "docs" / (location.rstrip("/") + ".md")
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(stock_markdown(checklist), encoding="utf-8")
    if packet:
        every = [stock_markdown(c).replace("# ", "## ", 1) for c in checklists.values()]
        (project / "docs" / "packet.md").write_text("# Printable packet\n\n" + "\n".join(every), encoding="utf-8")
    stock = built_index(project, project.parent / (project.name + "-site"))
    prose = [d for d in ours["docs"] if page_of(d["location"]) not in checklists]
    return {"config": stock["config"], "docs": prose + stock["docs"]}


def sizes(index: dict) -> tuple[int, int]:
    raw = json.dumps(index, separators=(",", ":"), default=str).encode("utf-8")
    return len(raw), len(gzip.compress(raw, GZIP_LEVEL))


def main() -> None:
    guidebook = load_guidebook(ROOT / "data", display_root=ROOT)
    checklists = checklist_locations(guidebook, directory_urls=True)
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        work = Path(tmp)
        ours = built_index(ROOT, work / "site")
        stock = stock_index(work, ours, checklists)
        stock_with_packet = stock_index(work, ours, checklists, packet=True)
    items = sum(len(c.items) for c in checklists.values())
    ours_raw, ours_gz = sizes(ours)
    stock_raw, stock_gz = sizes(stock)
    print("Search index (the full index: search/search_docs.json, loaded on the first search), gzip level", GZIP_LEVEL)
    row("entries: ours / stock Material", f"{len(ours['docs'])} / {len(stock['docs'])}")
    row("  of which items with their own entry (ours)",
        f"{sum(1 for d in ours['docs'] if '#' in d['location'] and page_of(d['location']) in checklists)}"
        f" / {items}")
    row("raw size: ours / stock Material", f"{ours_raw} B / {stock_raw} B")
    row("gzip size: ours / stock Material", f"{ours_gz} B / {stock_gz} B")
    row("  stock Material with the packet indexed too (reference)", f"{sizes(stock_with_packet)[1]} B")
    ratio = ours_gz / stock_gz
    row(f"gzip ratio ours / stock (budget <= {BUDGET_RATIO:.2f})", f"{ratio:.2f}",
        "yes" if ratio <= BUDGET_RATIO else f"{ours_gz - stock_gz} B over")


if __name__ == "__main__":
    main()
