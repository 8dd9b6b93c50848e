"""The incident bar's Change and Hand over… panels as a module of their own (macros/theme.py bar_panels,
issue 34): rendered once from partials/gb-bar-panels.html with the theme's `t` filter, the markup its default
export, named by the hash of its content, every word escaped; none for the offline edition, whose pages carry
them."""
from __future__ import annotations

import hashlib
import json
import re

import jinja2

from macros.assets import Assets
from macros.guidebook.messages import Words
from macros.theme import bar_panels
from tests.support import ROOT, catalogue

HOSTILE = """<img src=x onerror="alert(1)"> & 'quotes'"""


def markup(module: bytes) -> str:
    """The default export of a module bar_panels_module wrote."""
    text = module.decode("utf-8")
    assert text.startswith("export default ") and text.endswith(";\n")
    return json.loads(text.removeprefix("export default ").removesuffix(";\n"))


def theme_env(words: Words) -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"))  # as MkDocs makes it
    env.filters["t"] = words
    return env


def test_the_panels_file_is_named_by_its_content_and_holds_both_panels():
    assets = Assets(modules=True)
    name = bar_panels(theme_env(catalogue()), assets)
    assert re.fullmatch(r"assets/javascripts/guidebook/bar-panels\.[0-9a-f]{10}\.js", name)
    data = assets.files[name]
    assert name.split(".")[-2] == hashlib.sha256(data).hexdigest()[:10]
    text = markup(data)
    assert text.index('data-gb="bar-change-panel"') < text.index('data-gb="handoff"')
    for key in ("status.started_now", "status.new", "status.confirm_new", "shift.title", "shift.close"):
        assert str(catalogue()(key)) in text, key


def test_every_word_in_the_panels_file_is_escaped():
    entries = dict(catalogue().entries)
    entries["status.started_now"] = HOSTILE
    entries["shift.title"] = HOSTILE
    assets = Assets(modules=True)
    text = markup(assets.files[bar_panels(theme_env(Words("en", entries)), assets)])
    assert "<img" not in text and text.count("&lt;img src=x onerror=&#34;alert(1)&#34;&gt; &amp; &#39;quotes&#39;") == 2


def test_the_offline_edition_gets_no_panels_file():
    assets = Assets(modules=False)
    assert bar_panels(theme_env(catalogue()), assets) == "" and assets.files == {}
