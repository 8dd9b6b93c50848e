"""Whole-build tests: the real `mkdocs build --strict`, checked against the data in data/."""
from __future__ import annotations

import json
import re

import pytest
import rcssmin

from macros.assets import PAGE_STYLESHEETS, loaded_on_every_page
from macros.guidebook.inline import render_inline
from macros.guidebook.pdf import PACKET_FILES
from macros.guidebook.search_index import read_full_index
from tests.support import ROOT, build, checklist_pages, named_scripts, nesting_faults, page_path, plain


def test_build_prints_no_warning(build_result):
    result, _ = build_result
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert "WARNING" not in log and "ERROR" not in log, log


def test_build_log_says_how_many_pdfs_were_laid_out_and_how_many_came_from_the_cache(build_result):
    """Both packets, laid out or copied from the cache (GUIDEBOOK_CACHE_DIR: a temporary one in tests)."""
    result, _ = build_result
    counts = re.search(r"PDF packets: (\d+) laid out, (\d+) from the cache \((.+)\)", result.stdout + result.stderr)
    assert counts, "the build log does not say how the PDF packets were made"
    assert int(counts[1]) + int(counts[2]) == 2
    assert not counts[3].startswith(str(ROOT)), "the tests' builds must keep their PDFs outside the checkout"


@pytest.mark.build
def test_a_rebuild_with_nothing_changed_lays_out_no_pdf_and_writes_the_same_pdfs(site, tmp_path):
    """The build of the checkout again, with the same cache as the session's build (GUIDEBOOK_CACHE_DIR):
    the build log says both packets came from the cache, and they are the PDFs of the first build."""
    again = build(ROOT, tmp_path / "site")
    log = again.stdout + again.stderr
    assert again.returncode == 0, log
    counts = re.search(r"PDF packets: (\d+) laid out, (\d+) from the cache", log)
    assert counts and (counts[1], counts[2]) == ("0", "2"), f"the unchanged packets were laid out again: {log}"
    for name in PACKET_FILES.values():
        assert (tmp_path / "site" / name).read_bytes() == (site / name).read_bytes(), name


def test_every_checklist_has_its_own_page(site, guidebook):
    pages = checklist_pages(site)
    assert set(pages) == {c.id for c in guidebook.checklists}


def test_every_item_is_on_its_checklist_page(site, guidebook):
    pages = checklist_pages(site)
    for checklist in guidebook.checklists:
        page = pages[checklist.id].read_text(encoding="utf-8")
        assert f'<h1 id="{checklist.id}">' in page, f"{checklist.id}: title heading missing"
        shown = re.findall(r'<li class="gb-item" id="([^"]+)">', page)
        assert shown == [item.id for item in checklist.items], f"{checklist.id}: items missing or out of order"
        for item in checklist.items:
            label = re.search(rf'<label for="check-{re.escape(item.id)}">(.*?)</label>', page, re.S)
            assert label, f"{checklist.id}/{item.id}: no label for the checkbox"
            number = f"{checklist.items.index(item) + 1}. "
            assert plain(label.group(1)) == number + plain(render_inline(item.text)), f"{item.id}: wrong text"
            box = re.search(rf'<input type="checkbox"[^>]*id="check-{re.escape(item.id)}"[^>]*>', page)
            assert box and f'data-checklist="{checklist.id}"' in box.group(0) and f'data-item="{item.id}"' in box.group(0)
            if item.details:
                assert plain(render_inline(item.details)) in plain(page)


def test_every_checklist_page_shows_its_source_and_framing(site, guidebook):
    pages = checklist_pages(site)
    for checklist in guidebook.checklists:
        text = plain(pages[checklist.id].read_text(encoding="utf-8"))
        assert checklist.source.title in text and checklist.source.url in pages[checklist.id].read_text()
        assert plain(render_inline(checklist.summary)) in text
        for audience in checklist.audiences:
            assert audience.name in text
        if checklist.phase:
            assert checklist.phase.name in text
        if checklist.part.notice:
            assert plain(render_inline(checklist.part.notice)) in text


def test_home_page_links_every_checklist(site, guidebook):
    home = (site / "index.html").read_text(encoding="utf-8")
    for checklist in guidebook.checklists:
        href = page_path(site, checklist.id)
        assert f'href="{href}"' in home, f"home page does not link {checklist.id}"


def test_about_page_lists_every_source(site, guidebook):
    about = (site / "about" / "index.html").read_text(encoding="utf-8")
    for source in guidebook.sources:
        assert f'href="{source.url}"' in about
        assert source.title in plain(about)


