"""shift.js (the bar's open count and next window, the shift summary, the calendar file) under Node's own
test runner: tests/unit/js/shift.test.mjs."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

TESTS = Path(__file__).parent / "js"


def test_shift_js_under_node_test():
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed")
    result = subprocess.run([node, "--test", str(TESTS / "shift.test.mjs")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "# pass 7" in result.stdout
