"""The service worker's cost and gain, printed (a benchmark, never a test): `make budget` runs it.

    .venv/bin/python bench/offline.py [--runs N]

- First load of each budgeted page (bench/budget.json's first_load_ratio pages), as budget.py counts it:
  bytes until the page is loaded and idle, and its first contentful paint, with the worker blocked and with
  it allowed. The worker is registered once the page is idle, so both are the same: its precache starts
  after, and is printed apart (files and bytes, gzip), with when it started after the load event.
- The repeat visit with the network off: each page opened again from the worker's cache, its time to the
  load event and the bytes that came from the network (none).
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from gzip_server import serve_gzip  # noqa: E402

from tools.browser import launch_chromium, wait_until  # noqa: E402
from tools.project import ROOT, build  # noqa: E402

ACTIVE = "navigator.serviceWorker.getRegistration().then(r => r?.active?.state === 'activated')"
TIMING = """(() => { const n = performance.getEntriesByType('navigation')[0];
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  return { load: n.loadEventEnd, fcp: paint ? paint.startTime : null, fromWorker: n.workerStart > 0 }; })()"""
SETTLE_MS = 500  # after the network is idle, as budget.py's first load waits


def row(name: str, value: str) -> None:
    print(f"{name:<66} {value:>22}")


def first_load(browser, server, url: str, workers: str) -> dict:
    """Bytes (gzip, headers included) the page loaded before its worker (sw.js) was asked for, its first
    contentful paint, and with the worker allowed: when the page registered it (performance.mark
    gb-offline-worker) after the load event, and the precache that followed (files, bytes)."""
    server.transfers.clear()
    context = browser.new_context(service_workers=workers)
    page = context.new_page()
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(SETTLE_MS)
    if workers == "allow":
        wait_until(page, ACTIVE, timeout=120_000)
    timing = page.evaluate(TIMING)
    late = page.evaluate("""(() => { const load = performance.getEntriesByType('navigation')[0].loadEventEnd;
      return performance.getEntriesByType('resource').filter(e => e.startTime > load)
        .map(e => e.name.split('/').pop().split('?')[0]); })()""")
    registered = page.evaluate("performance.getEntriesByName('gb-offline-worker')[0]?.startTime ?? null")
    paths = [path for path, _ in server.transfers]
    split = paths.index("/sw.js") if "/sw.js" in paths else len(paths)
    context.close()
    return {"bytes": sum(n for _, n in server.transfers[:split]), "fcp": timing["fcp"], "late": late,
            "registered_after_load": None if registered is None else registered - timing["load"],
            "precache": sum(n for _, n in server.transfers[split:]), "files": len(paths) - split}


def median(runs: list[dict], key: str) -> float | None:
    values = [r[key] for r in runs if r[key] is not None]
    return statistics.median(values) if values else None


def report_first_load(browser, server, url: str, path: str, runs: int) -> None:
    blocked, allowed = [], []
    for _ in range(runs):  # in turn, so that a busy moment of the machine falls on both
        blocked.append(first_load(browser, server, url + path, "block"))
        allowed.append(first_load(browser, server, url + path, "allow"))
    row(f"first load of /{path}, worker blocked / allowed (gzip)",
        f"{median(blocked, 'bytes'):.0f} B / {median(allowed, 'bytes'):.0f} B")
    row(f"  first contentful paint, median of {runs}, blocked / allowed",
        f"{median(blocked, 'fcp'):.0f} ms / {median(allowed, 'fcp'):.0f} ms")
    row("  of which after the load event", ", ".join(sorted(set(allowed[0]["late"]))) or "-")
    after = median(allowed, "registered_after_load")
    row("  worker registered after the load event (median)", "-" if after is None else f"{after:.0f} ms")
    row(f"  then its precache: {allowed[0]['files']} files (gzip)", f"{(median(allowed, 'precache') or 0) / 1024:.0f} KB")


def repeat_offline(browser, url: str, pages: list[str]) -> list[tuple[str, float, bool, int]]:
    """Visit the home page once, go offline, and open each page: (page, ms to load, from the worker, bytes
    from the network)."""
    context = browser.new_context(service_workers="allow")
    page = context.new_page()
    page.goto(url)
    wait_until(page, ACTIVE, timeout=120_000)
    context.set_offline(True)
    network: list[int] = []
    context.on("requestfinished", lambda r: network.append(0 if r.response() is None or r.response().from_service_worker
                                                         else r.sizes()["responseBodySize"]))
    out = []
    for path in pages:
        network.clear()
        page.goto(url + path)
        page.wait_for_load_state("load")
        timing = page.evaluate(TIMING)
        out.append((path, timing["load"], timing["fromWorker"], sum(network)))
    context.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="The service worker's cost and gain.")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    budget = json.loads((BENCH / "budget.json").read_text())
    pages = budget["first_load_ratio"]["pages"]
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        result = build(ROOT, site)
        if result.returncode != 0:
            sys.exit(f"the build failed:\n{result.stdout}{result.stderr}")
        server, url = serve_gzip(site)
        print("The service worker: first load (worker blocked / allowed) and the repeat visit with no network")
        with sync_playwright() as p:
            browser = launch_chromium(p)
            for path in pages:
                report_first_load(browser, server, url, path, args.runs)
            for page, ms, from_worker, net in repeat_offline(browser, url, [""] + pages[1:] + ["record/", "packet/"]):
                row(f"repeat visit with no network /{page}: load event, from the worker", f"{ms:.0f} ms, {from_worker}")
                if net:
                    row("  (warning: bytes from the network)", f"{net} B")
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
