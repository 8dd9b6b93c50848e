"""The built search index: content only, and one entry per item at the item's own address.

Expected entries come from the data; the interface words that must stay out are read
from the catalogue of interface words (data/messages/en.yml), so a new button's words are
checked without a change here."""
from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from macros.guidebook.inline import render_inline
from macros.guidebook.search_index import read_full_index
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
    return read_full_index(site)


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


# --- Search on demand: a page's first load fetches neither Material's worker nor the full index -------

CONFIG_SCRIPT = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.DOTALL)


def page_config(page: Path) -> dict | None:
    """The __config JSON Material reads at load, or None for a page without it (a redirect page)."""
    found = CONFIG_SCRIPT.search(page.read_text(encoding="utf-8"))
    return json.loads(found.group(1)) if found else None


def test_the_index_every_page_loads_has_no_documents(site, index):
    stub = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert stub == {"config": index["config"], "docs": []}, "only the config (search highlighting reads it)"
    assert len(index["docs"]) > len(list(site.rglob("index.html"))), "the full index is in search_docs.json"


def test_every_page_names_our_search_worker_with_materials_worker_and_the_full_index(site):
    material = [p.name for p in (site / "assets" / "javascripts" / "workers").glob("search.*.min.js")]
    assert len(material) == 1, "Material's search worker is still in the site, for ours to load"
    configs = {page: page_config(page) for page in sorted(site.rglob("*.html"))}
    configs = {page: config for page, config in configs.items() if config is not None}
    assert len(configs) > 10 and site / "404.html" in configs
    for page, config in configs.items():
        url = urlsplit(config["search"])
        worker = (page.parent / url.path).resolve() if not url.path.startswith("/") else site / url.path[1:]
        assert re.fullmatch(r"search-on-demand\.[0-9a-f]{10}\.js", worker.name), f"{page}: {config['search']}"
        assert worker.is_file(), f"{page}: {worker} is not in the site"
        query = parse_qs(url.query)
        assert query["worker"] == material, page
        assert (worker.parent / query["docs"][0]).resolve() == (site / "search" / "search_docs.json").resolve()


def test_the_offline_edition_keeps_materials_worker_and_full_index(offline_edition):
    offline = offline_edition["site"]
    index = json.loads((offline / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] and not (offline / "search" / "search_docs.json").exists()
    assert not list(offline.rglob("search-on-demand*")), "the offline edition has no use for our worker"
    config = page_config(offline / "about.html")
    assert config is not None and re.search(r"workers/search\.[0-9a-f]+\.min\.js$", config["search"])


# --- The words people use, and no name or markup that matches everything (issue 31) ----------------------

# The words -> the item each must find (a keyword of that item and of no other).
CRISIS_WORDS = {"rumor": "address-misinformation", "rumors": "address-misinformation",
                "curfew": "review-crowd-management-policy", "presser": "avoid-dueling-press-conferences",
                "podium": "avoid-dueling-press-conferences"}


def words_of(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower()))


@pytest.mark.parametrize("word, item_id", CRISIS_WORDS.items())
def test_a_crisis_word_leads_to_its_item_only(guidebook, word, item_id):
    having = [i.id for _, i in guidebook.items if word in words_of(" ".join([i.text, *i.keywords]))]
    assert having == [item_id]


def test_every_keyword_adds_a_word_the_item_does_not_say(guidebook):
    """A keyword is a common word for what the item says, not a copy of its own words."""
    for _, item in guidebook.items:
        own = words_of(" ".join(filter(None, [item.text, item.details])))
        copies = [k for k in item.keywords if words_of(k) <= own]
        assert not copies, f"{item.id}: {copies} are the item's own words"


def test_keywords_are_searched_in_a_field_of_their_own(guidebook, index, entries, site):
    """A field that Material's results do not show (they show the title and the text)."""
    assert "keywords" in index["config"]["fields"], "Material's search indexes the field"
    for checklist, item in guidebook.items:
        entry = entries[location_of(site, checklist.id) + "#" + item.id]
        assert entry.get("keywords", "") == html.escape(" ".join(item.keywords), quote=False)


def test_no_document_holds_the_publishers_full_name_or_the_long_title(guidebook, index):
    long_title = " ".join(f"{guidebook.title}: {guidebook.subtitle}".split())
    for doc in index["docs"]:
        text = " ".join(html.unescape(doc["title"] + " " + doc["text"]).split())
        assert "Connecticut Conference of Municipalities" not in text, doc["location"]
        assert long_title not in text, doc["location"]


def test_no_document_shows_markup(index):
    """Material shows a result's title and text as HTML: escaped markup (&lt;a href...&gt;) would show as markup."""
    for doc in index["docs"]:
        assert "&lt;" not in doc["title"] + doc["text"], doc["location"]
