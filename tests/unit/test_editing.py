"""Editing the guidebook safely (issue 32): `make check`'s report, the names in braces of the words
catalogue, links between checklists in every inline field, invisible characters, messages in an
editor's words. Table-driven, in-process, no site built."""
from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
import yaml

from macros.guidebook import DataError
from macros.guidebook.check import check_data, docs_addresses, github_annotation, line_report, main
from macros.guidebook.errors import Kind, Problem
from macros.guidebook.inline import inline_problems, plain_problems
from macros.guidebook.messages import load_words
from macros.guidebook.placeholders import DECLARED, Uses, _script_uses, _template_uses, filled, read_uses
from macros.guidebook.render import Renderer
from macros.guidebook.schema import _kind_problems
from macros.guidebook.yamlsource import format_field, read_yaml
from macros.theme import CSS_COUNTERS
from tests.support import ROOT

EN = "data/messages/en.yml"


def project(tmp_path: Path) -> Path:
    """A copy of what `make check` reads: data/, docs/ and mkdocs.yml."""
    for part in ("data", "docs"):
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def replace(path: Path, old: str, new: str) -> int:
    """Replace `old` by `new` once in `path`; the line where `new` starts."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def line_of_key(text: str, key: str) -> int:
    group, name = key.split(".")
    start = text.index(f"\n{group}:\n")
    return text[: text.index(f"\n  {name}:", start)].count("\n") + 2


# ---- make check ---------------------------------------------------------------------------------------

def test_make_check_passes_the_real_data(capsys):
    assert main([str(ROOT)]) == 0
    assert capsys.readouterr().out.startswith("The data is good: ")


PLANTED = [  # file, text replaced, replacement, field, words of the message
    ("data/checklists/police-within-24-hours.yml", "    text: Conduct an investigation where needed.",
     "    txet: Conduct an investigation where needed.", "items[3].txet", "Did you mean 'text'?"),
    ("data/guidebook.yml", "released: \"2022-06-22\"", "released: \"2022-02-30\"", "released", "YYYY-MM-DD"),
    (EN, "  reset: Reset this checklist", "  reset: Reset {title}", "checklist.reset", "{title} is not filled in"),
    ("data/checklists/community-stakeholders.yml", "order:", "on: x\norder:", "on", "quote it" if False else "quotes"),
]


@pytest.mark.parametrize("file, old, new, field, words", PLANTED, ids=[p[3] for p in PLANTED])
def test_a_planted_error_is_named_by_file_line_and_field(tmp_path, capsys, file, old, new, field, words):
    root = project(tmp_path)
    line = replace(root / file, old, new)
    assert main([str(root)]) == 1
    out = capsys.readouterr()
    assert f"{file}:{line}: {field}: " in out.out, out.out
    assert words in out.out
    assert "Traceback" not in out.out + out.err and "problem" in out.out.splitlines()[-1]


def test_the_report_has_a_compilers_shape_and_a_github_annotation():
    problem = Problem("data/x.yml", 4, "items[2].text", "this text is empty, 100%: write the item")
    assert line_report(problem) == "data/x.yml:4: items[2].text: this text is empty, 100%: write the item"
    assert line_report(Problem("data/x.yml", None, None, "the file is missing")) == "data/x.yml: the file is missing"
    assert github_annotation(problem) == \
        "::error file=data/x.yml,line=4,title=items[2].text::this text is empty, 100%25: write the item"


def test_on_github_actions_the_problems_are_annotations(tmp_path, capsys, monkeypatch):
    root = project(tmp_path)
    line = replace(root / "data/guidebook.yml", "version: 1", "version: one")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert main([str(root)]) == 1
    assert f"::error file=data/guidebook.yml,line={line},title=version::this should be a whole number" in capsys.readouterr().out


@pytest.mark.parametrize("page, address", [("index.md", ""), ("about.md", "about/"), ("packet/index.md", "packet/"),
                                           ("a/b.md", "a/b/"), ("a/README.md", "a/")])
def test_docs_pages_have_mkdocs_addresses(tmp_path, page, address):
    (tmp_path / "docs" / page).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "docs" / page).write_text("x", encoding="utf-8")
    assert docs_addresses(tmp_path / "docs") == {address: f"docs/{page}"}


def test_a_checklist_at_the_address_of_a_page_is_named(tmp_path, capsys):
    root = project(tmp_path)
    replace(root / "data/checklists/police-long-term.yml", "address: police/long-term/", "address: about/")
    assert main([str(root)]) == 1
    assert "the address 'about/' is already the address of docs/about.md" in capsys.readouterr().out


# ---- names in braces ------------------------------------------------------------------------------------

PLACEHOLDER_CASES = [  # key, words written, kind, name; build side (Python, templates) then browser side
    ("print.page_number", "Page {page} of {total}", Kind.UNKNOWN_PLACEHOLDER, "total"),  # CSS counters
    ("print.page_number", "Page {page}", Kind.MISSING_PLACEHOLDER, "pages"),
    ("meta.part_title", "{part}: {name}", Kind.UNKNOWN_PLACEHOLDER, "name"),  # Python: words.text(...)
    ("checklist.copy_item_link", "Copy link to item {number}", Kind.MISSING_PLACEHOLDER, "text"),  # template
    ("count.done", "{done} of {count} checked", Kind.UNKNOWN_PLACEHOLDER, "count"),  # template and script
    ("checklist.reset", "Reset {title}", Kind.UNKNOWN_PLACEHOLDER, "title"),  # a word with none
    ("import.too_big", "Too large ({size} KB)", Kind.UNKNOWN_PLACEHOLDER, "size"),  # script: say(key, {...})
    ("import.too_many", "Too many entries.", Kind.MISSING_PLACEHOLDER, "count"),  # script: new ImportProblem
    ("duration.minutes", "{n} minutes", Kind.UNKNOWN_PLACEHOLDER, "n"),  # script: say(`duration.${unit}s`, ...)
    ("handover.holds", "{name}, {count} items, {newest}", Kind.MISSING_PLACEHOLDER, "start"),  # declared
    ("status.began", "Began {ago} ({when})", Kind.UNKNOWN_PLACEHOLDER, "when"),
]


@pytest.mark.parametrize("key, words, kind, name", PLACEHOLDER_CASES, ids=[f"{c[0]}-{c[3]}" for c in PLACEHOLDER_CASES])
def test_names_in_braces_are_those_the_code_fills(tmp_path, key, words, kind, name):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    path = tmp_path / EN
    text = path.read_text(encoding="utf-8")
    line = line_of_key(text, key)
    lines = text.splitlines(keepends=True)
    lines[line - 1] = f"  {key.split('.')[1]}: \"{words}\"\n"
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_words(tmp_path / "data", display_root=tmp_path)
    found = [p for p in caught.value.problems if p.kind is kind]
    assert found and (found[0].file, found[0].line, found[0].field) == (EN, line, key), caught.value.report()
    assert f"{{{name}}}" in found[0].message


@pytest.mark.parametrize("words", ["{ count } checked", "{count checked", "count} checked", "{Count}x{", "{{count}}"])
def test_a_brace_that_is_not_a_name_is_refused(words):
    assert [k for k, _ in _kind_problems("words", words)] == [Kind.STRAY_BRACE]


def test_another_language_keeps_the_english_names(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "data/messages/de.yml").write_text(
        (ROOT / EN).read_text(encoding="utf-8").replace('done: "{done} of {total} checked"', 'done: "{done} erledigt"'),
        encoding="utf-8")
    checked = check_data(tmp_path / "data", tmp_path, "en")
    assert any(p.file == "data/messages/de.yml" and p.field == "count.done" and "{done}, {total}" in p.message
               for p in checked.problems)


READ_FROM_CODE = [  # source, reader, key -> names filled
    ('{{ "a.b" | t(done=0, total=checklist.items | map(attribute="x") | length) }}', _template_uses, "a.b",
     {"done", "total"}),
    ('{{ "a.b" | t }}', _template_uses, "a.b", set()),
    ('say("a.b", { count, length: link.length })', _script_uses, "a.b", {"count", "length"}),
    ('say(x ? "a.b" : "a.c", { n: f(1, 2) })', _script_uses, "a.c", {"n"}),
    ('throw new ImportProblem("a.b", { kilobytes: Math.round(size / 1024) })', _script_uses, "a.b", {"kilobytes"}),
    ("say(`a.x_${unit}`, { count: n })", _script_uses, "a.x_days", {"count"}),
    ('say("a.b")', _script_uses, "a.b", set()),
]


@pytest.mark.parametrize("source, reader, key, names", READ_FROM_CODE)
def test_the_names_are_read_from_the_code(source, reader, key, names):
    uses = Uses()
    reader(source, uses)
    assert filled(key, uses) == names


def test_a_variable_of_names_needs_a_declaration():
    uses = Uses()
    _script_uses('say("a.b", values)', uses)
    assert filled("a.b", uses) is None  # not checked: test_every_word_the_code_shows_has_known_names asks for one


def test_every_word_the_code_shows_has_known_names():
    """A word the script fills from a variable (say("key", values)) must be declared in placeholders.DECLARED."""
    uses = read_uses()
    words = load_words(ROOT / "data").entries
    unknown = [k for k in words if uses.of(k) is not None and filled(k, uses) is None]
    assert unknown == [], "declare the names these words get in macros/guidebook/placeholders.py DECLARED"


def test_the_page_number_is_declared_with_the_css_counters():
    assert DECLARED["print.page_number"] == set(CSS_COUNTERS)


# ---- links between checklists ---------------------------------------------------------------------------

LINK_FIELDS = [  # file, field (as the data holds it)
    ("data/checklists/police-long-term.yml", ("summary",)),
    ("data/checklists/police-long-term.yml", ("note",)),
    ("data/checklists/police-long-term.yml", ("items", 0, "text")),
    ("data/checklists/police-long-term.yml", ("items", 1, "details")),
    ("data/guidebook.yml", ("parts", 0, "summary")),
    ("data/guidebook.yml", ("parts", 1, "notice")),
    ("data/guidebook.yml", ("audiences", 0, "description")),
]


def set_field(path: Path, field: tuple, value: object) -> int:
    """Write `value` at `field` of the YAML file `path`; the line of that field in the rewritten file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    target = data
    for step in field[:-1]:
        target = target[step]
    target[field[-1]] = value
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    doc, _ = read_yaml(path, path.name)
    assert doc is not None
    line = doc.line_of(field)
    assert line is not None
    return line


