"""Material's search in real Chromium: a phrase from an item finds the item, under its checklist,
and opening the result lands on the item itself (its address, in view, highlighted), online
and in the offline edition opened from disk."""
from __future__ import annotations

import re

import pytest

from macros.guidebook.inline import plain_text
from tests.support import checklist_pages
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


def test_interface_words_and_the_packet_give_no_result(page, base_url, guidebook):
    page.goto(base_url)
    search(page, ISSUE_QUERY)
    hrefs = [a.get_attribute("href") for a in page.locator("a.md-search-result__link").all()]
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
