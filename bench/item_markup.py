"""Benchmark: what each element of a checklist item costs on the 1,000-item page (issue 34, item 5).

Builds the synthetic 1,000-item checklist (bench/progress.py) and its stock Material anchor, then writes
variants of the built page beside it, each without one part of an item's markup or styling (the copy-link
button, the box's data attributes, the item grid, ...), and loads each in Chromium with our script blocked
(the long tasks bench/long_tasks.py finds come from the markup: the same with our script blocked). Prints
the long-task total of each variant, interleaved, median of --runs, beside the page as built and stock
Material's, so that what makes items heavy is measured before anything is made lighter.
A benchmark, not a test: it prints figures and never fails on them.

    .venv/bin/python bench/item_markup.py [--runs 5] [--items 1000]
"""
from __future__ import annotations

import json
import re
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))

from gzip_server import serve_gzip  # noqa: E402
from long_tasks import IDLE, OBSERVER, OUR_SCRIPT, synthetic_sites  # noqa: E402
from progress import arguments  # noqa: E402

from tools.browser import launch_chromium, wait_until  # noqa: E402
from tools.saved_progress import store_script  # noqa: E402

# From a trace of the page's main thread, the CPU time (thread time: what a busy machine does not lengthen, unlike
# the long tasks' wall time) of all its tasks and of the work in them: parsing the HTML, style, layout, script.
PHASES = {"all tasks": ("RunTask",), "parse HTML": ("ParseHTML",), "style": ("UpdateLayoutTree",),
          "layout": ("Layout",), "script": ("EvaluateScript", "FunctionCall", "v8.compile")}
TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel", "v8"]


def main_thread_cpu(trace: bytes) -> dict[str, float]:
    """CPU ms of each phase (PHASES) on the renderer's main thread(s) of a Chromium trace."""
    events = json.loads(trace)["traceEvents"]
    main = {(e["pid"], e["tid"]) for e in events if e.get("name") == "thread_name"
            and e.get("args", {}).get("name") == "CrRendererMain"}
    totals = dict.fromkeys(PHASES, 0.0)
    for event in events:
        if (event.get("pid"), event.get("tid")) not in main or event.get("ph") != "X":
            continue
        for phase, names in PHASES.items():
            if event["name"] in names:
                totals[phase] += event.get("tdur", event.get("dur", 0)) / 1000
    return totals

ITEMS = re.compile(r'(<ol class="gb-list gb-items">)(.*?)(</ol>)', re.S)


def in_items(change: Callable[[str], str]) -> Callable[[str], str]:
    """A variant that changes only the list of items."""
    return lambda html: ITEMS.sub(lambda m: m[1] + change(m[2]) + m[3], html, count=1)


def with_style(css: str) -> Callable[[str], str]:
    """A variant with one more style rule (the page's policy allows inline styles), after our stylesheet."""
    return lambda html: html.replace("</head>", f"<style>{css}</style></head>", 1)


def plain_items(list_html: str) -> str:
    """Each item as stock Material has it: its words in a bare <li>."""
    texts = re.findall(r'<span class="gb-number">\d+\.</span> (.*?)</label>', list_html)
    return "\n" + "\n".join(f"<li>{t}</li>" for t in texts) + "\n"


def with_stylesheet(change: Callable[[str], str]) -> Callable[[str], str]:
    """A variant whose own stylesheet (guidebook.<hash>.css) is changed: written beside it as a copy."""
    def variant(html: str) -> str:
        found = re.search(r'href="\.\./assets/stylesheets/(guidebook\.[^"]+\.css)"', html)
        if found is None:
            sys.exit("the page links no guidebook.<hash>.css: the variant cannot change it")
        name = found[1]
        source = SITE / "assets" / "stylesheets" / name
        copy = source.with_name(f"variant-{id(change)}.css")
        copy.write_text(change(source.read_text(encoding="utf-8")), encoding="utf-8")
        return html.replace(f"stylesheets/{name}", f"stylesheets/{copy.name}")
    return variant


SITE = Path()  # the built site whose page the variants change (write_variants)

