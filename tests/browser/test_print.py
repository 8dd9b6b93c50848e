"""Printing: Chromium prints each checklist page and the packet to PDF (page.pdf, print media), and
pdftotext (poppler-utils) reads the paper back. Every expectation comes from the data in data/."""
from __future__ import annotations

import datetime
import itertools
import re
import subprocess
import unicodedata

import pytest

from macros.guidebook import load_guidebook
from macros.guidebook.inline import render_inline
from tests.pdfread import size_of, text_sizes
from tests.support import ROOT, expected_site_url, page_path, plain, word

CHECK_MARK = "\u2713"  # print.css draws this mark in the box of a checked item
CHECKLIST_IDS = [c.id for c in load_guidebook(ROOT / "data", display_root=ROOT).checklists]
PACKET_PAGE_LIMIT = 8  # the whole packet, US Letter and A4 (the PDF packet too: tests/test_pdf.py)


# ---- helpers ------------------------------------------------------------------

def norm(text: str) -> str:
    """Text as printed, for comparison: one space between words, a hyphen or an address's slash at a line
    end joined."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = re.sub(r"([-/])[ \t]*\n\s*", r"\1", text)
    return " ".join(text.split())


def expected(fragment: str) -> str:
    """Inline text as printed: paper gives a web link's address after its words (print.css)."""
    with_addresses = re.sub(r'<a href="(http[^"]*)">(.*?)</a>', r"\2 (\1)", render_inline(fragment))
    return norm(plain(with_addresses))


def page_count(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.M)
    assert match, info
    return int(match.group(1))


def pdf_pages(pdf) -> list[str]:
    """The text of every page of `pdf`, page by page (pdftotext -f N -l N)."""
    return [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
            for n in range(1, page_count(pdf) + 1)]


def print_to_pdf(page, pdf, paper="Letter") -> list[str]:
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), format=paper)
    page.emulate_media(media="screen")
    return pdf_pages(pdf)


def new_page(browser, **options):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US", **options)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.js_errors = errors
    return context, page


@pytest.fixture
def print_page(browser):
    """A fresh profile in US English; fails the test on any JavaScript error."""
    context, page = new_page(browser)
    yield page
    assert page.js_errors == [], page.js_errors
    context.close()


def url_of(site, base_url, checklist_id) -> str:
    return base_url + page_path(site, checklist_id)


def site_furniture(page) -> list[str]:
    """What the screen shows around the content: navigation, search, footer and button labels, and every
    page title in the navigation. None of it may be printed, unless the printed content itself says it."""
    labels = page.evaluate("""() => {
        const texts = [];
        const add = t => { t = (t || "").replace(/\\s+/g, " ").trim(); if (t) texts.push(t); };
        document.querySelectorAll(".md-nav__link, .md-header__topic, .md-footer, .md-copyright, button, label.md-header__button")
            .forEach(el => add(el.textContent));
        document.querySelectorAll("button, [aria-label], input[placeholder]")
            .forEach(el => { add(el.getAttribute("aria-label")); add(el.getAttribute("placeholder")); add(el.title); });
        return texts;
    }""")
    labels += ["Search", "Table of contents", "Made with"]
    content = norm(page.evaluate("""() => {
        const article = document.querySelector(".md-content__inner").cloneNode(true);
        article.querySelectorAll(".gb-noprint, button").forEach(el => el.remove());
        const printedAddresses = [...article.querySelectorAll(".gb-source-note a")].map(a => a.href);  // print.css
        return article.textContent + " " + printedAddresses.join(" ");
    }"""))
    return sorted({norm(label) for label in labels if norm(label) and norm(label) not in content})


def printed(furniture: list[str], text: str) -> list[str]:
    """The labels of the site's furniture found in the printed text as words of their own: the "60" of a
    "60 minutes ago" button is not printed where the page's address shows port 36051."""
    return [label for label in furniture if re.search(rf"(?<!\w){re.escape(label)}(?!\w)", text)]


def today_stamp() -> str:
    """The date as the running header shows it in US English, e.g. "Printed June 22, 2022"."""
    d = datetime.date.today()
    return word("print.printed_on", date=f"{d:%B} {d.day}, {d.year}")


