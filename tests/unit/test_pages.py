"""Checklist pages from the data: their file names, the navigation by part and order, unique addresses."""
from __future__ import annotations

import dataclasses
import json

import pytest

from macros.guidebook.pages import NAV_MARKER, check_addresses, navigation, page_markdown, page_source
from macros.guidebook.schema import Validator
from tests.support import ROOT


def test_a_page_is_named_after_its_address_and_holds_one_macro_call(guidebook):
    checklist = guidebook.checklist("police-long-term")
    assert page_source(checklist) == "police/long-term.md"
    assert page_markdown(checklist) == '{{ checklist("police-long-term") }}\n'


def test_each_part_entry_of_the_nav_becomes_its_checklists_in_order(guidebook):
    nav = [{"Home": "index.md"}] + [{part.title: NAV_MARKER + part.id} for part in guidebook.parts]
    expanded, problems = navigation(nav, guidebook)
    assert problems == []
    assert expanded[0] == {"Home": "index.md"}
    for entry, part in zip(expanded[1:], guidebook.parts, strict=True):
        assert entry == {part.title: [page_source(c) for c in guidebook.checklists_in(part)]}
    police = next(e for e in expanded if "Part 2" in next(iter(e)))
    orders = [c.order for c in guidebook.checklists if page_source(c) in next(iter(police.values()))]
    assert orders == sorted(orders) and len(orders) >= 5


def test_a_marker_inside_a_section_list_is_spliced_between_prose_pages(guidebook):
    part = guidebook.parts[0]
    expanded, problems = navigation([{"S": ["intro.md", NAV_MARKER + part.id, "outro.md"]}], guidebook)
    pages = [page_source(c) for c in guidebook.checklists_in(part)]
    assert expanded == [{"S": ["intro.md", *pages, "outro.md"]}]
    assert {p.message.split("'")[1] for p in problems} == {p.id for p in guidebook.parts[1:]}


def test_an_unknown_part_and_an_unplaced_part_are_problems_of_mkdocs_yml(guidebook):
    _, problems = navigation([{"X": NAV_MARKER + "no-such-part"}], guidebook)
    messages = [str(p) for p in problems]
    assert any("mkdocs.yml, field nav: there is no part with the id 'no-such-part'" in m for m in messages)
    assert any("the part 'part-2-police-officials' has checklists but the nav does not place them" in m
               for m in messages)


def test_two_checklists_or_a_checklist_and_a_page_cannot_share_an_address(guidebook):
    first, second = guidebook.checklists[:2]
    clash = dataclasses.replace(second, address=first.address)
    book = dataclasses.replace(guidebook, checklists=[first, clash])
    problems = check_addresses(book, {}, root=str(ROOT))
    assert [(p.file, p.field) for p in problems] == [(second.file, "address")]
    assert problems[0].line == 2 and f"already the address of {first.file}" in problems[0].message
    problems = check_addresses(guidebook, {first.address: "docs/x.md"}, root=str(ROOT))
    assert len(problems) == 1 and "already the address of docs/x.md" in problems[0].message
    assert check_addresses(guidebook, {"about/": "docs/about.md"}) == []


@pytest.mark.parametrize("address, valid", [
    ("police/within-24-hours/", True),
    ("beyond/cares-action-items/", True),
    ("checklists/", True),
    ("police/within-24-hours", False),     # must end with "/"
    ("/police/within-24-hours/", False),   # relative to the site
    ("../police/", False),
    ("police//x/", False),
    ("Police/Within-24-hours/", False),    # lowercase
    ("police/within 24 hours/", False),
    ("polícia/x/", False),                 # ASCII
    ("police/-x/", False),
    ("https://example.org/x/", False),
    ("police/x/\n", False),               # a YAML block scalar ends with a line break
])
def test_the_schema_accepts_only_relative_lowercase_addresses_ending_with_a_slash(address, valid):
    schema = json.loads((ROOT / "data" / "schema" / "checklist.schema.json").read_text(encoding="utf-8"))
    assert "address" in schema["required"]
    validator = Validator(schema["properties"]["address"])  # with the project's x-kind checks
    assert validator.is_valid(address) == valid
