"""Saved progress as the page script keeps it in localStorage (saved.js: its key and format version 3),
for the tests and benchmarks that open a page with progress already saved. tests/unit/test_saved_progress_format.py
checks that the key and version here are saved.js's."""
from __future__ import annotations

import json
from collections.abc import Iterable

KEY = "ccm-guidebook.progress"
VERSION = 3


def stored(checks: dict, log: Iterable = (), incident: dict | None = None, archive: Iterable = ()) -> str:
    """The progress as saved.js stores it. `checks`: checklist id -> item id -> {"at", and "who", "note"
    if given}; `log`: undone checks; `incident`: {"start", "name", "roles"}; `archive`: past incidents."""
    return json.dumps({"version": VERSION, "checks": checks, "log": list(log), "incident": incident,
                       "archive": list(archive)})


def store_script(text: str) -> str:
    """A page init script that saves `text` as the progress before the page's own scripts run."""
    return f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(text)})"
