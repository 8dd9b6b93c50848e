"""Words travel with the module that shows them (macros/script_words.py): the page's block carries the words
of the modules every page runs; a module loaded with import() carries its own, in its file."""
import re
from pathlib import Path

import pytest

from macros.assets import STATIC_IMPORT, AssetError, build_assets, loaded_on_every_page, write_assets
from macros.script_words import define_name, script_words
from tests.support import ROOT, catalogue

SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"
SAID = re.compile(r"""say\(\s*["']([a-z_]+\.[a-z_0-9]+)["']""")


@pytest.fixture(scope="module")
def shown():
    return script_words(SCRIPTS, "guidebook.js", catalogue())


@pytest.mark.parametrize("key, carrier", [
    ("count.done", "page"),                      # progress.js, every page
    ("storage.full", "page"),                    # notice.js (storage.${problem}): the notice must show at once
    ("import.more", "page"),                     # words.js's shortList
    ("loading.failed", "page"),                  # on-demand.js: said when a module cannot be loaded
    ("incident.open_items", "guidebook/clock.js"),
    ("duration.hours", "guidebook/clock.js"),    # duration.js is pure: clock.js, which imports it, brings its words
    ("shift.all_done", "guidebook/incidentbar.js"),  # shift.js, pure: brought by each module that imports it
    ("shift.all_done", "guidebook/nowlist.js"),
    ("record.open_none", "guidebook/record.js"),
    ("handover.merged", "guidebook/handover.js"),
    ("packet.holds", "guidebook/packet.js"),
    ("import.confirm", "guidebook/transfer.js"),
    ("wayin.responding", "guidebook/search-fallback.js"),
    ("offline.reload", "guidebook/update-notice.js"),
])
def test_each_word_travels_with_the_module_that_shows_it(shown, key, carrier):
    assert key in catalogue().entries
    if carrier == "page":
        assert key in shown.page
        assert not any(key in words for words in shown.modules.values()), "carried once, by the page"
    else:
        assert key in shown.modules[carrier] and key not in shown.page


@pytest.mark.parametrize("key", ["record.open_none", "handover.holds", "packet.holds", "incident.open_items",
                                 "shift.next", "forms.activity_none"])
def test_the_page_leaves_out_the_words_of_modules_loaded_later(shown, key):
    assert key not in shown.page


def test_the_page_carries_the_words_of_every_module_every_page_runs_and_no_more(shown):
    """The entry's import statements, read from the sources: the modules every page loads."""
    assert shown.static[0] == "guidebook.js"
    assert {"guidebook/progress.js", "guidebook/notice.js", "guidebook/words.js", "guidebook/on-demand.js"} <= set(shown.static)
    assert not {"guidebook/clock.js", "guidebook/record.js", "guidebook/transfer.js"} & set(shown.static)
    said = {key for name in shown.static for key in SAID.findall((SCRIPTS / name).read_text())}
    assert said and said <= shown.page.keys()
    assert "incident.title" not in shown.page and "status.label" not in shown.page  # in the templates already
    assert len(shown.page) < 40, "a few words on every page: those of the modules loaded later travel with them"


def test_every_word_a_module_says_is_there_when_it_runs(shown):
    """A module loaded later: in the page's block or in its own words (or those of the module bringing it)."""
    for name, words in shown.modules.items():
        source = (SCRIPTS / name).read_text()
        assert f'addWords(typeof {define_name(name)} === "string" && {define_name(name)})' in source
        missing = set(SAID.findall(source)) - shown.page.keys() - words.keys()
        assert not missing, f"{name} says {missing}"


def _loaded_with(site: Path, script: Path) -> str:
    """The text of a served script and of every chunk it imports with import statements."""
    found, waiting = [script], [script]
    while waiting:
        current = waiting.pop()
        for name in STATIC_IMPORT.findall(current.read_text()):
            chunk = (current.parent / name).resolve()
            if chunk not in found:
                found.append(chunk)
                waiting.append(chunk)
    return "".join(p.read_text() for p in found)


@pytest.fixture(scope="module")
def served(tmp_path_factory, shown):
    site = tmp_path_factory.mktemp("site")
    write_assets(build_assets(ROOT / "overrides", defines=shown.defines()), site)
    return site


@pytest.mark.parametrize("module", ["clock", "incidentbar", "item-record", "record", "handover", "forms", "transfer",
                                    "handoff", "nowlist", "packet", "roles", "keep", "search-fallback", "update-notice"])
def test_a_module_loaded_later_brings_its_words_in_its_files_and_not_in_every_pages(served, shown, module):
    words = shown.modules[f"guidebook/{module}.js"]
    assert words, f"{module}.js shows words of its own"
    [entry] = (served / "assets" / "javascripts" / "guidebook").glob(f"{module}.*.js")
    with_it = _loaded_with(served, entry)
    every_page = "".join(p.read_text() for p in loaded_on_every_page(served) if p.suffix == ".js")
    for key in words:
        assert f'"{key}":' in with_it, f"{key} comes with {module}.js, in the same requests"
        assert f'"{key}":' not in every_page, f"{key} is not in what every page loads"


