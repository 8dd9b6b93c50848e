"""Material's search in real Chromium: a phrase from an item finds the item, under its checklist,
and opening the result lands on the item itself (its address, in view, highlighted), online
and in the offline edition opened from disk."""
from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from urllib.parse import urlsplit

import pytest

from macros.guidebook.inline import plain_text
from macros.guidebook.search_index import read_full_index
from tests.support import checklist_pages, page_path, word
from tools.browser import wait_until
from tools.saved_progress import KEY, store_script, stored, wait_for_progress

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
    # The page's own requests: the service worker's precache, which fetches the search files in the
    # background once the page is idle (for use with no signal), is not the page loading them.
    context.on("request", lambda request: None if request.service_worker else requests.append(request.url))
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
    failures.extend([503, 503])  # a phone losing its signal for a moment: opening the box, the first query
    release.set()
    (checklist, item, phrase), _ = cases(guidebook)
    page.goto(url + page_path(site, checklist.id))
    query = page.locator("input[data-md-component='search-query']")
    query.click()  # opening the search box loads the index: it fails
    wait_until(page, "true")
    page.wait_for_timeout(300)
    assert len(asked) == 1
    query.press_sequentially(phrase[0])  # the first query tries again: it fails too, no results
    page.locator(".md-search-result__meta").filter(has_text=re.compile("No matching")).wait_for(timeout=5_000)
    assert len(asked) == 2
    query.press_sequentially(phrase[1:], delay=20)
    wait_for_item_result(page, url + page_path(site, checklist.id), item.id)
    assert len(asked) == 3, "the next query fetched the index again"


@pytest.mark.parametrize("viewport", [(390, 844), (1280, 900)], ids=["phone", "wide"])
def test_opening_the_search_box_loads_the_index_before_the_first_key(page, context, base_url, site, guidebook,
                                                                      viewport):
    """Issue 34: the index and Material's worker load while the reader finds the first key (a tap on the
    search button on a phone, the focus of the box on a wide screen), so the first key finds them there."""
    requests: list[str] = []
    context.on("request", lambda request: None if request.service_worker else requests.append(request.url))
    (checklist, item, phrase), _ = cases(guidebook)
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto(base_url + page_path(site, checklist.id))
    page.wait_for_load_state("networkidle")
    on_demand = loaded_on_first_search(site)
    assert fetched(requests, on_demand) == set()
    if viewport[0] < 1220:  # Material's search button, shown below its wide layout
        page.locator('label.md-header__button[for="__search"]').click()
    else:
        page.locator("input[data-md-component='search-query']").click()
    wait_until(page, "true")
    deadline = 50
    while fetched(requests, on_demand) != on_demand and deadline:
        page.wait_for_timeout(100)
        deadline -= 1
    assert fetched(requests, on_demand) == on_demand, "opening the box loads Material's worker and the index"
    assert page.locator("input[data-md-component='search-query']").input_value() == ""
    page.keyboard.type(phrase)
    wait_for_item_result(page, base_url + page_path(site, checklist.id), item.id)
    assert sum(urlsplit(url).path.endswith("/search_docs.json") for url in requests) == 1, "fetched once"


# --- The words people use in a crisis (issue 31) ---------------------------------------------------------

def item_with_keyword(guidebook, word: str):
    """The one item whose `keywords` (data/checklists/) hold `word`."""
    found = [(c, i) for c, i in guidebook.items if word in i.keywords]
    assert len(found) == 1, f"expected one item with the keyword {word!r}, found {[i.id for _, i in found]}"
    return found[0]


def results(page) -> list[list[str]]:
    """The addresses of each result group, in order (the group's page first)."""
    return page.evaluate("""[...document.querySelectorAll('.md-search-result__item')].map(group =>
        [...group.querySelectorAll('a.md-search-result__link')].map(a => {
            const address = new URL(a.href);
            address.search = "";  // Material's ?h= (the words to highlight)
            return address.href; }))""")


def open_search(page) -> None:
    opener = page.locator("label.md-header__button[for='__search']")
    if opener.is_visible():  # the phone layout opens search from a header button
        opener.click()
    page.locator("input[data-md-component='search-query']").click()


def settle(page) -> None:
    """Until the results stop changing (the last query's answer)."""
    wait_until(page, """() => new Promise(done => { const before = document.querySelector('.md-search-result')?.innerHTML;
        setTimeout(() => done(document.querySelector('.md-search-result')?.innerHTML === before), 400); })""")


def typed(page, phrase: str) -> None:
    query = page.locator("input[data-md-component='search-query']")
    query.fill("")
    query.press_sequentially(phrase, delay=20)
    settle(page)


@pytest.mark.parametrize("word", ["rumor", "rumors", "curfew"])
def test_a_crisis_word_finds_its_item_first(page, base_url, site, guidebook, word):
    checklist, item = item_with_keyword(guidebook, word)
    page.goto(base_url)
    search(page, word)
    wait_for_item_result(page, base_url + page_path(site, checklist.id), item.id)
    first = results(page)[0]
    assert first[1].endswith(f"#{item.id}"), f"{word!r}: the first item is {first[1]}"
    text = page.locator(".md-search-result").inner_text()
    shown = [k for k in item.keywords if re.search(rf"\b{re.escape(k)}\b", text, re.I)]
    assert not shown, f"keywords are searched, never shown: {shown}"


def index_doc(site, base_url: str, address: str) -> dict:
    """The search document of a result's address."""
    docs = {d["location"]: d for d in read_full_index(site)["docs"]}
    return docs[address.removeprefix(base_url)]


