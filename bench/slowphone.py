"""What a reader waits for on a slow phone: ours beside stock Material, interleaved in the same runs.

Builds the guidebook and its stock Material anchor (bench/stock.py), serves both gzipped with the
Cache-Control headers of the README's nginx example (tools/server_rules.py), and loads pages in
Chromium at 390x844 on an emulated slow phone (DevTools protocol: CPU 4x slower, 150 ms round trip,
1.6 Mbps down, 750 kbps up), with an empty cache and no service worker (bench/offline.py measures
the worker). Each run loads every page once on each side, ours and stock in turn, so that a busy
moment of the machine falls on both; the table gives the median and the range of the runs, the
budget (bench/budget.json, "slow_phone") and a verdict.

  first item on screen        the first frame (requestAnimationFrame, not before the first contentful
                              paint) that shows the first item of the checklist
  saved checks shown          ours: the first frame in which both saved checks are checked, which is
                              also when a tap is saved; stock has no saved checks, so its figure is
                              its first item on screen (budget: at most 1.1x)
  layout shift                CLS until the page is idle, with two saved checks (budget: 0)
  first search result         from the first key to the first result on screen, on the home page, the
                              key pressed a person's pause (SEARCH_PAUSE_MS) after the search box
                              opened (budget: at most 1.5x); the same key pressed at once is printed
                              beside it, without a budget
  repeat visit                the page opened again in a new tab after a visit: every request that
                              reaches the server, and those for files with a hash in their name
                              (budget: none of those)
  long tasks                  the 1,000-item page of bench/long_tasks.py, measured as it does (1280x900,
                              no slowdown): the total of the long tasks while it loads (budget: at most
                              1.5x stock's, budget.json's long_tasks_1000_ratio)
The build's growth to 100x content and its peak memory are in bench/budget.py's figures (make budget).

A benchmark, not a test: it prints figures and verdicts, and exits 0 unless it cannot measure.

    .venv/bin/python bench/slowphone.py [--runs 5]
"""
from __future__ import annotations

import argparse
import functools
import json
import os
import re
import statistics
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

import long_tasks  # noqa: E402
from budget import build_stock, timed_build  # noqa: E402
from gzip_server import serve_gzip  # noqa: E402

from macros.guidebook import load_guidebook  # noqa: E402
from tools.browser import launch_chromium, wait_until  # noqa: E402
from tools.project import ROOT  # noqa: E402
from tools.saved_progress import store_script, stored  # noqa: E402
from tools.server_rules import PREFIX, Nginx  # noqa: E402

BUDGETS = json.loads((BENCH / "budget.json").read_text())
BUDGET = BUDGETS["slow_phone"]
LONG_TASKS_BUDGET = BUDGETS["long_tasks_1000_ratio"]
LONG_TASKS = "long tasks, 1,000-item page (1280x900, no slowdown)"
THOUSAND = 1000
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}
CPU_SLOWDOWN = 4
NETWORK = {"offline": False, "latency": 150, "downloadThroughput": 1_600_000 / 8, "uploadThroughput": 750_000 / 8}
CHECKLIST_PAGES = ["police/within-24-hours/", "municipal/crisis-response/"]
SHIFT_PAGES = CHECKLIST_PAGES + ["record/"]
SEARCH_PAGE = ""
SEARCH_KEY = "r"
SEARCH_PAUSE_MS = 1000  # from the search box opening to the first key: a person finds the key on a phone
REPEAT_PAGES = ["", "record/"]
IDLE_MS = 1000  # no request and no layout shift for this long: the page is idle
HASHED = re.compile(r"\.([0-9a-f]{8,10}|[0-9A-Z]{8})(\.min)?\.(js|css)$")  # as tests/test_server_rules.py

