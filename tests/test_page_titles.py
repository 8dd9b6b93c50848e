"""Page titles in browser tabs and link previews: a checklist of a part with a `short_title` (the police
part) says its part, "Police: Within 24 hours", composed with the catalogue's meta.part_title; the data's
title and the page's heading stay as they are. Every title is escaped once, like all data text."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.support import built, checklist_pages, copy_project, plain, word

TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def titles(page: Path) -> dict[str, str]:
    """The page's <title>, og:title and twitter:title, as written in the HTML (escaped)."""
    text = page.read_text(encoding="utf-8")
    found = {"title": TITLE.search(text).group(1).strip()}  # type: ignore[union-attr]
    for name in ("og:title", "twitter:title"):
        meta = re.search(rf'<meta (?:property|name)="{name}" content="([^"]*)"', text)
        assert meta, f"{page}: no {name}"
        found[name] = meta.group(1)
    return found


def expected_title(checklist, site_name: str) -> str:
    shown = checklist.title
    if checklist.part.short_title:
        shown = word("meta.part_title", part=checklist.part.short_title, title=checklist.title)
    return f"{shown} - {site_name}"


def site_name(site: Path) -> str:
    return html.unescape(re.search(r'<meta property="og:site_name" content="([^"]*)"',
                                   (site / "index.html").read_text(encoding="utf-8")).group(1))  # type: ignore[union-attr]


def test_police_checklist_titles_say_police(site, guidebook):
    police = [c for c in guidebook.checklists if c.part.short_title]
    assert police and {c.part.id for c in police} == {"part-2-police-officials"}, "the police part has a short title"
    name = site_name(site)
    for checklist, page in ((c, checklist_pages(site)[c.id]) for c in guidebook.checklists):
        shown = {key: html.unescape(value) for key, value in titles(page).items()}
        assert set(shown.values()) == {expected_title(checklist, name)}, checklist.id
        heading = re.search(rf'<h1 id="{checklist.id}">(.*?)</h1>', page.read_text(encoding="utf-8"), re.S)
        assert heading and plain(heading.group(1)) == checklist.title, "the heading keeps the data's title"


def test_other_pages_keep_their_titles(site):
    name = site_name(site)
    assert {html.unescape(v) for v in titles(site / "index.html").values()} == {name}
    about = {html.unescape(v) for v in titles(site / "about" / "index.html").values()}
    assert len(about) == 1 and about.pop().endswith(f" - {name}")
    assert html.unescape(titles(site / "404.html")["title"]) == f"{word('notfound.title')} - {name}"


@pytest.mark.build  # a build of its own
def test_a_short_title_and_a_title_with_quotes_and_ampersands_are_escaped_once(tmp_path):
    project = copy_project(tmp_path / "project")
    book = project / "data" / "guidebook.yml"
    text = book.read_text(encoding="utf-8")
    assert "short_title: Police " in text
    book.write_text(text.replace("short_title: Police ", "short_title: 'Police & \"Fire\"' "), encoding="utf-8")
    data = project / "data" / "checklists" / "police-within-24-hours.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("title: Within 24 hours",
                                                             "title: \"Q&A: 'day' one\""), encoding="utf-8")
    site = built(project, tmp_path / "site")
    page = site / "police" / "within-24-hours" / "index.html"
    raw = titles(page)
    expected = word("meta.part_title", part='Police & "Fire"', title="Q&A: 'day' one")
    for key, value in raw.items():
        assert html.unescape(value) == f"{expected} - {site_name(site)}", key
        assert '"' not in value and "&amp;amp;" not in value and re.search(r"&(?!amp;|#34;|quot;|#39;)", value) is None
