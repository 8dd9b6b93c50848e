"""What the Material theme's templates (overrides/) get from us: the `t` filter with
the interface words, the words the page script shows (one JSON block), the
printed running header's words as CSS values, and the names of our served
script and stylesheet. Registered from define_env as a small MkDocs plugin
object, so that its on_env and on_post_build run in the build."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError

from . import command
from .assets import (
    BAR_PANELS,
    MANIFEST_SCRIPT,
    RECORD_TEXTS_SCRIPT,
    SCRIPT,
    WHOLE_MANIFEST_SCRIPT,
    AssetError,
    Assets,
    build_assets,
    write_assets,
)
from .guidebook.edition import edition_footer
from .guidebook.messages import PLACEHOLDER, Words
from .guidebook.model import Guidebook
from .guidebook.pages import page_source
from .script_words import ScriptWords, check_every_page_modules, script_words

PLUGIN_NAME = "guidebook-theme"
MATERIAL_SCRIPTS = "assets/javascripts"  # in Material's templates folder, as in the built site
MATERIAL_STYLESHEETS = "assets/stylesheets"
MATERIAL_PALETTE = "palette.*.min.css"  # its rules are served in our stylesheet (assets.with_palette)
BAR_PANELS_TEMPLATE = "partials/gb-bar-panels.html"  # the incident bar's panels, a file of their own (bar_panels)
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


RECORD_PAGE = "gb_record_page"  # page.meta flag set by the incident_record macro
PACKET_PAGE = "gb_packet_page"  # set by the packet macro: the page gets the packet's words and print rules
ALL_CHECKLISTS = "gb_all_checklists"  # set by the macros of pages that show every checklist (home, record, packet)


def shows_every_checklist(page) -> bool:
    """Whether the page shows every checklist (home, record, packet): it carries the whole manifest."""
    return bool(page and page.meta.get(ALL_CHECKLISTS))


def page_kind(page) -> str:
    """"record" (the incident record page), "packet", "overview" (another page that shows every
    checklist) or "other": the rules of its own it gets (page_rules)."""
    meta = page.meta if page else {}
    for flag, kind in ((RECORD_PAGE, "record"), (PACKET_PAGE, "packet"), (ALL_CHECKLISTS, "overview")):
        if meta.get(flag):
            return kind
    return "other"


@dataclass
class Manifests:
    """The guidebook for the page script, addresses from the site root: `full` for the pages that show
    every checklist, `summary` for the others (a page carries what it needs: Renderer.summary).

    The pages that show every checklist carry the whole manifest in the page. The summary grows with every
    checklist added, so the other pages do not carry it: it is one file (MANIFEST_SCRIPT, named after its
    content, kept by browsers) that the parts loaded with import() load with them (dom.js loadManifest);
    those pages carry only what runs at once on every page needs: the renamed item ids (saved progress
    under an old id carries over). The offline edition, opened from disk where import() of a file is
    refused, carries the whole manifest in every page (docs-maintainers/decisions/2026-12-07-per-page-words-and-manifest.md)."""
    full: dict
    summary: dict

    def page(self, whole: bool) -> dict:
        """The manifest a page carries: the whole one, or what every page needs at once."""
        return self.full if whole else {"renamed": self.full["renamed"]}


def manifest_file(page, assets: Assets, whole_everywhere: bool) -> str:
    """The file of the manifest a page names, or "" where the page carries what it needs (Manifests): the
    record page the whole manifest's (its modules show every checklist; they load it with them, and often
    not at all: first-use.js), the pages that show one checklist or none the summary's."""
    if whole_everywhere or shows_every_checklist(page):
        return ""
    return assets.whole_manifest if page_kind(page) == "record" else assets.manifest


