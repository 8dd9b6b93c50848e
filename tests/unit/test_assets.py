"""The build step for our own files: the script's modules are bundled and minified (esbuild), as ES
modules split by need for the served site and as one classic script for the offline edition, the
print rules join the screen stylesheet, and each served file is named by its content.
Source in, expected output out, apart from any MkDocs build."""
import re

import pytest

from macros.assets import (
    AssetError,
    Assets,
    build_assets,
    bundle_modules,
    bundle_print_rules,
    bundle_script,
    inline_rules,
    loaded_on_every_page,
    own_rules,
    served_assets,
    with_palette,
    write_assets,
)
from tests.support import ROOT


def test_print_rules_follow_the_screen_rules_in_one_stylesheet():
    screen = "/* screen */\n.a { color: red; }\n"
    printed = "/* paper */\n@media print {\n  @page { margin: 1cm; }\n  .a { color: #000; }\n}\n"
    assert bundle_print_rules(screen, printed) == ".a{color:red}@media print{@page{margin:1cm}.a{color:#000}}"


# Material's palette rules, then ours, in one stylesheet: (palette, ours, served, our rules read back)
PALETTE_CASES = [
    ("[data-md-color-scheme=slate]{color-scheme:dark}\n/*# sourceMappingURL=palette.fb2fffe2.min.css.map*/",
     ".a{color:red}",
     "[data-md-color-scheme=slate]{color-scheme:dark}\n/*! the guidebook's own rules */\n.a{color:red}", ".a{color:red}"),
    ("", ".a{color:red}", ".a{color:red}", ".a{color:red}"),  # no palette: ours alone
]


@pytest.mark.parametrize("palette, ours, served, read_back", PALETTE_CASES, ids=["with its source map", "none"])
def test_materials_palette_rules_come_first_in_our_stylesheet(palette, ours, served, read_back):
    assert with_palette(palette, ours) == served
    assert own_rules(served) == read_back


@pytest.mark.parametrize("printed", [
    ".a { color: #000; }",                                        # not in @media print at all
    "@media print { .a { color: #000; } }\n.b { display: none; }",  # a rule after the block
    "@media screen { .a { color: #000; } }",
])
def test_a_print_rule_outside_media_print_is_refused(printed):
    with pytest.raises(AssetError, match=r"print\.css: every rule must be inside one `@media print"):
        bundle_print_rules(".a { color: red; }", printed)


@pytest.fixture
def modules(tmp_path):
    (tmp_path / "parts").mkdir()
    (tmp_path / "parts" / "count.js").write_text(
        "// a comment\nexport const countChecked = (boxes) => boxes.filter((box) => box.checked).length;\n")
    (tmp_path / "main.js").write_text(
        'import { countChecked } from "./parts/count.js";\n'
        "const longLocalName = countChecked([{ checked: true }]);\n"
        "window.keep = `${longLocalName} done`;\n")
    return tmp_path / "main.js"


def test_modules_are_bundled_into_one_minified_modern_script(modules):
    script = bundle_script(modules)
    assert "import" not in script and "// a comment" not in script and "longLocalName" not in script
    assert "=>" in script and "`" in script, "ES2020 stays ES2020: no down-levelling"
    assert script.count("\n") <= 2


def test_unminified_bundle_keeps_the_names_for_mkdocs_serve(modules):
    script = bundle_script(modules, minify=False)
    assert "longLocalName" in script and "countChecked" in script


def test_a_syntax_error_names_the_file(tmp_path):
    (tmp_path / "main.js").write_text("const x = ;\n")
    with pytest.raises(AssetError, match=r"main\.js could not be bundled"):
        bundle_script(tmp_path / "main.js")


def test_served_names_carry_a_hash_of_the_content():
    first, second = Assets(), Assets()
    a = first.add("assets/javascripts/guidebook.js", "let a = 1;")
    b = second.add("assets/javascripts/guidebook.js", "let a = 2;")
    assert a != b and a.startswith("assets/javascripts/guidebook.") and a.endswith(".js")
    assert first.add("x/y.js", "same") == second.add("x/y.js", "same")


@pytest.fixture
def split(tmp_path):
    """An entry that imports one module on every page and loads two others with import(), which share one."""
    files = {
        "shared.js": "export function shared(name) {\n  const longLocalName = `shared by ${name}`;\n  return longLocalName;\n}\n",
        "always.js": 'import { shared } from "./shared.js";\nexport const always = () => shared("always");\n',
        "rare.js": 'import { shared } from "./shared.js";\nexport const rareThing = () => shared("rare");\n',
        "other.js": 'import { shared } from "./shared.js";\nexport const otherThing = () => shared("other");\n',
    }
    (tmp_path / "main").mkdir()
    for name, text in files.items():
        (tmp_path / "main" / name).write_text(text)
    (tmp_path / "main.js").write_text(
        'import { always } from "./main/always.js";\n'
        "window.now = always();\n"
        'window.later = () => Promise.all([import("./main/rare.js"), import("./main/other.js")]);\n')
    return tmp_path / "main.js"


def test_modules_are_split_by_need(split):
    modules = bundle_modules(split)
    entry = modules.files[modules.entry]
    assert modules.entry.startswith("main.") and modules.entry.count("/") == 0
    chunks = {name.split("/")[1].split(".")[0] for name in modules.files if name != modules.entry}
    assert {"rare", "other"} <= chunks, "each module loaded with import() is a file of its own"
    assert all(name.startswith("main/") for name in modules.files if name != modules.entry)
    assert "rareThing" not in entry and "otherThing" not in entry
    loaded_later = [name for name in modules.files if name.startswith(("main/rare.", "main/other."))]
    assert not set(loaded_later) & set(modules.static), "import() chunks are not loaded on every page"
    assert modules.static and all(f'"./{name}"' in entry for name in modules.static if name.count("/") == 1)


