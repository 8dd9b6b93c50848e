"""Read a YAML file into plain Python data, remembering the line of every field."""
from __future__ import annotations

from pathlib import Path

import yaml

from .errors import Problem

Path_ = tuple  # a path into the data: ("items", 2, "text")


class _Constructor(yaml.constructor.SafeConstructor):
    pass


class YamlDocument:
    """The data of one YAML file and the line where each field starts."""

    def __init__(self, data, lines: dict[Path_, int], display_name: str):
        self.data = data
        self.lines = lines
        self.name = display_name

    def line_of(self, path: Path_) -> int | None:
        """Line of the field at `path`, or of the nearest enclosing field."""
        path = tuple(path)
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


def format_field(path: Path_) -> str | None:
    """("items", 2, "text") -> "items[3].text": list positions counted from 1."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out or None


def read_yaml(path: Path, display_name: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse `path`. Returns the document, or None and the problems that stop it."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(display_name, None, None, f"the file is not UTF-8 text ({exc.reason})")]
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        what = " ".join(x for x in (exc.context, exc.problem) if x)
        return None, [Problem(display_name, line, None, f"this is not valid YAML: {what}. "
                              "Check the indentation and the quotes around text that contains a colon.")]
    except yaml.YAMLError as exc:
        return None, [Problem(display_name, None, None, f"this is not valid YAML: {exc}")]
    if root is None:
        return None, [Problem(display_name, None, None, "the file is empty")]

    lines: dict[Path_, int] = {}
    problems: list[Problem] = []
    constructor = _Constructor()

    def build(node, path: Path_):
        lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            result = {}
            for key_node, value_node in node.value:
                key = constructor.construct_object(key_node, deep=True)
                if not isinstance(key, str):
                    key = str(key)
                child = path + (key,)
                if key in result:
                    problems.append(Problem(display_name, key_node.start_mark.line + 1, format_field(child),
                                            f"the field '{key}' appears twice here; keep one"))
                    continue
                lines[child] = key_node.start_mark.line + 1
                result[key] = build(value_node, child)
            return result
        if isinstance(node, yaml.SequenceNode):
            return [build(child, path + (i,)) for i, child in enumerate(node.value)]
        return constructor.construct_object(node, deep=True)

    data = build(root, ())
    return YamlDocument(data, lines, display_name), problems
