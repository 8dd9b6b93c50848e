"""Where the words the script shows travel (macros/script_words.py), in bytes: the words block of a few
pages (gzip, and what it adds to the page's gzip), and the words each module loaded later brings in its
file. Reads a built site; prints figures, never fails on them.

    SITE_URL=https://example.org/ .venv/bin/mkdocs build -d /tmp/site && .venv/bin/python bench/words.py /tmp/site
"""
from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))

from macros.assets import SCRIPT  # noqa: E402
from macros.script_words import define_name, script_words  # noqa: E402
from tests.support import ROOT, catalogue  # noqa: E402

PAGES = ("index.html", "police/within-24-hours/index.html", "municipal/crisis-response/index.html",
         "record/index.html", "packet/index.html", "now/index.html")
BLOCK = re.compile(r"<div data-gb=\"words\"[^>]*></div>")


def gz(data: str) -> int:
    return len(gzip.compress(data.encode("utf-8"), 9))


def main(site: Path) -> None:
    for name in PAGES:
        html = (site / name).read_text(encoding="utf-8")
        block = BLOCK.search(html)
        if block is None:
            print(f"{name:<45} no words block")
            continue
        print(f"{name:<45} words block {len(block[0].encode()):>6} B raw {gz(block[0]):>6} B gzip; "
              f"adds {gz(html) - gz(html.replace(block[0], '')):>5} B to the page's gzip")
    folder, _, entry = SCRIPT.rpartition("/")
    shown = script_words(ROOT / "overrides" / folder, entry, catalogue())
    for module, words in sorted(shown.modules.items()):
        if words:
            text = shown.defines()[define_name(module)]
            print(f"  {module:<43} brings {len(words):>3} words, {len(text.encode()):>5} B raw")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else sys.exit(__doc__))
