"""The README's nginx and Apache examples against the files a build writes: every file with a hash in its
name is cached for a year (immutable), nothing else is, and pages, folder addresses, the search index, the
PDF packets, the web app manifest and the service worker are checked every time (no-cache).

The rules are read from the README's code blocks and applied as the servers do (tools/server_rules.py).
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tools.server_rules import PREFIX, Apache, Nginx

IMMUTABLE = "public, max-age=31536000, immutable"
NO_CACHE = "no-cache"
# Material and our build put a hash in the name of every script and stylesheet they write under assets/,
# except Material's lunr language files (named by language, no hash).
HASHED_FOLDERS = ("assets/javascripts/", "assets/stylesheets/")
UNHASHED_FOLDERS = ("assets/javascripts/lunr/",)
ALWAYS_CHECKED = re.compile(r"(\.(html|json|pdf|webmanifest)|^sw\.js)$")


@pytest.fixture(scope="module")
def site_files(site) -> list[str]:
    return sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())


def is_hashed(path: str) -> bool:
    return path.startswith(HASHED_FOLDERS) and not path.startswith(UNHASHED_FOLDERS)


def test_the_build_writes_hashed_files_of_every_kind(site_files):
    """The naming rules the README's patterns must match: ours (10 lower-case hex digits), esbuild's
    (8 upper-case letters and digits) and Material's (8 lower-case hex digits, often before .min)."""
    hashed = [Path(path).name for path in site_files if is_hashed(path)]
    assert any(re.fullmatch(r"guidebook\.[0-9A-Z]{8}\.js", name) for name in hashed), "esbuild's entry script"
    assert any(re.fullmatch(r"chunk\.[0-9A-Z]{8}\.js", name) for name in hashed), "esbuild's chunks"
    assert any(re.fullmatch(r"guidebook\.[0-9a-f]{10}\.css", name) for name in hashed), "our stylesheet"
    assert any(re.fullmatch(r"bundle\.[0-9a-f]{8}\.min\.js", name) for name in hashed), "Material's script"
    assert any(re.fullmatch(r"bar-panels\.[0-9a-f]{10}\.js", name) for name in hashed), "the incident bar's panels"


@pytest.mark.parametrize("server", ["nginx", "apache"])
def test_every_hashed_file_is_cached_for_a_year_and_nothing_else(site_files, server):
    rules = Nginx.from_readme() if server == "nginx" else Apache.from_readme()

    def header(path: str) -> str | None:
        url = PREFIX + path
        return rules.header(url) if isinstance(rules, Nginx) else rules.header(url, Path(path).name)

    not_immutable = [path for path in site_files if is_hashed(path) and header(path) != IMMUTABLE]
    assert not_immutable == [], f"{server}: hashed files that browsers would check again on every visit"
    immutable = [path for path in site_files if not is_hashed(path) and header(path) == IMMUTABLE]
    assert immutable == [], f"{server}: files without a hash cached for a year (an old edition would stay)"
    checked = [path for path in site_files if ALWAYS_CHECKED.search(Path(path).name)]
    assert "sw.js" in checked and "manifest.webmanifest" in checked and any(p.endswith(".pdf") for p in checked)
    unchecked = [path for path in checked if header(path) != NO_CACHE]
    assert unchecked == [], f"{server}: pages, index, packets, manifest or service worker not checked every time"


@pytest.mark.parametrize("server", ["nginx", "apache"])
def test_folder_addresses_are_checked_every_time(site_files, server):
    """/cares/guidebook/police/ is answered with police/index.html: it gets no-cache like the file."""
    folders = [PREFIX + path.removesuffix("index.html") for path in site_files if path.endswith("index.html")]
    assert PREFIX in folders and len(folders) > 10
    if server == "nginx":
        rules = Nginx.from_readme()
        wrong = [url for url in folders if rules.header(url) != NO_CACHE]
    else:
        apache = Apache.from_readme()
        wrong = [url for url in folders if apache.header(url, served_file="") != NO_CACHE]
    assert wrong == [], f"{server}: folder addresses without Cache-Control: no-cache"
