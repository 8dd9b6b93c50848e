"""Copy the project and build it with the real MkDocs CLI, as a person would."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = ("mkdocs.yml", "docs", "data", "macros", "overrides")
# The address the tests' builds are made for, unless SITE_URL is set or a test gives its own: a build
# without SITE_URL stops (macros/guidebook/urls.py), so the tests name one, on this machine.
TEST_SITE_URL = "http://127.0.0.1:8000/"
# The tests' builds keep their link preview cards here, not in the checkout's .cache/ (cards are named
# by their content, so builds running at the same time can share it).
TEST_CACHE_DIR = Path(tempfile.gettempdir()) / "guidebook-test-cache"


def build_env(extra_env: dict | None = None) -> dict[str, str]:
    """The environment of a test build: this one, SITE_URL defaulting to TEST_SITE_URL, then `extra_env`
    (where SITE_URL=None leaves it out: a build without an address)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.setdefault("SITE_URL", TEST_SITE_URL)
    env.setdefault("GUIDEBOOK_CACHE_DIR", str(TEST_CACHE_DIR))
    env.update(extra_env or {})
    return {name: value for name, value in env.items() if value is not None}


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
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
         "--config-file", str(project / "mkdocs.yml"), "--site-dir", str(site_dir)],
        cwd=project, env=build_env(extra_env), capture_output=True, text=True, timeout=300,
    )