def test_no_request_to_fonts_or_cdn_in_built_pages(site):
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, page
        for tag, url in re.findall(r'(<(?:script|link)[^>]+(?:src|href)="(https?://[^"]+)")', text):
            if 'rel="canonical"' in tag:
                continue  # names the page's public address; loads nothing
            raise AssertionError(f"{page} loads {url} from another origin")


@pytest.mark.build
def test_item_text_is_escaped_in_the_built_page(tmp_path):
    """Angle brackets, ampersands and quotes in item text show as typed (tags stop the build:
    tests/unit/test_hostile_data.py)."""
    from tests.support import build, copy_project

    project = copy_project(tmp_path / "project")
    target = project / "data" / "checklists" / "police-within-24-hours.yml"
    target.write_text(target.read_text(encoding="utf-8") + (
        "  - id: escaping-probe\n"
        "    text: \"Warn when a < b & c > d, say 'no' or \\\"yes\\\", 2\\\\*3\"\n"), encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "site" / "police" / "within-24-hours" / "index.html").read_text(encoding="utf-8")
    label = re.search(r'<label for="check-escaping-probe">(.*?)</label>', page, re.DOTALL)
    assert label and "a &lt; b &amp; c &gt; d" in label.group(1) and "<em>" not in label.group(1)
    assert plain(label.group(1)).split(". ", 1)[1] == "Warn when a < b & c > d, say 'no' or \"yes\", 2*3"
    index = json.dumps(read_full_index(tmp_path / "site"), ensure_ascii=False)
    assert "a &lt; b &amp; c &gt; d" in index and "a < b" not in index, "Material shows search titles as HTML"


def test_packet_page_holds_every_checklist_once_in_order(site, guidebook):
    packet = (site / "packet" / "index.html").read_text(encoding="utf-8")
    shown = re.findall(r'<div class="gb-checklist"[^>]* data-checklist="([^"]+)"', packet)
    assert shown == [c.id for c in guidebook.checklists]
    items = re.findall(r'<li class="gb-item" id="([^"]+)">', packet)
    assert items == [item.id for _, item in guidebook.items], "items missing, repeated or out of order"
    for checklist in guidebook.checklists:
        assert f'<h2 id="{checklist.id}">' in packet, f"{checklist.id}: no heading in the packet"
        assert f'href="#{checklist.id}"' in packet, f"{checklist.id}: not in the packet's contents"
    assert plain(f"<p>{guidebook.title}</p>") in plain(packet) and guidebook.publisher in plain(packet)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="packet/"' in home, "the packet page is not in the navigation"
    assert packet.count('data-gb="print" data-gb-js') == 1, "the packet has one Print button"


def test_every_page_is_well_nested(site):
    """Markdown reads our HTML again (md_in_html, in the packet) and once wrapped a <template> in a <p>:
    the browser then closed the packet's list of checklists early, and the script moved every
    checklist back on each load. Every end tag must close the element opened last."""
    for page in sorted(site.rglob("*.html")):
        faults = nesting_faults(page.read_text(encoding="utf-8"))
        assert not faults, f"{page.relative_to(site)}: {faults[:3]}"


def test_every_checklist_page_has_one_print_button(site, guidebook):
    for checklist_id, page in checklist_pages(site).items():
        assert page.read_text(encoding="utf-8").count('data-gb="print" data-gb-js') == 1, checklist_id


def test_every_page_loads_our_script_as_a_module_that_imports_its_chunks(site):
    """The served site: one <script type="module"> (the entry), which imports the chunks every page needs;
    those chunks, and only those, are preloaded at low priority (beside the entry, not one round trip
    after it, and after the stylesheets: issue 34); every file present."""
    import re

    every_page = loaded_on_every_page(site)
    chunks = sorted(p.name for p in every_page if p.suffix == ".js" and p.parent.name == "guidebook")
    assert chunks, "the entry imports no chunk"
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        entries = re.findall(r'<script type="module" src="([^"]+guidebook\.[^"/]+\.js)"></script>', text)
        assert len(entries) == 1, page
        preloaded = re.findall(r'<link rel="modulepreload" href="[^"]*/guidebook/([^"/]+\.js)" fetchpriority="low">', text)
        assert sorted(preloaded) == chunks and text.count("modulepreload") == len(chunks), page
        address = entries[0]
        target = site / address.lstrip("/") if address.startswith("/") else page.parent / address  # 404.html: from the root
        assert target.resolve().is_file(), f"{page}: {address} is missing"
    assert all(p.is_file() for p in every_page)


# page -> its own stylesheet: the record page's rules (screen and print) are a stylesheet of its own;
# other pages have none. The packet's rules are print rules only, written into the page, so that they
# neither hold the first paint nor cost a request.
OWN_STYLESHEETS = [("packet/index.html", None), ("record/index.html", "record"), ("index.html", None)]


