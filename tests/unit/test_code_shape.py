"""Code written for reading: no function in macros/ is longer than 60 lines."""
from __future__ import annotations

import ast

from tests.support import ROOT

LIMIT = 60


def long_functions() -> dict[str, int]:
    found = {}
    for path in sorted((ROOT / "macros").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > LIMIT:
                    found[f"{path.relative_to(ROOT).as_posix()}:{node.name}"] = length
    return found


def test_no_function_in_macros_is_over_60_lines():
    assert long_functions() == {}


def test_the_check_can_fail(tmp_path, monkeypatch):
    package = tmp_path / "macros"
    package.mkdir()
    (package / "long.py").write_text("def f():\n" + "    x = 1\n" * LIMIT, encoding="utf-8")
    monkeypatch.setattr("tests.unit.test_code_shape.ROOT", tmp_path)
    assert long_functions() == {"macros/long.py:f": LIMIT + 1}
