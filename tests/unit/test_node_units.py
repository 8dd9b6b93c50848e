"""The browser script's logic, tested in Node with its own runner (`node --test tests/js/`): merges that
never lose work, the handover link's checksum, imports that list a checklist twice, the CSV."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.support import ROOT


def test_node_unit_tests_pass():
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node is not installed")
    result = subprocess.run([node, "--test", "tests/js/"], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "# fail 0" in result.stdout
