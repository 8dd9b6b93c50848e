"""Every kind of bad data stops the build with a message naming the file, the line and the field.

Each folder under fixtures/bad-data/ is one case: `overlay/` holds files laid
over a copy of the project, `expect.txt` the lines the error message must hold.
The cases run in-process through the same checks the build makes (tests.support.data_problems);
a few run the real `mkdocs build` too, to prove that MkDocs stops and prints the message.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import build, copy_content, copy_project, data_problems

FIXTURES = Path(__file__).parent / "fixtures" / "bad-data"
CASES = sorted(p for p in FIXTURES.iterdir() if p.is_dir())
BUILD_SAMPLES = ["wrong-type", "duplicate-address", "unknown-checklist-page", "reserved-address"]


def expected_lines(case: Path) -> list[str]:
    return [line for line in (case / "expect.txt").read_text(encoding="utf-8").splitlines() if line.strip()]


def assert_reported(case: Path, log: str) -> None:
    for expected in expected_lines(case):
        assert expected in log, f"message lacks {expected!r}:\n{log}"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_bad_data_is_reported_with_file_line_and_field(case, tmp_path):
    project = copy_content(tmp_path / "project", overlay=case / "overlay")
    report = data_problems(project)
    assert report.startswith("The guidebook data has "), f"the data should have been refused:\n{report}"
    assert_reported(case, report)


@pytest.mark.build
@pytest.mark.parametrize("name", BUILD_SAMPLES)
def test_bad_data_stops_the_real_build_with_a_clear_message(name, tmp_path):
    case = FIXTURES / name
    project = copy_project(tmp_path / "project", overlay=case / "overlay")
    result = build(project, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0, f"the build should have failed:\n{log}"
    assert "Traceback" not in log, f"an editor should see a message, not a traceback:\n{log}"
    assert_reported(case, log)
    assert not (tmp_path / "site" / "index.html").exists()


def test_the_real_data_has_no_problem(tmp_path):
    """The in-process check accepts the project as it is: the cases above fail because of their overlay."""
    assert data_problems(copy_content(tmp_path / "project")) == ""


def test_one_message_lists_every_problem(tmp_path):
    """Two bad files: both are reported in one run, so an editor fixes them in one go."""
    project = copy_content(tmp_path / "project", overlay=FIXTURES / "unknown-phase" / "overlay")
    extra = project / "data" / "checklists" / "fixture-extra.yml"
    extra.write_text((FIXTURES / "wrong-type" / "overlay" / "data" / "checklists" / "fixture.yml")
                     .read_text().replace("fixture-checklist", "fixture-extra").replace("fixture-item-one", "fixture-item-x")
                     .replace("address: fixture/fixture/", "address: fixture/extra/"))
    report = data_problems(project)
    assert "data/checklists/fixture.yml, line 7, field phase" in report
    assert "data/checklists/fixture-extra.yml, line 4, field order" in report
    assert "2 problems" in report