# Injected before any page script: layout shifts, the first frame showing the first item, the first
# frame with every saved check shown, the time of the first key and of the first search result.
WATCH = """
(() => {
  const seen = window.gbSeen = { shift: 0, lastShift: 0 };
  const watch = %s;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      seen.shift += entry.value;
      seen.lastShift = performance.now();
    }
  }).observe({ type: "layout-shift", buffered: true });
  const shown = (element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.top < innerHeight;
  };
  const painted = () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime;
  function frame() {
    const first = document.querySelector(watch.first);
    if (seen.first === undefined && first && shown(first) && painted() !== undefined) {
      seen.first = Math.max(performance.now(), painted());
    }
    if (seen.saved === undefined && watch.saved.length && painted() !== undefined
        && watch.saved.every((selector) => document.querySelector(selector)?.checked)) {
      seen.saved = Math.max(performance.now(), painted());
    }
    if (seen.first === undefined || (watch.saved.length && seen.saved === undefined)) requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
  addEventListener("keydown", () => { seen.key ??= performance.now(); }, true);
  new MutationObserver(() => {
    if (seen.key !== undefined && seen.result === undefined
        && document.querySelector(".md-search-result__item")) {
      requestAnimationFrame(() => { seen.result ??= performance.now(); });
    }
  }).observe(document, { childList: true, subtree: true });
})();
"""


@dataclass
class Side:
    """One site under test: its address and the server's log of requests."""
    name: str
    url: str
    server: object
    figures: dict[str, list[float]] = field(default_factory=dict)

    def add(self, figure: str, value: float | None) -> None:
        if value is not None:
            self.figures.setdefault(figure, []).append(value)


def readme_cache_control() -> Callable[[str], str | None]:
    """The Cache-Control header the README's nginx example gives an address of the served site."""
    nginx = Nginx.from_readme()
    return lambda path: nginx.header(PREFIX + path.lstrip("/"))


def slow_page(context):
    """A page of `context` on the emulated slow phone (CPU and network)."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", NETWORK)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    return page


def new_context(browser, watch: dict, saved: str | None = None):
    context = browser.new_context(service_workers="block", **PHONE)
    context.add_init_script(WATCH % json.dumps(watch))
    if saved is not None:
        context.add_init_script(store_script(saved))
    return context


def wait_idle(page, side: Side) -> None:
    """Until the page has loaded and neither a request nor a layout shift came for IDLE_MS."""
    page.wait_for_load_state("load", timeout=60_000)
    count = -1
    while count != len(side.server.transfers):  # type: ignore[attr-defined]
        count = len(side.server.transfers)  # type: ignore[attr-defined]
        page.wait_for_timeout(IDLE_MS)
    wait_until(page, f"performance.now() - window.gbSeen.lastShift > {IDLE_MS}", timeout=30_000)


@functools.cache
def two_saved_checks(address: str) -> tuple[str, list[str]]:
    """Progress with the first two items of the checklist at `address` checked, and their boxes' selectors."""
    guidebook = load_guidebook(ROOT / "data")
    checklist = next(c for c in guidebook.checklists if c.address == address)
    items = [item.id for item in checklist.items[:2]]
    saved = stored({checklist.id: {item: {"at": "2026-12-07T02:00:00.000Z"} for item in items}})
    return saved, [f'input[data-item="{item}"]' for item in items]


def load_checklist(browser, side: Side, address: str, ours: bool) -> None:
    """First item on screen, saved checks shown (ours) and layout shift, with two saved checks."""
    saved, boxes = two_saved_checks(address)
    watch = {"first": ".md-content li", "saved": boxes if ours else []}
    context = new_context(browser, watch, saved if ours else None)
    page = slow_page(context)
    page.goto(side.url + address, wait_until="commit")
    wait_idle(page, side)
    seen = page.evaluate("window.gbSeen")
    side.add(f"first item on screen /{address}", seen.get("first"))
    side.add(f"saved checks shown /{address}", seen.get("saved") if ours else seen.get("first"))
    side.add(f"layout shift /{address}", seen["shift"])
    context.close()


