"""The search index rebuilt from the data and from pages' content, without a build."""
from __future__ import annotations

import json

import pytest

from macros.guidebook.model import Audience, Checklist, Item, Part, Source
from macros.guidebook.search_index import (
    article_html,
    built_file,
    checklist_entries,
    content_entries,
    is_interface,
    rebuild_index,
    rewrite_site_index,
    shorten_names,
)

KEYWORDS = {"keywords": {"boost": 1000}}  # the field of items' keywords, in every rebuilt config

SOURCE = Source("crs", "Toolkit", "checklist", "DOJ", "https://example.org", "the toolkit")
PART = Part("police", 2, "Part 2", "For police.", notice="Not a *rigid* timeline.")


def checklist(*items: Item, note: str | None = None) -> Checklist:
    return Checklist("police-within-24-hours", "Within 24 hours", PART, 1, SOURCE, (Audience("chief", "Chief"),),
                     "Enlist *community* leaders.", items, "data/checklists/x.yml", "police/within-24-hours/",
                     note=note)


ITEMS = (Item("notify-leaders", "Notify community leaders."),
         Item("investigate-where-needed", "Conduct an [investigation](https://example.org) where *needed*.",
              details="Use an **independent** body."))


def test_one_entry_per_item_at_its_own_address_after_the_checklist():
    entries = checklist_entries(checklist(*ITEMS), "police/within-24-hours/")
    assert [e["location"] for e in entries] == [
        "police/within-24-hours/",
        "police/within-24-hours/#notify-leaders",
        "police/within-24-hours/#investigate-where-needed",
    ]
    assert [e["title"] for e in entries] == [
        "Within 24 hours", "Notify community leaders.", "Conduct an investigation where needed."]
    assert [e["text"] for e in entries[1:]] == ["", "<p>Use an independent body.</p>"]


def test_the_checklist_entry_holds_its_summary_note_and_notice_as_plain_text():
    head = checklist_entries(checklist(note="See the *official* copy."), "police/within-24-hours.html")[0]
    assert head == {"location": "police/within-24-hours.html", "title": "Within 24 hours",
                    "text": "<p>Enlist community leaders.</p> <p>See the official copy.</p> "
                            "<p>Not a rigid timeline.</p>"}


@pytest.mark.parametrize("text, title", [
    ("<script>alert('x')</script> now", "&lt;script&gt;alert('x')&lt;/script&gt; now"),
    ('<img src=x onerror="alert(1)">', '&lt;img src=x onerror="alert(1)"&gt;'),
    ("Fish & chips", "Fish &amp; chips"),
    ("[a <b>link</b>](https://example.org)", "a &lt;b&gt;link&lt;/b&gt;"),
])
def test_item_text_is_escaped_as_material_shows_titles_as_html(text, title):
    entries = checklist_entries(checklist(Item("probe", text, details=text)), "p/")
    assert entries[1]["title"] == title and entries[1]["text"] == f"<p>{title}</p>"
    assert "<script" not in json.dumps(entries) and "<img" not in json.dumps(entries)


@pytest.mark.parametrize("tag, attrs, interface", [
    ("button", {}, True),
    ("form", {}, True),
    ("fieldset", {"class": "gb-roles"}, True),
    ("noscript", {}, True),
    ("p", {"role": "status"}, True),
    ("div", {"role": "alert", "hidden": None}, True),
    ("span", {"aria-live": "polite"}, True),
    ("div", {"class": "gb-print-notes gb-print-only", "hidden": None}, True),
    ("section", {"class": "gb-overview", "data-gb-js": None}, True),
    ("div", {"role": "group", "aria-label": "Print this checklist"}, True),
    ("p", {}, False),
    ("ul", {"class": "gb-list gb-addresses"}, False),
    ("a", {"href": "#x", "class": "gb-print-url"}, False),
    ("h2", {"id": "sources"}, False),
])
def test_what_counts_as_interface(tag, attrs, interface):
    assert is_interface(tag, attrs) is interface


PAGE = """
<div role="alert" hidden data-msg-corrupt="Your saved progress could not be read."></div>
<noscript><p>JavaScript is off.</p></noscript>
<div id="gb-copy-status" role="status" aria-live="polite"></div>
<h1 id="link-to-this-guidebook">Link to this guidebook</h1>
<p>Partners can link to the guidebook.</p>
<section class="gb-overview" data-gb-js>
<h2 id="my-progress">My progress</h2>
<p>0 of 3 done</p><button type="button">Reset all progress</button>
</section>
<p>Still the first section.</p>
<h2 id="addresses">Addresses</h2>
<ul><li>The guidebook https://example.org/
<button type="button"><span>Copy the address</span><span aria-hidden="true">Link copied</span></button></li></ul>
<div class="gb-print-only" hidden><p>Notes</p></div>
"""


def test_content_keeps_sections_and_drops_interface_text():
    entries = content_entries(PAGE, "link-to-this-guidebook/", "Link page")
    assert entries == [
        {"location": "link-to-this-guidebook/", "title": "Link to this guidebook",
         "text": "<p>Partners can link to the guidebook.</p> <p>Still the first section.</p>"},
        {"location": "link-to-this-guidebook/#addresses", "title": "Addresses",
         "text": "<ul><li>The guidebook https://example.org/ </li></ul>"},
    ]


