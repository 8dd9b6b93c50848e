"""Read a YAML file into plain Python data, remembering the line of every field.

The data is untrusted: the file is read only if it is a regular file (never a
link, a folder or a device) of bounded size, and the YAML only if its events
hold no anchor, alias or tag and nest to a bounded depth. These checks run on
the parser's event stream, before any node is built, so a "billion laughs" of
aliases is refused at its first anchor, in milliseconds.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from .errors import Kind, Problem

FieldPath = tuple[str | int, ...]  # a path into the data: ("items", 2, "text")

MAX_FILE_BYTES = 256 * 1024  # the largest data file today is under 6 KB
MAX_DEPTH = 20  # the data nests 4 levels deep
MAX_SCALAR = 10_000  # characters in one value, before the schema's own, smaller limit for text
MAX_PROBLEMS = 20  # reported per file: enough to fix, never a flood
MERGE_TAG = "tag:yaml.org,2002:merge"
# Plain words YAML does not read as words (yes, no, on, off, true, false, null, ~): their tags.
YAML_WORDS = ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:null")
# libyaml's parser where PyYAML was built with it (the wheels are): the same events, faster.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlDocument:
    """The data of one YAML file and the line where each field starts."""

    def __init__(self, data: Any, lines: dict[FieldPath, int], display_name: str,
                 words: dict[FieldPath, tuple[str, str]] | None = None):
        self.data = data
        self.lines = lines
        self.name = display_name
        # the plain words YAML read as true/false or nothing, by field: ("items", 0, "text") -> ("yes", "true or false")
        self.words = words or {}
        # the unquoted values followed by a comment on their last line, by field -> the comment ("# id )."):
        # `text: see [it]( #its-id )` is "see [it](" to YAML
        self.comments: dict[FieldPath, str] = {}

    def line_of(self, path: FieldPath) -> int | None:
        """Line of the field at `path`, or of the nearest enclosing field."""
        path = tuple(path)
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]

    def value_at(self, path: FieldPath) -> Any:
        value = self.data
        for step in path:
            value = value[step]
        return value


def format_field(path: FieldPath) -> str | None:
    """("items", 2, "text") -> "items[3].text": list positions counted from 1."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out or None


def file_problem(path: Path, display_name: str) -> Problem | None:
    """Why `path` may not be read as a data file, judged without following links or opening it."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return Problem.of(Kind.MISSING_FILE, display_name)
    if stat.S_ISLNK(info.st_mode):
        return Problem.of(Kind.SYMLINK, display_name)
    if not stat.S_ISREG(info.st_mode):
        what = "a folder" if stat.S_ISDIR(info.st_mode) else "a device, pipe or socket"
        return Problem.of(Kind.NOT_A_FILE, display_name, what=what)
    if info.st_size > MAX_FILE_BYTES:
        return Problem.of(Kind.TOO_LARGE, display_name, size=info.st_size, limit=MAX_FILE_BYTES)
    return None


def read_text(path: Path, display_name: str) -> tuple[str | None, list[Problem]]:
    """The text of a regular data file, opened without following a link (O_NOFOLLOW)."""
    problem = file_problem(path, display_name)
    if problem:
        return None, [problem]
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped since lstat
            return None, [Problem.of(Kind.NOT_A_FILE, display_name, what="not a plain file")]
        raw = handle.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem.of(Kind.TOO_LARGE, display_name, size=len(raw), limit=MAX_FILE_BYTES)]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        return None, [Problem.of(Kind.NOT_UTF8, display_name, reason=exc.reason)]


def _event_problems(event: yaml.Event, depth: int, name: str) -> Iterator[Problem]:
    line = event.start_mark.line + 1 if event.start_mark else None
    if isinstance(event, yaml.AliasEvent):
        yield Problem.of(Kind.ALIAS, name, line, name=event.anchor)
        return
    if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
        yield Problem.of(Kind.ANCHOR, name, line, name=event.anchor)
    tag = getattr(event, "tag", None)
    if tag is not None and isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
        yield Problem.of(Kind.TAG, name, line, tag=tag)
    if depth > MAX_DEPTH:
        yield Problem.of(Kind.TOO_DEEP, name, line, limit=MAX_DEPTH)
    if isinstance(event, yaml.ScalarEvent) and len(event.value) > MAX_SCALAR:
        yield Problem.of(Kind.TEXT_TOO_LONG, name, line, length=len(event.value), limit=MAX_SCALAR)


def scan(text: str, name: str) -> list[Problem]:
    """Problems in the YAML's event stream: anchors, aliases, tags, depth, huge values. Expands nothing."""
    problems: list[Problem] = []
    depth = 0
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        problems.extend(_event_problems(event, depth, name))
        if len(problems) >= MAX_PROBLEMS or depth > MAX_DEPTH:
            break
    return problems


