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


# The site's own top folders: the build writes files into them (theme and page assets, link preview
# cards; the search index and worker; the PDF packets). A checklist may not live inside one.
RESERVED_FOLDERS = ("assets", "search", "packet")


def _address_line(checklist: Checklist, root: str | None) -> int | None:
    """The line of `address:` in the checklist's file (read again only to report a problem)."""
    doc, _ = read_yaml(Path(root or ".") / checklist.file, checklist.file)
    return doc.line_of(("address",)) if doc is not None else None


def served_address(address: str) -> str:
    """The address a page is served at, by MkDocs' rule for a file named index: 'police/long-term/index/'
    is written as police/long-term/index.html, the page of 'police/long-term/'; 'index/' is the home page ('')."""
    folders = address.strip("/").split("/")
    while folders and folders[-1] == "index":
        folders.pop()
    return "".join(folder + "/" for folder in folders)


def _reserved_problem(checklist: Checklist, root: str | None) -> Problem | None:
    first = checklist.address.split("/", 1)[0]
    if first not in RESERVED_FOLDERS:
        return None
    names = ", ".join(f"{name}/" for name in RESERVED_FOLDERS)
    return Problem(checklist.file, _address_line(checklist, root), "address",
                   f"the address '{checklist.address}' is inside '{first}/', one of the site's own folders, "
                   f"which the build fills ({names}); choose an address outside them")


def _as_page(address: str, served: str, named: bool = False) -> str:
    """'' when the address is its own page's; else which page it is written as (naming the address if `named`)."""
    if served == address:
        return ""
    page = f"'{served}'" if served else "'', the home page"
    return f" ({f'address {address!r}, ' if named else ''}the page of {page})"


def _where(owner: str | Checklist, root: str | None) -> tuple[str, str]:
    """A page that has an address: (its file, with the line of its address for a checklist; that address)."""
    if not isinstance(owner, Checklist):
        return owner, ""
    line = _address_line(owner, root)
    return owner.file + (f", line {line}" if line else ""), owner.address


def _clash_message(checklist: Checklist, served: str, owner: str | Checklist, root: str | None) -> str:
    owner_file, owner_address = _where(owner, root)
    owner_page = _as_page(owner_address, served, named=True) if owner_address else ""
    return (f"the address '{checklist.address}'{_as_page(checklist.address, served)} is already the address of "
            f"{owner_file}{owner_page}; both would write the same file: every page needs its own address")


def check_addresses(guidebook: Guidebook, taken: dict[str, str], root: str | None = None) -> list[Problem]:
    """Every checklist has its own address, outside the site's own folders, and not served as the page of
    another checklist or of a page under docs/ (an address ending in 'index/' is its folder's page).

    `taken` maps the site-relative address of each page under docs/ to its file (e.g. 'about/' -> 'docs/about.md').
    The files are read again only to give the line of a problem."""
    problems = []
    owners: dict[str, str | Checklist] = dict(taken)
    for checklist in guidebook.checklists:
        reserved = _reserved_problem(checklist, root)
        if reserved:
            problems.append(reserved)
            continue
        served = served_address(checklist.address)
        owner = owners.setdefault(served, checklist)
        if owner is not checklist:
            problems.append(Problem(checklist.file, _address_line(checklist, root), "address",
                                    _clash_message(checklist, served, owner, root)))
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