@pytest.mark.parametrize("html, expected", [
    # No heading: the page's title names its one entry.
    ("<p>Just text.</p>", [{"location": "x/", "title": "Page title", "text": "<p>Just text.</p>"}]),
    # Opening with an h2: a page entry without text, then the section (as Material does).
    ('<h2 id="a">A</h2><p>t</p>', [{"location": "x/", "title": "Page title", "text": ""},
                                   {"location": "x/#a", "title": "A", "text": "<p>t</p>"}]),
    # Text is escaped.
    ("<h1 id='t'>T &amp; U</h1><p>&lt;b&gt;</p>", [{"location": "x/", "title": "T &amp; U", "text": "<p>&lt;b&gt;</p>"}]),
])
def test_content_sections_match_materials_rules(html, expected):
    assert content_entries(html, "x/", "Page title") == expected


INDEX = {
    "config": {"lang": ["en"], "separator": "[\\s\\-]+"},
    "docs": [
        {"location": "", "title": "Home", "text": "Copy linkLink copied"},
        {"location": "#part-1", "title": "Part 1", "text": "t"},
        {"location": "police/within-24-hours/", "title": "Within 24 hours", "text": "Print a blank copy"},
        {"location": "police/within-24-hours/#gb-incident-title", "title": "Incident clock", "text": "Set"},
        {"location": "other/", "title": "Other", "text": "kept as Material made it"},
    ],
}


def test_rebuild_replaces_checklist_and_content_pages_and_keeps_the_rest_in_order():
    rebuilt = rebuild_index(INDEX, {"police/within-24-hours/": checklist(*ITEMS)},
                            {"": '<h1 id="home">Home</h1><p>Welcome.</p><button>Copy link</button>'})
    assert rebuilt["config"] == {**INDEX["config"], "fields": {**INDEX["config"].get("fields", {}), **KEYWORDS}}
    assert [d["location"] for d in rebuilt["docs"]] == [
        "", "police/within-24-hours/", "police/within-24-hours/#notify-leaders",
        "police/within-24-hours/#investigate-where-needed", "other/"]
    assert rebuilt["docs"][0] == {"location": "", "title": "Home", "text": "<p>Welcome.</p>"}
    assert rebuilt["docs"][-1] == INDEX["docs"][-1]
    assert INDEX["docs"][0]["text"] == "Copy linkLink copied", "the input is left as it was"


@pytest.mark.parametrize("location, file", [
    ("", "index.html"),
    ("about/", "about/index.html"),
    ("police/long-term/", "police/long-term/index.html"),
    ("index.html", "index.html"),
    ("police/long-term.html", "police/long-term.html"),
])
def test_built_file_of_a_location(tmp_path, location, file):
    assert built_file(tmp_path, location) == tmp_path / file


@pytest.mark.parametrize("page, content", [
    ('<body><article class="md-content__inner md-typeset"><h1>T</h1></article></body>', "<h1>T</h1>"),
    ("<body>no article</body>", ""),
])
def test_article_html(page, content):
    assert article_html(page) == content


def test_rewrite_site_index_without_an_index_does_nothing(tmp_path):
    rewrite_site_index(tmp_path, None, True)
    assert not (tmp_path / "search").exists()


@pytest.mark.parametrize("directory_urls, location", [(True, "police/within-24-hours/"),
                                                      (False, "police/within-24-hours.html")])
def test_checklist_locations_follow_the_checklist_address(directory_urls, location):
    from macros.guidebook.model import Guidebook
    from macros.guidebook.search_index import checklist_locations

    shown = checklist(*ITEMS)
    guidebook = Guidebook(1, "T", None, "P", "2022-06-22", SOURCE, [PART], [], [], [SOURCE], [shown])
    assert checklist_locations(guidebook, directory_urls) == {location: shown}


def test_an_items_keywords_go_in_their_own_field_and_the_config_indexes_it():
    item = Item("address-misinformation", "Address misinformation directly.", keywords=("rumor", "false <reports>"))
    entries = checklist_entries(checklist(item), "police/within-24-hours/")
    assert entries[1]["keywords"] == "rumor false &lt;reports&gt;"
    assert "keywords" not in entries[0]
    rebuilt = rebuild_index({"config": {"fields": {"title": {"boost": 1000}}}, "docs": []}, {}, {})
    assert rebuilt["config"]["fields"] == {"title": {"boost": 1000}, **KEYWORDS}


def test_long_names_are_said_short_even_across_lines():
    names = {"Connecticut Conference of Municipalities (CCM)": "CCM", "Connecticut Conference of Municipalities": "CCM"}
    text = "<p>of the Connecticut\n  Conference of Municipalities (CCM), and the Connecticut Conference of Municipalities</p>"
    assert shorten_names(text, names) == "<p>of the CCM, and the CCM</p>"
    assert shorten_names("a \\1 b", {"a": "x\\1"}) == "x\\1 \\1 b"


def test_code_to_copy_is_interface():
    assert is_interface("pre", {})
