"""Careless or hostile data, in-process through the loader: every case stops the load with a message
naming the file, the line and the field, and what is wrong in words an editor understands.

One table, one row per case: which file, which text is replaced by what, and the expected field,
kind and words. The line is where the replacement starts unless the row gives it (0: no line).
Each case works on a copy of the real data/guidebook.yml and schemas with one checklist, fixture.yml.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from macros.guidebook import DataError, load_guidebook
from macros.guidebook.errors import Kind
from tests.support import ROOT

FIXTURE = """\
id: fixture-checklist
title: Fixture checklist
part: part-2-police-officials
order: 9
source: doj-crs-checklist
audiences: [police-official]
phase: first-two-hours
summary: A fixture.
items:
  - id: fixture-item-one
    text: First item.
    details: Some details.
address: police/fixture/
"""
CHECKLIST, BOOK = "data/checklists/fixture.yml", "data/guidebook.yml"
AUTO = -1
LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join([f'*{chr(97 + n)}'] * 9)}]\n" for n in range(8)
)


@dataclass(frozen=True)
class Case:
    name: str
    kind: Kind
    file: str
    old: str = ""
    new: str = ""
    field: str | None = None
    words: str = ""
    line: int = AUTO
    setup: Callable[[Path], None] | None = None


def checklist(name, kind, old, new, field, words, line=AUTO):
    return Case(name, kind, CHECKLIST, old, new, field, words, line)


def book(name, kind, old, new, field, words, line=AUTO):
    return Case(name, kind, BOOK, old, new, field, words, line)


def file_case(name, kind, file, words, setup):
    return Case(name, kind, file, words=words, line=0, setup=setup)


def _write(relative: str, content: bytes | str) -> Callable[[Path], None]:
    def setup(project: Path) -> None:
        path = project / relative
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))

    return setup


def _symlink(relative: str, target: str) -> Callable[[Path], None]:
    def setup(project: Path) -> None:
        path = project / relative
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
        path.symlink_to(target)

    return setup


def _folder(project: Path) -> None:
    (project / "data" / "checklists" / "x.yml").mkdir()


def _fifo(project: Path) -> None:
    os.mkfifo(project / "data" / "checklists" / "pipe.yml")


def _linked_book(project: Path) -> None:
    real = project / "elsewhere.yml"
    shutil.move(project / BOOK, real)
    (project / BOOK).symlink_to(real)


def _linked_folder(project: Path) -> None:
    folder = project / "data" / "checklists"
    shutil.move(folder, project / "elsewhere")
    folder.symlink_to(project / "elsewhere")


DEEP = "summary: " + "[" * 5000 + "]" * 5000

YAML_CASES = [
    checklist("billion-laughs", Kind.ANCHOR, "id: fixture-checklist\n", LAUGHS, None, "YAML anchors (&a)"),
    checklist("recursive-alias", Kind.ANCHOR, "items:", "loop: &loop [*loop]\nitems:", None, "anchors (&loop)"),
    checklist("alias-only", Kind.ALIAS, "summary: A fixture.", "summary: *nothing", None, "YAML aliases (*nothing)"),
    checklist(
        "merge-key",
        Kind.MERGE_KEY,
        "    details: Some details.",
        "    <<: {details: Some}",
        "items[1]",
        "merge keys (<<)",
    ),
    checklist("tag-custom", Kind.TAG, "summary: A fixture.", "summary: !foo A fixture.", None, "tags (!foo)"),
    checklist(
        "tag-python",
        Kind.TAG,
        "summary: A fixture.",
        "summary: !!python/name:os.system ''",
        None,
        "tag:yaml.org,2002:python/name:os.system",
    ),
    checklist("tag-binary", Kind.TAG, "summary: A fixture.", "summary: !!binary aGk=", None, "YAML tags"),
    checklist("tag-on-a-list", Kind.TAG, "audiences: [", "audiences: !!set [", None, "YAML tags"),
    checklist("nesting-5000-deep", Kind.TOO_DEEP, "summary: A fixture.", DEEP, None, "nested more than 20 levels"),
    checklist(
        "huge-scalar", Kind.TEXT_TOO_LONG, "summary: A fixture.", "summary: " + "x" * 20000, None, "at most 10000"
    ),
    checklist("huge-integer", Kind.BAD_VALUE, "order: 9", "order: " + "9" * 5000, "order", "cannot be read"),
    checklist(
        "malformed", Kind.BAD_YAML, "title: Fixture checklist", "title: [unclosed", None, "not valid YAML", line=3
    ),
    checklist("two-documents", Kind.BAD_YAML, "items:", "---\nx: 1\n---\nitems:", None, "not valid YAML", line=9),
    checklist("duplicate-key", Kind.DUPLICATE_KEY, "order: 9", "order: 9\norder: 8", "order", "appears twice", line=5),
    checklist("complex-key", Kind.COMPLEX_KEY, "order: 9", "? [a, b]\n: x\norder: 9", None, "plain text"),
    checklist("top-level-list", Kind.NOT_A_MAPPING, FIXTURE, "- a\n- b\n", None, "set of fields"),
]

FILE_CASES = [
    file_case("empty-file", Kind.EMPTY_FILE, CHECKLIST, "the file is empty", _write(CHECKLIST, "")),
    file_case("not-utf8", Kind.NOT_UTF8, CHECKLIST, "not UTF-8", _write(CHECKLIST, b"id: \xff\xfe\n")),
    file_case(
        "too-large",
        Kind.TOO_LARGE,
        CHECKLIST,
        "at most 262144 bytes",
        _write(CHECKLIST, FIXTURE + "# padding\n" * 30000),
    ),
    file_case(
        "symlink-out-of-data",
        Kind.SYMLINK,
        "data/checklists/passwd.yml",
        "symbolic link",
        _symlink("data/checklists/passwd.yml", "/etc/passwd"),
    ),
    file_case(
        "dangling-symlink",
        Kind.SYMLINK,
        "data/checklists/gone.yml",
        "symbolic link",
        _symlink("data/checklists/gone.yml", "/nonexistent/gone.yml"),
    ),
    file_case("folder-named-yml", Kind.NOT_A_FILE, "data/checklists/x.yml", "a folder", _folder),
    file_case("fifo-named-yml", Kind.NOT_A_FILE, "data/checklists/pipe.yml", "pipe", _fifo),
    file_case("linked-guidebook", Kind.SYMLINK, BOOK, "symbolic link", _linked_book),
    file_case("linked-checklist-folder", Kind.SYMLINK, "data/checklists", "symbolic link", _linked_folder),
    file_case(
        "linked-schema",
        Kind.SYMLINK,
        "data/schema/checklist.schema.json",
        "symbolic link",
        _symlink("data/schema/checklist.schema.json", "/etc/passwd"),
    ),
    file_case(
        "no-checklists",
        Kind.NO_CHECKLISTS,
        "data/checklists",
        "no checklist files",
        lambda project: [p.unlink() for p in (project / "data" / "checklists").iterdir()],
    ),
    file_case(
        "missing-guidebook", Kind.MISSING_FILE, BOOK, "the file is missing", lambda project: (project / BOOK).unlink()
    ),
]

SCHEMA_CASES = [
    checklist(
        "id-trailing-newline",
        Kind.BAD_ID,
        "id: fixture-checklist",
        'id: "fixture-checklist\\n"',
        "id",
        "not a valid id",
    ),
    checklist(
        "id-arabic-digit",
        Kind.BAD_ID,
        "id: fixture-item-one",
        "id: fixture-item-\u0663",
        "items[1].id",
        "not a valid id",
    ),
    checklist(
        "id-cyrillic-a", Kind.BAD_ID, "id: fixture-checklist", "id: fixture-ch\u0435cklist", "id", "letters (a-z)"
    ),
    checklist("id-uppercase", Kind.BAD_ID, "id: fixture-checklist", "id: Fixture", "id", "kebab-case"),
    checklist("id-trailing-hyphen", Kind.BAD_ID, "id: fixture-item-one", "id: item-", "items[1].id", "kebab-case"),
    checklist(
        "duplicate-id",
        Kind.DUPLICATE_ID,
        "id: fixture-item-one",
        "id: first-two-hours",
        "items[1].id",
        "already used in data/guidebook.yml, line",
    ),
    checklist(
        "unknown-part",
        Kind.UNKNOWN_REFERENCE,
        "part: part-2-police-officials",
        "part: part-9",
        "part",
        "no part with the id 'part-9' in data/guidebook.yml",
    ),
    checklist(
        "address-not-relative",
        Kind.BAD_ADDRESS,
        "address: police/fixture/",
        "address: //other.example/x/",
        "address",
        "is not a valid address",
    ),
    checklist(
        "link-to-unknown-checklist",
        Kind.UNKNOWN_REFERENCE,
        "text: First item.",
        "text: See [the roster](#no-such-checklist).",
        "items[1].text",
        "no checklist with the id 'no-such-checklist'",
    ),
    checklist(
        "unknown-audience",
        Kind.UNKNOWN_REFERENCE,
        "audiences: [police-official]",
        "audiences: [sheriff]",
        "audiences[1]",
        "no audience with the id 'sheriff'",
    ),
    checklist(
        "unknown-phase",
        Kind.UNKNOWN_REFERENCE,
        "phase: first-two-hours",
        "phase: someday",
        "phase",
        "no phase with the id 'someday'",
    ),
    checklist(
        "unknown-source",
        Kind.UNKNOWN_REFERENCE,
        "source: doj-crs-checklist",
        "source: blog",
        "source",
        "no source with the id 'blog'",
    ),
    checklist(
        "unknown-field",
        Kind.UNKNOWN_FIELD,
        "order: 9",
        "order: 9\nsumary: x",
        "sumary",
        "Did you mean 'summary'?",
        line=5,
    ),
    checklist("missing-required", Kind.REQUIRED, "summary: A fixture.\n", "", "summary", "required field", line=1),
    checklist("empty-text", Kind.EMPTY_TEXT, "text: First item.", 'text: ""', "items[1].text", "this text is empty"),
    checklist("blank-text", Kind.EMPTY_TEXT, "text: First item.", 'text: "   "', "items[1].text", "empty"),
    checklist(
        "empty-items", Kind.EMPTY_LIST, FIXTURE[FIXTURE.index("items:") :], "items: []\n", "items", "this list is empty"
    ),
    checklist(
        "repeated-audience",
        Kind.REPEATED_ENTRY,
        "[police-official]",
        "[police-official, police-official]",
        "audiences",
        "same entry twice",
    ),
    checklist(
        "bad-layout",
        Kind.NOT_ALLOWED_VALUE,
        "order: 9",
        "order: 9\nlayout: table",
        "layout",
        "'list', 'roster'",
        line=5,
    ),
    checklist("order-as-text", Kind.WRONG_TYPE, "order: 9", 'order: "9"', "order", "a whole number"),
    checklist("order-float", Kind.WRONG_TYPE, "order: 9", "order: 1e3", "order", "a whole number"),
    checklist("order-zero", Kind.TOO_SMALL, "order: 9", "order: 0", "order", "the least allowed here is 1"),
    checklist(
        "text-as-number", Kind.WRONG_TYPE, "text: First item.", "text: 12", "items[1].text", "Put quotes around it"
    ),
    checklist(
        "text-too-long",
        Kind.TEXT_TOO_LONG,
        "text: First item.",
        "text: " + "word " * 600,
        "items[1].text",
        "at most 2000",
    ),
    checklist(
        "title-too-long", Kind.TEXT_TOO_LONG, "title: Fixture checklist", "title: " + "t" * 400, "title", "at most 300"
    ),
    book(
        "due-within-a-trillion-hours",
        Kind.TOO_LARGE_NUMBER,
        "due_within_hours: 2\n",
        "due_within_hours: 1000000000000\n",
        "phases[2].due_within_hours",
        "the most allowed here is 8760",
    ),
    book(
        "due-within-zero-hours",
        Kind.TOO_SMALL,
        "due_within_hours: 2\n",
        "due_within_hours: 0\n",
        "phases[2].due_within_hours",
        "the least allowed here is 1",
    ),
    book(
        "due-within-nan",
        Kind.WRONG_TYPE,
        "due_within_hours: 2\n",
        "due_within_hours: .nan\n",
        "phases[2].due_within_hours",
        "a whole number",
    ),
    book(
        "released-impossible-day",
        Kind.BAD_DATE,
        'released: "2022-06-22"',
        'released: "2022-02-30"',
        "released",
        "a real day of the calendar",
    ),
    book(
        "released-unquoted-impossible",
        Kind.BAD_VALUE,
        'released: "2022-06-22"',
        "released: 2022-02-30",
        "released",
        "day is out of range",
    ),
    book("released-short", Kind.BAD_DATE, 'released: "2022-06-22"', 'released: "2022-6-22"', "released", "YYYY-MM-DD"),
    book(
        "released-fullwidth-digits",
        Kind.BAD_DATE,
        'released: "2022-06-22"',
        'released: "\uff12\uff10\uff12\uff12-06-22"',
        "released",
        "YYYY-MM-DD",
    ),
    book(
        "released-unquoted-date",
        Kind.WRONG_TYPE,
        'released: "2022-06-22"',
        "released: 2022-06-22",
        "released",
        "Put quotes around it",
    ),
    book(
        "source-url-javascript",
        Kind.BAD_URL,
        "url: https://",
        "url: javascript:alert(1)//https://",
        "sources[1].url",
        "not a full https:// address",
    ),
    book("source-url-plain-http", Kind.BAD_URL, "url: https://", "url: http://", "sources[1].url", "https://"),
    book(
        "source-url-quote",
        Kind.BAD_URL,
        "url: https://",
        'url: https://x.org/"onmouseover=alert(1)//',
        "sources[1].url",
        "no spaces, quotes",
    ),
    book(
        "source-url-newline",
        Kind.BAD_URL,
        "url: https://",
        'url: "https://x.org/\\n"\n    old: https://',
        "sources[1].url",
        "not a full https://",
    ),
]

TITLE = "</title><script>alert(1)</script>"
TEXT_CASES = [
    checklist(
        "title-closes-title",
        Kind.MARKUP_IN_PLAIN_TEXT,
        "title: Fixture checklist",
        f"title: '{TITLE}'",
        "title",
        "this is plain text",
    ),
    checklist(
        "title-attribute-list",
        Kind.MARKUP_IN_PLAIN_TEXT,
        "title: Fixture checklist",
        "title: '*x*{ onmouseover=alert(1) }'",
        "title",
        "'*', '{', '}'",
    ),
    checklist(
        "title-javascript-link",
        Kind.MARKUP_IN_PLAIN_TEXT,
        "title: Fixture checklist",
        "title: '[x](javascript:alert(1))'",
        "title",
        "'['",
    ),
    checklist(
        "title-line-break",
        Kind.MARKUP_IN_PLAIN_TEXT,
        "title: Fixture checklist",
        "title: |\n  One\n  # Two",
        "title",
        "line break",
    ),
    book(
        "book-title-script",
        Kind.MARKUP_IN_PLAIN_TEXT,
        "title: Responding",
        "title: <script>x</script>Responding",
        "title",
        "'<', '>'",
    ),
    book(
        "book-subtitle-image",
        Kind.MARKUP_IN_PLAIN_TEXT,
        "subtitle: >-",
        "subtitle: <img src=x onerror=alert(1)>\nx: >-",
        "subtitle",
        "plain text",
    ),
    book(
        "book-publisher-link",
        Kind.MARKUP_IN_PLAIN_TEXT,
        "publisher: Connecticut",
        "publisher: '[CCM](javascript:alert(1))' #",
        "publisher",
        "plain text",
    ),
    book(
        "part-title-markup",
        Kind.MARKUP_IN_PLAIN_TEXT,
        'title: "Part 1: For municipal leaders"',
        'title: "Part 1: **For** municipal leaders"',
        "parts[1].title",
        "'*'",
    ),
    book(
        "audience-name-html",
        Kind.MARKUP_IN_PLAIN_TEXT,
        "name: Chief elected official",
        "name: Chief <b>elected</b> official",
        "audiences[1].name",
        "'<', '>'",
    ),
    checklist(
        "item-reference-link",
        Kind.MARKUP_NOT_ALLOWED,
        "text: First item.",
        "text: '[here][r] and [r]: javascript:alert(1)'",
        "items[1].text",
        "a reference link",
    ),
    checklist(
        "item-link-definition",
        Kind.MARKUP_NOT_ALLOWED,
        "text: First item.",
        "text: |\n      [here]\n\n      [here]: javascript:alert(1)",
        "items[1].text",
        "a link definition",
    ),
    checklist(
        "item-tracking-pixel",
        Kind.MARKUP_NOT_ALLOWED,
        "details: Some details.",
        "details: '![t](https://other.example/pixel.png)'",
        "items[1].details",
        "an image",
    ),
    checklist(
        "item-raw-html",
        Kind.MARKUP_NOT_ALLOWED,
        "text: First item.",
        "text: '<img src=x onerror=alert(1)>'",
        "items[1].text",
        "HTML",
    ),
    checklist(
        "item-autolink-javascript",
        Kind.MARKUP_NOT_ALLOWED,
        "text: First item.",
        "text: '<javascript:alert(1)>'",
        "items[1].text",
        "HTML",
    ),
    checklist(
        "item-protocol-relative",
        Kind.UNSAFE_LINK,
        "text: First item.",
        "text: '[x](//other.example/page)'",
        "items[1].text",
        "'//other.example/page' is not allowed",
    ),
    checklist(
        "item-data-link",
        Kind.UNSAFE_LINK,
        "text: First item.",
        "text: '[x](data:text/html,hi)'",
        "items[1].text",
        "'data:text/html,hi' is not allowed",
    ),
    checklist(
        "item-link-title",
        Kind.MARKUP_NOT_ALLOWED,
        "text: First item.",
        "text: '[x](https://a.org \"t\")'",
        "items[1].text",
        "a link title",
    ),
    checklist(
        "item-code-span",
        Kind.MARKUP_NOT_ALLOWED,
        "text: First item.",
        "text: 'run `rm`'",
        "items[1].text",
        "a code span",
    ),
    checklist(
        "item-heading", Kind.MARKUP_NOT_ALLOWED, "text: First item.", "text: '# Big'", "items[1].text", "a heading"
    ),
    checklist(
        "summary-javascript-link",
        Kind.UNSAFE_LINK,
        "summary: A fixture.",
        "summary: '[x](javascript:alert(1))'",
        "summary",
        "'javascript:alert(1' is not allowed",
    ),
    checklist(
        "summary-attribute-list",
        Kind.MARKUP_NOT_ALLOWED,
        "summary: A fixture.",
        "summary: '*x*{ onmouseover=alert(1) }'",
        "summary",
        "curly braces",
    ),
    checklist(
        "note-jinja",
        Kind.MARKUP_NOT_ALLOWED,
        "summary: A fixture.",
        'summary: A fixture.\nnote: "{{ cycler.__init__ }}"',
        "note",
        "curly braces",
        line=9,
    ),
    book(
        "part-summary-javascript",
        Kind.UNSAFE_LINK,
        "summary: >-\n      Checklists for chief",
        "summary: >-\n      [x](javascript:alert(1)) Checklists for chief",
        "parts[1].summary",
        "'javascript:alert(1' is not allowed",
    ),
    book(
        "part-notice-javascript",
        Kind.UNSAFE_LINK,
        "notice: >-\n      This checklist",
        "notice: >-\n      [x](JAVASCRIPT:alert(1)) This checklist",
        "parts[2].notice",
        "not allowed",
    ),
]

# Mistakes an editor makes, said in an editor's words (issue 32).
EDITOR_CASES = [
    checklist("title-right-to-left-override", Kind.INVISIBLE_CHARACTER, "title: Fixture checklist",
              "title: Fixture\u202echecklist", "title", "RIGHT-TO-LEFT OVERRIDE (U+202E)"),
    checklist("item-zero-width-space", Kind.INVISIBLE_CHARACTER, "    text: First item.",
              "    text: First\u200b item.", "items[1].text", "ZERO WIDTH SPACE (U+200B)"),
    book("part-summary-isolate", Kind.INVISIBLE_CHARACTER, "summary: >-\n      Checklists for chief",
         "summary: >-\n      Checklists \u2067for chief", "parts[1].summary", "RIGHT-TO-LEFT ISOLATE (U+2067)"),
    checklist("text-yes", Kind.YAML_WORD, "    text: First item.", "    text: yes", "items[1].text",
              "YAML reads yes as true, not as the word 'yes': to write the word, put it in quotes ('yes')"),
    checklist("summary-off", Kind.YAML_WORD, "summary: A fixture.", "summary: Off", "summary",
              "YAML reads Off as false"),
    checklist("title-null", Kind.YAML_WORD, "title: Fixture checklist", "title: null", "title",
              "YAML reads null as nothing (null)"),
    checklist("key-on", Kind.YAML_WORD_KEY, "summary: A fixture.", "summary: A fixture.\non: x", "on",
              "YAML reads the field name on as true: put it in quotes ('on':)", line=9),
    checklist("key-no-in-an-item", Kind.YAML_WORD_KEY, "    details: Some details.", "    no: Some details.",
              "items[1].no", "the field name no as false"),
    checklist("nested-link", Kind.NESTED_LINK, "summary: A fixture.",
              "summary: '[a [b](#fixture-checklist)](#fixture-checklist)'", "summary", "write two separate links"),
    checklist("empty-link", Kind.EMPTY_LINK, "    details: Some details.", "    details: See [this]().",
              "items[1].details", "this link has no address"),
    checklist("checklist-link-with-a-space", Kind.BAD_CHECKLIST_LINK, "    text: First item.",
              "    text: See [this](# fixture-checklist).", "items[1].text", "right after '#'"),
    checklist("checklist-link-in-capitals", Kind.BAD_CHECKLIST_LINK, "summary: A fixture.",
              "summary: See [this](#Fixture-Checklist).", "summary", "'#Fixture-Checklist' is not a checklist's id"),
    checklist("link-cut-by-a-comment", Kind.CUT_BY_COMMENT, "    text: First item.",
              "    text: See [the list]( #fixture-checklist ).", "items[1].text",
              "YAML reads ' #fixture-checklist ).' as a comment (a space then # starts one), so this text stops at "
              "'...See [the list](': put the whole text in quotes"),
    checklist("items-501", Kind.TOO_MANY, FIXTURE[FIXTURE.index("items:"):FIXTURE.index("address:")],
              "items:\n" + "".join(f"  - id: item-{n}\n    text: Item.\n" for n in range(501)), "items",
              "this list holds 501 entries; the most allowed here is 500"),
]

CASES = YAML_CASES + FILE_CASES + SCHEMA_CASES + TEXT_CASES + EDITOR_CASES


def prepare(tmp_path: Path, case: Case) -> Path:
    """A copy of data/ (guidebook and schemas) with only the fixture checklist, and the case's change."""
    shutil.copytree(ROOT / "data", tmp_path / "data", ignore=shutil.ignore_patterns("checklists"))
    (tmp_path / "data" / "checklists").mkdir()
    (tmp_path / CHECKLIST).write_text(FIXTURE, encoding="utf-8")
    if case.setup:
        case.setup(tmp_path)
    elif case.old or case.new:
        path = tmp_path / case.file
        text = path.read_text(encoding="utf-8")
        assert case.old in text, f"{case.name}: {case.old!r} is not in {case.file}"
        path.write_text(text.replace(case.old, case.new, 1), encoding="utf-8")
    return tmp_path / "data"