@pytest.mark.parametrize("file, field", LINK_FIELDS, ids=[format_field(f[1]) for f in LINK_FIELDS])
def test_a_link_to_a_missing_checklist_is_named_in_every_inline_field(tmp_path, file, field):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    line = set_field(tmp_path / file, field, "See [the other list]( #no-such-checklist ).")
    found = [p for p in check_data(tmp_path / "data", tmp_path).problems if p.kind is Kind.UNKNOWN_REFERENCE]
    assert [(p.file, p.line, p.field) for p in found] == [(file, line, format_field(field))], found
    assert "there is no checklist with the id 'no-such-checklist'" in found[0].message


@pytest.fixture(scope="module")
def book():
    from macros.guidebook import load_guidebook
    return load_guidebook(ROOT / "data", display_root=ROOT)


LINKED = "[Engaging community stakeholders]( #community-stakeholders )"
RENDERED_FIELDS = [  # where the words are, the change
    ("checklist summary", lambda c, p: (dataclasses.replace(c, summary=LINKED), p)),
    ("item text", lambda c, p: (dataclasses.replace(c, items=(dataclasses.replace(c.items[0], text=LINKED),
                                                              *c.items[1:])), p)),
    ("item details", lambda c, p: (dataclasses.replace(c, items=(dataclasses.replace(c.items[0], details=LINKED),
                                                                 *c.items[1:])), p)),
    ("checklist note", lambda c, p: (dataclasses.replace(c, note=LINKED), p)),
    ("part notice", lambda c, p: (dataclasses.replace(c, part=dataclasses.replace(p, notice=LINKED)), p)),
]


