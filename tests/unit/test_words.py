"""The interface words: one catalogue per language, checked like the rest of data/, and no reader-visible
word anywhere else in the script or the stylesheets."""
import json
import re
import shutil

import pytest

from macros.guidebook import DataError
from macros.guidebook.messages import SCRIPT_GROUPS, ScriptNames, load_words
from macros.theme import css_content, css_string, script_json
from tests.support import ROOT, catalogue

SCRIPTS = sorted((ROOT / "overrides" / "assets" / "javascripts").rglob("*.js"))
STYLESHEETS = sorted((ROOT / "overrides" / "assets" / "stylesheets").glob("*.css"))


def test_the_english_catalogue_is_valid_and_complete():
    words = catalogue()
    assert words.text("count.done", done=1, total=3) == "1 of 3 checked"
    assert words.date(__import__("datetime").date(2022, 6, 22)) == "June 22, 2022"
    assert all(key.split(".")[0] in SCRIPT_GROUPS for key in words.for_script())


def test_t_escapes_the_words_and_the_values():
    words = catalogue()
    assert str(words("checklist.about", title="<b>x</b>")) == "About this checklist: &lt;b&gt;x&lt;/b&gt;"


def _copy_data(tmp_path, language, text):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    (data / "messages" / f"{language}.yml").write_text(text, encoding="utf-8")
    return data


@pytest.mark.parametrize("text, message", [
    ("count:\n  done: 12\n", "this should be text"),
    ("count:\n  done: '{done} of {total}'\n  dnoe: x\n", "unknown words 'count.dnoe'"),
    ("count:\n  done: '{done} of all'\n", "must use the names in braces {done}, {total}"),
])
def test_a_bad_catalogue_is_named(tmp_path, text, message):
    data = _copy_data(tmp_path, "de", text)
    with pytest.raises(DataError) as error:
        load_words(data, "de", display_root=tmp_path)
    assert "data/messages/de.yml" in error.value.report() and message in error.value.report()


def test_a_language_without_a_catalogue_is_named(tmp_path):
    with pytest.raises(DataError, match="there are no interface words for this language"):
        load_words(ROOT / "data", "fr", display_root=ROOT)


@pytest.mark.parametrize("language", ["../../etc/passwd", "", "english words"])
def test_a_language_setting_that_is_not_a_code_is_named(language):
    with pytest.raises(DataError, match="is not a language code"):
        load_words(ROOT / "data", language, display_root=ROOT)


def test_a_problem_names_the_line(tmp_path):
    data = _copy_data(tmp_path, "de", "count:\n  done: x\n  extra: y\n")
    with pytest.raises(DataError) as error:
        load_words(data, "de", display_root=tmp_path)
    assert "data/messages/de.yml, line 3, field count.extra: unknown words" in error.value.report()


def test_css_values_cannot_end_the_style_block():
    assert css_string('a"</style>') == '"a\\22 \\3c /style\\3e "'
    assert css_content("Page {page} of {pages}", {"page": "counter(page)", "pages": "counter(pages)"}) == \
        '"Page " counter(page) " of " counter(pages)'
    hostile = script_json({"k": "</script><script>alert(1)</script>' onmouseover='x' &amp;"})
    assert not set("<>&'") & set(hostile)
    assert json.loads(hostile) == {"k": "</script><script>alert(1)</script>' onmouseover='x' &amp;"}


def _code_strings(script: str) -> list[str]:
    """String and template literals of a script, comments left out."""
    script = re.sub(r"/\*.*?\*/", "", script, flags=re.S)
    script = re.sub(r"^\s*//.*$", "", script, flags=re.M)
    return re.findall(r'"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`', script)


# A string in the script is a key of the catalogue, a selector, an attribute, class or event name:
# none has a space or starts like a sentence, except these selectors and error names.
NOT_WORDS = {":scope > *", '[data-gb="print"] [data-print]', "SecurityError", "MissingHook"}


def reader_words(strings: list[str]) -> list[str]:
    strings = [re.sub(r"\$\{[^}]*\}", "", s) for s in strings]
    return [s for s in strings if s not in NOT_WORDS and re.search(r"[A-Za-z]{2,}", s)
            and (re.search(r"\s", s) or re.match(r"[A-Z][a-z]", s))]


def test_the_word_scan_finds_words():
    old_script = 'setText(el, done + " of " + total + " done"); x = "Printed " + date; y = "Done";'
    assert reader_words([a or b for a, b in _code_strings(old_script)]) == [" of ", " done", "Printed ", "Done"]


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda p: p.name)
def test_the_script_holds_no_words_a_reader_sees(path):
    strings = [a or b for a, b in _code_strings(path.read_text(encoding="utf-8"))]
    assert reader_words(strings) == [], f"{path.name}: words belong in data/messages/en.yml"


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda p: p.name)
def test_the_stylesheets_hold_no_words(path):
    css = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
    contents = re.findall(r"content:\s*([^;}]*)", css)
    strings = [a or b for c in contents for a, b in re.findall(r'"([^"]*)"|\'([^\']*)\'', c)]
    worded = [s for s in strings if re.search(r"[A-Za-z]{2,}", s)]
    assert worded == [], f"{path.name}: words belong in data/messages/en.yml"


# Which words each page and each module loaded later carries: tests/unit/test_script_words.py.


@pytest.mark.parametrize("source, shown, not_shown", [
    ('say("incident.done")', ["incident.done"], ["incident.title"]),
    ("throw new ImportProblem('import.foreign')", ["import.foreign"], ["import.more"]),
    ("say(`storage.${status.problem}`)", ["storage.full", "storage.what_check"], ["status.new"]),
    ("say(`duration.${unit}s`, {count})", ["duration.hours"], ["undo.undo"]),
    ("const text = 'a.b.c' + 'x'; // incident.title", [], ["incident.title"]),
])
def test_script_names_are_read_from_the_sources(source, shown, not_shown):
    names = ScriptNames([source])
    assert all(key in names for key in shown) and not any(key in names for key in not_shown)


def test_the_script_is_given_only_the_words_its_sources_name():
    words = catalogue()
    shown = words.for_script(ScriptNames([p.read_text() for p in SCRIPTS]))
    assert "incident.title" not in shown and "status.label" not in shown  # in the page's markup already
    assert "status.started" in shown and "storage.full" in shown and "duration.hours" in shown
    assert shown.keys() < words.for_script().keys()
