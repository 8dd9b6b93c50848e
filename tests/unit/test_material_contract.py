"""Contract tests: every internal of Material for MkDocs the site depends on, compared with the installed
Material package, so that an upgrade fails a named test here instead of breaking the site silently.

- the search worker's private message protocol, spoken by our worker (workers/search-on-demand.js);
- the page's `__config` and where it names the search worker (macros/search_worker.py);
- the search plugin's parser class, subclassed by macros/guidebook/search_index.py;
- the copied partials (partials/search.html, partials/javascripts/base.html) and the scripts block
  of base.html, which overrides/main.html repeats with Material's script deferred;
- the offline plugin's Web Worker shim and Material's script bundle, which macros/ find by name.

When one fails after an upgrade: read what changed in Material, adapt our copy or wrapper, and update
the test's expectation with it."""
from __future__ import annotations

import json
import re
from functools import cache
from html.parser import HTMLParser
from importlib.metadata import version
from pathlib import Path

import material
import pytest
from material.plugins.offline import plugin as offline_plugin
from material.plugins.search.plugin import Parser

from macros import search_worker, theme
from macros.guidebook.search_index import ContentParser, content_entries
from tests.support import ROOT

MATERIAL = Path(material.__file__).parent / "templates"
SCRIPTS = MATERIAL / "assets" / "javascripts"
OURS = ROOT / "overrides"
OUR_WORKER = OURS / "assets" / "javascripts" / "workers" / "search-on-demand.js"


@cache
def sources(map_file: Path) -> dict[str, str]:
    """The TypeScript sources Material ships in a script's source map: path -> text."""
    data = json.loads(map_file.read_text(encoding="utf-8"))
    return dict(zip(data["sources"], data["sourcesContent"], strict=True))


def only(pattern: str) -> Path:
    found = sorted(SCRIPTS.glob(pattern))
    assert len(found) == 1, f"expected one {pattern} in Material's templates, found {[p.name for p in found]}"
    return found[0]


def source(map_file: Path, ending: str) -> str:
    found = [text for name, text in sources(map_file).items() if name.endswith(ending)]
    assert len(found) == 1, f"{map_file.name}: no single source ending in {ending}"
    return found[0]


def without_jinja_comments(text: str) -> str:
    return re.sub(r"\{#.*?#\}", "", text, flags=re.S).strip()


def block(template: str, name: str) -> str:
    match = re.search(r"\{%-?\s*block " + name + r"\s*-?%\}(.*?)\{%-?\s*endblock\s*-?%\}", template, flags=re.S)
    assert match, f"no block {name}"
    return match[1]


