"""The build step for our own files: the script's modules are bundled and minified (esbuild), the
print rules join the screen stylesheet, and each served file is named by its content.
Source in, expected output out, apart from any MkDocs build."""
import re
from pathlib import Path

import pytest

from macros.assets import AssetError, Assets, build_assets, bundle_print_rules, bundle_script, write_assets
from tests.support import ROOT


def test_print_rules_follow_the_screen_rules_in_one_stylesheet():
    screen = "/* screen */\n.a { color: red; }\n"
    printed = "/* paper */\n@media print {\n  @page { margin: 1cm; }\n  .a { color: #000; }\n}\n"
    assert bundle_print_rules(screen, printed) == ".a{color:red}@media print{@page{margin:1cm}.a{color:#000}}"


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
    assert served == sorted([assets.script, assets.stylesheet, assets.search_worker])
    assert re.fullmatch(r"assets/javascripts/workers/search-on-demand\.[0-9a-f]{10}\.js", assets.search_worker)
    assert served == sorted(p.relative_to(site).as_posix() for p in written)


def test_mkdocs_serve_is_recognised_by_its_temporary_site_folder(tmp_path):
    """`mkdocs serve` builds into a fresh tempfile.mkdtemp(prefix='mkdocs_'): there the script is not minified."""
    import tempfile

    from macros.theme import serving

    served = Path(tempfile.mkdtemp(prefix="mkdocs_"))
    try:
        assert serving({"site_dir": str(served)})
    finally:
        served.rmdir()
    assert not serving({"site_dir": str(tmp_path / "site")}) and not serving({"site_dir": "site"})
