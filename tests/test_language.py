"""A `language:` setting selects the catalogue of interface words: a build with a small fake second
catalogue (every word of en.yml marked) shows its words on the pages, in the script's JSON block and
in the printed header, and writes dates in that language."""
from __future__ import annotations

import json
import re
from datetime import date

import pytest
import yaml
from babel.dates import format_date

from tests.support import ROOT, build, copy_project, word

pytestmark = pytest.mark.build  # a build of its own, with a fake second catalogue

MARK = "«de»"


@pytest.fixture(scope="module")
def german_site(tmp_path_factory):
    work = tmp_path_factory.mktemp("language")
    project = copy_project(work / "project")
    english = yaml.safe_load((ROOT / "data" / "messages" / "en.yml").read_text(encoding="utf-8"))
    marked = {group: {name: f"{MARK} {words}" for name, words in names.items()} for group, names in english.items()}
    marked["meta"]["locale"] = "de_DE"
    (project / "data" / "messages" / "de.yml").write_text(yaml.safe_dump(marked, allow_unicode=True), encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert config.count("  language: en ") == 1, "mkdocs.yml changed shape"
    (project / "mkdocs.yml").write_text(config.replace("  language: en ", "  language: de "), encoding="utf-8")
    result = build(project, work / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    return work / "site"


def test_the_pages_show_the_words_of_the_chosen_catalogue(german_site, guidebook):
    page = (german_site / "police" / "within-24-hours" / "index.html").read_text(encoding="utf-8")
    checklist = guidebook.checklist("police-within-24-hours")
    assert f"{MARK} {word('count.done', done=0, total=len(checklist.items))}" in page
    reset, clock = word("checklist.reset"), word("incident.title")
    assert f"{MARK} {reset}" in page and f"{MARK} {clock}" in page
    assert re.search(r'<meta property="og:locale" content="[^"]*de_DE"', page)
    assert f"{reset}<" not in page.replace(f"{MARK} {reset}<", "")


def test_the_script_and_the_printed_header_get_the_same_words(german_site):
    page = (german_site / "index.html").read_text(encoding="utf-8")
    block = re.search(r"<div data-gb=\"words\" hidden data-words='([^']*)'></div>", page).group(1)
    words = json.loads(block)
    english = yaml.safe_load((ROOT / "data" / "messages" / "en.yml").read_text(encoding="utf-8"))
    assert words["count.done"] == f"{MARK} {english['count']['done']}"
    assert all(value.startswith(MARK) for value in words.values())
    style = re.search(r"<style>:root\{(.*?)\}</style>", page, re.S).group(1)
    assert "--gb-page-number:" in style and "counter(page)" in style and "\\ab de\\bb " in style


def test_dates_are_written_in_the_language(german_site, guidebook):
    packet = (german_site / "packet" / "index.html").read_text(encoding="utf-8")
    released = format_date(date.fromisoformat(guidebook.released), format="long", locale="de")
    assert released.split()[1] == "Juni", "the test expects the data's release date in June"
    assert f"{MARK} {word('packet.released', date=released)}" in packet


@pytest.mark.parametrize("key", ["incident.open_items", "record.open_none", "packet.holds"])
def test_modules_loaded_later_bring_the_words_of_the_chosen_catalogue(german_site, key):
    """Their words are in their files (macros/script_words.py), in the site's language, not on the page."""
    served = german_site / "assets" / "javascripts" / "guidebook"
    assert any(f'"{key}":"{MARK} ' in p.read_text(encoding="utf-8") for p in served.glob("*.js"))
    assert f'"{key}":' not in (german_site / "index.html").read_text(encoding="utf-8")
