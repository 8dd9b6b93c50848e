"""Minify the guidebook's own script and stylesheets in a built site."""
from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

OWN_ASSETS = ("assets/javascripts/guidebook.js", "assets/stylesheets/guidebook.css", "assets/stylesheets/print.css")


def minify_assets(site_dir: Path) -> list[Path]:
    done = []
    for name in OWN_ASSETS:
        path = Path(site_dir) / name
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        path.write_text(rjsmin.jsmin(text) if path.suffix == ".js" else rcssmin.cssmin(text), encoding="utf-8")
        done.append(path)
    return done
