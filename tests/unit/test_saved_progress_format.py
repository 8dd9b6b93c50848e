"""The tests' and benchmarks' saved progress (tools/saved_progress.py) is the page script's own: the same
localStorage key and format version as saved.js."""
from __future__ import annotations

import json
import re

from macros.assets import ROOT
from tools.saved_progress import KEY, RESTORE_MEASURE, VERSION, store_script, stored

SAVED_JS = ROOT / "overrides" / "assets" / "javascripts" / "guidebook" / "saved.js"


def test_key_and_version_are_saved_js_ones():
    source = SAVED_JS.read_text(encoding="utf-8")
    assert re.search(r'^export const KEY = "([^"]+)";$', source, re.M)[1] == KEY
    assert int(re.search(r"^export const VERSION = (\d+);$", source, re.M)[1]) == VERSION


def test_stored_progress_has_every_field_of_the_format():
    checks = {"a-checklist": {"an-item": {"at": "2026-11-20T08:00:00.000Z"}}}
    assert json.loads(stored(checks)) == {"version": VERSION, "checks": checks, "log": [], "incident": None, "archive": []}


def test_the_store_script_gives_the_text_back_as_a_javascript_string():
    text = stored({"x": {"y": {"at": "</script>\"'\\ \u2028"}}})
    script = store_script(text)
    start = f"localStorage.setItem({json.dumps(KEY)}, "
    assert script.startswith(start) and script.endswith(")")
    assert json.loads(script[len(start):-1]) == text


def test_the_restore_measure_is_the_scripts_own():
    script = (ROOT / "overrides" / "assets" / "javascripts" / "guidebook.js").read_text(encoding="utf-8")
    assert f'performance.measure("{RESTORE_MEASURE}", ' in script


def test_the_checklists_inline_script_reads_the_saved_progress_where_saved_js_keeps_it():
    """gb-checklist.html's inline script keeps the space of the saved checks' record lines from the first
    paint (issue 34): it must read the key and the format (checks by checklist, then item) of saved.js."""
    template = (ROOT / "macros" / "guidebook" / "templates" / "gb-checklist.html").read_text(encoding="utf-8")
    script = re.search(r"<script>(.*?)</script>", template, re.S)[1]
    assert f"localStorage.getItem({json.dumps(KEY)})" in script
    assert VERSION == 3 and ".checks[checklist]" in script  # format 3: checks -> checklist id -> item id
