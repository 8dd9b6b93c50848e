"""The search index: only content, and one entry per checklist item.

Material for MkDocs indexes every page's HTML, interface included ("Copy link to
this itemLink copied", "Print a blank copy", the print-only rows), and a search
result opens the page, not the item. After the build, `rebuild_index` replaces:

- a checklist page's entries with entries made from the data: the checklist
  (its title; its summary, note and part notice as text), then one entry per
  item, located at the item's own address (`police/within-24-hours/#item-id`)
  and titled with the item's text. Material's search shows an item under its
  checklist's entry, so the checklist's title is the item's context;
- any other page's entries with Material's own sectioning of its HTML, minus
  the interface: buttons, forms, live regions, and hidden, print-only or
  script-only elements (`is_interface`).

Pages that are not in Material's index (the packet: `search: exclude: true`)
stay out. An item's `keywords` (the words readers search with, data/checklists/) go in a field
of their own, `keywords`, which Material's search indexes (the config's `fields`) and never
shows. The publisher's full name and the guidebook's long title, which hold "Conference",
"Racial" and "Municipalities", are said short in every text (`shorten_names`): otherwise they
match every query with those words. Code to copy (`<pre>`) is interface: a result would show
its markup.

Outside the offline edition the documents go to search/search_docs.json and
search/search_index.json keeps only the config ({config, docs: []}): every page
loads that file, and our search worker fetches the documents when the reader
first searches (macros/search_worker.py). The offline edition keeps the full
index, which Material's offline plugin inlines. Texts are HTML-escaped, as Material's are: its search shows them as HTML.
Plain Python: the MkDocs hook (macros/__init__.py) only reads and writes files.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from html import escape
from pathlib import Path

# Material's own parser (mkdocs-material is pinned in requirements.txt): other pages' sections come
# out exactly as Material makes them. Re-check ContentParser when upgrading Material.
from material.plugins.search.plugin import Parser

from .inline import plain_text
from .model import Checklist, Guidebook, Item

Entry = dict[str, object]

INDEX = "search/search_index.json"  # Material's: every page loads it
FULL_INDEX = "search/search_docs.json"  # ours, beside it: the full index, loaded on the first search

# Elements whose text is interface, not content (see is_interface).
INTERFACE_TAGS = frozenset({"button", "form", "fieldset", "select", "textarea", "progress", "noscript", "nav", "pre"})
INTERFACE_ATTRIBUTES = frozenset({"hidden", "aria-live", "data-gb-js", "data-search-exclude"})
INTERFACE_ROLES = frozenset({"status", "alert", "group"})
INTERFACE_CLASSES = frozenset({"gb-print-only"})


def is_interface(tag: str, attrs: Mapping[str, str | None]) -> bool:
    """Controls, live regions (their messages), and what the screen does not show as content."""
    classes = set((attrs.get("class") or "").split())
    return (tag in INTERFACE_TAGS
            or any(name in attrs for name in INTERFACE_ATTRIBUTES)
            or attrs.get("role") in INTERFACE_ROLES
            or bool(classes & INTERFACE_CLASSES))


class ContentParser(Parser):
    """Material's search parser, which also leaves out the interface. A heading inside the
    interface (e.g. "My progress") makes a section without a title: content_entries drops it."""

    def handle_starttag(self, tag, attrs):
        if is_interface(tag, dict(attrs)):
            attrs = [*attrs, ("data-search-exclude", "")]
        super().handle_starttag(tag, attrs)


def _html(text: str) -> str:
    """Inline Markdown as the escaped plain text Material's index holds."""
    return escape(plain_text(text), quote=False)


def _paragraphs(texts: Iterable[str | None]) -> str:
    return " ".join(f"<p>{_html(t)}</p>" for t in texts if t)


KEYWORDS = "keywords"  # the field of an item's keywords: searched as much as a title, never shown
KEYWORDS_FIELD = {"boost": 1e3}


def item_entry(item: Item, location: str) -> Entry:
    entry: Entry = {"location": f"{location}#{item.id}", "title": _html(item.text), "text": _paragraphs([item.details])}
    if item.keywords:
        entry[KEYWORDS] = _html(" ".join(item.keywords))
    return entry


def checklist_entries(checklist: Checklist, location: str) -> list[Entry]:
    """The checklist's own entry, then one per item at `location#item-id`."""
    head: Entry = {
        "location": location,
        "title": _html(checklist.title),  # the page heading renders the title as Markdown too
        "text": _paragraphs([checklist.summary, checklist.note, checklist.part.notice]),
    }
    return [head, *(item_entry(item, location) for item in checklist.items)]


def short_names(guidebook: Guidebook) -> dict[str, str]:
    """Long name -> how the search documents say it: the guidebook's full title as its source's short
    title, the publisher's full name as its abbreviation ("CCM")."""
    full_title = f"{guidebook.title}: {guidebook.subtitle}" if guidebook.subtitle else guidebook.title
    abbreviation = re.search(r"\(([^()]+)\)\s*$", guidebook.publisher)
    short = abbreviation.group(1) if abbreviation else guidebook.publisher
    names = {full_title: guidebook.source.short_title, guidebook.publisher: short}
    names[re.sub(r"\s*\([^()]*\)\s*$", "", guidebook.publisher)] = short  # the name without "(CCM)"
    return {long: brief for long, brief in names.items() if long != brief}


