"""Our own script and stylesheets in a built site: the print rules join the
screen stylesheet, then both files are minified.

The sources stay apart and readable in overrides/assets/: guidebook.js (ES5,
parsed and mangled by calmjs.parse: local names shortened, globals kept),
guidebook.css (screen) and print.css (every print rule, inside @media print).
The site serves one stylesheet: a phone fetches the print rules with the rest,
in one request, smaller gzipped together than apart.
"""
from __future__ import annotations

from pathlib import Path

import rcssmin
from calmjs.parse import es5
from calmjs.parse.unparsers.es5 import minify_print

SCRIPT = "assets/javascripts/guidebook.js"
STYLESHEET = "assets/stylesheets/guidebook.css"
PRINT_STYLESHEET = "assets/stylesheets/print.css"
SERVED = (SCRIPT, STYLESHEET)  # our own files as a reader's browser fetches them


def minify_js(text: str) -> str:
    return minify_print(es5(text), obfuscate=True, obfuscate_globals=False)


def bundle_print_rules(screen: str, printed: str) -> str:
    """The one served stylesheet: screen rules, then the print rules (which must all be inside @media print)."""
    rules = rcssmin.cssmin(printed)
    if not (rules.startswith("@media print{") and rules.endswith("}")) or _closes_early(rules):
        raise ValueError(f"{PRINT_STYLESHEET}: every rule must be inside one `@media print {{ ... }}` block")
    return rcssmin.cssmin(screen) + rules


def _closes_early(css: str) -> bool:
    """Whether the first block of `css` closes before its end (something follows @media print { })."""
    depth = 0
    for n, char in enumerate(css):
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth == 0 and char == "}":
            return n != len(css) - 1
    return True


def build_assets(site_dir: Path) -> list[Path]:
    """Bundle and minify our files in a built site; returns the files served."""
    site = Path(site_dir)
    script, stylesheet, printed = site / SCRIPT, site / STYLESHEET, site / PRINT_STYLESHEET
    script.write_text(minify_js(script.read_text(encoding="utf-8")), encoding="utf-8")
    stylesheet.write_text(bundle_print_rules(stylesheet.read_text(encoding="utf-8"),
                                             printed.read_text(encoding="utf-8")), encoding="utf-8")
    printed.unlink()
    return [site / name for name in SERVED]
