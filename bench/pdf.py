"""Benchmark: the PDF packet. Prints its pages and size (Letter and A4), the time WeasyPrint
takes to make each, and what the PDFs add to a whole `mkdocs build`, each against a budget.

A benchmark, not a test: these machines are shared and noisy, so it prints figures and a
verdict and never fails on them. The page limit is also a test (tests/test_pdf.py).

    .venv/bin/python bench/pdf.py [--runs 3]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from macros.guidebook import load_guidebook  # noqa: E402
from macros.guidebook.pdf import PAPERS, packet_html, render_pdf  # noqa: E402
from macros.guidebook.urls import public_url  # noqa: E402

BUDGET = {"pages": 8, "kilobytes": 250, "added_build_cpu_seconds": 5.0}  # pages: the one packet on paper (issue 30)
SITE_URL = "https://example.org/cares/guidebook/"


def make_once(paper: str) -> tuple[int, int, float]:
    """(pages, KB, CPU seconds) of one PDF made from the data."""
    book = load_guidebook(ROOT / "data", display_root=ROOT)
    started = time.process_time()
    pdf = render_pdf(packet_html(book, {c.id: public_url(SITE_URL, c.address) for c in book.checklists}, SITE_URL, paper), paper)
    return pdf.pages, pdf.kilobytes, time.process_time() - started


def build_cpu_seconds(skip: bool) -> float:
    """CPU time (user + system) of one `mkdocs build` of this checkout, with or without the PDFs."""
    env = {"SITE_URL": SITE_URL, **os.environ, "NO_MKDOCS_2_WARNING": "1", "GUIDEBOOK_PDF": "skip" if skip else "build"}
    with tempfile.TemporaryDirectory() as site:
        before = os.times()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", site],
                       cwd=ROOT, env=env, check=True)
        after = os.times()
    return (after.children_user - before.children_user) + (after.children_system - before.children_system)


def verdict(ok: bool) -> str:
    return "within budget" if ok else "OVER BUDGET"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    for paper in PAPERS:
        results = [make_once(paper) for _ in range(runs)]
        pages, kilobytes = results[0][0], results[0][1]
        seconds = statistics.median(r[2] for r in results)
        ok = pages <= BUDGET["pages"] and kilobytes <= BUDGET["kilobytes"]
        print(f"{paper:>6}: {pages} pages (budget {BUDGET['pages']}), {kilobytes} KB (budget {BUDGET['kilobytes']}), "
              f"made in {seconds:.2f} s CPU (median of {runs}): {verdict(ok)}")
    without = statistics.median(build_cpu_seconds(skip=True) for _ in range(runs))
    with_pdf = statistics.median(build_cpu_seconds(skip=False) for _ in range(runs))
    added = with_pdf - without
    print(f"mkdocs build: {without:.2f} s CPU without the PDFs, {with_pdf:.2f} s with them: +{added:.2f} s "
          f"(budget +{BUDGET['added_build_cpu_seconds']:.1f} s): {verdict(added <= BUDGET['added_build_cpu_seconds'])}")


if __name__ == "__main__":
    main()