def assert_checklist_printed(text: str, checklist, guidebook, in_packet: bool = False):
    """In the packet the guidebook's title is on the cover, once, not on each checklist."""
    assert expected(checklist.title) in text, f"{checklist.id}: title missing"
    assert in_packet or norm(guidebook.title) in text, f"{checklist.id}: guidebook title missing"
    for audience in checklist.audiences:
        assert norm(audience.name) in text, f"{checklist.id}: audience {audience.name!r} missing"
    assert norm(checklist.source.title) in text, f"{checklist.id}: source missing"
    if checklist.phase:
        assert norm(checklist.phase.name) in text, f"{checklist.id}: phase missing"
    for item in checklist.items:
        assert expected(item.text) in text, f"{checklist.id}/{item.id}: item not printed"
        if item.details:
            assert expected(item.details) in text, f"{checklist.id}/{item.id}: details not printed"
    last = expected(checklist.items[-1].text)
    assert word("checklist.notes") in text[text.index(last):], f"{checklist.id}: no notes section after the last item"


# ---- each checklist page --------------------------------------------------------

@pytest.mark.parametrize("checklist_id", CHECKLIST_IDS)
def test_checklist_prints_every_item_and_none_of_the_site(checklist_id, print_page, base_url, site, guidebook, tmp_path):
    checklist = guidebook.checklist(checklist_id)
    url = url_of(site, base_url, checklist_id)
    print_page.goto(url)
    furniture = site_furniture(print_page)
    stamps = {today_stamp()}
    pages = print_to_pdf(print_page, tmp_path / f"{checklist_id}.pdf")
    stamps.add(today_stamp())  # printed just before or after midnight
    text = norm("\n".join(pages))

    assert_checklist_printed(text, checklist, guidebook)
    assert printed(furniture, text) == [], f"{checklist_id}: the site's navigation or controls were printed"
    assert CHECK_MARK not in text, "nothing is checked, yet a check mark was printed"
    for number, page_text in enumerate(pages, start=1):
        running = norm(page_text)
        assert url in running, f"page {number}: no page address in the running header"
        assert any(stamp in running for stamp in stamps), f"page {number}: no date printed in the running header"
        assert word("print.page_number", page=number, pages=len(pages)) in running


@pytest.mark.parametrize("checklist_id", ["municipal-crisis-response", "community-stakeholders"])
def test_blank_copy_has_empty_boxes_and_progress_copy_shows_the_checks(checklist_id, print_page, base_url, site,
                                                                       guidebook, tmp_path):
    checklist = guidebook.checklist(checklist_id)
    page = print_page
    page.goto(url_of(site, base_url, checklist_id))
    page.evaluate("() => { window.printCalls = 0; window.print = () => { window.printCalls += 1; }; }")
    ticked = checklist.items[::2]
    for item in ticked:
        page.locator(f"#check-{item.id}").check()

    page.get_by_role("button", name="Print a blank copy").click()
    assert page.evaluate("window.printCalls") == 1
    assert page.evaluate("document.documentElement.classList.contains('gb-print-blank')")
    blank = norm("\n".join(print_to_pdf(page, tmp_path / "blank.pdf")))
    assert_checklist_printed(blank, checklist, guidebook)
    assert CHECK_MARK not in blank, "a blank copy printed a check mark"
    # page.pdf() fires beforeprint and afterprint, like the browser's print dialog
    assert not page.evaluate("document.documentElement.classList.contains('gb-print-blank')"), \
        "the blank-copy mode outlived the printing"
    assert all(page.locator(f"#check-{item.id}").is_checked() for item in ticked), "printing changed the checks"

    page.get_by_role("button", name="Print a copy with my progress").click()
    assert page.evaluate("window.printCalls") == 2
    progress = norm("\n".join(print_to_pdf(page, tmp_path / "progress.pdf")))
    assert_checklist_printed(progress, checklist, guidebook)
    # a mark in the box of each checked item, and one before the time it was checked ("✓ 10:42 PM")
    assert progress.count(CHECK_MARK) == 2 * len(ticked), "the copy with progress must show exactly the checked items"

    plain_print = norm("\n".join(print_to_pdf(page, tmp_path / "menu.pdf")))
    assert plain_print.count(CHECK_MARK) == 2 * len(ticked), \
        "the browser's own Print command prints the checks (and their times) as they are"


def test_print_buttons_work_from_the_keyboard(print_page, base_url, site):
    page = print_page
    page.goto(url_of(site, base_url, "police-within-24-hours"))
    page.evaluate("() => { window.printCalls = 0; window.print = () => { window.printCalls += 1; }; }")
    group = page.get_by_role("group", name="Print this checklist")
    blank = group.get_by_role("button", name="Print a blank copy")
    blank.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Print a copy with my progress"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("window.printCalls") == 1
    assert page.evaluate("document.documentElement.classList.contains('gb-print-blank')")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert not page.evaluate("document.documentElement.classList.contains('gb-print-blank')")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert page.evaluate("window.printCalls") == 2
    assert not page.evaluate("document.documentElement.classList.contains('gb-print-blank')")


