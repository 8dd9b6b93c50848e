"""Check a YAML document against a JSON Schema in data/schema/, in words an editor understands.

The schemas mark every text and id field with "x-kind" (id, date, url, plain,
inline): a keyword this module adds to the validator. It checks in code what a
JSON Schema pattern cannot promise: ids and dates anchored with \\A...\\Z over
ASCII only (Python's `$` also matches before a final newline), and the text
rule of `inline.py`. A problem's message is chosen by its kind, never by the
text of a pattern.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterator
from datetime import date
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator, ValidationError, validators

from .errors import Kind, Problem
from .inline import inline_problems, invisible_problems, plain_problems
from .placeholders import stray_braces
from .yamlsource import FieldPath, YamlDocument, format_field

ID = re.compile(r"\A[a-z0-9]+(?:-[a-z0-9]+)*\Z", re.ASCII)
DATE = re.compile(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\Z", re.ASCII)
URL = re.compile(r"\Ahttps://[!-~]+\Z", re.ASCII)
ADDRESS = re.compile(r"\A(?:[a-z0-9]+(?:-[a-z0-9]+)*/)+\Z", re.ASCII)
_UNSAFE_IN_URL = re.compile(r"[\"'<>\\`{}]")

_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a set of fields",
    "null": "empty",
}
Details = dict[str, object]


class KindError(ValidationError):
    """A failed "x-kind" check, carrying the problem's kind and details."""

    def __init__(self, kind: Kind, details: Details):
        super().__init__(kind.text(**details))
        self.kind = kind
        self.details = details


def _is_date(value: str) -> bool:
    if not DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _kind_problems(kind: str, value: str) -> list[tuple[Kind, Details]]:
    return list(_cached_kind_problems(kind, value))


@lru_cache(maxsize=4096)
def _cached_kind_problems(kind: str, value: str) -> tuple[tuple[Kind, Details], ...]:
    """What is wrong with a text of the kind `kind`; the same text is checked once (rendering Markdown is
    most of a check's time)."""
    return tuple(_text_problems(kind, value))


def _text_problems(kind: str, value: str) -> list[tuple[Kind, Details]]:
    if not value.strip():
        return []  # "this text is empty", from minLength/pattern
    if kind == "id":
        return [] if ID.match(value) else [(Kind.BAD_ID, {"value": value})]
    if kind == "date":
        return [] if _is_date(value) else [(Kind.BAD_DATE, {"value": value})]
    if kind == "address":
        return [] if ADDRESS.match(value) else [(Kind.BAD_ADDRESS, {"value": value})]
    if kind == "url":
        return [] if URL.match(value) and not _UNSAFE_IN_URL.search(value) else [(Kind.BAD_URL, {"value": value})]
    if kind == "words":
        return invisible_problems(value) + stray_braces(value)
    return plain_problems(value) if kind == "plain" else inline_problems(value)


def _x_kind(validator: Any, kind: str, instance: Any, schema: dict[str, Any]) -> Iterator[ValidationError]:
    if isinstance(instance, str):
        for problem_kind, details in _kind_problems(kind, instance):
            yield KindError(problem_kind, details)


Validator = validators.extend(Draft202012Validator, {"x-kind": _x_kind})


def load_schema(path: Path) -> Any:
    return _validator(path.read_text(encoding="utf-8"))


@cache
def _validator(text: str) -> Any:
    """The validator of a schema, made once per schema text (copies of data/ in the tests share it)."""
    schema = json.loads(text)
    Draft202012Validator.check_schema(schema)
    return Validator(schema)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({value})"
    if isinstance(value, (dict, list)):
        return _TYPE_NAMES["object" if isinstance(value, dict) else "array"]
    if isinstance(value, str):
        return f"the text '{value[:80]}'"
    return f"{type(value).__name__} {str(value)[:40]}"


def _schema(error: ValidationError) -> dict[str, Any]:
    """The (sub)schema an error is about; ours are always objects."""
    return error.schema if isinstance(error.schema, dict) else {}


def _value(error: ValidationError) -> Any:
    return error.instance


def _unknown_fields(error: ValidationError) -> list[tuple[FieldPath, Kind, Details]]:
    path = tuple(error.absolute_path)
    schema = _schema(error)
    allowed = sorted(schema.get("properties", {}))
    patterns = [re.compile(p) for p in schema.get("patternProperties", {})]
    found = []
    for key in sorted(k for k in _value(error) if k not in allowed and not any(p.search(k) for p in patterns)):
        hint = difflib.get_close_matches(key, allowed, n=1)
        if hint:
            tip = f" Did you mean '{hint[0]}'?"
        elif allowed:
            tip = f" Allowed fields here: {', '.join(allowed)}."
        else:  # names free but shaped (the words catalogue): say the shape
            tip = f" {schema.get('x-names', 'This field cannot be here.')}"
        found.append(((*path, key), Kind.UNKNOWN_FIELD, {"key": key, "tip": tip}))
    return found


