"""Every kind of bad data stops the build with a message naming the file, the line and the field.

Each folder under fixtures/bad-data/ is one case: `overlay/` holds files laid
over a copy of the project, `expect.txt` the lines the error message must hold.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import build, copy_project

CASES = sorted(p for p in (Path(__file__).parent / "fixtures" / "bad-data").iterdir() if p.is_dir())


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_data_stops_the_build_with_a_clear_message(case, tmp_path):
    project = copy_project(tmp_path / "project", overlay=case / "overlay")
    result = build(project, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0, f"the build should have failed:\n{log}"
    assert "Traceback" not in log, f"an editor should see a message, not a traceback:\n{log}"
    for expected in (case / "expect.txt").read_text(encoding="utf-8").splitlines():
        if expected.strip():
            assert expected in log, f"message lacks {expected!r}:\n{log}"
    assert not (tmp_path / "site" / "index.html").exists()


def test_one_message_lists_every_problem(tmp_path):
    """Two bad files: both are reported in one run, so an editor fixes them in one go."""
    fixtures = Path(__file__).parent / "fixtures" / "bad-data"
    project = copy_project(tmp_path / "project", overlay=fixtures / "unknown-phase" / "overlay")
    extra = project / "data" / "checklists" / "fixture-extra.yml"
    extra.write_text((fixtures / "wrong-type" / "overlay" / "data" / "checklists" / "fixture.yml")
                     .read_text().replace("fixture-checklist", "fixture-extra").replace("fixture-item-one", "fixture-item-x"))
    (project / "docs" / "fixture-extra.md").write_text('{{ checklist("fixture-extra") }}\n')
    result = build(project, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "data/checklists/fixture.yml, line 7, field phase" in log
    assert "data/checklists/fixture-extra.yml, line 4, field order" in log
    assert "2 problems" in log
