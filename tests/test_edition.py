"""The footer of every page says whose edition this is: the guidebook, its publisher and year, the
publications its checklists summarize and CCM's official copy, each linked; not Material's credit."""
from __future__ import annotations

import dataclasses
import html
import re

from macros.guidebook.edition import edition_footer, summarized_sources
from tests.support import catalogue, plain


def footer_of(page: str) -> str:
    found = re.search(r'<div class="md-copyright gb-edition-footer">(.*?)</div>', page, re.S)
    assert found, "the page has the edition footer"
    return found.group(1)


def test_the_footer_names_the_edition_its_sources_and_the_official_copy(guidebook):
    footer = str(edition_footer(guidebook, catalogue()))
    text = plain(footer)
    assert guidebook.title in text and guidebook.publisher in text and guidebook.released[:4] in text
    links = dict(re.findall(r'<a href="([^"]+)">([^<]+)</a>', footer))
    assert links[guidebook.source.url] == guidebook.source.url_label
    sources = summarized_sources(guidebook)
    assert sources and {s.id for s in sources} == {p.source.id for p in guidebook.parts if p.source}
    assert all(links[s.url] == html.escape(s.title, quote=False) for s in sources)


def test_the_footer_escapes_what_the_data_says(guidebook):
    hostile = dataclasses.replace(guidebook.source, url='https://x.example/"><script>', url_label="<b>copy</b>")
    footer = str(edition_footer(dataclasses.replace(guidebook, source=hostile, title="<i>T</i>"), catalogue()))
    assert "<script>" not in footer and "<b>" not in footer and "<i>" not in footer
    assert "&lt;b&gt;copy&lt;/b&gt;" in footer and 'href="https://x.example/&#34;&gt;&lt;script&gt;"' in footer


def test_every_page_has_the_edition_footer_and_no_material_credit(site, guidebook):
    pages = sorted(site.rglob("*.html"))
    assert pages
    for path in pages:
        page = path.read_text(encoding="utf-8")
        if "md-footer" not in page:
            continue  # redirect stubs
        assert "Made with" not in page and "squidfunk" not in page, path
        assert f'<a href="{guidebook.source.url}">' in footer_of(page), path
