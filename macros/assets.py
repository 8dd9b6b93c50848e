"""Our own script and stylesheet, as the site serves them.

The sources stay apart and readable in overrides/assets/:
  javascripts/guidebook.js    the entry point: small ES2020 modules in javascripts/guidebook/
  stylesheets/guidebook.css   screen rules
  stylesheets/print.css       every print rule, inside one @media print block
  javascripts/workers/search-on-demand.js   the search worker pages name (macros/search_worker.py)

The build bundles the modules with esbuild (npm, pinned in package.json) as ES
modules split by need: the entry (guidebook.<hash>.js, a <script type="module">)
with the chunks it imports on every page, and the parts loaded with import()
only where needed (guidebook/record.<hash>.js and the like: the record page,
export and import, the packet). The offline edition, opened from file:// where
browsers refuse module scripts, gets one classic script instead: without
splitting, esbuild puts the parts import() loads into the same file. The print
rules are appended to the screen stylesheet (one request for a phone). All is
minified, except under `mkdocs serve`. Every served file is named after a hash
of its content, so a browser never runs a stale script after a deploy; the
sources are left out of the site. The one naming rule the README's server rules
match (tests/test_server_rules.py): name.<hash>[.min].js|css, where the hash is
8-10 lower-case hex digits (ours, from Assets.add, and Material's) or 8 upper-case
letters and digits (esbuild's [hash], which it has no option to change).
"""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import rcssmin

ROOT = Path(__file__).resolve().parent.parent
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
SCRIPT = "assets/javascripts/guidebook.js"
SCRIPT_MODULES = "assets/javascripts/guidebook"  # the sources; the served chunks go to the same folder
STYLESHEET = "assets/stylesheets/guidebook.css"
PRINT_STYLESHEET = "assets/stylesheets/print.css"
# The incident bar's Change and Hand over… panels, rendered from partials/gb-bar-panels.html (theme.py) into
# a module of their own (its default export: the markup), loaded with the bar's chunks: no page carries them.
BAR_PANELS = "assets/javascripts/guidebook/bar-panels.js"
# The guidebook's summary for the page script (theme.Manifests, manifest_module), a module of its own.
MANIFEST_SCRIPT = "assets/javascripts/guidebook/manifest.js"
WHOLE_MANIFEST_SCRIPT = "assets/javascripts/guidebook/manifest-whole.js"  # the whole one, for the record page
# The words of every item for the incident record page (Renderer.record_texts), loaded with its modules.
RECORD_TEXTS_SCRIPT = "assets/javascripts/guidebook/record-texts.js"
SEARCH_WORKER = "assets/javascripts/workers/search-on-demand.js"  # beside Material's worker, which it loads
# The rules of one page, on that page only: the record page's screen and print rules, served as a
# stylesheet of its own; the packet's print rules, written into the page in a <style media="print">
# (PRINT_ONLY_PAGES), so that they neither hold the first paint nor cost a request.
PAGE_STYLESHEETS = {"record": "assets/stylesheets/record.css", "packet": "assets/stylesheets/packet.css"}
PRINT_ONLY_PAGES = {"packet"}
SOURCES = (SCRIPT, SCRIPT_MODULES, STYLESHEET, PRINT_STYLESHEET, SEARCH_WORKER,
           *PAGE_STYLESHEETS.values())  # copied by MkDocs, removed from the site
TARGET = "es2020"


class AssetError(Exception):
    """A problem with our own script or stylesheets, in words for the person building."""


@dataclass
class Assets:
    """The served files: site-relative name -> content. `script` names the entry script; `chunks` the
    chunks it imports on every page, in order (the page finds them through the entry's imports; the
    tests check loaded_on_every_page against them); `stylesheet` the stylesheet; `modules` tells
    whether the script is an ES module (the served site) or one classic script (the offline edition)."""
    files: dict[str, bytes] = field(default_factory=dict)
    script: str = ""
    stylesheet: str = ""
    chunks: list[str] = field(default_factory=list)
    modules: bool = False
    search_worker: str = ""
    manifest: str = ""  # the guidebook's summary for the page script, a module of its own (theme.Manifests)
    whole_manifest: str = ""  # the whole manifest, the same way, for the record page (theme.manifest_file)
    # page -> its own rules: {"href": its stylesheet} (the record page) or {"print_rules": CSS} (the packet)
    page_rules: dict[str, dict[str, str]] = field(default_factory=dict)
    every_page_sources: list[Path] = field(default_factory=list)  # the source modules every page runs (modules only)

    def add(self, source_name: str, content: str) -> str:
        data = content.encode("utf-8")
        stem, _, suffix = source_name.rpartition(".")
        name = f"{stem}.{hashlib.sha256(data).hexdigest()[:10]}.{suffix}"
        self.files[name] = data
        return name


