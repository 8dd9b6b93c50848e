"""Benchmark: the incident record page and handover links (issue 15), in Chromium.

Prints the time to render a record of 1,000 entries (200 checks with notes and 400 undone checks, each
undone check being two entries), the time to make a handover link of 200 checked items with notes and
to open it (pasted) in another browser context once that page has loaded (the round trip), and the
link's length; each against its budget in bench/budget.json. A benchmark, not a test: it prints
figures and a verdict, and never fails on them.

    .venv/bin/python bench/record.py [--runs 5]
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools.browser import launch_chromium
from tools.project import build, copy_project
from tools.saved_progress import store_script, stored
from tools.server import serve

ITEMS = 200
BUDGET = json.loads((Path(__file__).parent / "budget.json").read_text())


def synthetic_project(root: Path) -> Path:
    """The guidebook plus a police checklist of 200 items (an incident checklist)."""
    project = copy_project(root / "project")
    lines = ["id: bench-checklist", "address: bench/", "title: Benchmark checklist", "part: part-2-police-officials",
             "order: 99", "source: doj-crs-checklist", "audiences: [police-official]", "summary: Synthetic items.",
             "items:"]
    for n in range(ITEMS):
        lines += [f"  - id: bench-item-{n}", f"    text: Synthetic item number {n} with a few words of text."]
    (project / "data" / "checklists" / "bench.yml").write_text("\n".join(lines) + "\n")
    return project


def saved_state() -> str:
    """200 checks with who and a note, and 400 undone checks: 1,000 entries in the log."""
    def at(minute: int) -> str:
        return f"2026-11-20T{10 + minute // 60:02d}:{minute % 60:02d}:00.000Z"
    checks = {f"bench-item-{n}": {"at": at(n % 600), "who": f"Officer {n % 7}",
                                   "note": f"Note {n}: called the liaison, left a message, will follow up."}
              for n in range(ITEMS)}
    log = [{"checklist": "bench-checklist", "item": f"bench-item-{n % ITEMS}", "at": at(n % 300),
            "undone": at(300 + n % 300)} for n in range(400)]
    return stored({"bench-checklist": checks}, log=log,
                  incident={"start": "2026-11-20T09:30:00.000Z", "name": "Benchmark incident"})


def measure(page, name: str) -> float:
    for _ in range(200):
        entries = page.evaluate(f"performance.getEntriesByName('{name}').map(e => e.duration)")
        if entries:
            return entries[-1]
        page.wait_for_timeout(25)
    raise SystemExit(f"no measure {name}")


def one_run(browser, url: str, state: str) -> tuple[float, float, int, int]:
    sender = browser.new_context()
    sender.add_init_script(store_script(state))
    page = sender.new_page()
    page.goto(url + "record/")
    render = measure(page, "gb-record-render")
    rows = page.locator('[data-gb="record-log"] tbody tr').count()
    page.wait_for_load_state("networkidle")
    page.locator('[data-gb="handover-make"]').click()
    make = measure(page, "gb-handover-make")
    link = page.locator('[data-gb="handover-link"]').input_value()
    sender.close()
    receiver = browser.new_context()
    other = receiver.new_page()
    other.goto(url + "record/")
    other.wait_for_load_state("networkidle")
    other.locator('[data-gb="handover-paste"]').fill(link)
    other.locator('[data-gb="handover-open"]').click()
    read = measure(other, "gb-handover-read")
    receiver.close()
    return render, make + read, len(link), rows


def verdict(value: float, key: str) -> str:
    limit = BUDGET[key]["max"]
    return f"(budget {limit}: {'within budget' if value <= limit else 'OVER BUDGET'})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        result = build(synthetic_project(root), root / "site")
        if result.returncode != 0:
            sys.exit(result.stdout + result.stderr)
        server, url = serve(root / "site")
        with sync_playwright() as p:
            browser = launch_chromium(p)
            runs = [one_run(browser, url, saved_state()) for _ in range(args.runs)]
            browser.close()
        server.shutdown()
    render, trip = [r[0] for r in runs], [r[1] for r in runs]
    print(f"record of {runs[0][3]} entries, render (median of {args.runs}): {statistics.median(render):6.1f} ms "
          f"{verdict(statistics.median(render), 'record_render_ms')}  (all: {', '.join(f'{x:.1f}' for x in render)})")
    print(f"handover link of {ITEMS} checked items with notes, make + open (median): {statistics.median(trip):6.1f} ms "
          f"{verdict(statistics.median(trip), 'handover_round_trip_ms')}  (all: {', '.join(f'{x:.1f}' for x in trip)})")
    print(f"handover link length: {runs[0][2]} characters {verdict(runs[0][2], 'handover_link_chars')}")


if __name__ == "__main__":
    main()