def load_record(browser, side: Side, ours: bool) -> None:
    """The record page's layout shift, with two saved checks (stock: the same address, a prose page)."""
    saved, _ = two_saved_checks(CHECKLIST_PAGES[0])
    context = new_context(browser, {"first": ".md-content h1", "saved": []}, saved if ours else None)
    page = slow_page(context)
    page.goto(side.url + "record/", wait_until="commit")
    wait_idle(page, side)
    side.add("layout shift /record/", page.evaluate("window.gbSeen.shift"))
    context.close()


def first_search_result(browser, side: Side, pause_ms: int) -> float | None:
    """Milliseconds from the first key to the first result, the key pressed `pause_ms` after the
    search box opened, on the home page once it is idle."""
    context = new_context(browser, {"first": ".md-content h1", "saved": []})
    page = slow_page(context)
    page.goto(side.url + SEARCH_PAGE, wait_until="commit")
    wait_idle(page, side)
    page.click('label.md-header__button[for="__search"]')
    page.wait_for_timeout(pause_ms)
    page.keyboard.press(SEARCH_KEY)
    try:
        wait_until(page, "window.gbSeen.result !== undefined", timeout=30_000)
    except AssertionError:
        context.close()
        return None
    seen = page.evaluate("window.gbSeen")
    context.close()
    return seen["result"] - seen["key"]


def repeat_visit(browser, side: Side, address: str) -> tuple[int, int]:
    """Requests that reach the server when `address` is opened again in a new tab: all, and those for
    files with a hash in their name (which the README's rules let a browser keep for a year)."""
    context = new_context(browser, {"first": ".md-content h1", "saved": []})
    page = slow_page(context)
    page.goto(side.url + address, wait_until="commit")
    wait_idle(page, side)
    side.server.transfers.clear()  # type: ignore[attr-defined]
    again = slow_page(context)
    again.goto(side.url + address, wait_until="commit")
    wait_idle(again, side)
    paths = [path.split("?")[0] for path, _ in side.server.transfers]  # type: ignore[attr-defined]
    context.close()
    return len(paths), sum(1 for path in paths if HASHED.search(path))


def run_checklists(browser, sides: dict) -> None:
    ours, stock = sides["guidebook"]
    for address in CHECKLIST_PAGES:
        for side in (ours, stock):
            load_checklist(browser, side, address, side is ours)


def run_record(browser, sides: dict) -> None:
    ours, stock = sides["guidebook"]
    for side in (ours, stock):
        load_record(browser, side, side is ours)


def run_search(browser, sides: dict) -> None:
    ours, stock = sides["guidebook"]
    for side in (ours, stock):
        side.add("first search result, key after a pause", first_search_result(browser, side, SEARCH_PAUSE_MS))
        side.add("first search result, key at once", first_search_result(browser, side, 0))


def run_repeat(browser, sides: dict) -> None:
    ours, stock = sides["guidebook"]
    for address in REPEAT_PAGES:
        for side in (ours, stock):
            requests, hashed = repeat_visit(browser, side, address)
            side.add(f"repeat visit /{address}: requests", requests)
            side.add(f"repeat visit /{address}: hashed files revalidated", hashed)


def run_long_tasks(browser, sides: dict) -> None:
    """The 1,000-item page (bench/long_tasks.py's, at 1280x900 with no slowdown, as that benchmark measures
    it): the total of its long tasks while it loads, ours beside stock's; kept on the guidebook's sides."""
    ours, stock = sides["guidebook"]
    thousand_ours, thousand_stock = sides["thousand"]
    for side, served in ((ours, thousand_ours), (stock, thousand_stock)):
        total, _, _ = long_tasks.one_load(browser, served.url + "bench/", None)
        side.add(LONG_TASKS, total)


PARTS = {"checklists": run_checklists, "record": run_record, "search": run_search, "repeat": run_repeat,
         "long-tasks": run_long_tasks}


def one_run(browser, sides: dict, parts: list[str]) -> None:
    """Every page of `parts` once on each side, ours then stock."""
    for name in parts:
        PARTS[name](browser, sides)


def unit_of(figure: str) -> str:
    if figure.startswith("layout shift"):
        return ""
    return " " if figure.startswith("repeat visit") else " ms"


