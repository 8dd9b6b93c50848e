"""Benchmark: layout shift where saved work is shown (issue 34), on the slow phone.

Builds the site and loads, in Chromium at 390x844 with the CPU 4x slower (DevTools protocol
Emulation.setCPUThrottlingRate) and a slow network (Network.emulateNetworkConditions: 150 ms round trip,
1.6 Mbps down), with the site gzipped:
- a police checklist with two saved checks (their time lines and who/note controls are drawn as the
  page restores them);
- the incident record page with a few saved checks, and with none.
A PerformanceObserver (injected before any page script) adds up the layout shifts (without those that
follow the reader's input, as CLS does) until the page has been quiet for a while. Prints each page's
median and range over --runs; the budget is 0. A benchmark, not a test: it prints figures only.

    .venv/bin/python bench/layout_shift.py [--runs 5] [--site DIR]
"""
from __future__ import annotations

import argparse
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
from tools.saved_progress import store_script, stored  # noqa: E402

CHECKLIST = "police-within-24-hours"
CHECKLIST_PAGE = "police/within-24-hours/"
RECORD_PAGE = "record/"
QUIET_MS = 1500  # the page counts as settled after this long without a shift, once loaded
OBSERVER = """
window.gbShifts = [];
window.gbLastShift = performance.now();
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.gbShifts.push({ value: entry.value, at: entry.startTime,
      nodes: entry.sources.map((s) => s.node?.outerHTML?.slice(0, 80) ?? "") });
    window.gbLastShift = performance.now();
  }
}).observe({ type: "layout-shift", buffered: true });
"""
SETTLED = f"""document.readyState === "complete"
  && performance.now() - Math.max(window.gbLastShift, performance.getEntriesByType("navigation")[0].loadEventEnd) > {QUIET_MS}"""
SLOW_NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1.6e6 / 8, "uploadThroughput": 750e3 / 8}


def saved_checks(items: list[str]) -> str:
    """Those items of the police checklist checked, one with who did it and a note."""
    checks = {item: {"at": f"2026-12-07T09:1{n}:00.000Z"} for n, item in enumerate(items)}
    checks[items[0]].update(who="Lt. Ruiz", note="Called the pastors' council")
    return stored({CHECKLIST: checks})


def one_load(browser, url: str, saved: str | None) -> tuple[float, list]:
    """The layout shift of one cold load of `url` on the slow phone, and the shifts themselves."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    context.add_init_script(OBSERVER)
    if saved is not None:
        context.add_init_script(store_script(saved))
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", SLOW_NETWORK)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    page.goto(url)
    wait_until(page, SETTLED, timeout=60_000)
    shifts = page.evaluate("window.gbShifts")
    context.close()
    return sum(s["value"] for s in shifts), shifts


def first_items(site: Path, count: int) -> list[str]:
    """The ids of the first items of the police checklist, as the built page has them."""
    import re

    html = (site / CHECKLIST_PAGE / "index.html").read_text(encoding="utf-8")
    return re.findall(r'<li class="gb-item" id="([^"]+)"', html)[:count]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--site", type=Path, help="a built site (default: build this checkout)")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            result = build(ROOT, site)
            if result.returncode != 0:
                sys.exit(result.stdout + result.stderr)
        server, url = serve_gzip(site)
        two = saved_checks(first_items(site, 2))
        few = saved_checks(first_items(site, 4))
        cases = {"police checklist, two saved checks": (CHECKLIST_PAGE, two),
                 "record page, four saved checks": (RECORD_PAGE, few),
                 "record page, nothing saved": (RECORD_PAGE, None)}
        results: dict[str, list[float]] = {name: [] for name in cases}
        examples: dict[str, list] = {}
        with sync_playwright() as p:
            browser = launch_chromium(p)
            for _ in range(args.runs):
                for name, (path, saved) in cases.items():
                    total, shifts = one_load(browser, url + path, saved)
                    results[name].append(total)
                    if shifts:
                        examples.setdefault(name, shifts)
            browser.close()
        server.shutdown()
    print(f"layout shift on the slow phone (390x844, CPU 4x, 150 ms, 1.6 Mbps), {args.runs} runs, budget 0:")
    for name, values in results.items():
        verdict = "within budget" if max(values) == 0 else "OVER BUDGET"
        every = ", ".join(f"{v:.4f}" for v in values)
        print(f"  {name + ':':<40} median {statistics.median(values):.4f}  (all: {every})  {verdict}")
    for name, shifts in examples.items():
        moved = "; ".join(f"{s['value']:.4f} at {s['at']:.0f} ms {s['nodes'][:2]}" for s in shifts)
        print(f"  what moved ({name}): {moved}")


if __name__ == "__main__":
    main()
