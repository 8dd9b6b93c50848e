"""The checklist pages: one page per checklist, made from the data (no file under docs/).

A checklist's `address` (e.g. `police/within-24-hours/`) is its public address relative to
the site; its page is generated as if it were the file `docs/police/within-24-hours.md`,
holding one macro call. Its place in the navigation comes from its part and its order:
mkdocs.yml's `nav:` names each part once, as `checklists of <part-id>`, and that entry
becomes the part's checklists. Plain Python; macros/__init__.py hands the results to MkDocs.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .errors import Problem
from .model import Checklist, Guidebook
from .yamlsource import read_yaml

NAV_MARKER = "checklists of "
CALL = re.compile(r"""\{\{-?\s*checklist\(\s*["']([^"']*)["']""")
CONFIG_FILE = "mkdocs.yml"


def page_source(checklist: Checklist) -> str:
    """The file name the page pretends to have under docs/: 'police/long-term/' -> 'police/long-term.md'."""
    return checklist.address.rstrip("/") + ".md"


def page_markdown(checklist: Checklist) -> str:
    """The whole Markdown of a checklist page: the macro renders heading, items and tools."""
    return f'{{{{ checklist("{checklist.id}") }}}}\n'


def _address_line(checklist: Checklist, root: str | None) -> int | None:
    """The line of `address:` in the checklist's file (read again only to report a problem)."""
    doc, _ = read_yaml(Path(root or ".") / checklist.file, checklist.file)
    return doc.line_of(("address",)) if doc is not None else None


def check_addresses(guidebook: Guidebook, taken: dict[str, str], root: str | None = None) -> list[Problem]:
    """Every checklist has its own address, not used by another checklist or by a page under docs/.

    `taken` maps the site-relative address of each page under docs/ to its file (e.g. 'about/' -> 'docs/about.md')."""
    problems = []
    owners = dict(taken)
    for checklist in guidebook.checklists:
        owner = owners.setdefault(checklist.address, checklist.file)
        if owner != checklist.file:
            problems.append(Problem(checklist.file, _address_line(checklist, root), "address",
                                    f"the address '{checklist.address}' is already the address of {owner}; "
                                    "every page needs its own address"))
    return problems


def unknown_checklist_calls(docs_dir: Path, guidebook: Guidebook) -> list[Problem]:
    """A page under docs/ that calls `{{ checklist("id") }}` with an id no checklist has."""
    known = {c.id for c in guidebook.checklists}
    problems = []
    for page in sorted(Path(docs_dir).rglob("*.md")):
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            for ident in CALL.findall(line):
                if ident not in known:
                    problems.append(Problem(f"{docs_dir.name}/{page.relative_to(docs_dir).as_posix()}", number,
                                            "checklist", f"there is no checklist with the id '{ident}' in "
                                            f"data/checklists/ (known checklists: {', '.join(sorted(known))})"))
    return problems


def _part_pages(guidebook: Guidebook, part_id: str) -> list[str] | None:
    part = next((p for p in guidebook.parts if p.id == part_id), None)
    if part is None:
        return None
    return [page_source(c) for c in guidebook.checklists_in(part)]


def _expand(entry: Any, guidebook: Guidebook, placed: list[str], problems: list[Problem]) -> Any:
    """One nav entry with every `checklists of <part-id>` replaced by that part's pages."""
    if isinstance(entry, str) and entry.startswith(NAV_MARKER):
        part_id = entry[len(NAV_MARKER):].strip()
        pages = _part_pages(guidebook, part_id)
        placed.append(part_id)
        if pages is None:
            known = ", ".join(p.id for p in guidebook.parts)
            problems.append(Problem(CONFIG_FILE, None, "nav", f"there is no part with the id '{part_id}' in "
                                    f"data/guidebook.yml (known parts: {known})"))
            return []
        return pages
    if isinstance(entry, list):
        expanded: list[Any] = []
        for child in entry:
            new = _expand(child, guidebook, placed, problems)
            if isinstance(child, str) and child.startswith(NAV_MARKER):
                expanded.extend(new)
            else:
                expanded.append(new)
        return expanded
    if isinstance(entry, dict):
        return {title: _expand(value, guidebook, placed, problems) for title, value in entry.items()}
    return entry


def navigation(nav: list | None, guidebook: Guidebook) -> tuple[list | None, list[Problem]]:
    """mkdocs.yml's nav with the checklists of each part in their order; a part with checklists
    that the nav does not place is a problem (its pages would be unreachable from the menu)."""
    if nav is None:
        return None, []
    placed: list[str] = []
    problems: list[Problem] = []
    expanded = _expand(nav, guidebook, placed, problems)
    for part in guidebook.parts:
        if guidebook.checklists_in(part) and part.id not in placed:
            problems.append(Problem(CONFIG_FILE, None, "nav", f"the part '{part.id}' has checklists but the nav "
                                    f"does not place them: add a section such as '- \"{part.title}\": "
                                    f"{NAV_MARKER}{part.id}'"))
    return expanded, problems
