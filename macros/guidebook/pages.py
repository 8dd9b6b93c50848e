"""Which page under docs/ shows which checklist, found by reading the pages' macro calls."""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

from .errors import Problem
from .model import Guidebook

CALL = re.compile(r"""\{\{-?\s*checklist\(\s*["']([^"']*)["']""")


def find_checklist_pages(docs_dir: Path) -> dict[str, list[tuple[str, int]]]:
    """checklist id -> [(page path relative to docs/, line)] for every `{{ checklist("id") }}` call."""
    found: dict[str, list[tuple[str, int]]] = {}
    for page in sorted(Path(docs_dir).rglob("*.md")):
        rel = page.relative_to(docs_dir).as_posix()
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            for ident in CALL.findall(line):
                found.setdefault(ident, []).append((rel, number))
    return found


def check_pages(guidebook: Guidebook, calls: dict[str, list[tuple[str, int]]], docs_label: str = "docs") -> list[Problem]:
    """A page that asks for an unknown checklist, and a checklist that no page shows, are both errors."""
    problems = []
    known = {c.id for c in guidebook.checklists}
    for ident, places in calls.items():
        if ident not in known:
            for page, line in places:
                problems.append(Problem(f"{docs_label}/{page}", line, "checklist",
                                        f"there is no checklist with the id '{ident}' in data/checklists/ "
                                        f"(known checklists: {', '.join(sorted(known))})"))
    for checklist in guidebook.checklists:
        if checklist.id not in calls:
            problems.append(Problem(checklist.file, 1, "id",
                                    f"no page shows the checklist '{checklist.id}': add a page under {docs_label}/ "
                                    f"containing {{{{ checklist(\"{checklist.id}\") }}}} and list it in mkdocs.yml's nav"))
    return problems


def relative_link(from_page: str, to_page: str) -> str:
    """Relative Markdown link between two pages given relative to docs/."""
    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def page_url(page: str, directory_urls: bool = True) -> str:
    """Site-relative URL of a page given relative to docs/: 'police/long-term.md' -> 'police/long-term/'."""
    stem = page[:-3] if page.endswith(".md") else page
    if not directory_urls:
        return stem + ".html"
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_page: str, to_page: str, directory_urls: bool = True) -> str:
    """Relative URL from one built page to another, for links in raw HTML that MkDocs does not rewrite."""
    here, there = page_url(from_page, directory_urls), page_url(to_page, directory_urls)
    here_dir = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    rel = posixpath.relpath(there or ".", here_dir.rstrip("/") or ".")
    if there.endswith("/") or not there:
        rel = rel.rstrip("/") + "/"
    return "./" if rel in ("./", "") else rel
