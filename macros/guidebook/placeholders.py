"""Which names in braces ({count}) the code fills in each word of the catalogue.

The set for a word is read from the code that shows it, so that a word added to
data/messages/en.yml needs no second list kept by hand:

- templates: `"count.done" | t(done=0, total=n)` fills {done} and {total};
- Python: `words.text("meta.part_title", part=..., title=...)`;
- the page script: `say("import.too_big", { kilobytes })` and `new ImportProblem("key", { ... })`,
  and `say(`duration.${unit}`, { count })` for every word whose name starts so.

Where the script passes a variable (`say("import.confirm", values)`) or a word is filled by other
code (the printed page number, filled by CSS counters), the set is declared in `DECLARED` below.
A word may use only the names its code fills; the English word must use every one of them (a
reader would miss the number or the title otherwise). Another language's words are compared with
the English ones (messages.py).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .errors import Kind

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{(\w+)\}")
KEY = r"[a-z_]+\.[a-z_0-9]+"

# Words whose names the code fills in a way not read from a literal call: the set for each.
DECLARED: dict[str, frozenset[str]] = {
    # theme.css_content fills it with CSS counters (theme.CSS_COUNTERS), for the printed page's footer.
    "print.page_number": frozenset({"page", "pages"}),
    # handover.js describe(): one `values` object for both.
    "handover.holds": frozenset({"name", "start", "count", "newest"}),
    "handover.holds_no_start": frozenset({"name", "count", "newest"}),
    # incidentbar.js: shift.js openNow() gives { open, total }.
    "status.open_now": frozenset({"open", "total"}),
    # transfer.js: one `values` object for the question and the notice.
    "import.confirm": frozenset({"count", "file"}),
    "import.imported": frozenset({"count", "file"}),
    # handover.js handoverProblem(): the names of the import problem it stands for (transfer.js).
    "handover.damaged": frozenset(),
    "handover.newer": frozenset(),
    "handover.too_many": frozenset({"count"}),
}
# Names a word may leave out: "1 minute" needs no {count} (the script picks it when the count is 1).
MAY_LEAVE_OUT: dict[str, frozenset[str]] = {
    "duration.minute": frozenset({"count"}),
    "duration.hour": frozenset({"count"}),
    "duration.day": frozenset({"count"}),
}

_TEMPLATE_CALL = re.compile(rf"""(["'])({KEY})\1\s*\|\s*t\b(\s*\()?""")
_TEMPLATE_CSS_WORD = re.compile(rf"""\bgb_css_word\(\s*(["'])({KEY})\1""")
_PYTHON_CALL = re.compile(rf"""\.text\(\s*(["'])({KEY})\1""")
_SCRIPT_CALL = re.compile(r"\b(?:say|new ImportProblem)\(")
_SCRIPT_KEY = re.compile(rf"""["']({KEY})["']""")
_SCRIPT_PREFIX = re.compile(r"`([a-z_]+\.[a-z_0-9]*)\$\{")
_KEYWORD_ARG = re.compile(r"\A([A-Za-z_]\w*)\s*=(?!=)")
_OBJECT_NAME = re.compile(r"""\A\s*["']?([A-Za-z_$][\w$]*)["']?\s*(?::|\Z)""", re.S)
_CLOSE = {"(": ")", "[": "]", "{": "}"}
_BRACE = re.compile(r"[{}]")


def stray_braces(word: str) -> list[tuple[Kind, dict[str, object]]]:
    """A brace that is not part of a name in braces ("{ count }", "{count", "}"), once per word."""
    rest = PLACEHOLDER.sub("", word)
    match = _BRACE.search(rest)
    if match is None:
        return []
    return [(Kind.STRAY_BRACE, {"found": rest[max(0, match.start() - 10):match.end() + 10].strip()})]


def names_in(word: str) -> set[str]:
    """The names in braces of a word: "{done} of {total} checked" -> {"done", "total"}."""
    return set(PLACEHOLDER.findall(word))


def _outside_strings(text: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """Each character of the script `text` from `start` that is not inside a string (quotes and escapes skipped)."""
    quote, escaped = "", False
    for n in range(start, len(text)):
        char = text[n]
        if quote:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == quote:
                quote = ""
        elif char in "\"'`":
            quote = char
        else:
            yield n, char


def _balanced(text: str, start: int) -> str:
    """The text inside the bracket that opens at `start`, up to its closing bracket (strings skipped)."""
    stack: list[str] = []
    for n, char in _outside_strings(text, start):
        if char in _CLOSE:
            stack.append(_CLOSE[char])
        elif stack and char == stack[-1]:
            stack.pop()
            if not stack:
                return text[start + 1:n]
    return text[start + 1:]


def _top_level(text: str) -> list[str]:
    """`text` split at its commas outside brackets and strings."""
    parts, depth, last = [], 0, 0
    for n, char in _outside_strings(text):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[last:n])
            last = n + 1
    parts.append(text[last:])
    return [p.strip() for p in parts if p.strip()]


def _object_names(argument: str | None) -> frozenset[str] | None:
    """The property names of a script's object literal `{ a, b: x }`; None for anything else (a variable)."""
    if argument is None:
        return frozenset()
    if not argument.startswith("{"):
        return None
    names = set()
    for entry in _top_level(_balanced(argument, 0)):
        match = _OBJECT_NAME.match(entry)
        if match is None:  # a spread (...x) or a computed name: the names cannot be read
            return None
        names.add(match[1])
    return frozenset(names)


@dataclass
class Uses:
    """The names filled at each use of a word: by its full name, or by the start of its name."""
    exact: dict[str, set[frozenset[str] | None]] = field(default_factory=dict)
    prefix: dict[str, set[frozenset[str] | None]] = field(default_factory=dict)

    def add(self, table: dict[str, set[frozenset[str] | None]], key: str, names: frozenset[str] | None) -> None:
        table.setdefault(key, set()).add(names)

    def of(self, key: str) -> set[frozenset[str] | None] | None:
        """The fillings of the word `key`: its full name's, else those of the longest start of it; None if unused."""
        if key in self.exact:
            return self.exact[key]
        starts = [p for p in self.prefix if key.startswith(p)]
        return self.prefix[max(starts, key=len)] if starts else None


def _keyword_names(args: str) -> frozenset[str]:
    """The names of the keyword arguments of a call's arguments: "done=0, total=n | length" -> done, total."""
    return frozenset(m[1] for a in _top_level(args) if (m := _KEYWORD_ARG.match(a)))


def _template_uses(text: str, uses: Uses) -> None:
    for match in _TEMPLATE_CALL.finditer(text):
        args = _balanced(text, match.end() - 1) if match[3] else ""
        uses.add(uses.exact, match[2], _keyword_names(args))
    for match in _TEMPLATE_CSS_WORD.finditer(text):
        uses.add(uses.exact, match[2], frozenset())


def _python_uses(text: str, uses: Uses) -> None:
    for match in _PYTHON_CALL.finditer(text):
        args = _balanced(text, match.start() + len(".text"))
        uses.add(uses.exact, match[2], _keyword_names(args))


def _script_uses(text: str, uses: Uses) -> None:
    for match in _SCRIPT_CALL.finditer(text):
        args = _top_level(_balanced(text, match.end() - 1))
        if not args:
            continue
        names = _object_names(args[1] if len(args) > 1 else None)
        for key in _SCRIPT_KEY.findall(args[0]):
            uses.add(uses.exact, key, names)
        for start in _SCRIPT_PREFIX.findall(args[0]):
            uses.add(uses.prefix, start, names)


def _sources(root: Path) -> Iterator[tuple[str, Path]]:
    for folder in (root / "macros", root / "overrides"):
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".html", ".py", ".js") and path.is_file() and "node_modules" not in path.parts:
                yield path.suffix, path


