"""Material's search in real Chromium: a phrase from an item finds the item, under its checklist,
and opening the result lands on the item itself (its address, in view, highlighted), online
and in the offline edition opened from disk."""
from __future__ import annotations

import functools
import http.server
import re
import threading
from urllib.parse import urlsplit

import pytest

from macros.guidebook.inline import plain_text
from tests.support import checklist_pages, page_path
from tools.browser import wait_until

ISSUE_QUERY = "press conference"  # the query of issue 12


def item_matching(guidebook, words: str):
    found = [(c, i) for c, i in guidebook.items if words in plain_text(i.text).lower()]
    assert len(found) == 1, f"expected one item about {words!r}, found {[i.id for _, i in found]}"
    return found[0]


def cases(guidebook):
    """(checklist, item, what to type): the issue's query, and the first words of another item."""
    checklist, item = item_matching(guidebook, ISSUE_QUERY)
    other = guidebook.checklist("police-within-24-hours")
    last = other.items[-1]
    return [(checklist, item, ISSUE_QUERY), (other, last, " ".join(plain_text(last.text).split()[:4]))]


def search(page, phrase: str):
    """Type into Material's search box; the first result group once it shows."""
    query = page.locator("input[data-md-component='search-query']")
    opener = page.locator("label.md-header__button[for='__search']")
    if opener.is_visible():  # the phone layout opens search from a header button
        opener.click()
    query.click()
    query.press_sequentially(phrase, delay=20)
    first = page.locator(".md-search-result__item").first
    first.wait_for(timeout=10_000)
    return first


def open_first_item_result(page, phrase: str, checklist_href: str, by_enter: bool = False):
    """The first result is the checklist (as context) with the item under it; open the item, with a
    click or with Enter in the search box (Material then opens the best-scoring link of that result)."""
    group = search(page, phrase)
    links = group.locator("a.md-search-result__link")
    article = links.first
    assert article.get_attribute("href").split("?")[0] == checklist_href, "the checklist heads the first result"
    if by_enter:
        page.locator("input[data-md-component='search-query']").press("Enter")
    else:
        group.locator("a.md-search-result__link[href*='#']").first.click()


def assert_landed_on(page, item_id: str):
    page.wait_for_url(re.compile(f"#{re.escape(item_id)}$"))
    page.wait_for_load_state()
    item = page.locator(f"li#{item_id}")
    assert page.evaluate("document.querySelector(':target')?.id") == item_id
    item.wait_for()
    wait_until(page,
        """id => { const r = document.getElementById(id).getBoundingClientRect();
                   return r.top >= 0 && r.bottom <= innerHeight; }""", arg=item_id, timeout=5_000)
    background = page.evaluate("id => getComputedStyle(document.getElementById(id)).backgroundColor", item_id)
    plain_background = page.evaluate(
        "id => getComputedStyle(document.querySelector(`li.gb-item:not(#${id})`)).backgroundColor", item_id)
    assert background != plain_background, "the item is highlighted as item links highlight it"


@pytest.mark.parametrize("case, viewport, by_enter", [
    (0, (390, 844), False), (1, (390, 844), True), (0, (1280, 900), True), (1, (1280, 900), False)])
def test_searching_an_items_words_opens_that_item(page, base_url, site, guidebook, case, viewport, by_enter):
    checklist, item, phrase = cases(guidebook)[case]
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto(base_url + "about/")
    path = checklist_pages(site)[checklist.id].parent.relative_to(site).as_posix() + "/"
    open_first_item_result(page, phrase, base_url + path, by_enter)
    assert page.url.split("?")[0] == base_url + path
    assert_landed_on(page, item.id)


def test_interface_words_and_the_packet_give_no_result(page, base_url, site, guidebook):
    page.goto(base_url)
    search(page, ISSUE_QUERY)
    checklist, item = item_matching(guidebook, ISSUE_QUERY)
    wait_for_item_result(page, base_url + page_path(site, checklist.id), item.id)  # the last query's results
    hrefs = page.evaluate("[...document.querySelectorAll('a.md-search-result__link')].map(a => a.getAttribute('href'))")
    assert hrefs and not [h for h in hrefs if "/packet/" in h], "the packet repeats every item"
    query = page.locator("input[data-md-component='search-query']")
    query.fill("")
    query.press_sequentially("copied", delay=20)  # said by every copy button (Material reads key events)
    page.locator(".md-search-result__meta").filter(has_text=re.compile("No matching")).wait_for(timeout=5_000)
    assert page.locator(".md-search-result__item").count() == 0


@pytest.fixture(scope="module")
def offline_site(offline_edition):
    return offline_edition["site"]


def test_offline_search_opens_the_item_from_disk(page, context, offline_site, site, guidebook):
    context.route(lambda url: not url.startswith("file://"), lambda route: route.abort())
    checklist, item, phrase = cases(guidebook)[0]
    path = checklist_pages(site)[checklist.id].parent.relative_to(site).as_posix() + ".html"
    page.goto((offline_site / "about.html").as_uri())
    open_first_item_result(page, phrase, (offline_site / path).as_uri())
    assert page.url.startswith((offline_site / path).as_uri())
    assert_landed_on(page, item.id)


