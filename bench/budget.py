"""Check the performance budget in bench/budget.json and print every figure.

A benchmark, not a test: these machines are shared and noisy, so it prints
the figures and whether each is within budget, and always exits 0 unless it
cannot measure at all.

    make budget        (or: .venv/bin/python bench/budget.py [--skip-lighthouse] [--skip-scale])

Lighthouse comes from npm (bench/package.json, installed with `npm ci`) and
drives Debian's /usr/bin/chromium through CHROME_PATH; it never downloads a
browser.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from gzip_server import serve_gzip  # noqa: E402
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.support import ROOT, build, copy_project  # noqa: E402
from macros.assets import served_assets  # noqa: E402



def row(name: str, value: str, verdict: str | None = None) -> None:
    mark = "" if verdict is None else ("  within budget" if verdict == "yes" else f"  OVER BUDGET ({verdict})")
    print(f"{name:<58} {value:>16}{mark}")


def timed_build(project: Path, site: Path) -> float:
    start = time.perf_counter()
    result = build(project, site)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"build of {project} failed:\n{result.stdout}{result.stderr}")
    return elapsed


def scaled_project(root: Path, scale: int) -> Path:
    """A copy of the project with every checklist repeated `scale` times under new ids."""
    project = copy_project(root / "project")
    checklists = sorted((project / "data" / "checklists").glob("*.yml"))
    calls = {p.read_text().split('checklist("')[1].split('"')[0]: p
             for p in (project / "docs").rglob("*.md") if 'checklist("' in p.read_text()}
    for n in range(1, scale):
        for path in checklists:
            text = path.read_text()
            ident = re.search(r"^id: (\S+)", text, re.M).group(1)
            copy = re.sub(r"^(\s*(?:- )?id: )(\S+)", lambda m: f"{m.group(1)}{m.group(2)}-x{n}", text, flags=re.M)
            (path.parent / f"{path.stem}-x{n}.yml").write_text(copy)
            page = calls[ident]
            (page.parent / f"{page.stem}-x{n}.md").write_text(f'{{{{ checklist("{ident}-x{n}") }}}}\n')
    return project


def first_load_bytes(server, url: str) -> tuple[int, list[tuple[str, int]]]:
    """Bytes the server sent (headers and gzip bodies) while Chromium loaded `url` with an empty cache."""
    from playwright.sync_api import sync_playwright

    server.transfers.clear()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_context().new_page()
        page.goto(url)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        browser.close()
    sizes = list(server.transfers)
    return sum(n for _, n in sizes), sizes


def lighthouse(url: str) -> dict[str, float] | None:
    binary = BENCH / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        print("installing Lighthouse from bench/package-lock.json (npm ci) ...")
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=BENCH, check=True,
                       capture_output=True)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        flags = " ".join(["--headless=new"] + CHROMIUM_ARGS)
        result = subprocess.run(
            [str(binary), url, "--quiet", "--output=json", f"--output-path={out}", f"--chrome-flags={flags}",
             "--only-categories=performance,accessibility,best-practices,seo", "--form-factor=mobile"],
            env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=300)
        if result.returncode != 0 or not out.exists():
            print(result.stderr[-2000:])
            return None
        report = json.loads(out.read_text())
    scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
    for cat in report["categories"].values():
        for ref in cat["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight") and audit.get("score") is not None and audit["score"] < 1:
                print(f"    lighthouse {cat['id']}: {ref['id']} scored {audit['score']:.2f} {audit.get('displayValue', '')}")
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description="Check the performance budget.")
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument("--skip-scale", action="store_true")
    args = parser.parse_args()
    budget = json.loads((BENCH / "budget.json").read_text())

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        seconds = timed_build(ROOT, tmp / "site")
        site = tmp / "site"

        print("Performance budget (bench/budget.json)")
        own_assets = served_assets(site)  # guidebook.<hash>.js and .css
        own = sum(len(gzip.compress(a.read_bytes(), 9)) for a in own_assets)
        limit = budget["own_css_js_gzip_bytes"]["max"]
        for asset in own_assets:
            row(f"  {asset.relative_to(site).as_posix()} (gzip)", f"{len(gzip.compress(asset.read_bytes(), 9))} B")
        row("own CSS and JavaScript together (gzip)", f"{own} B / {limit} B", "yes" if own <= limit else f"{own - limit} B over")

        server, url = serve_gzip(site)
        page = budget["first_load_gzip_bytes"]["page"]
        total, sizes = first_load_bytes(server, url + page)
        limit = budget["first_load_gzip_bytes"]["max"]
        for name, size in sorted(sizes, key=lambda x: -x[1]):
            row(f"  {name}", f"{size} B")
        if not any("search_index.json" in n for n, _ in sizes):
            print("  (warning: the search index was not loaded)")
        row(f"first load of /{page} incl. search index (gzip)", f"{total} B / {limit} B",
            "yes" if total <= limit else f"{total - limit} B over")

        if not args.skip_lighthouse:
            scores = lighthouse(url + budget["lighthouse_mobile"]["page"])
            if scores is None:
                row("Lighthouse (mobile)", "could not run")
            for category, minimum in budget["lighthouse_mobile"]["min"].items():
                if scores is not None:
                    got = scores.get(category)
                    row(f"Lighthouse mobile {category}", f"{got} / {minimum}", "yes" if got >= minimum else f"{minimum - got} short")
        server.shutdown()

        row("build the site (mkdocs build --strict)", f"{seconds:.1f} s")
        if not args.skip_scale:
            scale = budget["build_seconds"]["scale"]
            project = scaled_project(tmp / "scaled", scale)
            scaled = timed_build(project, tmp / "scaled-site")
            row(f"build a synthetic site with {scale}x today's content", f"{scaled:.1f} s")
            row("  growth", f"{scaled / seconds:.1f}x time for {scale}x content")


if __name__ == "__main__":
    main()