def expected_line(tmp_path: Path, case: Case) -> int | None:
    if case.line != AUTO:
        return case.line or None
    text = (tmp_path / case.file).read_text(encoding="utf-8")
    return text[: text.index(case.new)].count("\n") + 1


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_data_is_refused_by_name(case, tmp_path):
    data = prepare(tmp_path, case)
    line = expected_line(tmp_path, case)
    with pytest.raises(DataError) as caught:
        load_guidebook(data, display_root=tmp_path)
    report = caught.value.report()
    assert "Traceback" not in report
    where = case.file + (f", line {line}" if line else "") + (f", field {case.field}" if case.field else "") + ": "
    named = [p for p in caught.value.problems if p.kind is case.kind and str(p).startswith(where)]
    assert named, f"no {case.kind.name} problem at {where!r} in:\n{report}"
    assert any(case.words in p.message for p in named), f"{case.words!r} not in:\n{report}"
    assert "root:" not in report, "the contents of a file outside data/ must never be shown"


def test_there_are_at_least_sixty_cases_and_every_data_kind_has_one():
    assert len(CASES) >= 60
    # the catalogue's own problems are tested in tests/unit/test_editing.py
    not_from_data = {Kind.STYLESHEET, Kind.OTHER_SCHEMA, Kind.UNKNOWN_PLACEHOLDER, Kind.MISSING_PLACEHOLDER,
                     Kind.STRAY_BRACE, Kind.EMPTY_FIELDS}
    assert set(Kind) - not_from_data - {c.kind for c in CASES} == set()


def test_a_billion_laughs_is_refused_before_any_expansion(tmp_path):
    """Refused at the first anchor: the aliases are never expanded (timed in bench/hostile_yaml.py)."""
    data = prepare(tmp_path, YAML_CASES[0])
    with pytest.raises(DataError) as caught:
        load_guidebook(data, display_root=tmp_path)
    assert next(p.kind for p in caught.value.problems if p.file == CHECKLIST) is Kind.ANCHOR


def test_every_problem_in_every_file_is_reported_at_once(tmp_path):
    data = prepare(tmp_path, TEXT_CASES[0])
    (data / "checklists" / "second.yml").write_text(
        FIXTURE.replace("fixture-", "second-").replace("order: 9", "order: x"), encoding="utf-8"
    )
    with pytest.raises(DataError) as caught:
        load_guidebook(data, display_root=tmp_path)
    fields = {(p.file, p.field) for p in caught.value.problems}
    assert {(CHECKLIST, "title"), ("data/checklists/second.yml", "order")} <= fields