@pytest.mark.parametrize("page, name", OWN_STYLESHEETS, ids=[p[0] for p in OWN_STYLESHEETS])
def test_a_page_links_its_own_stylesheet_if_it_has_one(site, page, name):
    html = (site / page).read_text(encoding="utf-8")
    links = re.findall(r'<link rel="stylesheet" href="[^"]*/(packet|record)\.[0-9a-f]{10}\.css"([^>]*)>', html)
    assert links == ([(name, "")] if name else [])


def test_materials_palette_rules_are_served_first_in_our_stylesheet_and_not_as_a_file(site):
    """One render-blocking request less on every page (decision record 2026-12-07-palette-in-our-stylesheet.md)."""
    from macros.assets import own_rules

    material = next(iter(site.glob("assets/stylesheets/main.*.min.css")))
    [ours] = site.glob("assets/stylesheets/guidebook.*.css")
    css = ours.read_text(encoding="utf-8")
    assert css.startswith("@media screen{[data-md-color-scheme=slate]") and "sourceMappingURL" not in css
    assert own_rules(css) and own_rules(css) in css and not own_rules(css).startswith("@media screen{[data-md")
    assert not list(site.glob("assets/stylesheets/palette.*")), "Material's palette file is not served"
    for page in sorted(site.rglob("*.html")):
        links = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page.read_text(encoding="utf-8"))
        names = [link.rsplit("/", 1)[-1] for link in links]
        assert names[:2] == [material.name, ours.name], page


def test_the_packets_print_rules_are_in_the_page_for_print_only(site):
    styles = re.findall(r'<style([^>]*)>(.*?)</style>', (site / "packet/index.html").read_text(encoding="utf-8"), re.S)
    printed = [css for attributes, css in styles if attributes == ' media="print"']
    source = (ROOT / "overrides" / PAGE_STYLESHEETS["packet"]).read_text(encoding="utf-8")
    assert printed == [rcssmin.cssmin(source)], "packet.css, minified, whole and unescaped"
    assert printed[0].startswith("@media print{") and printed[0].count("@media") == 1, "print rules only"
    assert not list((site / "assets" / "stylesheets").glob("packet.*.css")), "no packet stylesheet is served"


def test_ours_is_in_the_head_and_materials_at_the_end_both_deferred(site):
    """Material's bundle no longer holds the first paint, and stays at the end of the body; ours (a
    module, deferred too) is in the head, so that its fetch starts with the stylesheets', not once a
    long page is read. It waits for DOMContentLoaded, after Material's has run (guidebook.js)."""
    for page in ("index.html", "packet/index.html", "404.html"):
        head, end, body = (site / page).read_text(encoding="utf-8").partition("</head>")
        assert end, f"{page} has no </head>"
        assert named_scripts(head) == [('type="module"', "guidebook")], page
        assert named_scripts(body) == [("defer", "bundle")], page
        assert "bundle." in body.split("<script")[-1], f"{page}: Material's script is the last in the page"


@pytest.mark.parametrize("page", ["packet/index.html", "police/within-two-hours/index.html"])
def test_each_checklists_count_bar_and_reset_stay_in_one_row(site, guidebook, page):
    """Python-Markdown counts <progress> as a block: inside a <p> (the packet's checklists pass through
    md_in_html), the paragraph was closed before the bar and the reset button fell out of the row."""
    html = (site / page).read_text(encoding="utf-8")
    rows = re.findall(r'<div class="gb-progress-row">(.*?)</div>', html, re.S)
    expected = len(guidebook.checklists) if page.startswith("packet") else 1
    assert len(rows) == expected
    for row in rows:
        assert 'data-gb="count"' in row and "<progress" in row and 'data-gb="reset"' in row, row
        assert "<p>" not in row and "</p>" not in row, row


MANIFEST = re.compile(r'<div data-gb="manifest" hidden data-base="[^"]*"(?: data-src="([^"]*)")? data-manifest=\'([^\']*)\'>')
# page -> whether it carries the whole manifest: the pages that show every checklist (and the Now list) do;
# the others carry the renamed item ids and name the summary's file (macros/theme.py Manifests), so that
# their bytes do not grow with every checklist added
# "in page": the whole manifest in the page; "whole file": only the renamed ids, and the whole one's file (the
# record page: its modules load it with them, often not at all, first-use.js); "summary": the summary's file.
WHOLE_MANIFEST = [("index.html", "in page"), ("record/index.html", "whole file"), ("packet/index.html", "in page"),
                  ("police/within-24-hours/index.html", "summary"), ("municipal/crisis-response/index.html", "summary"),
                  ("now/index.html", "in page"), ("about/index.html", "summary"), ("404.html", "summary")]


