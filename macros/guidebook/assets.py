"""Minify the guidebook's own script and stylesheets in a built site.

The script is ES5, parsed and mangled by calmjs.parse (local names shortened,
globals kept); the stylesheets go through rcssmin.
"""
from __future__ import annotations

from pathlib import Path

import rcssmin
from calmjs.parse import es5
from calmjs.parse.unparsers.es5 import minify_print

OWN_ASSETS = ("assets/javascripts/guidebook.js", "assets/stylesheets/guidebook.css", "assets/stylesheets/print.css")


def minify_js(text: str) -> str:
    return minify_print(es5(text), obfuscate=True, obfuscate_globals=False)


def minify_assets(site_dir: Path) -> list[Path]:
    done = []
    for name in OWN_ASSETS:
        path = Path(site_dir) / name
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        path.write_text(minify_js(text) if path.suffix == ".js" else rcssmin.cssmin(text), encoding="utf-8")
        done.append(path)
    return done