VARIANTS: dict[str, Callable[[str], str]] = {
    "as built": lambda html: html,
    "no copy-link button": in_items(lambda s: re.sub(r"<button [^>]*data-gb=\"copy\"[^>]*></button>\n?", "", s)),
    "copy-link button, light (one class, short title)": in_items(lambda s: re.sub(
        r'<button [^>]*title="(Copy link to item \d+)[^"]*"[^>]*></button>',
        r'<button type="button" class="gb-copy" data-gb="copy" title="\1" tabindex="-1"></button>', s)),
    "copy-link button without title": in_items(lambda s: re.sub(r' title="[^"]*"', "", s)),
    "box without data-checklist/data-item": in_items(lambda s: re.sub(r' data-(checklist|item)="[^"]*"', "", s)),
    "box without autocomplete": in_items(lambda s: s.replace(' autocomplete="off"', "")),
    "label without the number's span": in_items(lambda s: re.sub(r'<span class="gb-number">(\d+\.)</span>', r"\1", s)),
    "no box (label only)": in_items(lambda s: re.sub(r"<input [^>]*>\n?", "", s)),
    "items as bare <li>words</li>": in_items(plain_items),
    "no white space between an item's elements": in_items(lambda s: re.sub(r">\n+<", "><", s)),
    "no white space, item not a grid": lambda html: VARIANTS["css: item not a grid"](
        VARIANTS["no white space between an item's elements"](html)),
    "css: without the former-id :has() rule": with_stylesheet(lambda css: css.replace(
        ",.md-typeset .gb-item:has(>.gb-former-id:target)", "")),
    "css: item not a grid": with_style(".md-typeset .gb-item{display:block}"),
    "css: no content-visibility": with_style(".md-typeset .gb-item:nth-child(n+21){content-visibility:visible}"),
    "css: browser's own box (no appearance:none)": with_style(
        ".md-typeset input[type=checkbox]{appearance:auto;display:inline-block}"
        ".md-typeset input[type=checkbox]:checked::before{content:none}"),
    "css: copy button not drawn": with_style(".gb-item > .gb-copy{display:none}"),
}


def write_variants(site: Path) -> dict[str, str]:
    """Each variant of site/bench/index.html at the same depth (site/bench-vN/), so its relative links hold."""
    global SITE
    SITE = site
    page = (site / "bench" / "index.html").read_text(encoding="utf-8")
    paths = {}
    for n, (name, change) in enumerate(VARIANTS.items()):
        changed = change(page)
        if name != "as built" and changed == page:
            sys.exit(f"variant {name!r} changed nothing: the markup it edits has changed")
        folder = site / f"bench-v{n}"
        folder.mkdir(exist_ok=True)
        (folder / "index.html").write_text(changed, encoding="utf-8")
        paths[name] = f"bench-v{n}/"
    return paths


def one_load(browser, url: str, block: str | None, saved: str | None = None) -> dict[str, float]:
    """One cold load of `url` until idle (with `saved` progress, if given): its long-task total (wall time) and
    the CPU time of its phases, in ms."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(OBSERVER)
    if saved is not None:
        context.add_init_script(store_script(saved))
    if block:
        context.route(block, lambda route: route.abort())
    page = context.new_page()
    browser.start_tracing(page=page, categories=TRACE_CATEGORIES)
    page.goto(url)
    wait_until(page, IDLE, timeout=30_000)
    figures = {"long tasks": sum(page.evaluate("window.gbLongTasks"))}
    figures.update(main_thread_cpu(browser.stop_tracing()))
    context.close()
    return figures


def main() -> None:
    args = arguments(__doc__.splitlines()[0])

    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        ours_site, stock_site = synthetic_sites(root, args.items)
        paths = write_variants(ours_site)
        ours_server, ours_url = serve_gzip(ours_site)
        stock_server, stock_url = serve_gzip(stock_site)
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in [*paths, "stock Material"]}
        with sync_playwright() as p:
            browser = launch_chromium(p)
            for _ in range(args.runs):  # interleaved: a busy moment of the machine hits every variant alike
                for name, path in paths.items():
                    runs[name].append(one_load(browser, ours_url + path, OUR_SCRIPT))
                runs["stock Material"].append(one_load(browser, stock_url + "bench/", None))
            browser.close()
        ours_server.shutdown()
        stock_server.shutdown()
    report(runs, args)


def report(runs: dict[str, list[dict[str, float]]], args) -> None:
    """Per variant: the median of each figure (and the least, less touched by a busy machine)."""
    print(f"{args.items}-item page, our script blocked, until idle ({args.runs} runs each, 1280x900), ms, median (least):")
    names = ["long tasks", *PHASES]
    print(f"  {'':<46}" + "".join(f"{n:>16}" for n in names))
    for variant, figures in runs.items():
        cells = "".join(f"{statistics.median(f[n] for f in figures):9.0f} ({min(f[n] for f in figures):4.0f})" for n in names)
        print(f"  {variant:<46}{cells}")


if __name__ == "__main__":
    main()
