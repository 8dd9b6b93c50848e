"""Benchmark: saved progress on a page with 1,000 items, in Chromium.

Prints how long restoring the saved state and checking one item take, and the
size of the script. A benchmark, not a test: these machines are shared and
noisy, so it prints figures and never fails on them.

    .venv/bin/python bench/progress.py [--items 1000] [--runs 5]
"""
from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from macros.assets import served_assets
from tools.browser import launch_chromium
from tools.project import build, copy_project
from tools.saved_progress import RESTORED, store_script, stored, wait_for_progress
from tools.server import serve


def synthetic_project(root: Path, items: int) -> Path:
    """The guidebook plus a police checklist of `items` items at bench/. The schema caps a checklist
    at 500 items (a guard against hostile data); this copy of it lifts the cap for the benchmark."""
    project = copy_project(root / "project")
    schema = project / "data" / "schema" / "checklist.schema.json"
    schema.write_text(schema.read_text().replace('"maxItems": 500', f'"maxItems": {max(items, 500)}'))
    lines = ["id: bench-checklist", "address: bench/", "title: Benchmark checklist", "part: part-2-police-officials", "order: 99",
             "source: doj-crs-checklist", "audiences: [police-official]", "summary: Synthetic items.", "items:"]
    for n in range(items):
        lines += [f"  - id: bench-item-{n}", f"    text: Synthetic item number {n} with a few words of text."]
    (project / "data" / "checklists" / "bench.yml").write_text("\n".join(lines) + "\n")
    return project


def arguments(description: str) -> argparse.Namespace:
    """--items (1,000) and --runs (5), the options of the benchmarks on the synthetic checklist."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    return parser.parse_args()


def build_synthetic(root: Path, items: int) -> Path:
    """Build the synthetic project (synthetic_project) into root/site, or stop with the build's output;
    returns the project."""
    project = synthetic_project(root, items)
    result = build(project, root / "site")
    if result.returncode != 0:
        sys.exit(result.stdout + result.stderr)
    return project


def main() -> None:
    args = arguments(__doc__.splitlines()[0])

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        build_synthetic(root, args.items)
        script = served_assets(root / "site")[0].read_bytes()  # guidebook.<hash>.js
        server, url = serve(root / "site")
        saved = stored({"bench-checklist": {f"bench-item-{n}": {"at": "2026-01-01T00:00:00Z"}
                                            for n in range(0, args.items, 2)}})
        restore, check = [], []
        with sync_playwright() as p:
            browser = launch_chromium(p)
            for _ in range(args.runs):
                context = browser.new_context()
                context.add_init_script(store_script(saved))
                page = context.new_page()
                page.goto(url + "bench/")
                wait_for_progress(page)
                restore.append(page.evaluate(f"{RESTORED}[0].duration"))
                check.append(page.evaluate("""() => {
                    const box = document.getElementById('check-bench-item-1');
                    const start = performance.now();
                    box.click();
                    return performance.now() - start;
                }"""))
                assert page.locator("#check-bench-item-1").is_checked()
                context.close()
            browser.close()
        server.shutdown()

    print(f"items on the page:                  {args.items} ({args.items // 2} checked before load)")
    all_restore = ", ".join(f"{x:.1f}" for x in restore)
    print(f"restore saved state (median of {args.runs}): {statistics.median(restore):7.1f} ms  (all: {all_restore})")
    all_check = ", ".join(f"{x:.1f}" for x in check)
    print(f"check one item and save (median):    {statistics.median(check):7.1f} ms  (all: {all_check})")
    gzipped = len(gzip.compress(script, 9))
    print(f"guidebook.js as served:             {len(script):6d} bytes, {gzipped:5d} bytes gzipped "
          "(for information: the budget is on all our own CSS and JS a page loads, make budget)")


if __name__ == "__main__":
    main()
