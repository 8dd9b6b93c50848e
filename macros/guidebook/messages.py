"""The words of the interface: one catalogue per language in data/messages/<language>.yml.

English (en.yml) names every word; a catalogue for another language must have the
same names and, in each word, the same {placeholders}. Templates use the `t`
filter (`{{ "checklist.reset" | t }}`, `{{ "count.done" | t(done=0, total=5) }}`);
the page script gets the words it shows from one JSON block and, for the modules it loads later,
inside their files (Words.for_script; macros/script_words.py).
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import babel
import babel.dates
from markupsafe import Markup, escape

from .errors import DataError, Kind, Problem
from .placeholders import mismatches
from .schema import check
from .yamlsource import YamlDocument, read_yaml

MESSAGES_DIR = "messages"
SCHEMA = "messages.schema.json"
BASE_LANGUAGE = "en"
PLACEHOLDER = re.compile(r"\{(\w+)\}")
LANGUAGE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?")
# The groups of words the page script shows (the rest appear only in templates; of the packet's, only
# the few packet.js names).
SCRIPT_GROUPS = (
    "count", "reset", "roles", "import", "storage", "incident", "print", "copy", "record", "handover", "privacy",
    "undo", "status", "duration", "loading", "packet", "wayin", "offline", "shift", "now", "forms",
)
# In the script's sources: a word's name in quotes ("incident.done"), or the start of names the
# script completes (`storage.${problem}`, `duration.${unit}`).
QUOTED_NAME = re.compile(r"""["']([a-z_]+\.[a-z_0-9]+)["']""")
NAME_START = re.compile(r"`([a-z_]+\.[a-z_0-9]*)\$\{")


class ScriptNames:
    """The names of the words a script can show, read from its sources: the page then carries those
    and not the words only templates show ("incident.title" is in the page already)."""

    def __init__(self, sources: list[str]):
        text = "\n".join(sources)
        self.names = set(QUOTED_NAME.findall(text))
        self.starts = tuple(set(NAME_START.findall(text)))

    def __contains__(self, key: str) -> bool:
        return key in self.names or key.startswith(self.starts)


def fill(word: str, values: dict) -> str:
    """`word` with each {name} replaced by values[name] (a name without a value stays as it is)."""
    return PLACEHOLDER.sub(lambda m: str(values[m[1]]) if m[1] in values else m[0], word)


class Words:
    """One language's catalogue: dotted name ("checklist.reset") -> words."""

    def __init__(self, language: str, entries: dict[str, str]):
        self.language = language
        self.entries = entries
        self.locale = babel.Locale.parse(language.replace("-", "_"))

    def text(self, key: str, **values) -> str:
        if key not in self.entries:
            raise KeyError(f"no words named '{key}' in data/{MESSAGES_DIR}/{self.language}.yml")
        return fill(self.entries[key], values)

    def __call__(self, key: str, **values) -> Markup:
        """The `t` filter: the words escaped for HTML, with each value escaped and filled in (a value
        that is already markup, such as a link made in the template, goes in as it is)."""
        self.text(key)  # the name must exist
        escaped = {name: escape(value) for name, value in values.items()}
        return Markup(fill(str(escape(self.entries[key])), escaped))

    def date(self, day: date) -> str:
        """A date written out in this language: 'June 22, 2022' in English."""
        return babel.dates.format_date(day, format="long", locale=self.locale)

    def for_script(self, shown: ScriptNames | None = None) -> dict[str, str]:
        """The words the page script shows (SCRIPT_GROUPS); with `shown`, only those named in the
        sources it was read from (macros/script_words.py: the page's and each module's)."""
        def wanted(key: str) -> bool:
            return key.split(".", 1)[0] in SCRIPT_GROUPS and (shown is None or key in shown)
        return {k: v for k, v in self.entries.items() if wanted(k)}


def _flatten(data: dict) -> dict[str, str]:
    return {f"{group}.{name}": words for group, names in data.items() for name, words in names.items()}


def _read(path: Path, display: str, schema_dir: Path) -> YamlDocument:
    if not path.is_file():
        raise DataError([Problem(display, None, None, "the file is missing: there are no interface words "
                                 "for this language (mkdocs.yml, theme: language:)")])
    doc, problems = read_yaml(path, display)
    if doc is not None:
        problems += check(doc, schema_dir / SCHEMA)
    if problems or doc is None:
        raise DataError(problems)
    return doc


def _line(doc: YamlDocument, key: str) -> int | None:
    return doc.line_of(tuple(key.split(".", 1)))


def _compare(doc: YamlDocument, base: dict[str, str]) -> list[Problem]:
    """Problems of a catalogue against the English one: missing, unknown or mismatched names."""
    entries = _flatten(doc.data)
    problems = [Problem(doc.name, _line(doc, key), key, f"the words '{key}' are missing (see {BASE_LANGUAGE}.yml)")
                for key in base if key not in entries]
    problems += [Problem(doc.name, _line(doc, key), key, f"unknown words '{key}': {BASE_LANGUAGE}.yml has no such name")
                 for key in entries if key not in base]
    for key in sorted(base.keys() & entries.keys()):
        want, got = set(PLACEHOLDER.findall(base[key])), set(PLACEHOLDER.findall(entries[key]))
        if want != got:
            names = ", ".join("{" + n + "}" for n in sorted(want)) or "none"
            message = f"these words must use the names in braces {names}"
            problems.append(Problem(doc.name, _line(doc, key), key, message))
    return problems


def _placeholder_problems(doc: YamlDocument, entries: dict[str, str]) -> list[Problem]:
    """The English words whose names in braces are not those the code fills in (placeholders.py)."""
    problems = []
    for found in mismatches(entries):
        allowed = ", ".join("{" + n + "}" for n in found.allowed) or "none"
        line = _line(doc, found.key)
        problems += [Problem.of(Kind.UNKNOWN_PLACEHOLDER, doc.name, line, found.key, name=n, allowed=allowed)
                     for n in found.unknown]
        problems += [Problem.of(Kind.MISSING_PLACEHOLDER, doc.name, line, found.key, name=n, allowed=allowed)
                     for n in found.missing]
    return problems


def load_words(data_dir: Path, language: str = BASE_LANGUAGE, display_root: Path | None = None) -> Words:
    """Read and check the catalogue for `language`; raise DataError naming every problem."""
    data_dir = Path(data_dir)
    root = Path(display_root) if display_root else data_dir.parent
    if not isinstance(language, str) or not LANGUAGE.fullmatch(language):
        raise DataError([Problem("mkdocs.yml", None, "theme.language",
                                 f"{language!r} is not a language code such as 'en' or 'pt-BR'")])

    def display(lang: str) -> str:
        return (data_dir / MESSAGES_DIR / f"{lang}.yml").relative_to(root).as_posix()

    def path(lang: str) -> Path:
        return data_dir / MESSAGES_DIR / f"{lang}.yml"

    base_doc = _read(path(BASE_LANGUAGE), display(BASE_LANGUAGE), data_dir / "schema")
    base = _flatten(base_doc.data)
    problems = _placeholder_problems(base_doc, base)
    if problems:
        raise DataError(problems)
    entries = base
    if language != BASE_LANGUAGE:
        doc = _read(path(language), display(language), data_dir / "schema")
        problems = _compare(doc, base)
        if problems:
            raise DataError(problems)
        entries = _flatten(doc.data)
    try:
        return Words(language, entries)
    except (ValueError, babel.UnknownLocaleError) as error:
        raise DataError([Problem("mkdocs.yml", None, "theme.language",
                                 f"'{language}' is not a language code Babel knows ({error})")]) from None
