"""Progress saved under a renamed item's former id counts for the item (saved.js renameItems), run in Node."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.support import ROOT

MODULE = ROOT / "overrides" / "assets" / "javascripts" / "guidebook" / "saved.js"
AT, LATER = "2026-11-20T08:00:00.000Z", "2026-11-20T09:00:00.000Z"


def renamed(saved: dict, renames: dict) -> dict:
    """The saved progress (format version 3) read by saved.js, renamed, and serialized again."""
    script = f"""
import {{ readSaved, renameItems, serialize }} from {json.dumps(MODULE.as_uri())};
const {{ progress }} = readSaved({json.dumps(json.dumps(saved))}, {{ now: Date.parse("2026-12-01T00:00:00Z") }});
console.log(serialize(renameItems(progress, {json.dumps(renames)})));
"""
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node is not installed")
    result = subprocess.run([node, "--input-type=module", "-e", script], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def saved(checks: dict, log: list | None = None, archive: list | None = None) -> dict:
    return {"version": 3, "checks": checks, "log": log or [], "incident": None, "archive": archive or []}


def test_a_check_under_the_old_id_moves_to_the_new_one_with_its_who_and_note():
    check = {"at": AT, "who": "Sam", "note": "called the chief"}
    result = renamed(saved({"list": {"old": check, "other": {"at": AT}}}), {"old": "new"})
    assert result["checks"] == {"list": {"other": {"at": AT}, "new": check}}


def test_when_both_ids_hold_a_check_both_are_kept():
    result = renamed(saved({"list": {"old": {"at": AT}, "new": {"at": LATER}}}), {"old": "new"})
    assert result["checks"] == {"list": {"old": {"at": AT}, "new": {"at": LATER}}}


def test_the_log_and_past_incidents_follow_the_rename():
    entry = {"checklist": "list", "item": "old", "at": AT, "undone": LATER}
    past = {"archived": LATER, "incident": None, "checks": {"list": {"old": {"at": AT}}}, "log": [entry]}
    result = renamed(saved({}, [entry], [past]), {"old": "new"})
    assert result["log"][0]["item"] == "new"
    assert result["archive"][0]["checks"] == {"list": {"new": {"at": AT}}}
    assert result["archive"][0]["log"][0]["item"] == "new"


def test_without_renames_nothing_changes():
    progress = saved({"list": {"old": {"at": AT}}})
    assert renamed(progress, {}) == progress
    assert renamed(progress, {"toString": "x"})["checks"] == {"list": {"old": {"at": AT}}}
