"""Benchmark: long tasks while the 1,000-item page loads, ours beside stock Material (issue 12).

Builds the synthetic 1,000-item checklist project (bench/progress.py) and its stock Material anchor
(bench/stock.py), serves both gzipped, and loads the 1,000-item page in Chromium several times each,
with no saved progress and with 1,000 saved checks. A PerformanceObserver (injected before any page
script) collects the main thread's long tasks (over 50 ms) until the page has loaded and stayed quiet;
their total is compared with stock Material's against the budget in bench/budget.json. It also prints
how long our script takes to restore the saved checks (performance.measure "gb-progress-restore"), and,
to tell our script's share from the rest, the same page loaded with our script blocked.
A benchmark, not a test: it prints figures and a verdict, and never fails on them.

    .venv/bin/python bench/long_tasks.py [--runs 5] [--items 1000]
"""
from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from budget import build_stock  # noqa: E402
from gzip_server import serve_gzip  # noqa: E402
from progress import arguments, build_synthetic  # noqa: E402

from tools.browser import launch_chromium, wait_until  # noqa: E402
from tools.saved_progress import RESTORED, store_script, stored  # noqa: E402

BUDGET = json.loads((BENCH / "budget.json").read_text())
OUR_SCRIPT = "**/assets/javascripts/guidebook*"  # our script (and its chunks), blocked to see what is Material's
QUIET_MS = 1000  # the page counts as idle after this long without a new long task
OBSERVER = """
window.gbLongTasks = [];
window.gbLastTask = performance.now();
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    window.gbLongTasks.push(entry.duration);
    window.gbLastTask = performance.now();
  }
}).observe({ type: "longtask", buffered: true });
"""
IDLE = f"""document.readyState === "complete"
  && performance.now() - Math.max(window.gbLastTask, performance.getEntriesByType("navigation")[0].loadEventEnd) > {QUIET_MS}"""


def saved_checks(items: int) -> str:
    """Every item of the benchmark checklist checked, in the saved format (version 3, saved.js)."""
    checks = {f"bench-item-{n}": {"at": f"2026-11-20T10:{n % 60:02d}:00.000Z"} for n in range(items)}
    return stored({"bench-checklist": checks})


def synthetic_sites(root: Path, items: int) -> tuple[Path, Path]:
    """The synthetic checklist of `items` items (bench/progress.py) built into root/site, and its stock
    Material anchor: (ours, stock), the sites the 1,000-item benchmarks load."""
    project = build_synthetic(root, items)
    stock_site, _ = build_stock(project, root / "stock")
    return root / "site", stock_site


def one_load(browser, url: str, saved: str | None, block: str | None = None) -> tuple[float, int, float | None]:
    """Total long-task time (ms), their count, and the restore measure (ms, ours only) of one cold load;
    requests for addresses matching `block` fail."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(OBSERVER)
    if block:
        context.route(block, lambda route: route.abort())
    if saved is not None:
        context.add_init_script(store_script(saved))
    page = context.new_page()
    page.goto(url)
    wait_until(page, IDLE, timeout=30_000)
    tasks = page.evaluate("window.gbLongTasks")
    restore = page.evaluate(f"{RESTORED}.map(e => e.duration)[0] ?? null")
    context.close()
    return sum(tasks), len(tasks), restore


def ms(values: list[float]) -> str:
    return ", ".join(f"{v:.0f}" for v in values)


def line(name: str, runs: list[tuple]) -> float:
    totals = [r[0] for r in runs]
    median = statistics.median(totals)
    print(f"  {name + ' (median):':<52} {median:6.0f} ms  (all: {ms(totals)}; tasks: {ms([r[1] for r in runs])})")
    return median


def report(label: str, ours: list[tuple], stock: list[tuple], unscripted: list[tuple]) -> None:
    spec = BUDGET["long_tasks_1000_ratio"]
    print(f"{label}")
    mine = line("long tasks on load, ours", ours)
    line("  the same page with our script blocked", unscripted)
    theirs = line("long tasks on load, stock Material", stock)
    ratio = mine / max(theirs, 1.0)
    verdict = "within budget" if ratio <= spec["max"] else "OVER BUDGET"
    print(f"  ratio ours / stock: {ratio:.2f} (budget {spec['max']}: {verdict})")
    restore = [r[2] for r in ours if r[2] is not None]
    if restore:
        limit = BUDGET["progress_restore_1000_ms"]["max"]
        median = statistics.median(restore)
        print(f"  restore of the saved state (median): {median:.1f} ms (budget {limit}: "
              f"{'within budget' if median <= limit else 'OVER BUDGET'})  (all: {', '.join(f'{x:.1f}' for x in restore)})")


def main() -> None:
    args = arguments(__doc__.splitlines()[0])

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        ours_site, stock_site = synthetic_sites(root, args.items)
        ours_server, ours_url = serve_gzip(ours_site)
        stock_server, stock_url = serve_gzip(stock_site)
        print(f"machine load average (1 min) at the start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
              "(long tasks are wall time: a busy machine lengthens both sides)")
        with sync_playwright() as p:
            browser = launch_chromium(p)
            for label, saved in (("no saved progress", None), (f"{args.items} saved checks", saved_checks(args.items))):
                ours, stock, unscripted = [], [], []
                for _ in range(args.runs):  # alternate, so that a busy moment of the machine hits each alike
                    ours.append(one_load(browser, ours_url + "bench/", saved))
                    unscripted.append(one_load(browser, ours_url + "bench/", saved, block=OUR_SCRIPT))
                    stock.append(one_load(browser, stock_url + "bench/", saved))
                report(f"{args.items}-item page, {label} ({args.runs} runs each, 1280x900):", ours, stock, unscripted)
            browser.close()
        ours_server.shutdown()
        stock_server.shutdown()


if __name__ == "__main__":
    main()