def _required(error: ValidationError) -> list[tuple[FieldPath, Kind, Details]]:
    path = tuple(error.absolute_path)
    return [((*path, k), Kind.REQUIRED, {"key": k}) for k in _schema(error)["required"] if k not in _value(error)]


def _wrong_type(error: ValidationError) -> Details:
    want = _schema(error)["type"]
    names: list[str] = want if isinstance(want, list) else [want]
    words = " or ".join(_TYPE_NAMES.get(name, name) for name in names)
    quote = words == "text" and not isinstance(_value(error), (dict, list))
    return {"want": words, "found": _describe(_value(error)), "tip": ". Put quotes around it" if quote else ""}


_SIMPLE: dict[str, Callable[[ValidationError], tuple[Kind, Details]]] = {
    "type": lambda e: (Kind.WRONG_TYPE, _wrong_type(e)),
    "enum": lambda e: (
        Kind.NOT_ALLOWED_VALUE,
        {"found": _describe(_value(e)), "options": ", ".join(repr(o) for o in _schema(e)["enum"])},
    ),
    "minimum": lambda e: (Kind.TOO_SMALL, {"value": _value(e), "limit": _schema(e)["minimum"]}),
    "maximum": lambda e: (Kind.TOO_LARGE_NUMBER, {"value": _value(e), "limit": _schema(e)["maximum"]}),
    "minItems": lambda e: (Kind.EMPTY_LIST, {}),
    "maxItems": lambda e: (Kind.TOO_MANY, {"count": len(_value(e)), "limit": _schema(e)["maxItems"]}),
    "minProperties": lambda e: (Kind.EMPTY_FIELDS, {}),
    "uniqueItems": lambda e: (Kind.REPEATED_ENTRY, {}),
    "minLength": lambda e: (Kind.EMPTY_TEXT, {}),
    "maxLength": lambda e: (Kind.TEXT_TOO_LONG, {"length": len(_value(e)), "limit": _schema(e)["maxLength"]}),
}


def _classify(error: ValidationError) -> list[tuple[FieldPath, Kind, Details]]:
    """(field path, kind, details) for one schema error; [] when another error already says it."""
    path = tuple(error.absolute_path)
    if isinstance(error, KindError):
        return [(path, error.kind, error.details)]
    if error.validator == "additionalProperties":
        return _unknown_fields(error)
    if error.validator == "required":
        return _required(error)
    if error.validator == "pattern":
        # Text with no visible character is empty; an id, date or url pattern is checked by x-kind.
        return [] if _schema(error).get("x-kind") in ("id", "date", "url", "address") else [(path, Kind.EMPTY_TEXT, {})]
    if error.validator in _SIMPLE:
        kind, details = _SIMPLE[str(error.validator)](error)
        return [(path, kind, details)]
    return [(path, Kind.OTHER_SCHEMA, {"detail": error.message[:200]})]


def _yaml_word(doc: YamlDocument, path: FieldPath, kind: Kind, details: Details) -> tuple[Kind, Details]:
    """A wrong type that is a plain word YAML reads as true/false or nothing (`text: yes`): said so."""
    if kind is Kind.WRONG_TYPE and path in doc.words:
        word, meaning = doc.words[path]
        return Kind.YAML_WORD, {"word": word, "meaning": meaning}
    return kind, details


def _cut_by_comment(doc: YamlDocument, path: FieldPath, kind: Kind, details: Details) -> tuple[Kind, Details]:
    """A text YAML cut at ' #' (`text: see [it]( #its-id )` reads "see [it]("): said so, not as a broken link."""
    comment = doc.comments.get(path)
    value = doc.value_at(path) if comment is not None else None
    if isinstance(value, str) and value.rstrip().endswith("(") and kind is not Kind.YAML_WORD:
        return Kind.CUT_BY_COMMENT, {"comment": comment, "end": value.rstrip()[-20:]}
    return kind, details


def check(doc: YamlDocument, schema_path: Path) -> list[Problem]:
    validator = load_schema(schema_path)
    if not isinstance(doc.data, dict):
        return [Problem.of(Kind.NOT_A_MAPPING, doc.name, doc.line_of(()), found=_describe(doc.data))]
    problems: dict[Problem, None] = {}  # in order, each once ("" is both too short and blank)
    for error in sorted(validator.iter_errors(doc.data), key=lambda e: list(map(str, e.absolute_path))):
        for path, found, found_details in _classify(error):
            kind, details = _cut_by_comment(doc, path, *_yaml_word(doc, path, found, found_details))
            problems[Problem.of(kind, doc.name, doc.line_of(path), format_field(path), **details)] = None
    return list(problems)
