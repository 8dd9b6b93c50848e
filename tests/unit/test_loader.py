"""Loading and validating data without MkDocs: lines, fields, and the real data's invariants."""
import shutil
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


def test_an_items_former_ids_stay_taken_and_map_to_its_id_now(tmp_path):
    """A renamed item lists its old ids (`former_ids`): no other id may take them, and the guidebook
    maps each to the item's id now (links and saved progress follow it)."""
    book = load_guidebook(ROOT / "data", display_root=ROOT)
    assert book.renamed == {old: i.id for _, i in book.items for old in i.former_ids}
    old, now = next(iter(book.renamed.items()))
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / "data" / "checklists" / "public-and-media-communication.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - id: stick-to-facts\n", f"  - id: stick-to-facts\n    former_ids: [{old}]\n"),
                    encoding="utf-8")
    with pytest.raises(DataError) as problems:
        load_guidebook(tmp_path / "data", display_root=tmp_path)
    assert f"field items[5].former_ids[1]: the id '{old}' is already used in" in str(problems.value)
    assert now != old
