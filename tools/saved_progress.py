"""Saved progress as the page script keeps it in localStorage (saved.js: its key and format version 3),
for the tests and benchmarks that open a page with progress already saved, and the measure the script
makes once it has shown that progress (guidebook.js). tests/unit/test_saved_progress_format.py
checks that the key, version and measure here are the script's."""
from __future__ import annotations

import json
from collections.abc import Iterable

KEY = "ccm-guidebook.progress"
VERSION = 3
RESTORE_MEASURE = "gb-progress-restore"  # performance.measure() from the script's start to the progress shown
RESTORED = f"performance.getEntriesByName({json.dumps(RESTORE_MEASURE)})"  # in the page: that measure, once made


def stored(checks: dict, log: Iterable = (), incident: dict | None = None, archive: Iterable = ()) -> str:
    """The progress as saved.js stores it. `checks`: checklist id -> item id -> {"at", and "who", "note"
    if given}; `log`: undone checks; `incident`: {"start", "name", "roles"}; `archive`: past incidents."""
    return json.dumps({"version": VERSION, "checks": checks, "log": list(log), "incident": incident,
                       "archive": list(archive)})


def store_script(text: str) -> str:
    """A page init script that saves `text` as the progress before the page's own scripts run."""
    return f"localStorage.setItem({json.dumps(KEY)}, {json.dumps(text)})"


SAVED = f"JSON.parse(localStorage.getItem({json.dumps(KEY)}) || 'null')"  # in the page: the saved progress, or null


def wait_for_saved(page, condition: str) -> None:
    """The saved progress meets `condition`, a JavaScript expression on it that follows `?.` (so that nothing
    saved yet reads as undefined): "incident?.start != null"."""
    from tools.browser import wait_until

    wait_until(page, f"{SAVED}?.{condition}")


def wait_for_progress(page) -> None:
    """The page's script has shown the saved progress: it starts after Material's, which can be after the
    page's load event, where Playwright's goto and reload return. (Not under Playwright's fake clock,
    whose `performance` keeps no entries.)"""
    from tools.browser import wait_until

    wait_until(page, f"{RESTORED}.length > 0")
