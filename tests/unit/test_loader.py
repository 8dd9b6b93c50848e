"""Loading and validating data without MkDocs: lines, fields, and the real data's invariants."""
from pathlib import Path

import pytest

from macros.guidebook import DataError, load_guidebook
from macros.guidebook.yamlsource import format_field, read_yaml
from tests.support import ROOT


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_lines_are_recorded_for_every_field(tmp_path):
    doc, problems = read_yaml(write(tmp_path, "id: a\nitems:\n  - id: b\n    text: hello\n"), "x.yml")
    assert problems == []
    assert doc.data == {"id": "a", "items": [{"id": "b", "text": "hello"}]}
    assert doc.line_of(("items", 0, "text")) == 4
    assert doc.line_of(("items", 0)) == 3
    assert doc.line_of(("items", 0, "missing")) == 3


@pytest.mark.parametrize("text, message", [
    ("", "the file is empty"),
    ("id: [unclosed\n", "not valid YAML"),
])
def test_unreadable_files(tmp_path, text, message):
    doc, problems = read_yaml(write(tmp_path, text), "x.yml")
    assert doc is None and message in str(problems[0])


def test_format_field_counts_from_one():
    assert format_field(("items", 2, "text")) == "items[3].text"
    assert format_field(()) is None


def test_real_data_loads_with_unique_ids():
    book = load_guidebook(ROOT / "data", display_root=ROOT)
    ids = [c.id for c in book.checklists] + [i.id for c in book.checklists for i in c.items]
    assert len(ids) == len(set(ids))
    assert all(c.items for c in book.checklists)


def test_missing_guidebook_file_is_reported(tmp_path):
    (tmp_path / "data").mkdir()
    with pytest.raises(DataError, match=r"guidebook\.yml: the file is missing"):
        load_guidebook(tmp_path / "data", display_root=tmp_path)