def squeezed(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\{%-|-%\}", lambda m: m[0].replace("-", ""), text)).strip()


# ---- the version ------------------------------------------------------------------------------------

def test_the_installed_material_is_the_pinned_one_and_the_one_our_copies_name():
    pinned = re.search(r"^mkdocs-material==(\S+)$", (ROOT / "requirements.txt").read_text(), flags=re.M)
    assert pinned and version("mkdocs-material") == pinned[1]
    for copy in [OURS / "partials" / "search.html"]:
        named = re.search(r"Material (\d+\.\d+\.\d+)", copy.read_text(encoding="utf-8"))
        assert named and named[1] == pinned[1], f"{copy.relative_to(ROOT)} was copied from another Material"


# ---- the search worker's message protocol ---------------------------------------------------------------

def our_message_types() -> dict[str, int]:
    return {name: int(value) for name, value in
            re.findall(r"^const (SETUP|READY|QUERY|RESULT) = (\d+)$", OUR_WORKER.read_text(), flags=re.M)}


def test_our_worker_numbers_the_messages_as_materials_protocol_does():
    enum = source(only("bundle.*.min.js.map"), "integrations/search/worker/message/index.ts")
    body = re.search(r"export const enum SearchMessageType \{(.*?)\}", enum, flags=re.S)
    assert body, "Material no longer declares SearchMessageType"
    names = re.findall(r"^\s*([A-Z]+)\b", re.sub(r"/\*.*?\*/", "", body[1]), flags=re.M)
    assert {name: index for index, name in enumerate(names)} == our_message_types()


def test_materials_worker_answers_setup_with_ready_and_a_query_with_a_result_of_items():
    worker = source(only("workers/search.*.min.js.map"), "integrations/search/worker/main/index.ts")
    setup = re.search(r"case SearchMessageType\.SETUP:(.*?)case SearchMessageType\.QUERY:", worker, flags=re.S)
    assert setup and "new Search(message.data)" in setup[1] and "type: SearchMessageType.READY" in setup[1]
    assert "type: SearchMessageType.RESULT" in worker and "data: { items: [] }" in worker


def test_the_setup_message_carries_config_and_docs_and_a_result_its_items():
    worker_map = only("workers/search.*.min.js.map")
    index = source(worker_map, "integrations/search/config/index.ts")
    fields = re.search(r"interface SearchIndex \{(.*?)\}", index, flags=re.S)
    assert fields and {"config", "docs", "options"} <= set(re.findall(r"^\s*(\w+):", fields[1], flags=re.M))
    result = source(worker_map, "integrations/search/_/index.ts")
    assert re.search(r"interface SearchResult \{\s*items:", result)


def test_materials_worker_is_a_classic_script_that_listens_and_answers_with_the_globals():
    """Ours loads it with importScripts, takes the listener it adds with the global addEventListener and
    catches the answers it posts with the global postMessage."""
    worker = only("workers/search.*.min.js").read_text(encoding="utf-8")
    main = source(only("workers/search.*.min.js.map"), "integrations/search/worker/main/index.ts")
    assert 'addEventListener("message", async ev => {\n  postMessage(await handler(ev.data))' in main
    assert 'addEventListener("message"' in worker and "postMessage(" in worker
    assert not re.search(r"^\s*(import|export)\s", worker, flags=re.M), "a module worker cannot be imported"


# ---- __config ---------------------------------------------------------------------------------------

def test_config_names_the_search_worker_in_a_json_script_where_our_step_looks():
    base = (MATERIAL / "base.html").read_text(encoding="utf-8")
    config = re.search(r'<script id="__config" type="application/json">\s*\{\{-(.*?)\|\s*tojson\s*-\}\}\s*</script>',
                       base, flags=re.S)
    assert config, "Material's base.html no longer writes __config as a JSON script"
    assert search_worker.CONFIG_START == '<script id="__config" type="application/json">'
    named = re.search(r'"search":\s*"([^"]+)"\s*\|\s*url', config[1])
    assert named, "__config no longer names the search worker under \"search\""
    assert (MATERIAL / named[1]).is_file()
    assert Path(named[1]).parent.as_posix() == search_worker.WORKERS_DIR
    assert search_worker.worker_url(f"../{named[1]}", f"{search_worker.WORKERS_DIR}/ours.js").startswith(
        f"../{search_worker.WORKERS_DIR}/ours.js?worker={Path(named[1]).name}&")


def test_config_keeps_the_keys_materials_script_reads():
    base = (MATERIAL / "base.html").read_text(encoding="utf-8")
    keys = set(re.findall(r'^\s*"(\w+)":', block(base, "config"), flags=re.M))
    assert {"base", "features", "translations", "search"} <= keys


# ---- the parser class ---------------------------------------------------------------------------------

def test_the_search_parser_is_an_html_parser_with_the_sections_we_read():
    assert issubclass(Parser, HTMLParser) and issubclass(ContentParser, Parser)
    parser = Parser()
    parser.feed('<h1 id="t">Title</h1><p>Intro</p><h2 id="s">Part</h2><p>Body</p><div data-search-exclude><p>x</p></div>')
    parser.close()
    first, second = parser.data[0], parser.data[1]
    assert (first.el.tag, first.id, "".join(first.title), "".join(first.text)) == ("h1", None, "Title", "<p>Intro</p>")
    assert (second.el.tag, second.id, "".join(second.title)) == ("h2", "s", "Part")
    assert not any(section.is_excluded() for section in parser.data)


def test_the_parser_honours_data_search_exclude_on_a_heading_as_our_interface_rule_needs():
    html = '<h1 id="t">Title</h1><p>Text</p><h2 id="ui" data-search-exclude>My progress</h2><p>ui</p>'
    assert content_entries(html, "page/", "Title") == [{"location": "page/", "title": "Title", "text": "<p>Text</p>"}]


# ---- copied partials and blocks -----------------------------------------------------------------------

# Our copy of Material's search.html changes two things only: the dialog gets a name, and the results
# container loses its tab stop (invisible while search is closed: issue 26).
def test_our_search_partial_is_materials_with_only_the_dialogs_name_added_and_no_hidden_tab_stop():
    ours = without_jinja_comments((OURS / "partials" / "search.html").read_text(encoding="utf-8"))
    theirs = without_jinja_comments((MATERIAL / "partials" / "search.html").read_text(encoding="utf-8"))
    ours = ours.replace(''' aria-label="{{ lang.t('search') }}"''', "", 1)
    assert theirs.count('''md-search__scrollwrap" tabindex="0"''') == 1, "Material's results container has its tab stop"
    assert ours == theirs.replace('''md-search__scrollwrap" tabindex="0"''', '''md-search__scrollwrap"''', 1)


def md_helpers(template: str) -> dict[str, str]:
    """The __md_* helpers a javascripts/base.html defines: name -> its definition."""
    script = re.search(r"<script>(.*)</script>", template, flags=re.S)
    assert script
    parts = re.split(r",(?=__md_\w+=)", script[1].strip())
    return dict(part.split("=", 1) for part in parts)


def parameters(definition: str) -> list[str]:
    found = re.match(r"\(([^)]*)\)=>", definition)
    assert found, definition
    return [p.split("=")[0] for p in found[1].split(",")]


def test_our_storage_helpers_keep_materials_names_scope_hash_and_signatures():
    ours = md_helpers((OURS / "partials" / "javascripts" / "base.html").read_text(encoding="utf-8"))
    theirs = md_helpers((MATERIAL / "partials" / "javascripts" / "base.html").read_text(encoding="utf-8"))
    assert sorted(ours) == sorted(theirs) == ["__md_get", "__md_hash", "__md_scope", "__md_set"]
    assert ours["__md_scope"] == theirs["__md_scope"] and ours["__md_hash"] == theirs["__md_hash"]
    for name in ("__md_get", "__md_set"):
        assert len(parameters(ours[name])) == len(parameters(theirs[name])), name
        assert ".pathname+\".\"+e" in ours[name] and ".pathname+\".\"+e" in theirs[name], "the same storage keys"


def test_our_scripts_block_is_materials_with_its_script_deferred():
    theirs = squeezed(block((MATERIAL / "base.html").read_text(encoding="utf-8"), "scripts"))
    ours = squeezed(block((OURS / "main.html").read_text(encoding="utf-8"), "scripts"))
    bundle = only("bundle.*.min.js").name
    expected = theirs.replace(f"<script src=\"{{{{ 'assets/javascripts/{bundle}' | url }}}}\">",
                              '<script defer src="{{ gb_material_bundle | url }}">')
    assert expected != theirs, "Material's scripts block no longer loads its bundle as we copy it"
    assert ours == expected


def test_our_styles_block_is_materials_with_its_palette_rules_inside_ours():
    """main.html copies Material's styles block, less its palette file, whose rules open our stylesheet
    (decision record 2026-12-07-palette-in-our-stylesheet.md): a Material upgrade that changes it fails here."""
    theirs = squeezed(block((MATERIAL / "base.html").read_text(encoding="utf-8"), "styles"))
    ours = squeezed(block((OURS / "main.html").read_text(encoding="utf-8"), "styles"))
    stylesheet = next((MATERIAL / "assets" / "stylesheets").glob("main.*.min.css")).name
    palette = re.compile(r"\{% if config\.theme\.palette %\}.*?palette\.[0-9a-f]+\.min\.css.*?\{% endif %\} ")
    expected = palette.sub("", theirs, count=1).replace(
        f"{{{{ 'assets/stylesheets/{stylesheet}' | url }}}}", "{{ gb_material_stylesheet | url }}")
    assert expected != theirs and "palette" not in expected, "Material's styles block changed how it links them"
    assert ours.startswith(expected + ' <link rel="stylesheet" href="{{ gb_assets.stylesheet | url }}">')


def test_materials_bundle_is_one_file_our_theme_finds():
    assert theme.material_bundle([MATERIAL]) == f"assets/javascripts/{only('bundle.*.min.js').name}"


# ---- the offline plugin -------------------------------------------------------------------------------

def test_the_offline_plugin_adds_its_web_worker_shim_to_the_polyfills_by_that_name():
    """macros/__init__.py replaces the shim the offline plugin names (a CDN) by its local copy."""
    text = Path(offline_plugin.__file__).read_text(encoding="utf-8")
    assert 'config.extra["polyfills"]' in text and '"iframe-worker" in url' in text
    assert hasattr(offline_plugin, "OfflinePlugin")


@pytest.mark.parametrize("name", ["material/search", "material/offline"])
def test_the_plugins_we_look_up_are_registered_under_their_names(name):
    from importlib.metadata import entry_points

    assert name in {entry.name for entry in entry_points(group="mkdocs.plugins")}
