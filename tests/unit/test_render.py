"""The checklist template: data in, expected HTML out, apart from any MkDocs build."""
import dataclasses
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml

from macros.guidebook import Renderer
from macros.guidebook.model import Audience, Checklist, Guidebook, Item, Part, Phase, Source
from tests.support import ROOT, nesting_faults

EXPECTED = Path(__file__).parent / "expected"

SOURCE = Source(id="src", title="A <Source> Title", short_title="sample source", publisher="Pub & Co",
                url="https://example.org/guide", url_label="the guide", year=2020)
PART = Part(id="part-x", order=1, title="Part X", summary="Summary.", source=SOURCE, notice="Not a *rigid* timeline.")
PHASE = Phase(id="first-day", order=1, name="Within 24 hours", due_within_hours=24)


def make_checklist(**changes) -> Checklist:
    fields: dict[str, Any] = dict(
        id="sample-checklist", title="Sample <checklist>", part=PART, order=1, source=SOURCE,
        audiences=(Audience(id="a", name="Mayor"), Audience(id="b", name="Police chief")),
        summary="Do *these* things.", file="data/checklists/sample.yml", address="sample/checklist/", phase=PHASE,
        items=(Item(id="first-item", text="Call <script>alert(1)</script> staff."),
               Item(id="second-item", text="Read [the guide](https://example.org/guide).", details="Details & more.")),
    )
    fields.update(changes)
    return Checklist(**fields)


def make_renderer(checklist: Checklist) -> Renderer:
    book = Guidebook(version=1, title="Book", subtitle=None, publisher="CCM", released="2022-06-22",
                     source=SOURCE, parts=[PART], audiences=list(checklist.audiences), phases=[PHASE],
                     sources=[SOURCE], checklists=[checklist])
    return Renderer(book)


def test_checklist_renders_expected_html():
    checklist = make_checklist()
    html = make_renderer(checklist).checklist(checklist)
    assert html == (EXPECTED / "checklist.html").read_text(encoding="utf-8")


def test_heading_level_and_no_phase():
    checklist = make_checklist(phase=None, note=None)
    html = make_renderer(checklist).checklist(checklist, heading_level=2)
    assert html.startswith("## Sample &lt;checklist&gt; { #sample-checklist }\n")
    assert "data-phase" not in html and "<dt>When</dt>" not in html


def test_every_checkbox_has_a_label_and_anchor():
    checklist = make_checklist()
    html = make_renderer(checklist).checklist(checklist)
    for item in checklist.items:
        assert f'<li class="gb-item" id="{item.id}">' in html
        assert f'id="check-{item.id}"' in html
        assert f'<label for="check-{item.id}">' in html


def test_contents_links_each_checklist():
    checklist = make_checklist()
    md = make_renderer(checklist).contents({"sample-checklist": "x/sample.md"})
    assert "## Part X { #part-x }" in md
    assert '- [Sample &lt;checklist&gt;](x/sample.md){ data-checklist="sample-checklist" }: Do <em>these</em> things.' in md


def test_phase_checklist_with_page_urls_gets_the_incident_clock():
    checklist = make_checklist()
    html = make_renderer(checklist).checklist(checklist, urls={"sample-checklist": "../sample/"})
    assert 'data-gb="incident"' in html
    assert 'data-gb="manifest"' not in html  # the incident bar's manifest, once per page, serves the clock
    assert '<li class="gb-phase" data-gb="phase" data-phase="first-day" aria-current="step">' in html
    assert '<a href="../sample/">Within 24 hours</a>' in html
    without_phase = make_checklist(phase=None)
    assert 'data-gb="incident"' not in make_renderer(without_phase).checklist(without_phase, urls={})


@pytest.mark.parametrize("urls, expected", [
    ({"one": "x/one/", "two": "x/two/"}, "x/one/"),  # the phase's first checklist
    ({"two": "x/two/"}, "x/two/"),                  # the first with an address
    ({}, ""),                                       # none: no link
])
def test_a_phase_leads_to_its_first_checklist_with_an_address(urls, expected):
    one, two = make_checklist(id="one"), make_checklist(id="two", order=2)
    book = dataclasses.replace(make_renderer(one).guidebook, checklists=[one, two])
    assert Renderer(book).manifest(urls)["phases"][0]["url"] == expected


