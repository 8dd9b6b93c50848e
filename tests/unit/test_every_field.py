"""No traceback from any data file, ever: each field of each schema gets a value of the wrong type and a
wrong value of the right type, and the check names the file and the field, in an editor's words.

The table is made from the schemas themselves (data/schema/*.json), so a field added to a schema is
tested too; the documents are small copies of the real data (one checklist), checked in-process.
"""
from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from macros.guidebook.check import check_data
from macros.guidebook.errors import Kind
from macros.guidebook.yamlsource import FieldPath, format_field
from tests.support import ROOT

SCHEMAS = ROOT / "data" / "schema"
SAMPLE_CHECKLIST = "police-within-24-hours.yml"
FILES = {  # file -> its schema
    "data/guidebook.yml": "guidebook.schema.json",
    f"data/checklists/{SAMPLE_CHECKLIST}": "checklist.schema.json",
    "data/messages/en.yml": "messages.schema.json",
}
WRONG_TEXT = {  # a wrong value of each kind of text (x-kind)
    "id": "Not An Id!",
    "address": "Police Page",
    "date": "2022-02-30",
    "url": "http://example.org/",
    "plain": "a <b>bold</b> title",
    "inline": "[x](javascript:alert(1))",
    "words": "{ count }",
}


@dataclass(frozen=True)
class Case:
    file: str
    path: FieldPath
    value: Any
    how: str

    @property
    def name(self) -> str:
        return f"{self.file.split('/')[-1]}:{format_field(self.path)}:{self.how}"


def resolve(schema: dict, root: dict) -> dict:
    while "$ref" in schema:
        schema = {**root["$defs"][schema["$ref"].split("/")[-1]], **{k: v for k, v in schema.items() if k != "$ref"}}
    return schema


def wrong_type(schema: dict) -> Any:
    kind = schema.get("type")
    if kind == "string" or "enum" in schema:
        return 12345 if kind == "string" else ["a", "list"]
    if kind == "integer":
        return "twelve"
    return "a text" if kind in ("array", "object") else None


def wrong_value(schema: dict) -> Any:
    kind = schema.get("type")
    if "enum" in schema:
        return "no-such-value"
    if kind == "string":
        return WRONG_TEXT[schema["x-kind"]]
    if kind == "integer":
        return schema["maximum"] + 1
    if kind == "array":
        return [] if schema.get("minItems") else [["nested"]]
    return {} if kind == "object" else None


def fields(schema: dict, root: dict, sample: Any, path: FieldPath = ()) -> Iterator[tuple[FieldPath, dict]]:
    """Every field of `schema` with its (resolved) schema: properties, the first entry of lists of fields,
    and the named groups and words of the catalogue (patternProperties), as the sample has them."""
    schema = resolve(schema, root)
    named = dict(schema.get("properties", {}))
    if "patternProperties" in schema and isinstance(sample, dict):
        pattern_schema = next(iter(schema["patternProperties"].values()))
        named |= {next(iter(sample)): pattern_schema}
    for key, sub in named.items():
        sub = resolve(sub, root)
        yield (*path, key), sub
        value = sample.get(key) if isinstance(sample, dict) else None
        if sub.get("type") == "object":
            yield from fields(sub, root, value or {}, (*path, key))
        elif sub.get("type") == "array" and resolve(sub.get("items", {}), root).get("type") == "object" and value:
            yield from fields(sub["items"], root, value[0], (*path, key, 0))


def cases() -> list[Case]:
    found = []
    for file, schema_name in FILES.items():
        root = json.loads((SCHEMAS / schema_name).read_text(encoding="utf-8"))
        sample = yaml.safe_load((ROOT / file).read_text(encoding="utf-8"))
        for path, schema in fields(root, root, sample):
            found += [Case(file, path, wrong_type(schema), "wrong-type"), Case(file, path, wrong_value(schema), "wrong-value")]
    return found


CASES = cases()


def set_value(data: Any, path: FieldPath, value: Any) -> None:
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


@pytest.fixture(scope="module")
def small_data(tmp_path_factory) -> Path:
    """data/ with one checklist: quick to check."""
    root = tmp_path_factory.mktemp("small")
    shutil.copytree(ROOT / "data", root / "data", ignore=shutil.ignore_patterns("*.yml"))
    for file in FILES:
        shutil.copy(ROOT / file, root / file)
    return root


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_every_field_refuses_a_wrong_type_and_a_wrong_value_by_name(small_data, tmp_path, case):
    shutil.copytree(small_data / "data", tmp_path / "data")
    data = yaml.safe_load((tmp_path / case.file).read_text(encoding="utf-8"))
    set_value(data, case.path, case.value)
    (tmp_path / case.file).write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    problems = check_data(tmp_path / "data", tmp_path).problems  # raises nothing, whatever the data
    field = format_field(case.path) or ""
    named = [p for p in problems if p.file == case.file and (p.field or "").startswith(field)]
    assert named, f"no problem named {case.file}, field {field}: {[str(p) for p in problems]}"
    assert all(p.line for p in named), "every problem in a YAML file names its line"
    assert not [p for p in problems if p.kind is Kind.OTHER_SCHEMA], "a schema's own words reached the editor"


def test_the_table_covers_every_file_and_many_fields():
    assert {c.file for c in CASES} == set(FILES)
    assert len(CASES) >= 80
