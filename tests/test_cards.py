"""Every page of the built site names its link preview card early in its <head>: an absolute og:image of a
1200x630 PNG that the site holds, with its size and alt text, and twitter:card summary_large_image."""
from __future__ import annotations

import html
import re
from pathlib import Path

from PIL import Image

from macros.guidebook.cards import HEIGHT, WIDTH, without_abbreviation
from tests.support import checklist_pages, expected_site_url, word

EARLY = 16 * 1024  # Teams and some crawlers read only the first ~16 KB of a page
META = re.compile(r'<meta (?:property|name)="([^"]+)" content="([^"]*)">')


def content_pages(site: Path) -> list[Path]:
    """Every page a reader can share: the site's index.html files (redirect stubs have no head of ours)."""
    return [p for p in sorted(site.rglob("index.html")) if "og:title" in p.read_text(encoding="utf-8")]


def metas(page: str) -> dict[str, str]:
    return {name: html.unescape(value) for name, value in META.findall(page)}


def test_every_page_names_its_card_before_the_first_stylesheet(site):
    pages = content_pages(site)
    assert len(pages) > 10
    base = expected_site_url()
    for path in pages:
        page = path.read_text(encoding="utf-8")
        tags = metas(page)
        image = tags["og:image"]
        assert image.startswith(base) and image.endswith(".png"), path
        assert tags["twitter:card"] == "summary_large_image" and tags["twitter:image"] == image, path
        assert (tags["og:image:width"], tags["og:image:height"]) == (str(WIDTH), str(HEIGHT)) == ("1200", "630")
        assert tags["og:image:alt"] and tags["twitter:image:alt"] == tags["og:image:alt"], path
        at = page.index('property="og:image"')
        assert at < page.index('rel="stylesheet"') and page.index("og:image:alt") < EARLY, path
        with Image.open(site / image.removeprefix(base)) as card:
            assert (card.format, card.size) == ("PNG", (1200, 630)), path


def test_each_checklist_card_says_its_title_its_part_and_the_tagline(site, guidebook):
    pages = checklist_pages(site)
    tagline = word("card.tagline", publisher=without_abbreviation(guidebook.publisher), title=guidebook.title)
    assert tagline == ("Connecticut Conference of Municipalities · Responding to Racial Tension in Your "
                       "Municipality")
    for checklist in guidebook.checklists:
        alt = metas(pages[checklist.id].read_text(encoding="utf-8"))["og:image:alt"]
        assert alt == word("card.alt", title=checklist.title, part=checklist.part.title, tagline=tagline)


def test_the_build_says_how_many_cards_it_drew(build_result):
    result, _ = build_result
    assert re.search(r"Link preview cards: \d+ drawn, \d+ from the cache", result.stdout + result.stderr)


def test_the_offline_edition_has_no_cards(offline_edition):
    """Opened from disk, it is never crawled for a preview: a text card, and no card images in the zip."""
    site = offline_edition["site"]
    assert not (site / "assets" / "images" / "cards").exists()
    tags = metas((site / "index.html").read_text(encoding="utf-8"))
    assert tags["twitter:card"] == "summary" and "og:image" not in tags
