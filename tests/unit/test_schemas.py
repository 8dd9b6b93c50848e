"""Help where editors type: each data file names its schema on its first line (VS Code's YAML extension
then completes and checks fields as one types), and every field of every schema has a title, a
description and examples that are themselves valid."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from macros.guidebook.schema import Validator
from tests.support import ROOT

DATA = ROOT / "data"
SCHEMA_OF = {"checklists": "checklist.schema.json", "messages": "messages.schema.json", ".": "guidebook.schema.json"}
DATA_FILES = sorted(p for p in DATA.rglob("*.yml"))
SCHEMAS = sorted((DATA / "schema").glob("*.schema.json"))
COMMENT = "# yaml-language-server: $schema="


def expected_schema(path: Path) -> Path:
    folder = path.parent.relative_to(DATA).as_posix()
    return DATA / "schema" / SCHEMA_OF[folder]


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_each_data_file_names_its_schema_on_its_first_line(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith(COMMENT), f"{path.name} must start with '{COMMENT}<relative path to its schema>'"
    named = (path.parent / first[len(COMMENT):].strip()).resolve()
    assert named == expected_schema(path).resolve(), f"{path.name} names {named}, not {expected_schema(path)}"


def test_every_kind_of_data_file_is_covered():
    assert {expected_schema(p).name for p in DATA_FILES} == {s.name for s in SCHEMAS}


def properties(schema: dict, where: str) -> Iterator[tuple[str, dict]]:
    """Every named field of a schema (nested fields and list entries too), with where it is."""
    for key, sub in schema.get("properties", {}).items():
        yield f"{where}.{key}", sub
        yield from properties(sub, f"{where}.{key}")
        if isinstance(sub.get("items"), dict):
            yield from properties(sub["items"], f"{where}.{key}[]")
    for pattern, sub in schema.get("patternProperties", {}).items():
        yield f"{where}.<{pattern}>", sub
        yield from properties(sub, f"{where}.<{pattern}>")
    for name, sub in schema.get("$defs", {}).items():
        yield from properties(sub, f"{where}.$defs.{name}")


def fields() -> list[tuple[str, dict, dict]]:
    found = []
    for path in SCHEMAS:
        root = json.loads(path.read_text(encoding="utf-8"))
        found += [(where, sub, root) for where, sub in properties(root, path.name)]
    return found


FIELDS = fields()


@pytest.mark.parametrize("where, schema, root", FIELDS, ids=[f[0] for f in FIELDS])
def test_every_field_has_a_title_a_description_and_valid_examples(where, schema, root):
    assert schema.get("title"), f"{where} has no title"
    assert len(schema.get("description", "")) > 20, f"{where} has no description"
    examples = schema.get("examples")
    assert examples, f"{where} has no examples"
    validator = Validator({"$defs": root.get("$defs", {}), **schema})
    for example in examples:
        errors = [e.message for e in validator.iter_errors(example)]
        assert errors == [], f"{where}: the example {example!r} is not valid: {errors}"


def test_the_table_has_every_schema():
    assert {f[0].split(".")[0] for f in FIELDS} == {"checklist", "guidebook", "messages"}
