"""No local address leaves the machine: a build without SITE_URL stops and says how to set it
(`mkdocs build`, `make build`, `make offline`), `make serve` runs without it, and a site built for a
public address names no local address in any page, feed, image, data file or PDF."""
from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from macros.guidebook.urls import MISSING_SITE_URL
from tests.support import ROOT, build
from tools.project import build_env

LOCAL = re.compile(r"127\.0\.0\.1|localhost|\[::1\]", re.IGNORECASE)
TEXT_FILES = {".html", ".xml", ".svg", ".json", ".js", ".txt", ".webmanifest"}


def file_text(path: Path) -> str:
    """What a reader gets from a file: its text, or for a PDF the text pdftotext reads (links included)."""
    if path.suffix == ".pdf":
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        return text + path.read_bytes().decode("latin-1")  # link annotations (/URI) are not in the text
    return path.read_text(encoding="utf-8", errors="replace")


def local_addresses(site: Path) -> list[str]:
    """'file: address' for every local address written into the site's HTML, XML, SVG, JSON, script or PDF."""
    found = []
    for path in sorted(p for p in site.rglob("*") if p.suffix in TEXT_FILES | {".pdf"}):
        found += [f"{path.relative_to(site)}: {m.group(0)}" for m in LOCAL.finditer(file_text(path))]
    return found


def without_site_url() -> dict:
    return {"SITE_URL": None}


def test_a_build_without_site_url_stops_and_says_how_to_set_it(tmp_path):
    site = tmp_path / "site"
    result = build(ROOT, site, without_site_url())
    assert result.returncode != 0
    assert MISSING_SITE_URL in result.stdout + result.stderr
    assert not site.exists() or local_addresses(site) == []


@pytest.mark.build  # runs make, which checks what is installed first
@pytest.mark.parametrize("target, folder", [("build", "SITE_DIR"), ("offline", "OFFLINE_DIR")])
def test_make_build_and_make_offline_refuse_without_site_url(tmp_path, target, folder):
    out = tmp_path / "out"
    result = subprocess.run(["make", "--no-print-directory", target, f"{folder}={out}",
                             f"OFFLINE_ZIP={tmp_path / 'guidebook-offline.zip'}"],
                            cwd=ROOT, capture_output=True, text=True, timeout=600, env=build_env(without_site_url()))
    assert result.returncode != 0
    assert MISSING_SITE_URL in result.stdout + result.stderr
    assert not out.exists() and not (tmp_path / "guidebook-offline.zip").exists()


def test_a_site_built_for_a_public_address_names_no_local_address(subpath_site):
    """Every QR code, 'Online:' line, PDF packet, canonical link, sitemap entry and snippet names SITE_URL."""
    assert list(subpath_site.rglob("*.pdf")), "the PDF packets are part of the check"
    assert local_addresses(subpath_site) == []


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.build  # `mkdocs serve` builds the site once more
def test_make_serve_runs_without_site_url():
    port = free_port()
    env = build_env(without_site_url())
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "--no-livereload",
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=ROOT, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            assert server.poll() is None, server.stderr.read() if server.stderr else "mkdocs serve stopped"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as page:
                    assert page.status == 200
                    assert "Responding to Racial Tension" in page.read().decode("utf-8")
                    return
            except OSError:
                time.sleep(1)
        pytest.fail("mkdocs serve did not answer")
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_readme_quotes_the_message_of_the_build():
    """The README's rule says what the build says: its first sentence and how to set SITE_URL, word for word."""
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    first, _, rest = MISSING_SITE_URL.partition(". ")
    how = rest[rest.index("Set it for the command"):]
    assert first + "." in readme and how in readme