def median_range(values: list[float], unit: str) -> str:
    if not values:
        return "could not measure"
    digits = 3 if unit == "" else 0
    median, low, high = (f"{v:.{digits}f}" for v in (statistics.median(values), min(values), max(values)))
    return f"{median}{unit} ({low}-{high})"


def within(ratio: float, limit: float) -> str:
    return "within budget" if ratio <= limit else f"OVER BUDGET ({ratio:.2f}x)"


def verdict(figure: str, ours: list[float], stock: list[float]) -> tuple[str, str]:
    """The budget of `figure` and whether the medians (a ratio) or the worst run (an absolute) are within it."""
    if not ours:
        return "", "could not measure"
    ratio = statistics.median(ours) / statistics.median(stock) if stock and statistics.median(stock) else float("inf")
    if figure.startswith("saved checks shown"):
        limit = BUDGET["saved_checks_ratio"]["max"]
        return f"<= {limit}x stock", within(ratio, limit)
    if figure == "first search result, key after a pause":
        limit = BUDGET["first_search_result_ratio"]["max"]
        return f"<= {limit}x stock", within(ratio, limit)
    if figure == LONG_TASKS:
        limit = LONG_TASKS_BUDGET["max"]
        return f"<= {limit}x stock", within(ratio, limit)
    if figure.startswith("layout shift"):
        limit = BUDGET["layout_shift"]["max"]
        return f"<= {limit}", "within budget" if max(ours) <= limit else f"OVER BUDGET ({max(ours):.3f})"
    if figure.endswith("hashed files revalidated"):
        limit = BUDGET["repeat_visit_hashed_requests"]["max"]
        return f"<= {limit}", "within budget" if max(ours) <= limit else f"OVER BUDGET ({max(ours):.0f})"
    return "", ""


def report(ours: Side, stock: Side, runs: int) -> None:
    print(f"\nOn the slow phone ({runs} runs each, interleaved; median (range)):")
    print(f"{'figure':<52} {'ours':>22} {'stock Material':>22} {'ratio':>6}  {'budget':<15} verdict")
    for figure, values in ours.figures.items():
        unit, theirs = unit_of(figure), stock.figures.get(figure, [])
        ratio = ""
        if unit == " ms" and theirs and statistics.median(theirs) > 0:
            ratio = f"{statistics.median(values) / statistics.median(theirs):.2f}"
        limit, said = verdict(figure, values, theirs)
        print(f"{figure:<52} {median_range(values, unit):>22} {median_range(theirs, unit):>22} {ratio:>6}  {limit:<15} {said}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=BUDGET["runs"])
    parser.add_argument("--only", choices=list(PARTS), action="append", help="measure only these (all by default)")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    parts = args.only or list(PARTS)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        servers, sides = serve_sites(tmp, "long-tasks" in parts)
        print(f"machine load average (1 min) at the start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        with sync_playwright() as p:
            browser = launch_chromium(p)
            for _ in range(args.runs):
                one_run(browser, sides, parts)
            browser.close()
        for server in servers:
            server.shutdown()
        report(*sides["guidebook"], args.runs)


def serve_sites(tmp: Path, thousand: bool) -> tuple[list, dict[str, tuple[Side, Side]]]:
    """Build and serve the guidebook and its stock anchor (and the 1,000-item page's, if `thousand`)."""
    timed_build(ROOT, tmp / "site")
    stock_site, _ = build_stock(ROOT, tmp / "stock")
    sites = {"guidebook": (tmp / "site", stock_site)}
    if thousand:
        sites["thousand"] = long_tasks.synthetic_sites(tmp / "thousand", THOUSAND)
    rules = readme_cache_control()
    servers, sides = [], {}
    for name, (ours_site, theirs_site) in sites.items():
        pair = []
        for who, site in (("ours", ours_site), ("stock", theirs_site)):
            server, url = serve_gzip(site, rules)
            servers.append(server)
            pair.append(Side(who, url, server))
        sides[name] = (pair[0], pair[1])
    return servers, sides


if __name__ == "__main__":
    main()
