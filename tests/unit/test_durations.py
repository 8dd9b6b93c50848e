"""Durations as people say them (overrides/.../duration.js), run in Node with the catalogue's words."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.support import ROOT, catalogue, word

MODULE = ROOT / "overrides" / "assets" / "javascripts" / "guidebook" / "duration.js"
MINUTE = 60_000


def spoken(*durations_ms: int) -> list[str]:
    words = catalogue().for_script()
    script = f"""
import {{ duration }} from {json.dumps(MODULE.as_uri())};
const words = {json.dumps(words)};
const say = (key, values = {{}}) => words[key].replace(/\\{{(\\w+)\\}}/g, (m, name) => String(values[name]));
console.log(JSON.stringify({json.dumps(list(durations_ms))}.map((ms) => duration(ms, say))));
"""
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node is not installed")
    result = subprocess.run([node, "--input-type=module", "-e", script], capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


def test_durations_read_as_people_say_them():
    forty_minutes, thirty_hours, six_days = 40 * MINUTE, 30 * 60 * MINUTE, 6 * 24 * 60 * MINUTE
    assert spoken(forty_minutes, thirty_hours, six_days) == [
        word("duration.minutes", count=40), word("duration.hours", count=30), word("duration.days", count=6)]
    assert spoken(forty_minutes, thirty_hours, six_days) == ["40 minutes", "30 hours", "6 days"]


def test_mixed_units_and_singulars():
    hour = 60 * MINUTE
    assert spoken(137 * hour + 59 * MINUTE, 2 * hour + 10 * MINUTE, 1 * MINUTE, hour, 24 * hour, 49 * hour) == [
        "5 days 18 hours", "2 hours 10 minutes", "1 minute", "1 hour", "24 hours", "2 days 1 hour"]
    assert spoken(0, 29_000, -5 * MINUTE) == [word("duration.under_minute")] * 3
    assert spoken(0) == ["less than a minute"]
