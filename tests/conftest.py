"""Session fixtures shared by every test: the guidebook as data/ defines it, and the builds of the site.

Each build is made once per session, only when a test asks for it. Tests that need a build beyond
the normal one are marked `build` (automatically, from the fixtures they use); tests under
tests/browser are marked `browser`. `make test-fast` leaves both out.
"""
from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest

from macros.guidebook import load_guidebook
from tests.support import RENAMED_FROM, RENAMED_TO, ROOT, SUBPATH_URL, build, built, copy_project
from tools.project import build_env

EXTRA_BUILDS = {"subpath_site", "renamed_site", "offline_edition"}
BROWSER_TESTS = Path(__file__).parent / "browser"


def pytest_collection_modifyitems(items):
    for item in items:
        if BROWSER_TESTS in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
        if EXTRA_BUILDS & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.build)


@pytest.fixture(scope="session")
def guidebook():
    """The guidebook as the data in data/ defines it: the expected content of every test."""
    return load_guidebook(ROOT / "data", display_root=ROOT)


@pytest.fixture(scope="session")
def build_result(tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    return build(ROOT, site), site


@pytest.fixture(scope="session")
def site(build_result) -> Path:
    """The site built from this checkout with `mkdocs build --strict`."""
    result, site = build_result
    assert result.returncode == 0, f"the build failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory) -> Path:
    """The site built with SITE_URL set to an address under a sub-path."""
    return built(ROOT, tmp_path_factory.mktemp("subpath-site"), {"SITE_URL": SUBPATH_URL})


@pytest.fixture(scope="session")
def renamed_site(tmp_path_factory) -> Path:
    """A copy of the project in which one checklist moved to a new address, with a redirect from the old one
    (the README's recipe: change `address:` in its YAML file, add a line to `redirect_maps`)."""
    work = tmp_path_factory.mktemp("renamed")
    project = copy_project(work / "project")
    data = project / "data" / "checklists" / "police-within-24-hours.yml"
    text = data.read_text(encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert f"address: {RENAMED_FROM}\n" in text and "redirect_maps: {}" in config, "the project changed shape"
    data.write_text(text.replace(f"address: {RENAMED_FROM}\n", f"address: {RENAMED_TO}\n"), encoding="utf-8")
    old, new = RENAMED_FROM.rstrip("/") + ".md", RENAMED_TO.rstrip("/") + ".md"
    (project / "mkdocs.yml").write_text(
        config.replace("redirect_maps: {}", f"redirect_maps:\n        {old}: {new}"), encoding="utf-8")
    return built(project, work / "site")


# What the tests may not change: installing is for `make`, before the tests run (`make test` does it).
# Given to make as old files (-o), they are never remade by a test: no `npm ci`, no pip.
INSTALLED_STAMPS = ("node_modules/.installed", ".venv/.site-installed", ".venv/.test-installed")


def checkout_state() -> dict:
    """What a build in a test must leave as it found it: the files git does not track (a build folder, a
    cache: `git status`'s untracked and ignored entries) and node_modules (the folder itself, and the
    stamp and lock file `npm ci` rewrites). Edits to tracked files are left out: a person may be
    editing while the tests run."""
    status = subprocess.run(["git", "status", "--porcelain", "--ignored"], cwd=ROOT, capture_output=True,
                            text=True, check=True).stdout
    status = "\n".join(line for line in status.splitlines() if line.startswith(("??", "!!")))
    modules = ROOT / "node_modules"
    files = [modules, modules / ".installed", modules / ".package-lock.json"]
    return {"status": status, "node_modules": [(p.stat().st_ino, p.stat().st_mtime_ns) if p.exists() else None
                                               for p in files]}


@pytest.fixture(scope="session")
def offline_edition(tmp_path_factory) -> dict:
    """`make offline`, the documented command, into a temporary folder, with the packages already
    installed (never `npm ci`); the zip unpacked elsewhere."""
    work = tmp_path_factory.mktemp("offline")
    out_dir, out_zip = work / "build" / "guidebook-offline", work / "build" / "guidebook-offline.zip"
    before = checkout_state()
    old_files = [option for stamp in INSTALLED_STAMPS for option in ("-o", stamp)]
    result = subprocess.run(
        ["make", "--no-print-directory", *old_files, "offline", f"OFFLINE_DIR={out_dir}", f"OFFLINE_ZIP={out_zip}"],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
        env=build_env(),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    unpacked = work / "unpacked"
    with zipfile.ZipFile(out_zip) as archive:
        archive.extractall(unpacked)
    return {"zip": out_zip, "log": result.stdout + result.stderr, "site": unpacked / "guidebook-offline",
            "checkout_before": before, "checkout_after": checkout_state()}
