"""Extra builds for the link, sharing and offline tests, each made once per test session.

The test modules wrap these in session fixtures; the cache here makes a module
and the browser tests share one build instead of making their own.
"""
from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

from macros.guidebook.urls import base_url
from tests.support import ROOT, build, copy_project

SUBPATH_URL = "https://example.org/cares/guidebook/"
RENAMED_FROM, RENAMED_TO = "police/within-24-hours.md", "police/first-24-hours.md"

_cache: dict[str, object] = {}


def expected_site_url() -> str:
    """The base address the session's normal build uses: SITE_URL, or mkdocs.yml's default."""
    return base_url(os.environ.get("SITE_URL") or None)


def _once(key, make):
    if key not in _cache:
        _cache[key] = make()
    return _cache[key]


def _built(project: Path, site: Path, extra_env: dict | None = None) -> Path:
    """`site`, once `project` has built into it without error."""
    result = build(project, site, extra_env)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def subpath_site(tmp_path_factory) -> Path:
    """The site built with SITE_URL set to an address under a sub-path."""
    def make():
        return _built(ROOT, tmp_path_factory.mktemp("subpath-site"), {"SITE_URL": SUBPATH_URL})
    return _once("subpath", make)


def renamed_site(tmp_path_factory) -> Path:
    """A copy of the project in which one checklist page was renamed, with a redirect from its old name."""
    def make():
        work = tmp_path_factory.mktemp("renamed")
        project = copy_project(work / "project")
        (project / "docs" / RENAMED_FROM).rename(project / "docs" / RENAMED_TO)
        config = (project / "mkdocs.yml").read_text(encoding="utf-8")
        assert f"- {RENAMED_FROM}" in config and "redirect_maps: {}" in config, "mkdocs.yml changed shape"
        config = config.replace(f"- {RENAMED_FROM}", f"- {RENAMED_TO}").replace(
            "redirect_maps: {}", f"redirect_maps:\n        {RENAMED_FROM}: {RENAMED_TO}")
        (project / "mkdocs.yml").write_text(config, encoding="utf-8")
        return _built(project, work / "site")
    return _once("renamed", make)


def offline_edition(tmp_path_factory) -> dict:
    """`make offline`, the documented command, into a temporary folder; the zip unpacked elsewhere."""
    def make():
        work = tmp_path_factory.mktemp("offline")
        out_dir, out_zip = work / "build" / "guidebook-offline", work / "build" / "guidebook-offline.zip"
        result = subprocess.run(
            ["make", "--no-print-directory", "offline", f"OFFLINE_DIR={out_dir}", f"OFFLINE_ZIP={out_zip}"],
            cwd=ROOT, capture_output=True, text=True, timeout=600,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        assert result.returncode == 0, result.stdout + result.stderr
        unpacked = work / "unpacked"
        with zipfile.ZipFile(out_zip) as archive:
            archive.extractall(unpacked)
        return {"zip": out_zip, "log": result.stdout + result.stderr, "site": unpacked / "guidebook-offline"}
    return _once("offline", make)