def test_manifest_lists_ids_phases_and_roles():
    checklist = make_checklist()
    manifest = make_renderer(checklist).manifest({"sample-checklist": "x/"})
    assert manifest["checklists"] == [{
        "id": "sample-checklist", "title": "Sample <checklist>", "phase": "first-day",
        "scope": "incident", "items": ["first-item", "second-item"]}]
    assert manifest["phases"] == [{"id": "first-day", "name": "Within 24 hours", "hours": 24, "url": "x/"}], \
        "a phase's address (its first checklist), once: not one per checklist"
    without_phase = make_checklist(phase=None)
    assert make_renderer(without_phase).manifest({"sample-checklist": "x/"})["phases"][0]["url"] == "", \
        "a phase no checklist has leads nowhere"


@pytest.mark.parametrize("phase, scope, listed, incident, preparation", [
    (PHASE, "incident", True, ["sample-checklist"], []),  # a checklist of an incident phase: the bar counts it
    (None, "incident", False, ["sample-checklist"], []),
    # a phase's checklist that is kept across incidents ("Before an incident"): the clock counts it too
    (PHASE, "preparation", True, [], [{"id": "sample-checklist", "title": "Sample <checklist>"}]),
    (None, "preparation", False, [], [{"id": "sample-checklist", "title": "Sample <checklist>"}]),
])
def test_the_summary_manifest_lists_only_the_phases_checklists(phase, scope, listed, incident, preparation):
    checklist = make_checklist(phase=phase, scope=scope)
    renderer = make_renderer(checklist)
    summary, full = renderer.summary({"sample-checklist": "x/"}), renderer.manifest({"sample-checklist": "x/"})
    counted = {"items": ["first-item", "second-item"]} if scope == "incident" else {"total": 2}
    expected = [{"id": "sample-checklist", "title": "Sample <checklist>", "phase": "first-day",
                 **counted}] if listed else []
    assert summary["checklists"] == expected, \
        "a window's items by id (the shift summary numbers them), else their number; the scope is said once, below"
    assert summary["incident"] == incident and summary["preparation"] == preparation
    assert "incident" not in full, "the whole manifest gives each checklist's scope"
    assert summary["phases"] == full["phases"] and summary["roles"] == full["roles"]


def test_copy_link_buttons_for_the_checklist_and_each_item():
    checklist = make_checklist()
    html = make_renderer(checklist).checklist(checklist)
    assert html.count('<button type="button" class="gb-copy') == 1 + len(checklist.items)
    assert 'data-gb-copy-link="" data-gb-js>' in html
    for item in checklist.items:
        li = html.split(f'<li class="gb-item" id="{item.id}">')[1].split("</li>")[0]
        assert f'data-gb-copy-link="{item.id}" data-gb-js>' in li
        number = checklist.items.index(item) + 1
        button = li.split('<button type="button" class="gb-copy')[1].split("</button>")[0]
        assert f'title="Copy link to item {number}: ' in button and 'tabindex="-1"' in button
        assert button.endswith("data-gb-js>"), "an item's button is empty: its name is its title, its icon CSS"


def test_addresses_and_snippet_are_escaped():
    checklist = make_checklist()
    renderer = make_renderer(checklist)
    html = renderer.addresses({"sample-checklist": "https://example.org/x/?a=1&b=2"}, "https://example.org/")
    assert '<a class="gb-addresses__url" href="https://example.org/x/?a=1&amp;b=2">' in html
    assert "### Part X" in html and "Sample &lt;checklist&gt;" in html
    snippet = renderer.snippet("https://example.org/")
    assert '<code id="gb-link-snippet">&lt;a href=&#34;https://example.org/&#34;&gt;Book&lt;/a&gt;' in snippet


@pytest.mark.parametrize("layout", ["list", "roster"])
def test_the_packet_comes_through_markdown_as_written(layout):
    """The packet's sections are read again by Markdown (md_in_html). It once put a <template> in a <p>
    when a paragraph and a <div> shared a line, and the browser then closed the packet's list early."""
    checklist = make_checklist(layout=layout)
    extensions, configs = site_markdown_extensions()
    page = markdown.markdown(make_renderer(checklist).packet(), extensions=extensions, extension_configs=configs)
    assert "<p><template" not in page
    assert nesting_faults(page) == []


def site_markdown_extensions() -> tuple[list[str], dict]:
    """mkdocs.yml's markdown_extensions and their settings (its !ENV values are not needed here)."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)  # a SafeLoader
    entries = [entry if isinstance(entry, dict) else {entry: {}} for entry in config["markdown_extensions"]]
    configs = {name: settings or {} for entry in entries for name, settings in entry.items()}
    return list(configs), configs
