"""The home page's way in: "Responding right now?" on the first phone screen, one entry per role; a
shared ?role= link puts that role first and the role stays while the reader moves around."""
from __future__ import annotations

from tests.support import page_path, word
from tools.browser import wait_until


def test_responding_right_now_is_on_the_first_phone_screen(browser, base_url, site, guidebook):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(base_url)
    heading = page.get_by_role("heading", name=word("wayin.responding"))
    assert heading.bounding_box()["y"] < 844
    roles = [r for r in guidebook.roles if r.respond_with]
    assert len(roles) == 3
    for role in roles:
        entry = page.locator(f'.gb-entries li[data-role="{role.id}"] a')
        box = entry.bounding_box()
        assert box["y"] + box["height"] <= 844, role.id
        assert box["height"] >= 44, "a large target"
        assert entry.evaluate("a => a.href").split("?")[0] == base_url + page_path(site, role.respond_with)
        assert guidebook.checklist(role.respond_with).title in entry.inner_text()
    context.close()


def test_a_shared_role_link_puts_the_role_first_and_keeps_it(page, base_url, site, guidebook):
    police = next(r for r in guidebook.roles if r.id == "police")
    page.goto(base_url + "?role=police")
    first_role = """document.querySelector('.gb-entries li').dataset.role === 'police'"""
    wait_until(page, first_role)  # roles.js, loaded where there is a role to show
    page.locator(".gb-entries li").first.locator("a").click()
    assert page.url == base_url + page_path(site, police.respond_with) + "?role=police"
    page.goto(base_url + page_path(site, "municipal-crisis-response"))
    wait_until(page, "location.search.includes('role=police')")  # the role stays while moving around
    page.goto(base_url)
    wait_until(page, first_role)
