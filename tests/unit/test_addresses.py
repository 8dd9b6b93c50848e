"""Addresses that cannot collide, checked in-process (no build): a checklist whose address would write the
file of another checklist or of a page under docs/, or that lies inside one of the site's own folders, is
refused with its file, its line and the reason; a checklist file named .YML or .Yaml is read, not skipped."""
from __future__ import annotations

import dataclasses
import shutil

import pytest

from macros import directory_address
from macros.guidebook import DataError, load_guidebook
from macros.guidebook.pages import RESERVED_FOLDERS, check_addresses, served_address
from tests.support import ROOT, copy_content


def pages_under_docs() -> dict[str, str]:
    """The address of every page under docs/ -> its file, as the build gives them to check_addresses."""
    docs = ROOT / "docs"
    return {directory_address(p.relative_to(docs).as_posix()): f"docs/{p.relative_to(docs).as_posix()}"
            for p in sorted(docs.rglob("*.md"))}


def with_address(guidebook, checklist_id: str, address: str):
    """The guidebook with one checklist moved to `address` (its file and line stay those of data/)."""
    moved = [dataclasses.replace(c, address=address) if c.id == checklist_id else c for c in guidebook.checklists]
    return dataclasses.replace(guidebook, checklists=moved)


def address_line(checklist) -> int:
    lines = (ROOT / checklist.file).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if line.startswith("address:"))


@pytest.mark.parametrize("address, served", [
    ("police/long-term/", "police/long-term/"),
    ("police/long-term/index/", "police/long-term/"),
    ("index/", ""),
    ("about/index/", "about/"),
    ("index/police/", "index/police/"),
    ("police/index-of-steps/", "police/index-of-steps/"),
])
def test_an_address_is_served_by_mkdocs_rule_for_index(address, served):
    assert served_address(address) == served
    assert directory_address(address.rstrip("/") + ".md") == served, "MkDocs' own rule agrees"


# (moved checklist, its new address, the file whose page it would replace, the address both would have)
CLASHES = [
    ("police-within-24-hours", "police/long-term/", "data/checklists/police-long-term.yml", "police/long-term/"),
    ("police-within-24-hours", "police/long-term/index/", "data/checklists/police-long-term.yml",
     "police/long-term/"),
    ("police-within-24-hours", "index/", "docs/index.md", ""),
    ("police-within-24-hours", "about/", "docs/about.md", "about/"),
    ("police-within-24-hours", "about/index/", "docs/about.md", "about/"),
    ("police-within-24-hours", "record/index/", "docs/record.md", "record/"),
    ("municipal-crisis-response", "link-to-this-guidebook/index/", "docs/link-to-this-guidebook.md",
     "link-to-this-guidebook/"),
]


@pytest.mark.parametrize("moved, address, owner, served", CLASHES)
def test_a_checklist_cannot_write_the_page_of_another(guidebook, moved, address, owner, served):
    """One problem, naming both files (the later one with the line of its address) and the address."""
    book = with_address(guidebook, moved, address)
    problems = check_addresses(book, pages_under_docs(), root=str(ROOT))
    assert len(problems) == 1, problems
    problem, checklist = problems[0], next(c for c in book.checklists if c.id == moved)
    assert problem.field == "address" and problem.file in (checklist.file, owner)
    assert problem.line == address_line(next(c for c in book.checklists if c.file == problem.file))
    assert checklist.file in str(problem) and owner in str(problem) and "the same file" in problem.message
    assert f"'{address}'" in problem.message or f"'{served}'" in problem.message
    if served != address and problem.file == checklist.file:
        assert f"'{address}'" in problem.message and f"'{served or ''}'" in problem.message, \
            "it says which page the address is served as"


@pytest.mark.parametrize("address", ["assets/", "search/", "packet/", "assets/images/cards/", "packet/letter/",
                                     "search/police/"])
def test_the_sites_own_folders_are_reserved(guidebook, address):
    book = with_address(guidebook, "police-long-term", address)
    problems = check_addresses(book, pages_under_docs(), root=str(ROOT))
    assert len(problems) == 1, problems
    problem = problems[0]
    assert (problem.file, problem.line, problem.field) == ("data/checklists/police-long-term.yml", 2, "address")
    assert f"'{address}'" in problem.message
    assert all(f"{name}/" in problem.message for name in RESERVED_FOLDERS)


@pytest.mark.parametrize("address", ["assets-and-tools/", "police/assets/", "searching/", "packets/", "index/police/"])
def test_names_that_only_look_reserved_are_free(guidebook, address):
    book = with_address(guidebook, "police-long-term", address)
    assert check_addresses(book, pages_under_docs(), root=str(ROOT)) == []


def test_the_real_addresses_are_accepted(guidebook):
    assert check_addresses(guidebook, pages_under_docs(), root=str(ROOT)) == []


@pytest.mark.parametrize("suffix", [".YML", ".Yml", ".yaml", ".YAML", ".Yaml"])
def test_a_checklist_file_in_another_letter_case_is_read(tmp_path, guidebook, suffix):
    project = copy_content(tmp_path / "project")
    folder = project / "data" / "checklists"
    shutil.move(folder / "police-long-term.yml", folder / f"police-long-term{suffix}")
    loaded = load_guidebook(project / "data", display_root=project)
    assert [c.id for c in loaded.checklists] == [c.id for c in guidebook.checklists]
    assert next(c for c in loaded.checklists if c.id == "police-long-term").file == \
        f"data/checklists/police-long-term{suffix}"


@pytest.mark.parametrize("suffix", [".YML", ".Yaml"])
def test_a_bad_checklist_file_in_another_letter_case_is_refused_by_name(tmp_path, suffix):
    project = copy_content(tmp_path / "project")
    folder = project / "data" / "checklists"
    text = (folder / "police-long-term.yml").read_text(encoding="utf-8")
    (folder / "police-long-term.yml").unlink()
    (folder / f"police-long-term{suffix}").write_text(text.replace("order: ", "order: soon # "), encoding="utf-8")
    with pytest.raises(DataError) as refused:
        load_guidebook(project / "data", display_root=project)
    assert f"data/checklists/police-long-term{suffix}, line" in refused.value.report()
