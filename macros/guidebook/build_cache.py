"""The folder where builds keep what they made, named by its inputs, for the next build to reuse.

The link preview cards (cards.py) and the PDF packets (pdf.py) keep their files here, each kind in a
folder of its own. GUIDEBOOK_CACHE_DIR names the folder (the tests set a temporary one, so a test never
changes the checkout); by default it is .cache/ in the project (ignored by git). Every file is named by a
hash of everything that makes it, so builds running at the same time can share the folder, and deleting
it only costs the next build the time to make everything again.
"""
from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "GUIDEBOOK_CACHE_DIR"


def cache_dir(project_root: Path, kind: str) -> Path:
    """The folder of one kind of cached file ('cards', 'pdf')."""
    return Path(os.environ.get(CACHE_ENV) or project_root / ".cache") / kind


def store(target: Path, data: bytes) -> None:
    """Write `data` to `target` atomically: a build stopped halfway leaves no broken file in the cache."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.part")
    partial.write_bytes(data)
    partial.replace(target)
