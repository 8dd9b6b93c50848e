"""The browser logic of the service worker's page side and of storage that lasts (guidebook/offline-worker.js,
keep.js), with Node's own test runner: tests/unit/js/offline.test.mjs."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.support import ROOT

TESTS = ROOT / "tests" / "unit" / "js" / "offline.test.mjs"


def test_offline_logic_in_node():
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node is not installed")
    result = subprocess.run([node, "--test", str(TESTS)], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout and "# pass 6" in result.stdout
