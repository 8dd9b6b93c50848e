"""The unit tests of the page script's modules (tests/js/*.test.mjs), run with Node's own test runner
(`node --test`, no framework) in the fast layer. This test fails when one of them fails; it is skipped
only on a machine without Node (Node 20 is on every machine of this project)."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import material
import pytest

from tests.support import ROOT, catalogue

TESTS = ROOT / "tests" / "js"
MINIMUM = 130  # the unit tests there are at least this many: a file that stops being found fails here


def material_workers() -> Path:
    """The installed Material's search worker folder (our search worker's contract test loads it)."""
    return Path(material.__file__).parent / "templates" / "assets" / "javascripts" / "workers"


def run_node_tests() -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    if node is None:
        pytest.skip("Node is not installed")
    files = sorted(str(path) for path in TESTS.glob("*.test.mjs"))
    env = {**os.environ, "GB_WORDS": json.dumps(catalogue().for_script()), "GB_MATERIAL_WORKERS": str(material_workers())}
    # The modules are ES modules in a folder whose package.json says no "type": Node reads them as such
    # (module syntax detection) and warns once per file; the warning says nothing about the tests.
    command = [node, "--disable-warning=MODULE_TYPELESS_PACKAGE_JSON", "--test", "--test-reporter=tap", *files]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)


def test_the_script_modules_pass_their_unit_tests():
    result = run_node_tests()
    failures = "\n".join(line for line in result.stdout.splitlines() if line.lstrip().startswith("not ok"))
    assert result.returncode == 0, f"node --test failed:\n{failures}\n\n{result.stdout[-6000:]}\n{result.stderr[-2000:]}"
    passed = int(re.search(r"^# pass (\d+)$", result.stdout, flags=re.M).group(1))
    assert passed >= MINIMUM, f"only {passed} unit tests of the script ran (at least {MINIMUM} expected)"
