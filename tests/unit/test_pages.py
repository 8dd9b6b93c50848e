"""Page links: from one built page to another, with and without directory URLs."""
import pytest

from macros.guidebook.pages import page_url, relative_url


@pytest.mark.parametrize("page, directory, expected", [
    ("index.md", True, ""),
    ("police/long-term.md", True, "police/long-term/"),
    ("police/index.md", True, "police/"),
    ("police/long-term.md", False, "police/long-term.html"),
    ("index.md", False, "index.html"),
])
def test_page_url(page, directory, expected):
    assert page_url(page, directory) == expected


@pytest.mark.parametrize("here, there, directory, expected", [
    ("police/within-24-hours.md", "police/long-term.md", True, "../long-term/"),
    ("index.md", "police/long-term.md", True, "police/long-term/"),
    ("police/long-term.md", "index.md", True, "../../"),
    ("police/long-term.md", "municipal/crisis-response.md", True, "../../municipal/crisis-response/"),
    ("police/within-24-hours.md", "police/long-term.md", False, "long-term.html"),
    ("police/long-term.md", "index.md", False, "../index.html"),
    ("index.md", "index.md", True, "./"),
])
def test_relative_url(here, there, directory, expected):
    assert relative_url(here, there, directory) == expected
