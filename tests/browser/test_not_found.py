"""The 404 page that helps: a web host sends it for any address the site does not have, at any depth and
under a sub-path. It says the page has moved or does not exist, gives each role's checklist for the first
hour as a large link, a search and every checklist; no axe violation in either palette."""
from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from macros.guidebook.inline import plain_text
from tests.browser.test_accessibility import axe_report
from tests.support import SUBPATH_URL, page_path, wait_for_incident_start, word
from tools.browser import wait_until
from tools.server import serve

MISSING = ["no-such-page/", "police/within-99-hours/", "municipal/old/deeper/still/page.html"]


@pytest.fixture(scope="module")
def host(site):
    """The built site on a server that answers a missing address with the site's 404.html, as web hosts do."""
    server, url = serve(site, not_found="404.html")
    yield url
    server.shutdown()


def responders(guidebook):
    """(role, its checklist for the first hour): the home page's way in, from data/guidebook.yml."""
    return [(r, guidebook.checklist(r.respond_with)) for r in guidebook.roles if r.respond_with]


def assert_helps(page, guidebook, root: str) -> None:
    """The page says what happened and links each checklist from the site's root `root` ('/' or '/sub/')."""
    assert page.get_by_role("heading", level=1).inner_text() == word("notfound.title")
    assert page.title().startswith(word("notfound.title"))
    crisis = responders(guidebook)
    assert {"police-within-two-hours", "municipal-crisis-response"} <= {c.id for _, c in crisis}
    for role, checklist in crisis:
        link = page.locator(".gb-entries a").filter(has_text=checklist.title)
        assert link.get_attribute("href") == root + checklist.address
        assert role.name in link.inner_text()
        assert link.bounding_box()["height"] >= 44, "a large target"
    listed = page.locator("h2#all-checklists ~ ul a")
    hrefs = [a.get_attribute("href") for a in listed.all()]
    assert sorted(hrefs) == sorted(root + c.address for c in guidebook.checklists)
    assert [a.inner_text() for a in listed.all()] == [c.title for p in guidebook.parts
                                                      for c in guidebook.checklists_in(p)]


def test_a_missing_address_at_any_depth_gets_the_page_that_helps(page, host, guidebook):
    for path in MISSING:
        response = page.goto(host + path)
        assert response is not None and response.status == 404, path
        assert_helps(page, guidebook, "/")
        assert page.locator("link[rel=stylesheet]").count() >= 2
        assert page.evaluate("getComputedStyle(document.querySelector('.gb-entries')).display") == "grid", \
            "our stylesheet loaded at this depth"


def test_its_crisis_links_open_the_checklists(page, host, site, guidebook):
    for _, checklist in responders(guidebook):
        page.goto(host + MISSING[-1])
        page.locator(".gb-entries a").filter(has_text=checklist.title).click()
        page.wait_for_url(host + page_path(site, checklist.id))
        assert page.get_by_role("heading", level=1).inner_text() == checklist.title


def test_it_shows_the_incident_bar_whose_link_leads_to_the_now_list(page, host, site, guidebook):
    """The 404 page's root is absolute ('/'), the other pages' relative ('..'): the bar's link works from both."""
    page.goto(host + page_path(site, "police-within-two-hours"))
    page.locator('[data-gb="incident"]').get_by_role("button", name=word("status.started_now")).click()
    wait_for_incident_start(page)
    page.goto(host + MISSING[-1])
    bar = page.locator('[data-gb="incident-bar"]')
    assert bar.is_visible()
    wait_until(page, """document.querySelector('[data-gb="bar-open"]').textContent !== ''""")  # incidentbar.js, loaded now
    assert page.locator('[data-gb="bar-open"]').evaluate("a => a.href") == host + "now/"  # the address it leads to


def test_its_search_finds_an_item(page, host, guidebook):
    checklist = guidebook.checklist("police-within-two-hours")
    words = " ".join(plain_text(checklist.items[2].text).split()[:3])
    page.goto(host + MISSING[1])
    page.get_by_label(word("notfound.search_label")).fill(words)
    page.get_by_role("button", name=word("notfound.search_button")).click()
    page.wait_for_url(re.compile(r"\?q="))
    assert urlsplit(page.url).path == "/", "the search opens on the home page"
    first = page.locator(".md-search-result__item").first
    first.wait_for(timeout=10_000)
    assert checklist.title in first.inner_text()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width, height", [(390, 844), (1280, 900)])
def test_the_page_has_no_axe_violation(browser, host, scheme, width, height):
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(host + MISSING[1])
    page.wait_for_load_state("load")
    assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
    assert axe_report(page) == []
    context.close()


def test_the_page_works_under_a_sub_path(page, subpath_site, guidebook, tmp_path):
    """Built with SITE_URL under a sub-path: its links name that sub-path, from any depth."""
    root = urlsplit(SUBPATH_URL).path  # '/cares/guidebook/'
    mount = tmp_path / "host"
    (mount / root.strip("/")).parent.mkdir(parents=True)
    os.symlink(subpath_site, mount / root.strip("/"))
    server, url = serve(mount, not_found=str(Path(root.strip("/")) / "404.html"))
    try:
        response = page.goto(url + root.lstrip("/") + MISSING[-1])
        assert response is not None and response.status == 404
        assert_helps(page, guidebook, root)
        page.locator(".gb-entries a").first.click()
        wait_until(page, "document.querySelector('.gb-checklist') !== null")
        assert urlsplit(page.url).path.startswith(root)
    finally:
        server.shutdown()
