from __future__ import annotations

from pathlib import Path

import pytest

from macros.guidebook import load_guidebook
from tests.support import ROOT, build


@pytest.fixture(scope="session")
def guidebook():
    """The guidebook as the data in data/ defines it: the expected content of every test."""
    return load_guidebook(ROOT / "data", display_root=ROOT)


@pytest.fixture(scope="session")
def build_result(tmp_path_factory):
    site = tmp_path_factory.mktemp("site")
    return build(ROOT, site), site


@pytest.fixture(scope="session")
def site(build_result) -> Path:
    """The site built from this checkout with `mkdocs build --strict`."""
    result, site = build_result
    assert result.returncode == 0, f"the build failed:\n{result.stdout}\n{result.stderr}"
    return site