def test_without_javascript_there_is_no_print_button_and_the_page_prints_cleanly(browser, base_url, site,
                                                                                guidebook, tmp_path):
    checklist = guidebook.checklist("police-within-two-hours")
    context, page = new_page(browser, java_script_enabled=False)
    try:
        page.goto(url_of(site, base_url, checklist.id))
        assert page.locator('[data-gb="print"]').count() == 1
        assert not page.locator('[data-gb="print"]').is_visible()
        assert page.get_by_role("button", name="Print a blank copy").count() == 0
        furniture = site_furniture(page)
        text = norm("\n".join(print_to_pdf(page, tmp_path / "nojs.pdf")))
    finally:
        context.close()
    assert_checklist_printed(text, checklist, guidebook)
    assert printed(furniture, text) == []
    assert norm(word("print.printed_blank")) in text, "without the script, the date printed is a line to fill in"


def test_print_is_black_on_white_in_the_dark_colour_scheme(browser, base_url, site):
    context, page = new_page(browser, color_scheme="dark")
    try:
        page.goto(url_of(site, base_url, "police-long-term"))
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        page.emulate_media(media="print")
        colours = page.evaluate("""() => [...document.querySelectorAll(
                'h1, .gb-meta dt, .gb-meta dd, .gb-meta a, .gb-summary, .gb-notice, .gb-item label, .gb-details, '
                + '.gb-source-note')]
            .map(el => getComputedStyle(el).color)""")
        assert colours and set(colours) == {"rgb(0, 0, 0)"}, set(colours)
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") in ("rgb(255, 255, 255)",)
        box = page.evaluate("""() => { const s = getComputedStyle(document.querySelector('.gb-check'));
            return {style: s.borderTopStyle, colour: s.borderTopColor, width: parseFloat(s.width)}; }""")
        assert box["style"] == "solid" and box["colour"] == "rgb(0, 0, 0)"
        assert box["width"] >= 14, box  # a clearly visible drawn box (12pt)
        hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary', '.md-footer',
                                         '.md-search', '.gb-print-controls']
            .map(s => document.querySelector(s)).filter(Boolean).map(el => el.checkVisibility())""")
        assert len(hidden) == 6 and set(hidden) == {False}
    finally:
        context.close()


# ---- the details block and the notice --------------------------------------------------

def test_details_are_two_aligned_columns_and_the_notice_is_smaller_than_the_items(print_page, base_url, site,
                                                                                 guidebook, tmp_path):
    """A blank copy of a police checklist (it has every detail, When included, and the Part 2 notice): each
    label stands beside its value, the values start in one column on paper and on screen, no label runs
    into the value before it ("When Within 24 hoursPart"), and the notice is set smaller than the items."""
    checklist = next(c for c in guidebook.checklists if c.phase and c.part.notice)
    page = print_page
    page.goto(url_of(site, base_url, checklist.id))
    for media in ("screen", "print"):
        page.emulate_media(media=media)
        rows = page.evaluate("""() => [...document.querySelectorAll('.gb-meta > div')]
            .filter((row) => row.getClientRects().length)
            .map((row) => [row.querySelector('dt'), row.querySelector('dd')].map((el) => el.getBoundingClientRect()))
            .map(([dt, dd]) => ({dtRight: dt.right, ddLeft: dd.left,
                                 top: Math.min(dt.top, dd.top), bottom: Math.max(dt.bottom, dd.bottom)}))""")
        assert len(rows) >= 4, rows
        assert len({round(r["ddLeft"]) for r in rows}) == 1, f"{media}: the values do not start in one column: {rows}"
        assert all(r["ddLeft"] > r["dtRight"] + 4 for r in rows), f"{media}: a label touches its value"
        assert all(b["top"] >= a["bottom"] - 0.5 for a, b in itertools.pairwise(rows)), \
            f"{media}: two details share a line"
    page.emulate_media(media="screen")
    page.evaluate("() => { window.print = () => {}; }")
    page.get_by_role("button", name=word("print.blank")).click()
    pdf = tmp_path / "blank.pdf"
    text = norm("\n".join(print_to_pdf(page, pdf)))
    values = [norm(checklist.phase.name), norm(checklist.part.title), str(checklist.source.year or "")]
    labels = [word(f"checklist.{key}") for key in ("guidebook", "for", "source", "when", "part")]
    for value in filter(None, values):
        for label in labels:
            assert value + label not in text.replace(" ", ""), f"{value!r} runs into {label!r}"
    assert norm(checklist.phase.name) + " " + word("checklist.part") + " " in text
    runs = text_sizes(pdf)
    item = size_of(runs, plain(render_inline(checklist.items[0].text)).split(".")[0][:30])
    notice = size_of(runs, norm(plain(render_inline(checklist.part.notice)))[:30])
    summary = size_of(runs, norm(plain(render_inline(checklist.summary)))[:30])
    print(f"\nitems {item} pt, summary {summary} pt, notice {notice} pt")
    assert notice < item and notice < summary, f"the notice ({notice} pt) is not smaller than the items ({item} pt)"


# ---- the stakeholder roster -------------------------------------------------------

def test_stakeholder_checklist_prints_as_a_roster(print_page, base_url, site, guidebook, tmp_path):
    checklist = next(c for c in guidebook.checklists if c.layout == "roster")
    page = print_page
    page.goto(url_of(site, base_url, checklist.id))
    page.emulate_media(media="print")
    head = page.locator(".gb-roster-head")
    assert head.is_visible()
    columns = [s.strip() for s in head.locator("span").all_inner_texts()]
    assert columns[2:] == ["Contact name", "Organization", "Phone"]
    head_box = head.bounding_box()
    for item in checklist.items:
        row = page.locator(f"#{item.id}")
        cells = row.locator(".gb-roster-cell")
        assert cells.count() == 3
        label_box = row.locator(f'label[for="check-{item.id}"]').bounding_box()
        for n in range(3):
            cell = cells.nth(n)
            box = cell.bounding_box()
            assert box and box["width"] > 60, f"{item.id}: column {n + 1} is too narrow to write in"
            assert box["x"] > label_box["x"] + label_box["width"] - 1, f"{item.id}: column {n + 1} overlaps the group"
            assert cell.evaluate("el => getComputedStyle(el).borderBottomStyle") == "solid"
        assert row.bounding_box()["width"] <= head_box["width"] + 1
    text = norm("\n".join(print_to_pdf(page, tmp_path / "roster.pdf")))
    assert_checklist_printed(text, checklist, guidebook)
    header = text.index("Contact name")
    assert header < text.index("Organization") < text.index("Phone") < text.index(expected(checklist.items[0].text))


# ---- page breaks --------------------------------------------------------------------

def test_items_are_never_split_and_headings_keep_their_first_item(print_page, base_url, site, guidebook, tmp_path):
    """On small paper most checklists run over a page: every item (with its details) must still be whole on one
    page, and the page with the title must also show the first item. A5, and a shorter sheet of A5 width
    on which the longest items fall on page ends."""
    page = print_page
    spread = 0
    for checklist in guidebook.checklists:
        page.goto(url_of(site, base_url, checklist.id))
        page.emulate_media(media="print")
        for name, size in (("A5", {"format": "A5"}), ("short", {"width": "148mm", "height": "130mm"})):
            pdf = tmp_path / f"{checklist.id}-{name}.pdf"
            page.pdf(path=str(pdf), **size)
            pages = [norm(t) for t in pdf_pages(pdf)]
            spread = max(spread, len(pages))
            for item in checklist.items:
                whole = expected(item.text) + (" " + expected(item.details) if item.details else "")
                # pdftotext joins a word hyphenated at a line end ("make-" / "up" gives "makeup"): compare without hyphens
                assert any(whole.replace("-", "") in p.replace("-", "") for p in pages), \
                    f"{checklist.id}/{item.id} is split across pages ({name})"
            title_page = next(p for p in pages if expected(checklist.title) in p)
            assert expected(checklist.items[0].text) in title_page, f"{checklist.id}: title without its first item"
            if checklist.layout == "roster":
                head_page = next(p for p in pages if "Contact name" in p)
                assert expected(checklist.items[0].text) in head_page, "roster columns without their first row"
    assert spread > 1, "no checklist ran over a page, so this test proved nothing: use smaller paper"


# ---- the packet ----------------------------------------------------------------------

@pytest.mark.parametrize("paper", ["Letter", "A4"])
def test_packet_prints_cover_and_contents_on_one_page_then_the_parts(paper, print_page, base_url, site, guidebook,
                                                                    tmp_path):
    """Dense: the cover and the contents share the first page; the parts follow one another (a part's
    title is not a page of its own); each checklist is whole on one page (with today's content every one
    fits), with its items numbered as on its own page and "Completed by"; at most 8 pages."""
    page = print_page
    page.goto(base_url + "packet/")
    furniture = site_furniture(page)
    raw_pages = print_to_pdf(page, tmp_path / f"packet-{paper}.pdf", paper=paper)
    pages = [norm(t) for t in raw_pages]
    print(f"\npacket on {paper}: {len(pages)} pages")
    assert len(pages) <= PACKET_PAGE_LIMIT, f"the packet takes {len(pages)} {paper} pages"

    cover = page_body(raw_pages[0])
    for part in (guidebook.title, guidebook.subtitle, guidebook.publisher):
        assert norm(part) in cover
    assert not any(expected(item.text) in cover for _, item in guidebook.items)
    contents = cover[cover.index(word("packet.contents") + " "):]
    assert in_order(contents, [expected(c.title) for c in guidebook.checklists]), "contents incomplete or out of order"

    parts = [p for p in guidebook.parts if guidebook.checklists_in(p)]
    assert page_body(raw_pages[1]).startswith(norm(parts[0].title) + " "), "the first part does not open page 2"
    part_pages = [next(n for n, text in enumerate(pages) if norm(part.title) + " " in text) for part in parts]
    assert part_pages == sorted(part_pages)
    body = " ".join(pages[1:])
    at = 0
    for checklist in guidebook.checklists:  # every checklist whole, in order; short ones share a page
        first = body.index(expected(checklist.items[0].text), at)
        title = body.rindex(expected(checklist.title) + " " + expected_site_url() + page_path(site, checklist.id), at, first)
        assert_checklist_printed(body[title:], checklist, guidebook, in_packet=True)
        for number, item in enumerate(checklist.items, start=1):
            assert f"{number}. {expected(item.text)}" in body[title:], f"{checklist.id}: item {number} not numbered"
        assert norm(word("print.completed_by")) in body[title:]
        at = first
        on_one_page = [n for n, text in enumerate(pages) if expected(checklist.title) + " " + expected_site_url() in text
                       and expected(checklist.items[-1].text) in text]
        assert on_one_page, f"{checklist.id} is split across pages on {paper}"
    assert " ".join(pages).count(norm(word("print.completed_by"))) == len(guidebook.checklists)

    text = " ".join(pages)
    assert printed(furniture, text) == []
    assert CHECK_MARK not in text
    for number, running in enumerate(pages, start=1):
        assert word("print.page_number", page=number, pages=len(pages)) in running
        assert base_url + "packet/" in running


def in_order(text: str, needles: list[str]) -> bool:
    at = 0
    for needle in needles:
        at = text.find(needle, at)
        if at < 0:
            return False
        at += len(needle)
    return True


def page_body(page_text: str) -> str:
    """A printed page's content from its first line, without the running header and footer
    (page address, date printed, page number)."""
    lines = [norm(line) for line in page_text.splitlines() if norm(line)]
    printed, page_number = word("print.printed_on", date=""), word("print.page_number", page=r"\d+", pages=r"\d+")
    return " ".join(line for line in lines if not line.startswith("http") and not line.startswith(printed)
                    and not re.fullmatch(page_number, line))


def test_packet_blank_copy_leaves_every_box_empty(print_page, base_url, guidebook, tmp_path):
    page = print_page
    page.goto(base_url + "packet/")
    page.evaluate("() => { window.print = () => {}; }")
    boxes = page.locator(".gb-check")
    assert boxes.count() == len(guidebook.items)
    for n in (0, boxes.count() // 2, boxes.count() - 1):
        boxes.nth(n).check()
    assert page.get_by_role("group", name="Print the packet").is_visible()
    page.get_by_role("button", name="Print a blank copy").click()
    assert CHECK_MARK not in " ".join(print_to_pdf(page, tmp_path / "packet-blank.pdf"))
    page.get_by_role("button", name="Print a copy with my progress").click()
    # a mark in each checked box, and one before the time each was checked
    assert " ".join(print_to_pdf(page, tmp_path / "packet-progress.pdf")).count(CHECK_MARK) == 2 * 3


# ---- the screen ----------------------------------------------------------------------

def test_print_only_parts_stay_off_the_screen(print_page, base_url, site, guidebook):
    page = print_page
    for path in [page_path(site, c.id) for c in guidebook.checklists] \
            + ["packet/"]:
        page.goto(base_url + path)
        shown = page.evaluate("""() => [...document.querySelectorAll('.gb-print-only')]
            .filter(el => el.getClientRects().length > 0).map(el => el.className)""")
        assert shown == [], f"{path}: print-only parts show on screen"
        assert page.locator('[data-gb="print"]').is_visible(), f"{path}: no Print button"
