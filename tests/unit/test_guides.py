"""The guides (README.md, CONTRIBUTING.md, ARCHITECTURE.md, EDITING.md, docs-maintainers/) name only paths
that exist, and the README stays a guide for the people who run the site (at most 20,000 characters)."""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from tests.support import ROOT

GUIDES = ["README.md", "CONTRIBUTING.md", "ARCHITECTURE.md", "EDITING.md"]
README_LIMIT = 20_000
# The first part of a path in this repository; any other path (an address, a built file) is not checked here.
TOP_LEVEL = ("data/", "docs/", "macros/", "overrides/", "tests/", "tools/", "bench/", "scripts/", ".github/",
             ".ci/", "docs-maintainers/")
FILE_NAME = re.compile(r"^[\w./*-]+\.(py|js|mjs|yml|yaml|html|css|md|json|txt|toml|sh|cfg)$")
SKIPPED_DIRS = {".git", ".venv", "node_modules", "site", "build", "__pycache__", ".pytest_cache", ".mypy_cache",
                ".ruff_cache"}
# Files the guides name that are made by a build or are examples, not files of the repository.
NOT_IN_REPOSITORY = {
    "index.html",                       # the built home page (guidebook-offline/index.html, a folder's index)
    "guidebook-offline/index.html",     # inside the offline edition's zip
    "data/messages/de.yml",             # the example of a second catalogue
    "search/search_index.json", "search/search_docs.json",  # written by the build
    "police-within-first-month.yml",    # EDITING.md's example of a new checklist's file
    "sw.js", "manifest.webmanifest",    # the service worker and the app's manifest, written by the build
}
HASHED = re.compile(r"\.[A-Z0-9]{8}\.(js|css)$")  # a served file's name (guidebook.E5HOJ4GV.js)


def guides() -> list[Path]:
    found = [ROOT / name for name in GUIDES if (ROOT / name).is_file()]
    return found + sorted((ROOT / "docs-maintainers").rglob("*.md"))


@cache
def repository_files() -> tuple[str, ...]:
    """Every file and folder of the checkout (relative, with '/'), folders ending in '/'."""
    names: list[str] = []
    for path in ROOT.rglob("*"):
        relative = path.relative_to(ROOT)
        if SKIPPED_DIRS & set(relative.parts):
            continue
        names.append(relative.as_posix() + ("/" if path.is_dir() else ""))
    return tuple(names)


def exists(name: str) -> bool:
    """A path from the root, or the end of one (a module named within its folder: `store.js`)."""
    name = name.rstrip(".,:;")
    if "*" in name:
        pattern = re.compile("^(.*/)?" + re.escape(name).replace(r"\*", "[^/]*") + "$")
        return any(pattern.match(file) for file in repository_files())
    return any(file == name or file.endswith("/" + name) for file in repository_files())


def named_paths(text: str) -> set[str]:
    """The paths a guide names: in `code`, in links, and at the start of the lines of its maps."""
    words: list[str] = []
    for span in re.findall(r"`([^`\n]+)`", text):
        words += span.split()
    words += [target for target in re.findall(r"\]\(([^)\s]+)\)", text) if "://" not in target
              and not target.startswith(("#", "mailto:"))]
    for block in re.findall(r"^```\n(.*?)^```", text, flags=re.S | re.M):  # plain blocks: the maps
        for line in block.splitlines():
            head = re.split(r"\s{2,}", line.strip(), maxsplit=1)[0]
            words += [word.strip() for word in head.split(",")]
    words = [word.split("::")[0] for word in words]  # a test named with its file: tests/x.py::test_y
    return {word for word in words if is_repository_path(word)}


def is_repository_path(word: str) -> bool:
    word = word.strip("\"'()").rstrip(".,:;")
    if "<" in word or "YYYY" in word or HASHED.search(word) or word in NOT_IN_REPOSITORY:
        return False
    if word.startswith(TOP_LEVEL) or word in ("Makefile", "mkdocs.yml", "pyproject.toml"):
        return True
    return bool(FILE_NAME.match(word)) and not word.startswith(("/", "site/", "build/", ".venv/"))


@pytest.mark.parametrize("guide", guides(), ids=lambda path: path.relative_to(ROOT).as_posix())
def test_every_path_a_guide_names_exists(guide: Path):
    missing = sorted(word for word in named_paths(guide.read_text(encoding="utf-8")) if not exists(word))
    assert not missing, f"{guide.relative_to(ROOT)} names paths that do not exist: {missing}"


def test_the_guides_for_each_reader_exist():
    for name in ("README.md", "CONTRIBUTING.md", "ARCHITECTURE.md"):
        assert (ROOT / name).is_file(), name
    assert len(list((ROOT / "docs-maintainers" / "decisions").glob("2026-*.md"))) >= 5


def test_the_readme_is_short_enough_for_the_people_who_run_the_site():
    size = len((ROOT / "README.md").read_text(encoding="utf-8"))
    assert size <= README_LIMIT, f"README.md has {size} characters; at most {README_LIMIT} (move text to a guide)"


def test_the_path_check_finds_a_wrong_path():
    """The check itself: the README once named the templates' folder wrongly."""
    assert named_paths("from the templates in `overrides/partials/gb-*.html`") == {"overrides/partials/gb-*.html"}
    assert not exists("overrides/partials/gb-checklist.html")
    assert exists("macros/guidebook/templates/gb-*.html")
    assert exists("store.js") and not exists("../shared/content/guidebook-sources.md")


def test_decision_records_have_their_sections():
    for record in sorted((ROOT / "docs-maintainers" / "decisions").glob("*.md")):
        text = record.read_text(encoding="utf-8")
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.md", record.name), record.name
        for section in ("## Context", "## Decision", "## Consequences"):
            assert section in text, f"{record.name} lacks {section}"
