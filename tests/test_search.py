"""The built search index: content only, and one entry per item at the item's own address.

Expected entries come from the data; the interface words that must stay out are read
from the catalogue of interface words (data/messages/en.yml), so a new button's words are
checked without a change here."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml

from macros.guidebook.inline import render_inline
from tests.support import ROOT, checklist_pages, plain


def phrases(text: str) -> set[str]:
    """A whole message of two words or more, or the runs of three words or more between its {placeholders}."""
    runs = re.split(r"\{\w+\}|\"", text)
    least = 2 if len(runs) == 1 else 3
    return {" ".join(r.split()).strip(" .,:;?()") for r in runs if len(re.findall(r"[A-Za-z]{2,}", r)) >= least}


def interface_phrases() -> set[str]:
    """Every phrase of the interface's catalogue (data/messages/en.yml): buttons, labels, messages."""
    catalogue = yaml.safe_load((ROOT / "data" / "messages" / "en.yml").read_text(encoding="utf-8"))
    fragments = ("what_", "more")  # parts of a sentence ("the check ...", "and 3 more"), not phrases of their own
    content = ("meta", "addresses", "sources", "snippet", "wayin")  # words that label content (the link page, the home page)
    return {p for group, names in catalogue.items() if group not in content for name, words in names.items()
            if not name.startswith(fragments) for p in phrases(str(words))}


@pytest.fixture(scope="module")
def index(site) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def entries(index) -> dict[str, dict]:
    return {doc["location"]: doc for doc in index["docs"]}


def location_of(site: Path, checklist_id: str) -> str:
    return checklist_pages(site)[checklist_id].parent.relative_to(site).as_posix() + "/"


def test_every_item_has_its_own_entry_at_its_address_titled_with_its_text(site, guidebook, index, entries):
    locations = [doc["location"] for doc in index["docs"]]
    assert len(locations) == len(set(locations)), "one entry per location"
    for checklist in guidebook.checklists:
        page = location_of(site, checklist.id)
        assert html.unescape(entries[page]["title"]) == checklist.title, "the checklist keeps its entry"
        for item in checklist.items:
            entry = entries.get(f"{page}#{item.id}")
            assert entry is not None, f"no search entry for {page}#{item.id}"
            assert plain(entry["title"]) == plain(render_inline(item.text))
            if item.details:
                assert plain(entry["text"]) == plain(render_inline(item.details))


def test_items_come_after_their_checklist_as_material_groups_them(site, guidebook, index):
    """Material's search takes the first entry of a page as the parent of the page's other entries."""
    order = [doc["location"] for doc in index["docs"]]
    for checklist in guidebook.checklists:
        page = location_of(site, checklist.id)
        on_page = [loc for loc in order if loc.split("#")[0] == page]
        assert on_page == [page] + [f"{page}#{item.id}" for item in checklist.items]


def test_the_packet_is_not_in_the_index(site, index):
    assert (site / "packet" / "index.html").is_file()
    assert not [d["location"] for d in index["docs"] if d["location"].startswith("packet/")]


def test_interface_words_from_the_templates_are_not_in_the_index(index):
    words = interface_phrases()
    # The check can fail: these are among the words the templates give buttons and messages.
    assert {"Copy link to this checklist", "Print a blank copy", "Reset this checklist",
            "Export progress to a file", "Link copied", "Contact name"} <= words
    for doc in index["docs"]:
        text = plain(doc["title"]) + " | " + plain(doc["text"])
        found = [w for w in words if w in text]
        assert not found, f"interface text in the search entry {doc['location']!r}: {found}"
        assert not re.search(r"\b\d+ of \d+ (done|checked)\b", text), doc["location"]


def test_the_print_only_guidebook_row_is_not_in_the_index(guidebook, index):
    row = f"{guidebook.title}, {guidebook.publisher}"
    assert not [d["location"] for d in index["docs"] if row in plain(d["text"])]


def test_prose_pages_keep_their_sections(index, entries):
    """The link page keeps Material's sections, and its addresses, without the copy buttons."""
    link_page = [loc for loc in entries if loc.startswith("link-to-this-guidebook/")]
    assert len(link_page) > 3
    assert "/police/within-24-hours/" in "".join(entries[loc]["text"] for loc in link_page)


def test_the_offline_edition_inlines_the_same_index_with_html_addresses(offline_edition, site, guidebook):
    """Material's offline plugin inlines search_index.json after our rewrite: same entries, .html pages."""
    offline = offline_edition["site"]
    script = (offline / "search" / "search_index.js").read_text(encoding="utf-8")
    assert script.startswith("var __index = ")
    inlined = json.loads(script[len("var __index = "):])
    assert inlined == json.loads((offline / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in inlined["docs"]}
    for checklist in guidebook.checklists:
        page = location_of(site, checklist.id).rstrip("/") + ".html"
        assert {page} | {f"{page}#{item.id}" for item in checklist.items} <= locations, checklist.id
    assert not [loc for loc in locations if loc.startswith("packet")]