def shorten_names(text: str, names: Mapping[str, str]) -> str:
    """`text` (escaped HTML) with each long name said short; a name may be broken across lines."""
    for long in sorted(names, key=len, reverse=True):
        pattern = re.compile(r"\s+".join(re.escape(escape(word, quote=False)) for word in long.split()))
        text = pattern.sub(names[long].replace("\\", r"\\"), text)  # the short name as it is, no group references
    return text


def _shortened(entry: Entry, names: Mapping[str, str]) -> Entry:
    return {**entry, **{key: shorten_names(str(entry[key]), names) for key in ("title", "text") if key in entry}}


def content_entries(html: str, location: str, title: str) -> list[Entry]:
    """A page's sections as Material indexes them, without interface text. `html` is the page's content."""
    parser = ContentParser()
    parser.feed(html)
    parser.close()
    sections = [s for s in parser.data if not s.is_excluded()]
    if len(sections) > 1 and sections[0].el.tag == "hx" and sections[1].el.tag == "h1" \
            and not "".join(sections[0].text).strip():
        # An empty preface (interface before the title, e.g. the page's live regions): as Material
        # does for page.content itself, the h1 then heads the page's own entry.
        sections = sections[1:]
        sections[0].id = None
    entries: list[Entry] = []
    for section in sections:
        section_title = "".join(section.title).strip()
        if section.id and not section_title:
            continue  # a heading inside the interface (e.g. "My progress")
        entries.append({
            "location": f"{location}#{section.id}" if section.id else location,
            "title": section_title or title,
            "text": "".join(section.text).strip(),
        })
    return entries


def page_of(location: str) -> str:
    return location.split("#", 1)[0]


def rebuild_index(index: Mapping, checklists: Mapping[str, Checklist], pages_html: Mapping[str, str],
                  names: Mapping[str, str] | None = None) -> dict:
    """Material's index (as loaded from search_index.json) with content-only entries.

    `checklists`: page location -> the checklist it shows; `pages_html`: page location -> its
    content HTML, for the other pages. A page with neither keeps Material's entries.
    Pages keep Material's order; a page's own entry comes before its sections, as Material needs.
    `names`: long names said short in every entry (short_names). The config indexes `keywords` too.
    """
    by_page: dict[str, list[Entry]] = {}
    for entry in index["docs"]:
        by_page.setdefault(page_of(str(entry["location"])), []).append(dict(entry))
    docs: list[Entry] = []
    for location, entries in by_page.items():
        if location in checklists:
            docs += checklist_entries(checklists[location], location)
        elif location in pages_html:
            docs += content_entries(pages_html[location], location, str(entries[0]["title"]))
        else:
            docs += entries
    if names:
        docs = [_shortened(entry, names) for entry in docs]
    config = dict(index.get("config", {}))
    config["fields"] = {**config.get("fields", {}), KEYWORDS: KEYWORDS_FIELD}
    return {**index, "config": config, "docs": docs}


# --- Reading and writing the built site (used by the MkDocs hook) -------------------------------

def checklist_locations(guidebook: Guidebook, directory_urls: bool) -> dict[str, Checklist]:
    """Page location (as Material writes it) -> the checklist shown there, from each checklist's address:
    'police/long-term/', or 'police/long-term.html' without directory URLs (the offline edition)."""
    return {(c.address if directory_urls else c.address.rstrip("/") + ".html"): c for c in guidebook.checklists}


ARTICLE_START = '<article class="md-content__inner md-typeset">'


def article_html(page_html: str) -> str:
    """The content of a built page: its <article>, which holds page.content (and our status partial)."""
    start = page_html.find(ARTICLE_START)
    end = page_html.rfind("</article>")
    return page_html[start + len(ARTICLE_START):end] if 0 <= start < end else ""


def built_file(site_dir: Path, location: str) -> Path:
    """The built file of a page location: '' -> index.html, 'about/' -> about/index.html."""
    if location == "" or location.endswith("/"):
        return site_dir / location / "index.html"
    return site_dir / location


def rewrite_site_index(site_dir: Path, guidebook: Guidebook, directory_urls: bool, docs_apart: bool = False) -> None:
    """Rewrite site/search/search_index.json in place (before Material's offline plugin inlines it); with
    `docs_apart`, write the full index to search_docs.json and leave search_index.json without documents."""
    path = site_dir / INDEX
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    checklists = checklist_locations(guidebook, directory_urls)
    pages_html = {}
    for location in {page_of(str(e["location"])) for e in index["docs"]} - checklists.keys():
        file = built_file(site_dir, location)
        if file.is_file():
            pages_html[location] = article_html(file.read_text(encoding="utf-8"))
    rebuilt = rebuild_index(index, checklists, pages_html, short_names(guidebook))
    if docs_apart:
        _write_json(site_dir / FULL_INDEX, rebuilt)
        rebuilt = {**rebuilt, "docs": []}
    _write_json(path, rebuilt)


def read_full_index(site_dir: Path) -> dict:
    """The full search index of a built site: search_docs.json, or search_index.json in the offline edition."""
    site = Path(site_dir)
    path = site / FULL_INDEX if (site / FULL_INDEX).is_file() else site / INDEX
    return json.loads(path.read_text(encoding="utf-8"))


def _write_json(path: Path, data: Mapping) -> None:
    path.write_text(json.dumps(data, separators=(",", ":"), default=str), encoding="utf-8")
