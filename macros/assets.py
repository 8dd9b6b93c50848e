"""Our own script and stylesheet, as the site serves them.

The sources stay apart and readable in overrides/assets/:
  javascripts/guidebook.js    the entry point: small ES2020 modules in javascripts/guidebook/
  stylesheets/guidebook.css   screen rules
  stylesheets/print.css       every print rule, inside one @media print block
  javascripts/workers/search-on-demand.js   the search worker pages name (macros/search_worker.py)

The build bundles the modules into one script with esbuild (npm, pinned in
package.json) and appends the print rules to the screen stylesheet (one request
for a phone). Both are minified, except under `mkdocs serve`. Each served file
is named after a hash of its content (guidebook.3f9a0c1d.js), so a browser never
runs a stale script after a deploy; the sources are left out of the site.
"""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import rcssmin

ROOT = Path(__file__).resolve().parent.parent
ESBUILD = ROOT / "node_modules" / ".bin" / "esbuild"
SCRIPT = "assets/javascripts/guidebook.js"
SCRIPT_MODULES = "assets/javascripts/guidebook"
STYLESHEET = "assets/stylesheets/guidebook.css"
PRINT_STYLESHEET = "assets/stylesheets/print.css"
SEARCH_WORKER = "assets/javascripts/workers/search-on-demand.js"  # beside Material's worker, which it loads
SOURCES = (SCRIPT, SCRIPT_MODULES, STYLESHEET, PRINT_STYLESHEET, SEARCH_WORKER)  # copied by MkDocs, removed from the site
TARGET = "es2020"


class AssetError(Exception):
    """A problem with our own script or stylesheets, in words for the person building."""


@dataclass
class Assets:
    """The served files: site-relative name -> content; `script` and `stylesheet` name them."""
    files: dict[str, bytes] = field(default_factory=dict)
    script: str = ""
    stylesheet: str = ""
    search_worker: str = ""

    def add(self, source_name: str, content: str) -> str:
        data = content.encode("utf-8")
        stem, _, suffix = source_name.rpartition(".")
        name = f"{stem}.{hashlib.sha256(data).hexdigest()[:10]}.{suffix}"
        self.files[name] = data
        return name


def bundle_script(entry: Path, minify: bool = True, esbuild: Path = ESBUILD) -> str:
    """The entry module and every module it imports, as one script (an IIFE), ES2020."""
    if not esbuild.exists():
        raise AssetError(f"bundling the script needs esbuild ({esbuild}): run `npm ci` first "
                         "(make build, make serve and make test do)")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "bundle.js"
        command = [str(esbuild), str(entry), "--bundle", "--format=iife", f"--target={TARGET}",
                   "--charset=utf8", "--log-level=error", f"--outfile={out}"]
        if minify:
            command.append("--minify")
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise AssetError(f"{entry.name} could not be bundled:\n{result.stderr.strip()}")
        return out.read_text(encoding="utf-8")


def bundle_print_rules(screen: str, printed: str, minify: bool = True) -> str:
    """The one served stylesheet: screen rules, then the print rules (which must all be inside @media print)."""
    rules = rcssmin.cssmin(printed)
    if not (rules.startswith("@media print{") and rules.endswith("}")) or _closes_early(rules):
        raise AssetError(f"{PRINT_STYLESHEET}: every rule must be inside one `@media print {{ ... }}` block")
    if not minify:
        return screen + "\n" + printed
    return rcssmin.cssmin(screen) + rules


def _closes_early(css: str) -> bool:
    """Whether the first block of `css` closes before its end (something follows @media print { })."""
    depth = 0
    for n, char in enumerate(css):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0 and char == "}":
            return n != len(css) - 1
    return True


def build_assets(theme_dir: Path, minify: bool = True) -> Assets:
    """Bundle our script and stylesheets from the theme folder (overrides/), named by content hash."""
    theme = Path(theme_dir)
    assets = Assets()
    assets.script = assets.add(SCRIPT, bundle_script(theme / SCRIPT, minify))
    css = bundle_print_rules((theme / STYLESHEET).read_text(encoding="utf-8"),
                             (theme / PRINT_STYLESHEET).read_text(encoding="utf-8"), minify)
    assets.stylesheet = assets.add(STYLESHEET, css)
    assets.search_worker = assets.add(SEARCH_WORKER, bundle_script(theme / SEARCH_WORKER, minify))
    return assets


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


def served_assets(site_dir: Path) -> list[Path]:
    """Our own files in a built site, as a reader's browser fetches them (for the benchmarks)."""
    site = Path(site_dir)
    scripts = sorted(site.glob("assets/javascripts/guidebook.*.js"))
    return scripts + sorted(site.glob("assets/stylesheets/guidebook.*.css"))