def manifest_of(site, page: str) -> tuple[dict, dict | None]:
    """The manifest a built page carries, and the summary in the file it names (None if it names none)."""
    import html as markup

    found = MANIFEST.search((site / page).read_text(encoding="utf-8"))
    assert found, f"{page}: no manifest"
    carried = json.loads(markup.unescape(found[2]))
    if not found[1]:
        return carried, None
    src = found[1]
    # the 404 page names it from the site's root (its address is any), the others relative to themselves
    path = site / "assets/javascripts/guidebook" / src.rpartition("/")[2] if src.startswith("/") else (site / page).parent / src
    assert path.resolve().as_posix().endswith("/assets/javascripts/guidebook/" + src.rpartition("/")[2])
    module = path.resolve().read_text(encoding="utf-8")
    assert module.startswith("export default JSON.parse(") and module.endswith(");\n"), module[:80]
    return carried, json.loads(json.loads(module.removeprefix("export default JSON.parse(").removesuffix(");\n")))


@pytest.mark.parametrize("page, whole", WHOLE_MANIFEST, ids=[p[0] for p in WHOLE_MANIFEST])
def test_a_page_carries_the_whole_manifest_or_names_the_summarys_file(site, guidebook, page, whole):
    carried, named = manifest_of(site, page)
    every = {c.id for c in guidebook.checklists}
    if whole == "in page":
        assert named is None and {c["id"] for c in carried["checklists"]} == every
        return
    assert carried == {"renamed": guidebook.renamed}, "only what runs at once on every page needs"
    assert named is not None and named["renamed"] == guidebook.renamed
    if whole == "whole file":
        assert {c["id"] for c in named["checklists"]} == every and all("items" in c for c in named["checklists"])
    else:
        assert {c["id"] for c in named["checklists"]} == {c.id for c in guidebook.checklists if c.phase}


def test_the_record_pages_item_texts_are_a_file_it_names(site, guidebook):
    """Issue 34: the record page names a module of every item's words (loaded with its modules, often not at
    all: first-use.js) instead of carrying them; the offline edition carries them (tests/test_offline.py)."""
    from macros.guidebook.inline import plain_text

    page = (site / "record/index.html").read_text(encoding="utf-8")
    found = re.search(r'<div data-gb="record-texts" hidden (data-[a-z]+)="([^"]*)"', page)
    assert found and found[1] == "data-src", "the page names the file, and carries no texts"
    module = ((site / "record") / found[2]).resolve().read_text(encoding="utf-8")
    texts = json.loads(json.loads(module.removeprefix("export default JSON.parse(").removesuffix(");\n")))
    assert texts == {c.id: {i.id: plain_text(i.text) for i in c.items} for c in guidebook.checklists}


def test_the_incident_bars_panels_are_a_file_of_their_own_and_no_page_carries_them(site):
    """Issue 34: the Change and Hand over… panels are written once, a module whose default export is their
    markup, named by the hash of its content; each page's bar names that file and keeps an empty placeholder
    (the offline edition: tests/test_offline.py)."""
    import hashlib

    from tests.support import catalogue

    files = list(site.glob("assets/javascripts/guidebook/bar-panels.*.js"))
    assert len(files) == 1 and files[0].name.split(".")[1] == hashlib.sha256(files[0].read_bytes()).hexdigest()[:10]
    module = files[0].read_text(encoding="utf-8")
    panels = json.loads(module.removeprefix("export default ").removesuffix(";\n"))
    assert 'data-gb="bar-change-panel"' in panels and 'id="gb-bar-handover" data-gb="handoff"' in panels
    assert str(catalogue()("shift.snapshot")) in panels and str(catalogue()("status.confirm_new")) in panels
    pages = [p for p in site.rglob("*.html") if "assets" not in p.parts]
    with_bar = [p for p in pages if 'data-gb="incident-bar"' in p.read_text(encoding="utf-8")]
    assert len(with_bar) > 10
    for page in with_bar:
        text = page.read_text(encoding="utf-8")
        named = re.search(r'data-panels="([^"]+)"', text)
        assert named, page
        target = site / named[1].lstrip("/") if named[1].startswith("/") else page.parent / named[1]  # 404.html
        assert target.resolve() == files[0].resolve(), page
        assert '<div id="gb-bar-handover" data-gb="bar-panels" hidden></div>' in text, page
        assert 'data-gb="handoff"' not in text and 'data-gb="bar-change-panel"' not in text, page
