"""The offline edition, made with the documented command `make offline`, checked as files.

Its behaviour from file:// in Chromium is in tests/browser/test_offline.py."""
from __future__ import annotations

import re

import pytest

from macros import WORKER_SHIM_SOURCE, WORKER_SHIM_URL
from tests.linkcheck import SiteChecker
from tests.support import ROOT, checklist_pages, expected_site_url, named_scripts


@pytest.fixture(scope="session")
def offline(offline_edition):
    return offline_edition


def test_make_offline_builds_a_zip_that_unpacks_to_a_site(offline):
    assert offline["zip"].is_file()
    size = offline["zip"].stat().st_size
    print(f"offline zip: {size / 1024:.0f} KiB")
    assert 0 < size < 5 * 1024 * 1024, "the zip should stay small enough to email"
    assert (offline["site"] / "index.html").is_file()
    assert "WARNING" not in offline["log"] and "ERROR" not in offline["log"], offline["log"]


def test_offline_pages_link_to_html_files_that_resolve_from_disk(offline):
    site = offline["site"]
    checker = SiteChecker(site, site.as_uri() + "/", directory_urls=False)
    assert checker.problems() == []
    assert not (site / "404.html").exists(), "404.html only works on a web server"


def test_offline_edition_has_every_checklist_page(offline, guidebook):
    site = offline["site"]
    for checklist in guidebook.checklists:
        pages = [p for p in site.rglob("*.html") if f'data-checklist="{checklist.id}" data-layout' in
                 p.read_text(encoding="utf-8") and p.read_text(encoding="utf-8").count('class="gb-checklist"') == 1]
        assert len(pages) == 1, checklist.id
        page = pages[0].read_text(encoding="utf-8")
        for item in checklist.items:
            assert f'id="check-{item.id}"' in page


def test_offline_edition_uses_the_local_worker_shim_and_no_cdn(offline):
    site = offline["site"]
    shim = site / WORKER_SHIM_URL
    assert shim.read_bytes() == WORKER_SHIM_SOURCE.read_bytes(), "the shim is the npm package's file"
    assert (shim.parent / "LICENSE").is_file()
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in text and "iframe-worker/shim\"" not in text, page
        scripts = re.findall(r'<script[^>]+src="([^"]+)"', text)
        assert any(s.endswith(WORKER_SHIM_URL) for s in scripts), f"{page}: no local shim"
        assert not [s for s in scripts if re.match(r"(https?:)?//", s)], f"{page} loads a script from the network"
        assert not re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="(?:https?:)?//', text), page


def test_offline_search_index_is_inlined(offline):
    index = (offline["site"] / "search" / "search_index.js").read_text(encoding="utf-8")
    assert index.startswith("var __index = {")


def test_offline_pages_name_their_public_addresses(offline, site):
    """Canonical links (and so the links that 'copy link' shares) are the public pages, not files on disk."""
    online = checklist_pages(site)
    base = expected_site_url()
    for ident, page in online.items():
        path = page.parent.relative_to(site).as_posix()
        offline_page = offline["site"] / (path + ".html")
        assert f'<link rel="canonical" href="{base}{path}/">' in offline_page.read_text(encoding="utf-8"), ident


def test_building_the_offline_edition_leaves_the_checkout_as_it_was(offline_edition):
    """Tests never change the checkout: the build writes into a temporary folder, and `npm ci` (which
    rewrites node_modules, and empties it when it is a link) never runs in a test."""
    assert offline_edition["checkout_after"] == offline_edition["checkout_before"]
    assert "npm ci" not in offline_edition["log"] and "pip install" not in offline_edition["log"]


def test_the_readme_documents_the_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make offline" in readme and "build/guidebook-offline.zip" in readme


def test_offline_edition_has_one_classic_script(offline):
    """From file:// Chromium refuses module scripts: the offline edition's script is one classic file,
    which holds the parts the served site loads with import()."""
    site = offline["site"]
    assert not (site / "assets" / "javascripts" / "guidebook").exists(), "no chunks offline"
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        ours = re.findall(r'<script([^>]*)src="[^"]*assets/javascripts/guidebook\.[^"]+\.js"', text)
        assert len(ours) == 1 and "module" not in ours[0], page
        head, _, body = text.partition("</head>")
        assert named_scripts(head) == [("defer", "guidebook")], f"{page}: ours is in the head"
        assert named_scripts(body) == [("defer", "bundle")], page
        assert "modulepreload" not in text, page


def test_offline_pages_carry_the_incident_bars_panels(offline):
    """One classic script from file://, no module to load: the offline edition's bar has its Change and Hand
    over… panels in the page, and no file of them (the served site's: tests/test_build.py)."""
    site = offline["site"]
    assert not list(site.rglob("bar-panels.*"))
    pages = [p for p in site.rglob("*.html") if 'data-gb="incident-bar"' in p.read_text(encoding="utf-8")]
    assert len(pages) > 10
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert 'data-gb="bar-change-panel"' in text and 'data-gb="handoff"' in text, page
        assert "data-panels=" not in text and 'data-gb="bar-panels"' not in text, page


def test_the_offline_record_page_carries_its_item_texts_and_the_whole_manifest(offline, guidebook):
    """From file:// no module loads: the record page carries what the served one names as files (its item
    texts, record-texts.<hash>.js; the whole manifest, manifest-whole.<hash>.js: tests/test_build.py)."""
    text = next(offline["site"].rglob("record*.html")).read_text(encoding="utf-8")
    assert "data-texts=" in text and 'data-gb="record-texts" hidden data-src' not in text
    assert all(f'"id": "{c.id}"' in text or f'"id":"{c.id}"' in text for c in guidebook.checklists), "the whole manifest"
    assert 'data-gb="manifest" hidden data-base="' in text and "manifest-whole" not in text