def manifest_module(data: dict) -> str:
    """Data as an ES module (its default export): the summary (MANIFEST_SCRIPT), the record page's item
    texts (RECORD_TEXTS_SCRIPT). JSON.parse of a string, which browsers read faster than the same object
    written as code."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return f"export default JSON.parse({json.dumps(text)});\n"


def part_titles(guidebook: Guidebook, words: Words) -> dict[str, str]:
    """A checklist page's source name -> its title in browser tabs and link previews, for the checklists
    of a part with a short title: "Police: Within 24 hours" (the words: meta.part_title). Plain text."""
    return {page_source(c): words.text("meta.part_title", part=c.part.short_title, title=c.title)
            for c in guidebook.checklists if c.part.short_title}


def guide(guidebook: Guidebook) -> dict:
    """What the 404 page lists, with addresses from the site root: each role's checklist for the first
    hour (as on the home page's way in), then every part with its checklists."""
    by_id = {c.id: c for c in guidebook.checklists}
    return {
        "respond": [{"role": r.name, "title": by_id[r.respond_with].title, "address": by_id[r.respond_with].address}
                    for r in guidebook.roles if r.respond_with in by_id],
        "parts": [{"title": p.title, "checklists": [{"title": c.title, "address": c.address}
                                                     for c in guidebook.checklists_in(p)]}
                  for p in guidebook.parts if guidebook.checklists_in(p)],
    }


class PageTitle:
    """The `gb_title(page)` of the templates: the page's title, then the site's name (the name alone on the
    home page and when there is no page), as Material's base.html writes it; a checklist page of a part with
    a short title says its part ("Police: Within 24 hours - ..."). Plain text: templates escape it."""

    def __init__(self, titles: dict[str, str]):
        self.titles = titles

    def __call__(self, page, site_name: str) -> str:
        if not page or page.is_homepage:
            return site_name
        title = self.titles.get(page.file.src_uri) if page.file else None
        if title is None and page.meta and page.meta.get("title"):
            title = str(page.meta["title"])
        if title is None and page.title:
            title = Markup(page.title).striptags()
        return f"{title} - {site_name}" if title else site_name


class ThemeSupport:
    """A plugin object (MkDocs calls its on_* methods) that serves the theme templates."""

    def __init__(self, words: Words, assets: Assets, manifests: Manifests, guidebook: Guidebook,
                 script_words: ScriptWords | None = None):
        self.words = words
        self.assets = assets
        self.manifests = manifests
        self.guidebook = guidebook
        # the words every page's block carries: those the modules every page runs name (script_words.py)
        self.script_words = script_words or ScriptWords(words.for_script())

    def on_env(self, env, config, files):
        env.filters["t"] = self.words
        env.filters["css_string"] = css_string
        words = script_json(self.script_words.page)
        env.globals["gb_words"] = lambda page: words  # the same on every page: later modules carry their own
        env.globals["gb_page_number"] = css_content(self.words.text("print.page_number"), CSS_COUNTERS)
        env.globals["gb_css_word"] = lambda key: css_string(self.words.text(key))
        env.globals["gb_locale"] = self.words.text("meta.locale")
        whole_everywhere = not self.assets.modules  # the offline edition: no file to load (Manifests)
        manifests = {whole: script_json(self.manifests.page(whole)) for whole in (True, False)}
        env.globals["gb_manifest"] = lambda page: manifests[whole_everywhere or shows_every_checklist(page)]
        env.globals["gb_manifest_file"] = lambda page: manifest_file(page, self.assets, whole_everywhere)
        env.globals["gb_bar_panels"] = bar_panels(env, self.assets)
        env.globals["gb_assets"] = {"script": self.assets.script, "stylesheet": self.assets.stylesheet,
                                    "modules": self.assets.modules, "chunks": self.assets.chunks}
        env.globals["gb_page_rules"] = self.page_rules
        env.globals["gb_material_bundle"] = material_bundle(theme_folders(config))
        env.globals["gb_material_stylesheet"] = material_stylesheet(theme_folders(config))
        env.globals["gb_title"] = PageTitle(part_titles(self.guidebook, self.words))
        env.globals["gb_guide"] = guide(self.guidebook)  # for 404.html
        env.globals["gb_edition"] = edition_footer(self.guidebook, self.words)  # partials/copyright.html
        return env

    def page_rules(self, page) -> dict[str, str] | None:
        """The rules of the record page or the packet, on that page only: the address of its own
        stylesheet (`href`), or its print rules to write into the page (`print_rules`); else None."""
        return self.assets.page_rules.get(page_kind(page))

    def on_post_build(self, config):
        site = Path(config["site_dir"])
        write_assets(self.assets, site)
        for copied in site.glob(f"{MATERIAL_STYLESHEETS}/{MATERIAL_PALETTE}*"):  # served inside ours (with_palette)
            copied.unlink()


def bar_panels(env, assets: Assets) -> str:
    """The served site: the incident bar's Change and Hand over… panels (partials/gb-bar-panels.html), rendered
    once into a module of their own named by its content (bar_panels_module), which the bar's script loads;
    its site address. The offline edition: "" (its one script cannot load a module; its pages carry them)."""
    if not assets.modules:
        return ""
    html = env.get_template(BAR_PANELS_TEMPLATE).render().strip()
    return assets.add(BAR_PANELS, bar_panels_module(html))


def bar_panels_module(html: str) -> str:
    """The panels' markup as an ES module's default export: a string, not a file of markup, so that it is
    served, cached and precached as our other scripts are, and no tool takes it for a page (decision record
    2026-12-07-bar-panels-file.md)."""
    return f"export default {json.dumps(html, ensure_ascii=False)};\n"


def material_file(theme_dirs: list[Path], folder: str, pattern: str) -> Path:
    """The one file of Material's matching `pattern` in `folder` of its templates (as in the built site)."""
    found = sorted(f for d in theme_dirs for f in (d / folder).glob(pattern))
    if len(found) != 1:
        raise PluginError(f"expected one {pattern} of Material in the theme's folders ({folder}), "
                          f"found {len(found)}: is mkdocs-material installed as requirements.txt pins it?")
    return found[0]


def theme_folders(config) -> list[Path]:
    """The theme's template folders, ours (overrides/) first, then Material's."""
    return [Path(d) for d in config["theme"].dirs]


def material_bundle(theme_dirs: list[Path]) -> str:
    """Material's script (bundle.<hash>.min.js), which base.html names but does not defer; main.html links
    it with `defer`."""
    return f"{MATERIAL_SCRIPTS}/{material_file(theme_dirs, MATERIAL_SCRIPTS, 'bundle.*.min.js').name}"


def material_stylesheet(theme_dirs: list[Path]) -> str:
    """Material's stylesheet (main.<hash>.min.css), which main.html links as base.html does."""
    return f"{MATERIAL_STYLESHEETS}/{material_file(theme_dirs, MATERIAL_STYLESHEETS, 'main.*.min.css').name}"


def material_palette(theme_dirs: list[Path]) -> str:
    """The rules of Material's palette stylesheet (palette.<hash>.min.css), which our stylesheet serves first
    (assets.with_palette); main.html does not link Material's file."""
    return material_file(theme_dirs, MATERIAL_STYLESHEETS, MATERIAL_PALETTE).read_text(encoding="utf-8")


def install(config, words: Words, manifests: Manifests, guidebook: Guidebook, modules: bool = True,
            record_texts: dict | None = None) -> str | None:
    """Build our assets and register the theme support for this build; `modules`: the script as ES modules
    (the served site), or one classic script (the offline edition, opened from file://). Returns the served
    name of the module of `record_texts` (the record page names it), None offline: that page carries them."""
    theme = Path(config["theme"].custom_dir)
    try:  # the words in this site's language: the page's block, and in each module loaded later (its define)
        folder, _, entry = SCRIPT.rpartition("/")
        shown = script_words(theme / folder, entry, words)
        palette = material_palette(theme_folders(config))
        assets = build_assets(theme, minify=not command.serving(), modules=modules, defines=shown.defines(),
                              palette=palette)
        check_every_page_modules(assets, shown, theme / folder)
    except AssetError as error:
        raise PluginError(str(error)) from None  # MkDocs prints it as an ERROR and stops the build
    texts = None
    if modules:
        assets.manifest = assets.add(MANIFEST_SCRIPT, manifest_module(manifests.summary))
        assets.whole_manifest = assets.add(WHOLE_MANIFEST_SCRIPT, manifest_module(manifests.full))
        texts = assets.add(RECORD_TEXTS_SCRIPT, manifest_module(record_texts or {}))
    config["plugins"][PLUGIN_NAME] = ThemeSupport(words, assets, manifests, guidebook, shown)
    return texts