@dataclass
class Modules:
    """The script as ES modules: file name (relative to the entry's folder) -> text; the entry's name and
    the chunks it imports statically (loaded on every page), nearest first."""
    files: dict[str, str]
    entry: str
    static: list[str]
    static_sources: list[Path] = field(default_factory=list)  # the source modules in the entry and those chunks


def _esbuild(entry: Path, options: list[str], minify: bool, esbuild: Path) -> tuple[Path, dict]:
    """Run esbuild on `entry` with `options` into a fresh folder; returns the folder and the metafile."""
    if not esbuild.exists():
        raise AssetError(f"bundling the script needs esbuild ({esbuild}): run `npm ci` first "
                         "(make build, make serve and make test do)")
    out = Path(tempfile.mkdtemp(prefix="gb-esbuild-"))
    command = [str(esbuild), str(entry), "--bundle", f"--target={TARGET}", "--charset=utf8", "--log-level=error",
               f"--outdir={out / 'js'}", f"--metafile={out / 'meta.json'}", *options]
    if minify:
        command.append("--minify")
    result = subprocess.run(command, capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        shutil.rmtree(out)
        raise AssetError(f"{entry.name} could not be bundled:\n{result.stderr.strip()}")
    return out, json.loads((out / "meta.json").read_text(encoding="utf-8"))


def define_options(defines: dict[str, str] | None) -> list[str]:
    """esbuild's --define options: identifier -> the JS literal it stands for (macros/script_words.py)."""
    return [f"--define:{name}={value}" for name, value in sorted((defines or {}).items())]


def bundle_script(entry: Path, minify: bool = True, esbuild: Path = ESBUILD,
                  defines: dict[str, str] | None = None) -> str:
    """The entry module and every module it imports, import() included, as one classic script (an IIFE)."""
    out, _ = _esbuild(entry, ["--format=iife", "--entry-names=[name]", *define_options(defines)], minify, esbuild)
    try:
        return (out / "js" / f"{entry.stem}.js").read_text(encoding="utf-8")
    finally:
        shutil.rmtree(out)


def bundle_modules(entry: Path, minify: bool = True, esbuild: Path = ESBUILD,
                   defines: dict[str, str] | None = None) -> Modules:
    """The entry module as ES modules split by need: the entry, named entry.<hash>.js, and its chunks,
    named <entry>/<module>.<hash>.js (the modules loaded with import(), and the code they share)."""
    options = ["--format=esm", "--splitting", "--entry-names=[name].[hash]", f"--chunk-names={entry.stem}/[name].[hash]",
               *define_options(defines)]
    out, meta = _esbuild(entry, options, minify, esbuild)
    folder = (out / "js").resolve()
    try:
        files = {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.js"))}
    finally:
        shutil.rmtree(out)

    def named(path: str) -> str:  # the metafile names files from the working folder
        return Path(path).resolve().relative_to(folder).as_posix()

    graph = {named(name): [(named(i["path"]), i["kind"]) for i in output["imports"]]
             for name, output in meta["outputs"].items() if name.endswith(".js")}
    entry_name = next(named(name) for name, output in meta["outputs"].items() if output.get("entryPoint") and
                      Path(output["entryPoint"]).resolve() == entry.resolve())
    static = _static_imports(entry_name, graph)
    sources = sorted({Path(source).resolve() for name, output in meta["outputs"].items()
                      if name.endswith(".js") and named(name) in [entry_name, *static] for source in output["inputs"]})
    return Modules(files, entry_name, static, sources)


def _static_imports(name: str, graph: dict[str, list[tuple[str, str]]]) -> list[str]:
    """The chunks `name` imports with import statements, and theirs in turn (each once, nearest first)."""
    found: list[str] = []
    waiting = [name]
    while waiting:
        for chunk, kind in graph[waiting.pop(0)]:
            if kind == "import-statement" and chunk not in found:
                found.append(chunk)
                waiting.append(chunk)
    return found


def bundle_print_rules(screen: str, printed: str, minify: bool = True) -> str:
    """The one served stylesheet: screen rules, then the print rules (which must all be inside @media print)."""
    rules = rcssmin.cssmin(printed)
    if not (rules.startswith("@media print{") and rules.endswith("}")) or _closes_early(rules):
        raise AssetError(f"{PRINT_STYLESHEET}: every rule must be inside one `@media print {{ ... }}` block")
    if not minify:
        return screen + "\n" + printed
    return rcssmin.cssmin(screen) + rules


# Where Material's palette rules end and ours begin in the served stylesheet (with_palette, own_rules).
OWN_RULES = "/*! the guidebook's own rules */"
SOURCE_MAP = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")


def with_palette(palette: str, own: str) -> str:
    """Material's palette rules (its palette.<hash>.min.css), then ours, as one stylesheet: one request
    less before the first paint (decision record 2026-12-07-palette-in-our-stylesheet.md)."""
    if not palette:
        return own
    return f"{SOURCE_MAP.sub('', palette).rstrip()}\n{OWN_RULES}\n{own}"


def own_rules(css: str) -> str:
    """Our rules in the served stylesheet, without Material's palette rules before them (for the budget)."""
    return css.partition(OWN_RULES)[2].lstrip("\n") if OWN_RULES in css else css


def _closes_early(css: str) -> bool:
    """Whether the first block of `css` closes before its end (something follows @media print { })."""
    depth = 0
    for n, char in enumerate(css):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0 and char == "}":
            return n != len(css) - 1
    return True


def build_assets(theme_dir: Path, minify: bool = True, modules: bool = True,
                 defines: dict[str, str] | None = None, palette: str = "") -> Assets:
    """Bundle our script and stylesheets from the theme folder (overrides/), named by content hash:
    the script as ES modules split by need, or (modules=False, the offline edition) as one classic script;
    `defines`: the words each module loaded later carries (macros/script_words.py); `palette`: Material's
    palette rules, served first in our stylesheet (with_palette)."""
    theme = Path(theme_dir)
    assets = Assets(modules=modules)
    if modules:
        folder = SCRIPT.rpartition("/")[0]
        split = bundle_modules(theme / SCRIPT, minify, defines=defines)
        assets.files.update({f"{folder}/{name}": text.encode("utf-8") for name, text in split.files.items()})
        assets.script = f"{folder}/{split.entry}"
        assets.chunks = [f"{folder}/{name}" for name in split.static]
        assets.every_page_sources = split.static_sources
    else:
        assets.script = assets.add(SCRIPT, bundle_script(theme / SCRIPT, minify, defines=defines))
    css = bundle_print_rules((theme / STYLESHEET).read_text(encoding="utf-8"),
                             (theme / PRINT_STYLESHEET).read_text(encoding="utf-8"), minify)
    assets.stylesheet = assets.add(STYLESHEET, with_palette(palette, css))
    assets.search_worker = assets.add(SEARCH_WORKER, bundle_script(theme / SEARCH_WORKER, minify))
    for page, source in PAGE_STYLESHEETS.items():
        css = (theme / source).read_text(encoding="utf-8")
        css = rcssmin.cssmin(css) if minify else css
        if page in PRINT_ONLY_PAGES:
            assets.page_rules[page] = {"print_rules": inline_rules(source, css)}
        else:
            assets.page_rules[page] = {"href": assets.add(source, css)}
    return assets


def inline_rules(source: str, css: str) -> str:
    """`css` as it can stand inside a <style> element: refused if it holds "</", which would end it."""
    if "</" in css:
        raise AssetError(f"{source} holds \"</\", which would end the <style> element it is written into")
    return css


def write_assets(assets: Assets, site_dir: Path) -> list[Path]:
    """Put the served files into a built site and take the sources out; returns the files written."""
    site = Path(site_dir)
    for source in SOURCES:
        path = site / source
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    written = []
    for name, data in assets.files.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(data)
        written.append(site / name)
    return written


STATIC_IMPORT = re.compile(r"""(?:\bfrom|\bimport)\s*["'](\.{1,2}/[^"']+\.js)["']""")


def served_assets(site_dir: Path) -> list[Path]:
    """Our own files in a built site (for the benchmarks): the entry script first, then its chunks
    (guidebook/<module>.<hash>.js, none in the offline edition), then the stylesheet."""
    site = Path(site_dir)
    scripts = sorted(site.glob("assets/javascripts/guidebook.*.js"))
    chunks = sorted(site.glob("assets/javascripts/guidebook/*.js"))
    return scripts + chunks + sorted(site.glob("assets/stylesheets/guidebook.*.css"))


def loaded_on_every_page(site_dir: Path) -> list[Path]:
    """Our own files every page loads: the entry script, the chunks it imports statically (read from the
    served files; not those it loads with import()), and the stylesheet."""
    site = Path(site_dir)
    scripts = sorted(site.glob("assets/javascripts/guidebook.*.js"))
    waiting, found = list(scripts), list(scripts)
    while waiting:
        script = waiting.pop(0)
        for name in STATIC_IMPORT.findall(script.read_text(encoding="utf-8")):
            chunk = (script.parent / name).resolve()
            if chunk not in found:
                found.append(chunk)
                waiting.append(chunk)
    return found + sorted(site.glob("assets/stylesheets/guidebook.*.css"))