@cache
def read_uses(root: Path = ROOT) -> Uses:
    """Every use of a word in the code under macros/ and overrides/."""
    uses = Uses()
    readers = {".html": _template_uses, ".py": _python_uses, ".js": _script_uses}
    for suffix, path in _sources(root):
        if path.name == "placeholders.py":
            continue
        readers[suffix](path.read_text(encoding="utf-8"), uses)
    return uses


def filled(key: str, uses: Uses) -> frozenset[str] | None:
    """The names the code fills in the word `key`: the declared set, else the names every reading use
    gives (a word used in two places may use the names both fill); None when the code shows the word
    nowhere, or passes a variable whose names cannot be read, and nothing is declared (the word is then
    not checked; tests/unit/test_placeholders.py asks for a declaration)."""
    if key in DECLARED:
        return DECLARED[key]
    fillings = uses.of(key)
    if fillings is None or None in fillings:
        return None
    sets: Iterable[frozenset[str]] = (f for f in fillings if f is not None)
    return frozenset.intersection(*sets)


@dataclass(frozen=True)
class Mismatch:
    """A word whose names in braces are not those the code fills."""
    key: str
    unknown: tuple[str, ...]  # in the word, filled by no code: the reader would see "{total}"
    missing: tuple[str, ...]  # filled by the code, not in the word
    allowed: tuple[str, ...]


def mismatches(entries: dict[str, str], uses: Uses | None = None) -> list[Mismatch]:
    """The English words whose names in braces differ from those the code fills."""
    uses = uses or read_uses()
    found = []
    for key, word in entries.items():
        allowed = filled(key, uses)
        if allowed is None:
            continue
        have = names_in(word)
        if have - allowed or allowed - have - MAY_LEAVE_OUT.get(key, frozenset()):
            found.append(Mismatch(key, tuple(sorted(have - allowed)), tuple(sorted(allowed - have)),
                                  tuple(sorted(allowed))))
    return found
