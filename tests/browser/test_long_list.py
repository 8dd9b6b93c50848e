"""A long checklist (issue 12): 120 items, past what any checklist of the guidebook has today. With every
item saved as checked, each gets its record (made 50 per task, so that a long list never holds the
page); an item checked while they are being made gets one record, not none or two; a link to item 100
opens on that item, though items past the 20th are laid out only when near (content-visibility)."""
from __future__ import annotations

import pytest

from tests.support import built, copy_project, wait_for_progress
from tools.browser import wait_until
from tools.saved_progress import store_script, stored
from tools.server import serve

ITEMS = 120
WHEN = "2026-11-20T08:00:00.000Z"


def long_checklist() -> str:
    lines = ["id: long-list", "address: long-list/", "title: A long list", "part: part-2-police-officials",
             "order: 99", "source: doj-crs-checklist", "audiences: [police-official]", "summary: Many items.", "items:"]
    for n in range(ITEMS):
        lines += [f"  - id: long-item-{n}", f"    text: Item number {n} of a long list."]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def long_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("long-list")
    project = copy_project(root / "project")
    (project / "data" / "checklists" / "long-list.yml").write_text(long_checklist(), encoding="utf-8")
    server, url = serve(built(project, root / "site", {"GUIDEBOOK_PDF": "skip"}))
    yield url + "long-list/"
    server.shutdown()


def saved(skip: int | None = None) -> str:
    checks = {f"long-item-{n}": {"at": WHEN} for n in range(ITEMS) if n != skip}
    return stored({"long-list": checks})


def shown_records(page) -> int:
    return page.locator('[data-gb="record"]:not([hidden])').count()


def test_every_saved_check_gets_one_record_and_a_check_made_meanwhile_too(context, page, long_url):
    context.add_init_script(store_script(saved(skip=110)))
    page.goto(long_url)
    wait_for_progress(page)
    page.locator("#check-long-item-110").check()
    wait_until(page, f"document.querySelectorAll('[data-gb=\"record\"]:not([hidden])').length === {ITEMS}")
    assert page.locator('[data-gb="record"][data-item="long-item-110"]').count() == 1
    assert page.locator('[data-gb="record"]').count() == ITEMS, "an item got two records"


def test_a_link_to_an_item_past_the_twentieth_opens_on_it(page, long_url):
    page.goto(long_url + "#long-item-100")
    wait_for_progress(page)
    page.wait_for_timeout(300)
    box = page.locator("#long-item-100").bounding_box()
    height = page.viewport_size["height"]
    assert box is not None and 0 <= box["y"] < height, f"item 100 is at {box} in a window {height} px high"
    assert page.locator("#long-item-100").evaluate("el => getComputedStyle(el).contentVisibility") == "auto"
