"""A checklist page in real Chromium: what a reader sees and can reach."""
from tests.support import page_path
from tools.browser import wait_until


def test_every_checkbox_has_an_accessible_name(page, base_url, site, guidebook):
    checklist = guidebook.checklist("police-within-two-hours")
    page.goto(base_url + page_path(site, checklist.id))
    boxes = page.get_by_role("checkbox")
    assert boxes.count() == len(checklist.items)
    for item in checklist.items:
        box = page.locator(f"#check-{item.id}")
        name = box.evaluate("el => el.labels[0].textContent.trim()")
        assert name and box.is_visible()


def test_item_anchor_scrolls_to_the_item(page, base_url, site, guidebook):
    checklist = guidebook.checklist("police-long-term")
    last = checklist.items[-1]
    page.set_viewport_size({"width": 390, "height": 500})
    page.goto(base_url + page_path(site, checklist.id) + f"#{last.id}")
    page.wait_for_timeout(300)
    assert page.locator(f"#{last.id}").is_visible()
    box = page.locator(f"#{last.id}").bounding_box()
    assert 0 <= box["y"] < 500, box


def test_search_finds_an_item_by_its_words(page, base_url, guidebook):
    item = guidebook.checklist("police-long-term").items[3]  # data-driven: any item would do
    words = " ".join(item.text.split()[:3])
    page.goto(base_url)
    page.wait_for_load_state("networkidle")  # our search worker is ready; it loads the index on the first search
    query = page.locator("input[data-md-component='search-query']")
    query.click()
    query.press_sequentially(words, delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    # the results of earlier keystrokes may show first (search loads on the first query): wait for the last
    wait_until(page, "part => [...document.querySelectorAll('.md-search-result__link')]"
                     ".some(a => a.getAttribute('href').includes(part))", arg="police/long-term/")