def test_press_conference_gives_the_press_item_first_and_nothing_that_says_only_conference(page, base_url, site,
                                                                                           guidebook):
    checklist, item = item_matching(guidebook, ISSUE_QUERY)
    page.goto(base_url + "about/")
    search(page, ISSUE_QUERY)
    wait_for_item_result(page, base_url + page_path(site, checklist.id), item.id)
    settle(page)
    found = results(page)
    assert found[0][1].endswith(f"#{item.id}")
    for group in found:
        for address in group[1:]:  # the group's page heads it; each entry under it must hold both words
            doc = index_doc(site, base_url, address)
            words = " ".join(str(doc.get(k, "")) for k in ("title", "text", "keywords")).lower()
            assert "press" in words and "conference" in words, f"{address} matches only one of the words"


@pytest.mark.parametrize("phrase", ["conference", "link", "guidebook", "municipalities", "href"])
def test_no_result_shows_markup(page, base_url, phrase):
    page.goto(base_url)
    open_search(page)
    typed(page, phrase)
    text = page.locator(".md-search-result").inner_text()
    assert not re.search(r"<\s*/?\s*[a-z]+[\s>]|&lt;|&gt;|href=", text, re.I), f"{phrase!r} shows markup: {text[:300]}"


def test_a_search_with_no_match_offers_the_role_entries(page, base_url, site, guidebook):
    page.goto(base_url + "resources/")
    open_search(page)
    typed(page, "zebra quartz")
    block = page.locator('[data-gb="search-fallback"]')
    block.wait_for(timeout=10_000)
    assert word("wayin.responding") in block.inner_text()
    links = block.locator("a")
    roles = [r for r in guidebook.roles if r.respond_with]
    assert links.count() == len(roles) == 3
    for n, role in enumerate(roles):
        link = links.nth(n)
        assert role.name in link.inner_text() and guidebook.checklist(role.respond_with).title in link.inner_text()
        assert link.get_attribute("href") == base_url + page_path(site, role.respond_with)
    typed(page, "rumor")  # results again: the entries go
    block.wait_for(state="detached", timeout=10_000)
    typed(page, "zebra quartz")
    block.wait_for(timeout=10_000)
    block.locator("a").first.click()
    page.wait_for_url(base_url + page_path(site, roles[0].respond_with))


# --- A renamed item: its old address still lands on it (issue 31) -------------------------------------

def renamed_item(guidebook):
    found = [(c, i, old) for c, i in guidebook.items for old in i.former_ids]
    assert found, "an item of the data has a former id"
    return found[0]


def assert_old_id_lands(page, item_id: str, old: str) -> None:
    page.wait_for_load_state()
    assert page.evaluate("document.querySelector(':target')?.id") == old
    assert page.evaluate("document.querySelector(':target').closest('li.gb-item')?.id") == item_id
    wait_until(page,
        """id => { const r = document.getElementById(id).getBoundingClientRect();
                   return r.top >= 0 && r.bottom <= innerHeight; }""", arg=item_id, timeout=5_000)
    # the old id's anchor covers its item with the highlight a link to the item's id gives the item (issue 34:
    # no :has() rule on every item)
    cover = page.evaluate("""([id, old]) => {
        const item = document.getElementById(id).getBoundingClientRect(), anchor = document.getElementById(old);
        const r = anchor.getBoundingClientRect();
        const near = (a, b) => Math.abs(a - b) <= 1;  // inside the item's border (1 px below it)
        const same = near(r.top, item.top) && near(r.bottom, item.bottom) && near(r.left, item.left) && near(r.right, item.right);
        return { same,
                 background: getComputedStyle(anchor).backgroundColor }; }""", [item_id, old])
    plain_background = page.evaluate(
        "id => getComputedStyle(document.querySelector(`li.gb-item:not(#${id})`)).backgroundColor", item_id)
    assert cover["same"], "the old id's anchor covers its item"
    assert cover["background"] != plain_background, "the renamed item is highlighted as a link to its id highlights it"


@pytest.mark.parametrize("viewport", [(390, 844), (1280, 900)])
def test_an_old_item_id_lands_on_the_renamed_item(page, base_url, site, guidebook, viewport):
    checklist, item, old = renamed_item(guidebook)
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto(base_url + page_path(site, checklist.id) + f"#{old}")
    assert_old_id_lands(page, item.id, old)


def test_an_old_item_id_lands_on_the_renamed_item_offline(page, context, offline_site, site, guidebook):
    context.route(lambda url: not url.startswith("file://"), lambda route: route.abort())
    checklist, item, old = renamed_item(guidebook)
    path = checklist_pages(site)[checklist.id].parent.relative_to(site).as_posix() + ".html"
    page.goto((offline_site / path).as_uri() + f"#{old}")
    assert_old_id_lands(page, item.id, old)


def test_progress_saved_under_an_old_id_carries_over(page, context, base_url, site, guidebook):
    checklist, item, old = renamed_item(guidebook)
    at = "2026-11-20T08:00:00.000Z"
    context.add_init_script(store_script(stored({checklist.id: {old: {"at": at, "who": "Sam", "note": "done"}}})))
    page.goto(base_url + page_path(site, checklist.id))
    wait_for_progress(page)
    assert page.locator(f"#check-{item.id}").is_checked(), "the check saved under the old id shows on the item"
    page.locator(f"#check-{checklist.items[0].id}").check()  # a change: the progress is written again
    saved = json.loads(page.evaluate(f"localStorage.getItem({json.dumps(KEY)})"))
    assert saved["checks"][checklist.id][item.id] == {"at": at, "who": "Sam", "note": "done"}, "who and note kept"
    assert old not in saved["checks"][checklist.id]