def test_the_offline_script_holds_every_word_of_the_modules_it_runs_later(shown):
    """The offline edition's one classic script holds what import() loads, and with it their words."""
    assets = build_assets(ROOT / "overrides", modules=False, defines=shown.defines())
    script = assets.files[assets.script].decode()
    assert all(f'"{key}":' in script for words in shown.modules.values() for key in words)


def _scripts(tmp_path: Path, modules: dict[str, str]) -> Path:
    for name, source in {"main.js": 'import "./main/a.js";\nexport const more = () => import("./main/b.js");\n',
                         **modules}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(source)
    return tmp_path


TAKES = 'addWords(typeof GB_WORDS_b === "string" && GB_WORDS_b);\n'


@pytest.mark.parametrize("modules, page, later", [
    ({"main/a.js": 'say("incident.done");', "main/b.js": TAKES + 'say("record.unnamed");'},
     {"incident.done"}, {"main/b.js": {"record.unnamed"}}),
    # a word the page carries is not carried again
    ({"main/a.js": 'say("incident.done");', "main/b.js": TAKES + 'say("incident.done"); say("record.unnamed");'},
     {"incident.done"}, {"main/b.js": {"record.unnamed"}}),
    # a pure module (say given by its caller) has its words brought by the module importing it
    ({"main/a.js": "", "main/b.js": 'import "./c.js";\n' + TAKES, "main/c.js": "say(`duration.${unit}`)"},
     set(), {"main/b.js": {k for k in catalogue().entries if k.startswith("duration.")}}),
    # a module moved to the entry's imports moves its words to the page
    ({"main.js": 'import "./main/a.js";\nimport "./main/b.js";\n', "main/a.js": "",
      "main/b.js": TAKES + 'say("record.unnamed");'}, {"record.unnamed"}, {}),
])
def test_where_words_go_follows_the_imports(tmp_path, modules, page, later):
    found = script_words(_scripts(tmp_path, modules), "main.js", catalogue())
    assert set(found.page) == page
    assert {name: set(words) for name, words in found.modules.items() if words} == later


@pytest.mark.parametrize("modules", [
    {"main/a.js": "", "main/b.js": 'say("record.unnamed");'},  # loaded later, shows words, takes none
    {"main/a.js": "", "main/b.js": 'export const c = () => import("./c.js");\n' + TAKES,
     "main/c.js": 'say("record.unnamed");'},  # loaded with import(): nobody brings its words
])
def test_a_module_whose_words_nothing_would_bring_stops_the_build(tmp_path, modules):
    with pytest.raises(AssetError, match=r"main/[bc]\.js shows words that pages do not carry.*addWords"):
        script_words(_scripts(tmp_path, modules), "main.js", catalogue())


def test_the_define_is_a_json_text_named_after_the_module(shown):
    import json

    defines = shown.defines()
    assert define_name("guidebook/item-record.js") == "GB_WORDS_item_record"
    assert json.loads(json.loads(defines["GB_WORDS_clock"])) == shown.modules["guidebook/clock.js"]


def test_a_module_every_page_loads_that_the_sources_scan_missed_stops_the_build(tmp_path, shown):
    """esbuild's own account (its metafile) of what every page loads is checked against the scan."""
    from macros.assets import Assets
    from macros.theme import check_every_page_modules

    loaded = [(SCRIPTS / name).resolve() for name in shown.static]
    check_every_page_modules(Assets(every_page_sources=loaded), shown, SCRIPTS)
    with pytest.raises(AssetError, match=r"every page loads guidebook/clock\.js"):
        check_every_page_modules(Assets(every_page_sources=[*loaded, SCRIPTS / "guidebook" / "clock.js"]), shown, SCRIPTS)


def test_hostile_words_reach_the_module_as_written(tmp_path):
    """Words are data: quotes, a backslash, `${`, </script> and a line separator arrive as the catalogue
    has them, as text, whatever esbuild does with the string (run in Node)."""
    import json
    import shutil
    import subprocess

    from macros.assets import bundle_script
    from macros.script_words import ScriptWords

    if shutil.which("node") is None:
        pytest.skip("Node is not installed")
    hostile = {"record.unnamed": "it's \"x\" \\ `${alert(1)}` </script><b>\u2028 \u00e9 {count}"}
    (tmp_path / "main.js").write_text('console.log(typeof GB_WORDS_b === "string" && GB_WORDS_b);\n')
    script = bundle_script(tmp_path / "main.js", defines=ScriptWords({}, {"main/b.js": hostile}).defines())
    (tmp_path / "out.js").write_text(script)
    printed = subprocess.run(["node", str(tmp_path / "out.js")], capture_output=True, text=True, check=True).stdout
    assert json.loads(printed) == hostile
