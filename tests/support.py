"""Helpers shared by the tests: copy the project, build it with the real MkDocs CLI, read pages."""
from __future__ import annotations

import functools
import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "macros", "overrides")


def copy_project(dest: Path, overlay: Path | None = None) -> Path:
    """A copy of everything the build reads, with `overlay`'s files laid over it."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / part)
    if (ROOT / "node_modules").is_dir() and not (dest / "node_modules").exists():
        (dest / "node_modules").symlink_to(ROOT / "node_modules")  # esbuild, installed once by `make`
    if overlay is not None:
        shutil.copytree(overlay, dest, dirs_exist_ok=True)
    return dest


def build(project: Path, site_dir: Path, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs build --strict` as a person would, returning its exit code and output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
         "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site_dir)],
        cwd=project, env=env, capture_output=True, text=True, timeout=300,
    )


_INLINE_TAG = re.compile(r"</?(?:a|em|strong|code|span|b|i|mark)\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")


def plain(fragment: str) -> str:
    """Visible text of an HTML fragment, with whitespace collapsed (inline tags join, block tags separate)."""
    return " ".join(html.unescape(_TAG.sub(" ", _INLINE_TAG.sub("", fragment))).split())


def checklist_pages(site: Path) -> dict[str, Path]:
    """checklist id -> built page that shows it as its main content (one gb-checklist per page)."""
    found: dict[str, Path] = {}
    for page in sorted(site.rglob("index.html")):
        ids = re.findall(r'<div class="gb-checklist" data-checklist="([^"]+)"', page.read_text(encoding="utf-8"))
        if len(ids) == 1:
            found.setdefault(ids[0], page)
    return found


def page_path(site: Path, checklist_id: str) -> str:
    """Site-relative URL path of a checklist's page, e.g. 'police/long-term/'."""
    return checklist_pages(site)[checklist_id].parent.relative_to(site).as_posix() + "/"


def built_pages(site: Path) -> list[str]:
    """Every HTML page of the built site, as site-relative URL paths ('' for the home page)."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel == "404.html":
            continue
        pages.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return pages


@functools.cache
def catalogue(language: str = "en"):
    """The interface words of data/messages/<language>.yml (macros.guidebook.messages.Words)."""
    from macros.guidebook.messages import load_words
    return load_words(ROOT / "data", language, display_root=ROOT)


def word(key: str, **values) -> str:
    """The English words named `key` ("count.done"), with values filled in, as the reader sees them."""
    return catalogue().text(key, **values)
