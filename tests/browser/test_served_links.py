"""The site served under a sub-path, and a renamed page's old address, in real Chromium."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.support import RENAMED_FROM, RENAMED_TO, SUBPATH_URL, page_path, word
from tools.browser import wait_until
from tools.server import serve

SUBPATH = urlsplit(SUBPATH_URL).path  # /cares/guidebook/


@pytest.fixture(scope="session")
def subpath_url(tmp_path_factory, subpath_site):
    """The sub-path build, served on loopback at the same path as its SITE_URL."""
    site = subpath_site
    root = tmp_path_factory.mktemp("subpath-root")
    (root / SUBPATH.strip("/")).parent.mkdir(parents=True)
    (root / SUBPATH.strip("/")).symlink_to(site, target_is_directory=True)
    server, url = serve(root)
    yield url.rstrip("/") + SUBPATH, site
    server.shutdown()


@pytest.fixture(scope="session")
def renamed_url(renamed_site):
    server, url = serve(renamed_site)
    yield url
    server.shutdown()


def watch(context, origin: str) -> dict:
    """Record failed loads on the site's origin; block and record anything sent elsewhere."""
    seen: dict[str, list[str]] = {"failed": [], "elsewhere": []}

    def on_response(response):
        if response.status >= 400:
            seen["failed"].append(f"{response.status} {response.url}")

    context.on("response", on_response)
    # a request cut short because the page was left (a link followed while a part loaded at idle) is no
    # missing file: that answers 404 (on_response)
    context.on("requestfailed", lambda request: seen["failed"].append(f"failed {request.url}")
               if request.url.startswith(origin) and request.failure != "net::ERR_ABORTED" else None)

    def block(route) -> None:
        seen["elsewhere"].append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith(origin), block)
    return seen


def test_every_page_loads_completely_under_a_sub_path(page, context, subpath_url):
    url, site = subpath_url
    origin = url[: -len(SUBPATH)]
    seen = watch(context, origin)
    pages = sorted(p for p in site.rglob("index.html"))
    assert len(pages) > 10
    for file in pages + [site / "404.html"]:
        rel = file.relative_to(site).as_posix()
        target = url + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)
        page.goto(target)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed"), \
            f"{target}: the theme's stylesheet did not load"
    assert seen["failed"] == [] and seen["elsewhere"] == [], seen


def test_navigation_search_and_copy_link_work_under_a_sub_path(page, context, subpath_url, guidebook):
    url, site = subpath_url
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=url[: -len(SUBPATH)])
    seen = watch(context, url[: -len(SUBPATH)])
    checklist = guidebook.checklist("police-long-term")
    path = page_path(site, checklist.id)
    page.goto(url)
    page.locator(f'.md-content a[href="{path}"]').first.click()
    page.wait_for_url(url + path)
    item = checklist.items[0]
    page.locator(f"#{item.id} button.gb-copy").click()
    page.locator("#gb-copy-status").filter(has_text=word("copy.done")).wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == f"{url}{path}#{item.id}"
    query = page.locator("input[data-md-component='search-query']")
    query.click()
    query.press_sequentially(" ".join(item.text.split()[:3]), delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    # the results of earlier keystrokes may show first (search loads on the first query): wait for the last
    wait_until(page, "part => [...document.querySelectorAll('.md-search-result__link')]"
                     ".some(a => a.getAttribute('href').startsWith(part))", arg=url + path)
    assert seen["failed"] == [] and seen["elsewhere"] == [], seen


def test_an_old_address_leads_to_the_renamed_page_and_item(page, renamed_url, guidebook):
    item = guidebook.checklist("police-within-24-hours").items[-1]
    old = RENAMED_FROM
    new = RENAMED_TO
    page.goto(renamed_url + old + f"#{item.id}")
    page.wait_for_url(renamed_url + new + f"#{item.id}")
    assert page.locator(f"#{item.id}").is_visible()
    assert page.locator(f"#check-{item.id}").count() == 1
