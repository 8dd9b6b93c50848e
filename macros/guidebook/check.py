"""Check every data file without building the site: `make check`, or `python -m macros.guidebook`.

The build runs `check_data` first (macros/__init__.py), so `make check` and the build
refuse the same data; this command adds the checks the build makes later against the
pages under docs/ (their addresses, their `{{ checklist("id") }}` calls) and the nav of
mkdocs.yml. Each problem is printed as

    data/checklists/police-within-24-hours.yml:13: items[2].text: what is wrong, what to write instead

and, on GitHub Actions, also as an annotation on the pull request's file. Exit status:
0 when the data is good, 1 when there is a problem.
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, Problem
from .loader import load_guidebook
from .messages import BASE_LANGUAGE, LANGUAGE, MESSAGES_DIR, Words, load_words
from .model import Guidebook
from .pages import CONFIG_FILE, check_addresses, navigation, unknown_checklist_calls

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Checked:
    """The outcome of a check: the guidebook and the words when they load, and every problem found."""
    guidebook: Guidebook | None = None
    words: Words | None = None
    problems: list[Problem] = field(default_factory=list)


def _languages(data_dir: Path, language: str) -> list[str]:
    """The language the site shows, then every other catalogue in data/messages/ (each compared with English)."""
    others = sorted(p.stem for p in (data_dir / MESSAGES_DIR).glob("*.yml") if p.stem not in (language, BASE_LANGUAGE))
    return [language, *(lang for lang in others if LANGUAGE.fullmatch(lang))]


def _not_languages(data_dir: Path, root: Path) -> list[Problem]:
    """A file in data/messages/ not named after a language ('notes.yml'): never read, so said."""
    return [Problem(path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix(), None, None,
                    f"'{path.stem}' is not a language code such as 'en' or 'pt-BR': a catalogue is named after its "
                    "language (de.yml); keep notes elsewhere")
            for path in sorted((data_dir / MESSAGES_DIR).glob("*.yml")) if not LANGUAGE.fullmatch(path.stem)]


def check_data(data_dir: Path, root: Path, language: str = BASE_LANGUAGE) -> Checked:
    """Every check of the files under data/: the guidebook, the checklists, the words of `language` and
    of every other catalogue (names in braces included). What the build runs before anything else."""
    checked = Checked(problems=_not_languages(data_dir, root))
    try:
        checked.guidebook = load_guidebook(data_dir, display_root=root)
    except DataError as error:
        checked.problems += error.problems
    for lang in _languages(data_dir, language):
        try:
            words = load_words(data_dir, lang, display_root=root)
        except DataError as error:
            checked.problems += [p for p in error.problems if p not in checked.problems]
        else:
            checked.words = checked.words or words
    return checked


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as plain data: its tags (!ENV, !!python/name:) are read as nothing."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_config(root: Path) -> dict[str, Any]:
    try:
        config = yaml.load((root / CONFIG_FILE).read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (OSError, yaml.YAMLError):
        return {}  # MkDocs itself names what is wrong with its configuration
    return config if isinstance(config, dict) else {}


def docs_addresses(docs_dir: Path) -> dict[str, str]:
    """The address of each page under docs/ (MkDocs' rule with directory URLs) -> its file:
    'about.md' -> 'about/', 'index.md' -> '', 'part/index.md' -> 'part/'."""
    taken = {}
    for page in sorted(docs_dir.rglob("*.md")):
        relative = page.relative_to(docs_dir).with_suffix("")
        parts = list(relative.parts)
        if parts[-1] in ("index", "README"):
            parts.pop()
        address = "".join(f"{part}/" for part in parts)
        taken[address] = f"{docs_dir.name}/{page.relative_to(docs_dir).as_posix()}"
    return taken


def check_project(root: Path = ROOT) -> Checked:
    """`check_data`, then what the build checks against docs/ and mkdocs.yml."""
    config = read_config(root)
    theme = config.get("theme")
    language = theme.get("language") if isinstance(theme, dict) else None
    checked = check_data(root / "data", root, language if isinstance(language, str) else BASE_LANGUAGE)
    book = checked.guidebook
    if book is not None:
        docs_dir = root / str(config.get("docs_dir") or "docs")
        checked.problems += check_addresses(book, docs_addresses(docs_dir), root=str(root))
        checked.problems += unknown_checklist_calls(docs_dir, book)
        nav = config.get("nav")
        checked.problems += navigation(nav if isinstance(nav, list) else None, book)[1]
    return checked


def line_report(problem: Problem) -> str:
    """`file:line: field: message`, as compilers write it (editors and terminals link the file and line)."""
    where = problem.file + (f":{problem.line}" if problem.line else "")
    return f"{where}: {problem.field}: {problem.message}" if problem.field else f"{where}: {problem.message}"


def _escape(text: str, properties: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if properties else text


def github_annotation(problem: Problem) -> str:
    """The problem as a GitHub Actions error annotation, shown on the pull request beside the line."""
    props = [f"file={_escape(problem.file, True)}"]
    if problem.line:
        props.append(f"line={problem.line}")
    props.append(f"title={_escape(problem.field or 'data', True)}")
    return f"::error {','.join(props)}::{_escape(problem.message)}"


def report(problems: Iterable[Problem], github: bool = False) -> list[str]:
    ordered = sorted(problems, key=lambda p: (p.file, p.line or 0, p.field or ""))
    lines = [line_report(p) for p in ordered]
    if github:
        lines += [github_annotation(p) for p in ordered]
    return lines


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    root = Path(argv[0]) if argv else ROOT
    checked = check_project(root)
    for line in report(checked.problems, github=os.environ.get("GITHUB_ACTIONS") == "true"):
        print(line)
    seconds = time.perf_counter() - started
    count = len(checked.problems)
    if count:
        print(f"{count} problem{'s' if count != 1 else ''} in the data (checked in {seconds:.1f} s): "
              "fix each at the file and line named, then run `make check` again.")
        return 1
    book = checked.guidebook
    assert book is not None
    items = sum(len(c.items) for c in book.checklists)
    print(f"The data is good: {len(book.checklists)} checklists, {items} items, "
          f"{len(checked.words.entries) if checked.words else 0} interface words (checked in {seconds:.1f} s).")
    return 0