@pytest.mark.parametrize("where, change", RENDERED_FIELDS, ids=[f[0] for f in RENDERED_FIELDS])
def test_a_link_to_a_checklist_leads_to_its_page_from_every_field(book, where, change):
    police = next(c for c in book.checklists if c.id == "police-long-term")
    checklist, _ = change(police, police.part)
    urls = {c.id: f"../../{c.address}" for c in book.checklists} | {"community-stakeholders": "../../stakeholders/"}
    html = Renderer(book).checklist(checklist, urls=urls)
    assert '<a href="../../stakeholders/#community-stakeholders">Engaging community stakeholders</a>' in html


@pytest.mark.parametrize("field", ["summary", "part"])
def test_a_link_in_the_home_pages_contents_leads_to_the_page(book, field):
    stakeholders = next(c for c in book.checklists if c.id == "police-long-term")
    if field == "summary":
        changed = dataclasses.replace(stakeholders, summary=LINKED)
        checklists = [changed if c.id == changed.id else c for c in book.checklists]
        book = dataclasses.replace(book, checklists=checklists)
    else:
        parts = [dataclasses.replace(p, summary=LINKED) for p in book.parts]
        book = dataclasses.replace(book, parts=parts, checklists=[dataclasses.replace(c, part=next(
            p for p in parts if p.id == c.part.id)) for c in book.checklists])
    links = {c.id: c.address.rstrip("/") + ".md" for c in book.checklists}
    html = Renderer(book).contents(links, urls={"community-stakeholders": "stakeholders/"})
    assert '<a href="stakeholders/#community-stakeholders">Engaging community stakeholders</a>' in html