# --- Search on demand: the first load fetches neither Material's worker nor the full index ------------

def loaded_on_first_search(site) -> set[str]:
    """The files a page must not fetch before the reader searches: Material's worker and the full index."""
    worker = [p.name for p in (site / "assets" / "javascripts" / "workers").glob("search.*.min.js")]
    assert len(worker) == 1
    return {worker[0], "search_docs.json"}


def fetched(requests: list[str], names: set[str]) -> set[str]:
    return {name for name in names for url in requests if urlsplit(url).path.endswith("/" + name)}


def wait_for_item_result(page, checklist_href: str, item_id: str) -> None:
    """Until the first result group heads `checklist_href` and holds a link to the item."""
    wait_until(page, """([checklist, id]) => {
        const group = document.querySelector(".md-search-result__item");
        const head = group?.querySelector("a.md-search-result__link");
        return !!head && head.href.split("?")[0] === checklist
            && !!group.querySelector(`a.md-search-result__link[href*="#${id}"]`); }""",
        arg=[checklist_href, item_id])


def test_first_load_fetches_no_search_worker_or_index_until_the_reader_searches(page, context, base_url, site,
                                                                                 guidebook):
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    (checklist, item, phrase), (other, last, other_phrase) = cases(guidebook)
    page.goto(base_url + page_path(site, other.id))
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    on_demand = loaded_on_first_search(site)
    assert fetched(requests, on_demand) == set(), "loaded before any search"
    assert any("search_index.json" in url for url in requests), "the page loads the index's config"

    search(page, phrase)
    wait_for_item_result(page, base_url + page_path(site, checklist.id), item.id)
    assert fetched(requests, on_demand) == on_demand, "the first search loads Material's worker and the index"
    query = page.locator("input[data-md-component='search-query']")
    query.fill("")
    query.press_sequentially(other_phrase, delay=20)  # a second search, in the same worker
    wait_for_item_result(page, base_url + page_path(site, other.id), last.id)
    page.locator(f"a.md-search-result__link[href*='#{last.id}']").first.click()
    assert_landed_on(page, last.id)


class HeldIndexHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site, holding every request for the full index until `release` is set; the first
    requests for it are answered with the error statuses listed in `failures`."""
    release: threading.Event
    asked: list[str]
    failures: list[int]

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self):
        if urlsplit(self.path).path.endswith("/search_docs.json"):
            self.asked.append(self.path)
            self.release.wait(timeout=30)
            if self.failures:
                self.send_error(self.failures.pop(0))
                return
        super().do_GET()


@pytest.fixture
def held_site(site):
    """(base URL, asked, release, failures): the site served with its full index held back until
    release.set(), and answered with the errors in `failures` first."""
    release, asked, failures = threading.Event(), [], []
    handler = type("Handler", (HeldIndexHandler,), {"release": release, "asked": asked, "failures": failures})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", asked, release, failures
    release.set()
    server.shutdown()


def test_queries_typed_before_search_has_loaded_give_the_last_querys_results(page, held_site, site, guidebook):
    url, asked, release, _ = held_site
    (checklist, _, phrase), (other, last, other_phrase) = cases(guidebook)
    page.goto(url + page_path(site, checklist.id))
    query = page.locator("input[data-md-component='search-query']")
    query.click()
    query.press_sequentially(phrase)  # typed fast, while the full index is held back
    query.press("Control+a")
    query.press_sequentially(other_phrase)
    wait_until(page, "true")
    page.wait_for_timeout(300)
    assert len(asked) == 1, "one fetch of the full index however many queries arrive"
    assert page.locator(".md-search-result__item").count() == 0, "no results before the index has loaded"
    release.set()
    wait_for_item_result(page, url + page_path(site, other.id), last.id)
    page.wait_for_timeout(1000)  # nothing older comes after it
    wait_for_item_result(page, url + page_path(site, other.id), last.id)
    assert query.input_value() == other_phrase


def test_when_the_index_fails_to_load_the_next_query_tries_again(page, held_site, site, guidebook):
    url, asked, release, failures = held_site
    failures.append(503)  # a phone losing its signal for a moment
    release.set()
    (checklist, item, phrase), _ = cases(guidebook)
    page.goto(url + page_path(site, checklist.id))
    query = page.locator("input[data-md-component='search-query']")
    query.click()
    query.press_sequentially(phrase[0])  # the first query: the index fails to load, no results
    page.locator(".md-search-result__meta").filter(has_text=re.compile("No matching")).wait_for(timeout=5_000)
    assert len(asked) == 1
    query.press_sequentially(phrase[1:], delay=20)
    wait_for_item_result(page, url + page_path(site, checklist.id), item.id)
    assert len(asked) == 2, "the next query fetched the index again"