def _yaml_problem(exc: yaml.YAMLError, name: str) -> Problem:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        what = " ".join(x for x in (exc.context, exc.problem) if x)
        return Problem.of(Kind.BAD_YAML, name, mark.line + 1 if mark else None, what=what)
    return Problem.of(Kind.BAD_YAML, name, what="the parser could not read it")


class _Builder:
    """Plain data from a checked node tree, with the line of every field."""

    def __init__(self, name: str, source: list[str] | None = None):
        self.name = name
        self.source = source or []
        self.comments: dict[FieldPath, str] = {}
        self.lines: dict[FieldPath, int] = {}
        self.problems: list[Problem] = []
        self.words: dict[FieldPath, tuple[str, str]] = {}
        self.constructor = yaml.constructor.SafeConstructor()

    def problem(self, kind: Kind, node: yaml.Node, path: FieldPath, **details: object) -> None:
        self.problems.append(Problem.of(kind, self.name, node.start_mark.line + 1, format_field(path), **details))

    def meaning(self, node: yaml.ScalarNode) -> str:
        """What YAML reads a plain yes, no, on, off or null as: "true", "false" or "nothing (null)"."""
        if node.tag == YAML_WORDS[1]:
            return "nothing (null)"
        return "true" if self.constructor.construct_yaml_bool(node) else "false"

    def build(self, node: yaml.Node, path: FieldPath) -> Any:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
        if isinstance(node, yaml.ScalarNode) and not node.style and node.value and node.tag in YAML_WORDS:
            self.words[path] = (node.value, self.meaning(node))
        if isinstance(node, yaml.ScalarNode) and not node.style and node.end_mark.line < len(self.source):
            rest = self.source[node.end_mark.line][node.end_mark.column:]
            if rest.lstrip().startswith("#") and rest[:1].isspace():
                self.comments[path] = rest.strip()
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ValueError, OverflowError, yaml.YAMLError) as exc:
            reason = str(exc).split("\n")[0][:120] if isinstance(exc, ValueError) else "it is not a plain value"
            self.problem(Kind.BAD_VALUE, node, path, reason=reason)
            return None

    def mapping(self, node: yaml.MappingNode, path: FieldPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(Kind.COMPLEX_KEY, key_node, path)
                continue
            if key_node.tag == MERGE_TAG:
                self.problem(Kind.MERGE_KEY, key_node, path)
                continue
            if not key_node.style and key_node.tag in YAML_WORDS:
                word = key_node.value or "~"
                self.problem(Kind.YAML_WORD_KEY, key_node, (*path, word), word=word, meaning=self.meaning(key_node))
                continue
            key = str(self.build(key_node, path))
            child = (*path, key)
            if key in result:
                self.problem(Kind.DUPLICATE_KEY, key_node, child, key=key)
                continue
            self.lines[child] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, child)
        return result


def parse_yaml(text: str, display_name: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse YAML text that passed no other check yet. Returns the document, or None and the problems."""
    try:
        problems = scan(text, display_name)
        if problems:
            return None, problems
        root = yaml.compose(text, Loader=Loader)
    except yaml.YAMLError as exc:
        return None, [_yaml_problem(exc, display_name)]
    if root is None:
        return None, [Problem.of(Kind.EMPTY_FILE, display_name)]
    builder = _Builder(display_name, text.splitlines())
    data = builder.build(root, ())
    doc = YamlDocument(data, builder.lines, display_name, builder.words)
    doc.comments = builder.comments
    return doc, builder.problems


def read_yaml(path: Path, display_name: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Read and parse the data file `path`. Returns the document, or None and the problems that stop it."""
    text, problems = read_text(path, display_name)
    if text is None:
        return None, problems
    return parse_yaml(text, display_name)
