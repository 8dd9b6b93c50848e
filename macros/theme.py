"""What the Material theme's templates (overrides/) get from us: the `t` filter with
the interface words, the words the page script shows (one JSON block), the
printed running header's words as CSS values, and the names of our served
script and stylesheet. Registered from define_env as a small MkDocs plugin
object, so that its on_env and on_post_build run in the build."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from .assets import AssetError, Assets, build_assets, write_assets
from .guidebook.messages import PLACEHOLDER, Words

PLUGIN_NAME = "guidebook-theme"
CSS_COUNTERS = {"page": "counter(page)", "pages": "counter(pages)"}


CSS_PLAIN = frozenset(" _.,:;/-?!()'#%=+@~*[]$")


def css_string(text: str) -> Markup:
    """`text` as a CSS string, every character but letters, digits and plain punctuation escaped
    (no quote, backslash, < or > is left: safe inside <style>)."""
    inner = "".join(c if c.isalnum() or c in CSS_PLAIN else f"\\{ord(c):x} " for c in str(text))
    return Markup(f'"{inner}"')


def css_content(word: str, values: dict[str, str]) -> Markup:
    """Words with {names} as a CSS `content` value: "Page " counter(page) " of " counter(pages)."""
    parts: list[str] = []
    last = 0
    for match in PLACEHOLDER.finditer(word):
        if match.start() > last:
            parts.append(css_string(word[last:match.start()]))
        parts.append(values[match[1]])
        last = match.end()
    if last < len(word):
        parts.append(css_string(word[last:]))
    return Markup(" ".join(parts))


def script_json(data) -> Markup:
    """JSON safe inside a single-quoted HTML attribute or a <script>: < > & ' written as \\u escapes
    (like Jinja's tojson), so nothing in it can end the attribute or the element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char in "<>&'":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return Markup(text)


def serving(config) -> bool:
    """Whether this is `mkdocs serve`, which builds into a temporary mkdocs_* folder."""
    site = Path(config["site_dir"])
    return site.name.startswith("mkdocs_") and site.parent == Path(tempfile.gettempdir())


class ThemeSupport:
    """A plugin object (MkDocs calls its on_* methods) that serves the theme templates."""

    def __init__(self, words: Words, assets: Assets, manifest: dict):
        self.words = words
        self.assets = assets
        self.manifest = manifest

    def on_env(self, env, config, files):
        env.filters["t"] = self.words
        env.filters["css_string"] = css_string
        env.globals["gb_words"] = script_json(self.words.for_script())
        env.globals["gb_page_number"] = css_content(self.words.text("print.page_number"), CSS_COUNTERS)
        env.globals["gb_css_word"] = lambda key: css_string(self.words.text(key))
        env.globals["gb_locale"] = self.words.text("meta.locale")
        env.globals["gb_manifest"] = script_json(self.manifest)  # for the incident bar: addresses from the site root
        env.globals["gb_assets"] = {"script": self.assets.script, "stylesheet": self.assets.stylesheet,
                                    "preload": self.assets.preload, "modules": self.assets.modules}
        return env

    def on_post_build(self, config):
        write_assets(self.assets, Path(config["site_dir"]))


def install(config, words: Words, manifest: dict, modules: bool = True) -> None:
    """Build our assets and register the theme support for this build; `modules`: the script as ES modules
    (the served site), or one classic script (the offline edition, opened from file://)."""
    try:
        assets = build_assets(Path(config["theme"].custom_dir), minify=not serving(config), modules=modules)
    except AssetError as error:
        raise PluginError(str(error)) from None  # MkDocs prints it as an ERROR and stops the build
    config["plugins"][PLUGIN_NAME] = ThemeSupport(words, assets, manifest)