def test_a_link_in_the_pdf_leads_to_the_checklists_heading():
    from macros.guidebook.pdf import pdf_inline
    assert str(pdf_inline(LINKED)) == '<a href="#checklist-community-stakeholders">Engaging community stakeholders</a>'


# ---- invisible and direction-changing characters --------------------------------------------------------

INVISIBLE = [
    ("\u202a", "LEFT-TO-RIGHT EMBEDDING"), ("\u202b", "RIGHT-TO-LEFT EMBEDDING"),
    ("\u202c", "POP DIRECTIONAL FORMATTING"), ("\u202d", "LEFT-TO-RIGHT OVERRIDE"),
    ("\u202e", "RIGHT-TO-LEFT OVERRIDE"), ("\u2066", "LEFT-TO-RIGHT ISOLATE"), ("\u2067", "RIGHT-TO-LEFT ISOLATE"),
    ("\u2068", "FIRST STRONG ISOLATE"), ("\u2069", "POP DIRECTIONAL ISOLATE"), ("\u200b", "ZERO WIDTH SPACE"),
    ("\u200c", "ZERO WIDTH NON-JOINER"), ("\u200d", "ZERO WIDTH JOINER"), ("\u2060", "WORD JOINER"),
    ("\ufeff", "ZERO WIDTH NO-BREAK SPACE"), ("\u200e", "LEFT-TO-RIGHT MARK"), ("\u200f", "RIGHT-TO-LEFT MARK"),
    ("\u061c", "ARABIC LETTER MARK"), ("\u00ad", "SOFT HYPHEN"), ("\u2028", "LINE SEPARATOR"),
    ("\u2029", "PARAGRAPH SEPARATOR"), ("\U000e0041", "TAG LATIN CAPITAL LETTER A"), ("\u3164", "HANGUL FILLER"),
]


@pytest.mark.parametrize("kind", ["plain", "inline", "words"])
@pytest.mark.parametrize("char, name", INVISIBLE, ids=[n for _, n in INVISIBLE])
def test_every_invisible_character_is_refused_by_name(char, name, kind):
    problems = _kind_problems(kind, f"Call the{char} chief")
    named = [d for k, d in problems if k is Kind.INVISIBLE_CHARACTER]
    assert named == [{"name": name, "code": f"{ord(char):04X}"}]
    assert f"{name} (U+{ord(char):04X})" in Kind.INVISIBLE_CHARACTER.text(**named[0])


def test_ordinary_text_is_not_refused():
    for text in ("Café, naïve — “quoted” words; 50% & more", "日本語のテキスト", "Emoji 👍"):
        assert plain_problems(text) == [] and inline_problems(text) == []