@pytest.mark.parametrize("minify, kept", [(True, False), (False, True)])
def test_split_modules_are_minified_except_under_mkdocs_serve(split, minify, kept):
    modules = bundle_modules(split, minify=minify)
    text = "".join(modules.files.values())
    assert ("longLocalName" in text) == kept
    assert "=>" in text and "`" in text, "ES2020 stays ES2020"


def test_the_offline_script_holds_what_import_loads(split):
    script = bundle_script(split)
    assert "import(" not in script and "export " not in script
    assert "shared by" in script and script.count("shared by") == 1


def test_the_site_gets_the_served_files_and_not_the_sources(tmp_path):
    site = tmp_path / "site"
    for source in ("assets/javascripts/guidebook.js", "assets/javascripts/guidebook/store.js",
                   "assets/stylesheets/guidebook.css", "assets/stylesheets/print.css",
                   "assets/javascripts/workers/search-on-demand.js"):
        (site / source).parent.mkdir(parents=True, exist_ok=True)
        (site / source).write_text("source")
    assets = build_assets(ROOT / "overrides")
    written = write_assets(assets, site)
    served = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert served == sorted(assets.files) and served == sorted(p.relative_to(site).as_posix() for p in written)
    assert served_assets(site)[0].relative_to(site).as_posix() == assets.script, "the entry first (bench/progress.py)"
    # our search worker loads on the first search; the record page's stylesheet on that page
    on_demand = {assets.search_worker, *(rules["href"] for rules in assets.page_rules.values() if "href" in rules)}
    assert sorted(p.relative_to(site).as_posix() for p in served_assets(site)) == sorted(set(served) - on_demand)
    assert "assets/javascripts/guidebook/store.js" not in served
    assert re.fullmatch(r"assets/javascripts/workers/search-on-demand\.[0-9a-f]{10}\.js", assets.search_worker)
    assert assets.search_worker in served


def test_the_offline_edition_gets_one_classic_script():
    assets = build_assets(ROOT / "overrides", modules=False)
    scripts = [name for name in assets.files if name.endswith(".js") and name != assets.search_worker]
    assert scripts == [assets.script] and not assets.chunks and not assets.modules
    # every module is in it: no import() of a module is left (from file:// it would fail). The one import()
    # left loads a file a served page names (dom.js partFile: the summary, the bar's panels, the record page's
    # item texts); the offline edition's pages name none, and carry them in the page
    script = assets.files[assets.script].decode()
    assert not re.search(r"""import\(\s*["'`]""", script)
    assert script.count("import(") == 1 and "import(new URL(" in script


# The served site: what every page loads, and what only the pages that need it load.
SOURCE_MODULES = ROOT / "overrides" / "assets" / "javascripts" / "guidebook"


@pytest.fixture(scope="module")
def served_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    assets = build_assets(ROOT / "overrides")
    write_assets(assets, site)
    return site, assets


@pytest.mark.parametrize("module, every_page", [
    ("saved", True), ("progress", True), ("print", True),
    ("clock", False), ("incidentbar", False), ("item-record", False), ("roles", False),
    ("record", False), ("handover", False), ("transfer", False), ("packet", False),
])
def test_a_module_is_loaded_on_every_page_or_only_where_needed(served_site, module, every_page):
    site, assets = served_site
    marker = _marker(module)
    everywhere = "".join(p.read_text() for p in loaded_on_every_page(site) if p.suffix == ".js")
    assert (marker in everywhere) == every_page
    assert any(marker in data.decode() for data in assets.files.values()), f"{module}.js is served"


def _marker(module: str) -> str:
    """A text of the module that minifying keeps: its first say("...") key, or its first quoted name."""
    import re

    source = (SOURCE_MODULES / f"{module}.js").read_text()
    found = re.search(r'say\("([a-z_]+\.[a-z_]+)"', source) or re.search(r'"([a-z-]+\.[a-z]+)"', source)
    assert found, f"{module}.js: no text to recognise it by"
    return found[1]


def test_the_chunks_every_page_loads_are_the_entrys_static_imports(served_site):
    site, assets = served_site
    loaded = [p.relative_to(site).as_posix() for p in loaded_on_every_page(site)]
    assert loaded == [assets.script, *assets.chunks, assets.stylesheet]


@pytest.mark.parametrize("announced, serving", [(None, False), ("build", False), ("gh-deploy", False), ("serve", True)])
def test_mkdocs_serve_is_known_from_the_command_mkdocs_announces(announced, serving):
    """MkDocs announces its command in on_startup (macros/startup.py, a hooks module of mkdocs.yml);
    under `mkdocs serve` the script is not minified, the PDF not made and no policy written."""
    from macros import command, startup

    try:
        command.remember("")
        if announced:
            startup.on_startup(announced, dirty=False)
        assert command.serving() is serving
    finally:
        command.remember("")


def test_print_rules_written_into_a_page_may_not_end_their_style_element():
    assert inline_rules("packet.css", "@media print{.a{color:red}}") == "@media print{.a{color:red}}"
    with pytest.raises(AssetError, match=r'packet\.css holds "</"'):
        inline_rules("packet.css", '@media print{.a::after{content:"</style><script>"}}')
