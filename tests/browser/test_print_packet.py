"""The packet you choose: All, one part, one role's checklists, or checklists one by one. Chromium
prints the packet page (US Letter) after each choice and pdftotext reads it back: only the chosen
checklists are printed, in the order the printed contents list shows, each with its own address under
its title, the Part 2 notice once, and page numbers through the whole packet. Expectations come from
the data (guidebook, roles) and the catalogue of words."""
from __future__ import annotations

import pytest

from macros.guidebook import load_guidebook
from macros.guidebook.pdf import PACKET_FILES
from tests.browser.test_print import (
    CHECK_MARK,
    PACKET_PAGE_LIMIT,
    expected,
    in_order,
    norm,
    page_body,
    pdf_pages,
    print_to_pdf,
    today_stamp,
)
from tests.support import ROOT, expected_site_url, page_path, wait_for_packet, word

BOOK = load_guidebook(ROOT / "data", display_root=ROOT)
CHOICES = (
    [("all", word("packet.all"), [c.id for c in BOOK.checklists])]
    + [(p.id, p.title, [c.id for c in BOOK.checklists_in(p)]) for p in BOOK.parts if BOOK.checklists_in(p)]
    + [(f"role-{r.id}", word("packet.for_role", name=r.name), [c.id for c in BOOK.checklists_for(r)]) for r in BOOK.roles]
)
PICKED = [BOOK.checklists[-1].id, BOOK.checklists[len(BOOK.checklists) // 2].id]  # chosen out of order on purpose


def assert_packet_holds(pages: list[str], raw_pages: list[str], wanted: list[str], site, guidebook) -> None:
    chosen = [guidebook.checklist(i) for i in sorted(wanted, key=[c.id for c in guidebook.checklists].index)]
    first = page_body(raw_pages[0])  # the cover, then the contents
    contents = first[first.index(word("packet.contents") + " "):]
    for checklist in guidebook.checklists:
        audiences = "; ".join(a.name for a in checklist.audiences)
        listed = expected(checklist.title) + " " + norm(word("packet.for", audiences=audiences))
        assert (listed in contents) == (checklist in chosen), f"{checklist.id}: contents list does not follow the choice"
    assert in_order(contents, [expected(c.title) for c in chosen]), "contents out of order"
    body = " ".join(pages[1:])
    for checklist in guidebook.checklists:
        for item in checklist.items:
            assert (expected(item.text) in body) == (checklist in chosen), \
                f"{checklist.id}/{item.id}: printed although not chosen, or missing although chosen"
    firsts = [expected(c.items[0].text) for c in chosen]
    assert in_order(body, firsts), "the checklists are not printed in the order of the contents list"
    for checklist in chosen:  # its own address under its title
        address = expected_site_url() + page_path(site, checklist.id)
        title_at = body.index(expected(checklist.title) + " " + address)
        assert title_at < body.index(expected(checklist.items[0].text))
    part_2 = next(p for p in guidebook.parts if p.notice)
    notice = expected(part_2.notice)
    assert body.count(notice) == (1 if any(c.part.id == part_2.id for c in chosen) else 0), "the Part 2 notice"
    assert CHECK_MARK not in body
    for number, running in enumerate(pages, start=1):
        assert word("print.page_number", page=number, pages=len(pages)) in running


@pytest.mark.parametrize("name, label, wanted", CHOICES, ids=[c[0] for c in CHOICES])
def test_the_packet_prints_only_what_was_chosen(name, label, wanted, page, base_url, site, guidebook, tmp_path):
    page.goto(base_url + "packet/")
    wait_for_packet(page)
    page.get_by_role("radio", name=label, exact=True).check()
    status = page.locator('[data-gb="packet-status"]')
    assert status.text_content() == word("packet.holds", count=len(wanted), total=len(guidebook.checklists))
    raw = print_to_pdf(page, tmp_path / f"{name}.pdf")
    print(f"\n{name}: {len(raw)} Letter pages")
    assert_packet_holds([norm(t) for t in raw], raw, wanted, site, guidebook)


def test_the_packet_prints_single_checklists_chosen_one_by_one(page, base_url, site, guidebook, tmp_path):
    page.goto(base_url + "packet/")
    wait_for_packet(page)
    page.get_by_role("radio", name=word("packet.pick"), exact=True).check()
    for checklist in guidebook.checklists:  # uncheck all, then check the chosen ones
        page.get_by_role("checkbox", name=checklist.title, exact=True).uncheck()
    assert page.locator('[data-gb="packet-status"]').text_content() == word("packet.none_chosen")
    for checklist_id in PICKED:
        page.get_by_role("checkbox", name=guidebook.checklist(checklist_id).title, exact=True).check()
    raw = print_to_pdf(page, tmp_path / "picked.pdf")
    assert_packet_holds([norm(t) for t in raw], raw, PICKED, site, guidebook)


def test_a_role_in_the_address_chooses_that_role(page, base_url, site, guidebook, tmp_path):
    role = next(r for r in guidebook.roles if r.id == "police")
    page.goto(base_url + f"packet/?role={role.id}")
    wait_for_packet(page)
    assert page.get_by_role("radio", name=word("packet.for_role", name=role.name), exact=True).is_checked()
    raw = print_to_pdf(page, tmp_path / "role.pdf")
    assert_packet_holds([norm(t) for t in raw], raw, [c.id for c in guidebook.checklists_for(role)], site, guidebook)


def test_the_first_choice_moves_no_checklist_that_is_already_in_place(page, base_url, guidebook):
    """Moving a checklist makes the browser lay out the whole packet again; with "All checklists" every
    checklist is already where it belongs, so the page's own order stays. A later choice still orders
    them (the tests above print each choice)."""
    page.add_init_script("""
        const moves = (records) => records.filter((r) => r.target.matches?.('[data-gb="role-sort"]') && r.addedNodes.length);
        window.gbMoves = 0;
        const observer = new MutationObserver((records) => { window.gbMoves += moves(records).length; });
        observer.observe(document, { childList: true, subtree: true });
        document.addEventListener("readystatechange", () => {  // the parser is done: what moves now, a script moved
          if (document.readyState === "interactive") { observer.takeRecords(); window.gbMoves = 0; }
        });
    """)
    page.goto(base_url + "packet/")
    wait_for_packet(page)
    assert page.get_by_role("radio", name=word("packet.all"), exact=True).is_checked()
    shown = page.locator('[data-gb="role-sort"] > [data-gb="packet-checklist"]:not([hidden])')
    assert shown.evaluate_all("list => list.map((s) => s.dataset.checklist)") == [c.id for c in guidebook.checklists]
    assert page.evaluate("window.gbMoves") == 0


def test_the_cover_gets_the_date_it_is_printed_on(page, base_url, tmp_path):
    """Set as the page prints (formatting the first date costs the page some 25 ms, so not as it opens)."""
    page.goto(base_url + "packet/")
    wait_for_packet(page)
    cover_date = page.locator('[data-gb="print-date"]')
    assert cover_date.text_content() == word("print.printed_blank")
    stamps = {today_stamp()}
    cover = page_body(print_to_pdf(page, tmp_path / "packet.pdf")[0])  # without the running header's date
    stamps.add(today_stamp())  # printed just before or after midnight
    assert any(stamp in cover for stamp in stamps), cover


def numbered_items(text: str, guidebook) -> list[str]:
    """Every item as printed, "3. Its text", in the order found; fails on an item missing or out of order."""
    found, at = [], 0
    for checklist in guidebook.checklists:
        for number, item in enumerate(checklist.items, start=1):
            printed = f"{number}. {expected(item.text)}"
            at = text.find(printed, at)
            assert at >= 0, f"{checklist.id}: {printed!r} missing or out of order"
            found.append(printed)
    return found


def test_the_pdf_and_the_printed_packet_are_one_document(page, base_url, site, guidebook, tmp_path):
    """A clerk printing "All checklists" from the packet page and one downloading the PDF hold the same
    items with the same numbers in the same order, both with "Completed by" on each checklist and the
    police part's windows, both on at most 8 US Letter pages: "item 3" means the same on either copy."""
    page.goto(base_url + "packet/")
    wait_for_packet(page)
    assert page.get_by_role("radio", name=word("packet.all"), exact=True).is_checked()
    printed = [norm(t) for t in print_to_pdf(page, tmp_path / "all.pdf")]
    made = [norm(t) for t in pdf_pages(site / PACKET_FILES["letter"])]
    print(f"\nbrowser: {len(printed)} Letter pages, PDF: {len(made)} Letter pages")
    for copy in (printed, made):
        assert len(copy) <= PACKET_PAGE_LIMIT
    printed_text, made_text = " ".join(printed), " ".join(made)
    assert numbered_items(printed_text, guidebook) == numbered_items(made_text, guidebook)
    for text in (printed_text, made_text):
        assert text.count(norm(word("print.completed_by"))) == len(guidebook.checklists)
        assert text.count(norm(word("print.phase_windows"))) == 1
        assert text.count(norm(word("print.incident_blank"))) == 1
        assert in_order(text, [expected(c.title) for c in guidebook.checklists])