def test_an_invisible_character_in_the_words_catalogue_is_named(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    line = replace(tmp_path / EN, "  reset: Reset this checklist", "  reset: Reset this\u200b checklist")
    with pytest.raises(DataError) as caught:
        load_words(tmp_path / "data", display_root=tmp_path)
    assert f"{EN}, line {line}, field checklist.reset: this text holds an invisible character, ZERO WIDTH SPACE" \
        in caught.value.report()


# ---- messages in an editor's words -------------------------------------------------------------------------

UNKNOWN_NAMES = [  # file, text replaced, replacement, field, words, never
    (EN, "checklist:\n", "Checklist:\n  x: y\nchecklist:\n", "Checklist", "Group names are lowercase letters",
     "Allowed fields here: ."),
    (EN, "  reset: Reset this checklist", "  reset: Reset this checklist\n  Copy-Link: x", "checklist.Copy-Link",
     "Names are lowercase letters (a-z) and underscores", "Allowed fields here: ."),
    ("data/checklists/police-long-term.yml", "summary:", "sumary: x\nsummary:", "sumary", "Did you mean 'summary'?",
     "True"),
    ("data/guidebook.yml", "version: 1", "version: 1\nyes: x", "yes", "YAML reads the field name yes as true",
     "unknown field 'True'"),
    (EN, "  reset: Reset this checklist", "  reset: Reset this checklist\n  off: x", "checklist.off",
     "YAML reads the field name off as false", "unknown field 'False'"),
]


@pytest.mark.parametrize("file, old, new, field, words, never", UNKNOWN_NAMES, ids=[c[3] for c in UNKNOWN_NAMES])
def test_an_unknown_name_is_explained(tmp_path, file, old, new, field, words, never):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    replace(tmp_path / file, old, new)
    problems = check_data(tmp_path / "data", tmp_path).problems
    named = [p for p in problems if (p.file, p.field) == (file, field)]
    assert named and words in named[0].message, problems
    assert not any(never in p.message for p in problems)



# ---- the build runs the same checks ----------------------------------------------------------------------

def test_the_build_stops_on_what_make_check_finds(tmp_path, monkeypatch):
    """macros.load_state (the build's first step) runs check_data: a word with a name the code does not
    fill stops it with the file, the line and the field, not a KeyError from theme.py."""
    import types

    from mkdocs.exceptions import PluginError

    import macros
    root = project(tmp_path)
    line = replace(root / EN, "  page_number: ", "  page_number: \"Page {page} of {total}\" # ")
    monkeypatch.setattr(macros, "DATA_DIR", root / "data")
    monkeypatch.setattr(macros, "ROOT", root)
    env = types.SimpleNamespace(conf={"theme": {"language": "en"}, "site_url": "https://example.org/guidebook/"})
    with pytest.raises(PluginError) as caught:
        macros.load_state(env)
    assert f"{EN}, line {line}, field print.page_number: {{total}} is not filled in here" in str(caught.value)


# ---- a handover link's problems are said of a link ---------------------------------------------------------

HANDOVER = ROOT / "overrides" / "assets" / "javascripts" / "guidebook"
HANDOVER_PROBLEMS = [  # what transfer.js finds in the contents -> what the reader of a handover link sees
    ("import.foreign", {}, "handover.damaged"),
    ("import.damaged", {}, "handover.damaged"),
    ("import.newer", {}, "handover.newer"),
    ("import.too_many", {"count": 20001}, "handover.too_many"),
    ("import.something_new", {}, "handover.damaged"),
]


def handover_words(problems: list[tuple[str, dict]]) -> list[list]:
    """handover.js handoverProblem() of each (key, values), run in Node (the page's globals stubbed)."""
    import json
    import subprocess
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node is not installed")
    script = f"""
globalThis.addEventListener = () => {{}};
globalThis.document = {{ addEventListener() {{}}, documentElement: {{}}, querySelector() {{ return null; }} }};
const {{ handoverProblem }} = await import({json.dumps((HANDOVER / "handover.js").as_uri())});
const {{ ImportProblem }} = await import({json.dumps((HANDOVER / "transfer.js").as_uri())});
const said = {json.dumps(problems)}.map(([key, values]) => handoverProblem(new ImportProblem(key, values)));
console.log(JSON.stringify(said.map((p) => [p.message, p.values])));
"""
    result = subprocess.run([node, "--input-type=module", "-e", script], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_a_handover_links_problems_never_speak_of_a_progress_file():
    words = load_words(ROOT / "data")
    said = handover_words([(key, values) for key, values, _ in HANDOVER_PROBLEMS])
    assert [key for key, _ in said] == [expected for _, _, expected in HANDOVER_PROBLEMS]
    for (key, values), (_, given, _) in zip(said, HANDOVER_PROBLEMS, strict=True):
        assert values == given
        text = words.text(key, **values)
        assert "file" not in text and "{" not in text, text


def test_quotes_and_escapes_inside_a_call_do_not_end_it():
    uses = Uses()
    _script_uses('say("a.b", { text: "a \\" ) }", count })', uses)
    assert filled("a.b", uses) == {"text", "count"}


def test_a_catalogue_not_named_after_a_language_is_named(tmp_path):
    shutil.copytree(ROOT / "data", tmp_path / "data")
    (tmp_path / "data/messages/notes.yml").write_text("a:\n  b: c\n", encoding="utf-8")
    problems = check_data(tmp_path / "data", tmp_path).problems
    assert [(p.file, p.message[:39]) for p in problems] == [
        ("data/messages/notes.yml", "'notes' is not a language code such as ")]


def test_pull_requests_run_make_check():
    workflow = yaml.safe_load((ROOT / ".github/workflows/check.yml").read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML reads the key `on` as true
    assert "pull_request" in triggers
    steps = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert "make check" in steps
