"""Check a YAML document against a JSON Schema in data/schema/, in words an editor understands."""
from __future__ import annotations

import difflib
import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator

from .errors import Problem
from .yamlsource import YamlDocument, format_field

_TYPE_NAMES = {
    "string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
    "array": "a list", "object": "a set of fields", "null": "empty",
}


@lru_cache(maxsize=None)
def load_schema(path: Path) -> Draft202012Validator:
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _describe(value) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({value})"
    if isinstance(value, (dict, list)):
        return _TYPE_NAMES["object" if isinstance(value, dict) else "array"]
    if isinstance(value, str):
        return f"the text '{value}'"
    return f"{type(value).__name__} {value!r}"


def _problem(doc: YamlDocument, error) -> list[Problem]:
    path = tuple(error.absolute_path)
    kind = error.validator
    schema = error.schema
    value = error.instance

    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        problems = []
        for key in sorted(set(value) - set(allowed)):
            hint = difflib.get_close_matches(key, allowed, n=1)
            tip = f" Did you mean '{hint[0]}'?" if hint else f" Allowed fields here: {', '.join(allowed)}."
            problems.append(Problem(doc.name, doc.line_of(path + (key,)), format_field(path + (key,)),
                                    f"unknown field '{key}'.{tip}"))
        return problems
    if kind == "required":
        missing = [k for k in schema["required"] if k not in value]
        return [Problem(doc.name, doc.line_of(path), format_field(path + (k,)),
                        f"the required field '{k}' is missing") for k in missing]
    if kind == "type":
        want = schema["type"]
        want = " or ".join(str(_TYPE_NAMES.get(t, t)) for t in (want if isinstance(want, list) else [want]))
        msg = f"this should be {want}, not {_describe(value)}"
        if want == "text" and not isinstance(value, (dict, list)):
            msg += ". Put quotes around it"
        return [Problem(doc.name, doc.line_of(path), format_field(path), msg)]
    if kind == "pattern" and path == ("address",):
        return [Problem(doc.name, doc.line_of(path), format_field(path),
                        f"'{value}' is not a valid address: use lowercase words joined by hyphens, folders "
                        "separated by '/', ending with '/', for example 'police/within-24-hours/'")]
    if kind == "pattern" and schema.get("pattern", "").startswith("^[a-z0-9]+"):
        return [Problem(doc.name, doc.line_of(path), format_field(path),
                        f"'{value}' is not a valid id: use lowercase letters and digits in words joined by "
                        "single hyphens (kebab-case), for example 'review-crowd-management-policy'")]
    if kind in ("minLength", "pattern") and isinstance(value, str) and not value.strip():
        return [Problem(doc.name, doc.line_of(path), format_field(path), "this text is empty")]
    if kind == "pattern" and "released" in path:
        return [Problem(doc.name, doc.line_of(path), format_field(path),
                        f"write the date as \"YYYY-MM-DD\" in quotes, not '{value}'")]
    if kind == "pattern" and "url" in path:
        return [Problem(doc.name, doc.line_of(path), format_field(path),
                        f"'{value}' is not a full https:// address")]
    if kind == "enum":
        options = ", ".join(repr(o) for o in schema["enum"])
        return [Problem(doc.name, doc.line_of(path), format_field(path),
                        f"{_describe(value)} is not one of the allowed values: {options}")]
    if kind == "minItems":
        return [Problem(doc.name, doc.line_of(path), format_field(path), "this list is empty")]
    if kind == "uniqueItems":
        return [Problem(doc.name, doc.line_of(path), format_field(path), "this list names the same entry twice")]
    return [Problem(doc.name, doc.line_of(path), format_field(path), error.message)]


def check(doc: YamlDocument, schema_path: Path) -> list[Problem]:
    validator = load_schema(schema_path)
    if not isinstance(doc.data, dict):
        return [Problem(doc.name, doc.line_of(()), None,
                        f"the file should hold a set of fields (like 'id: ...'), not {_describe(doc.data)}")]
    problems: list[Problem] = []
    for error in sorted(validator.iter_errors(doc.data), key=lambda e: list(map(str, e.absolute_path))):
        problems.extend(_problem(doc, error))
    return problems
