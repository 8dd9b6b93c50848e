"""The downloadable PDF packet, as the build writes it into the site, read back with poppler
(pdfinfo, pdftotext, pdftoppm), pypdf and zbarimg. Every expectation comes from data/."""
from __future__ import annotations

import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pypdf import PdfReader

from macros.guidebook.inline import render_inline
from macros.guidebook.pdf import PACKET_FILES
from tests.pdfread import size_of, structure, text_sizes
from tests.support import build, expected_site_url, page_path, plain, word

PAGE_LIMIT = 8  # US Letter and A4, as the packet page prints (tests/browser/test_print.py)
PDFUA_NS = "http://www.aiim.org/pdfua/ns/id/"
PAPER_POINTS = {"letter": (612, 792), "a4": (595, 842)}


def norm(text: str) -> str:
    """Text as printed: one space between words, a hyphen or an address broken after a slash at a line end joined."""
    return " ".join(re.sub(r"([-/])[ \t]*\n\s*", r"\1", text).split())


def expected(fragment: str) -> str:
    """Inline text as printed: paper gives each link's address after its words (packet-pdf.css)."""
    with_addresses = re.sub(r'<a href="(http[^"]*)">(.*?)</a>', r"\2 (\1)", render_inline(fragment))
    return norm(plain(with_addresses))


def pdfinfo(pdf: Path, *options: str) -> str:
    return subprocess.run(["pdfinfo", *options, str(pdf)], capture_output=True, text=True, check=True).stdout


def page_text(pdf: Path, number: int, layout: bool = False) -> str:
    command = ["pdftotext", *(["-layout"] if layout else []), "-f", str(number), "-l", str(number), str(pdf), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def info_field(info: str, name: str) -> str:
    match = re.search(rf"^{name}:\s+(.*)$", info, re.MULTILINE)
    assert match, f"pdfinfo gives no {name}"
    return match.group(1).strip()


def page_count(pdf: Path) -> int:
    return int(info_field(pdfinfo(pdf), "Pages"))


def decoded_qr_codes(pdf: Path, number: int, tmp_path: Path) -> list[str]:
    """Every QR code zbarimg reads on one page, rendered at 150 dpi as a printer would."""
    image = tmp_path / f"page-{number}"
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-singlefile", "-f", str(number), "-l", str(number),
                    str(pdf), str(image)], check=True)
    result = subprocess.run(["zbarimg", "--quiet", "--raw", str(image) + ".png"], check=False, capture_output=True, text=True)
    return result.stdout.split()


def public_address(site_url: str, site: Path, checklist_id: str) -> str:
    return site_url + page_path(site, checklist_id)


@pytest.fixture(scope="session", params=sorted(PACKET_FILES))
def packet(request, site) -> tuple[str, Path]:
    return request.param, site / PACKET_FILES[request.param]


@pytest.fixture(scope="session")
def letter(site) -> Path:
    return site / PACKET_FILES["letter"]


def test_pdf_is_tagged_pdf_ua_with_language_title_and_paper(packet, guidebook):
    paper, pdf = packet
    info = pdfinfo(pdf)
    assert info_field(info, "Tagged") == "yes", "the PDF is not tagged"
    assert guidebook.title in info_field(info, "Title")
    width, _, height = info_field(info, "Page size").split()[:3]
    assert (round(float(width)), round(float(height))) == PAPER_POINTS[paper]
    xmp = ET.fromstring(pdfinfo(pdf, "-meta").strip())
    parts = [d.get(f"{{{PDFUA_NS}}}part") for d in xmp.iter("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}Description")]
    parts += [e.text for e in xmp.iter(f"{{{PDFUA_NS}}}part")]
    assert "1" in parts, "the XMP metadata does not declare PDF/UA-1 (pdfuaid:part 1)"
    root = PdfReader(pdf).trailer["/Root"]
    assert root["/Lang"] == "en-US"
    assert root["/MarkInfo"]["/Marked"].value is True
    assert root["/ViewerPreferences"]["/DisplayDocTitle"].value is True, "PDF/UA: viewers must show the title"


def test_pdf_has_at_most_8_pages(packet):
    assert page_count(packet[1]) <= PAGE_LIMIT


def test_bookmarks_hold_each_part_with_its_checklists_in_order(packet, guidebook):
    outline = PdfReader(packet[1]).outline
    tree, current = [], None
    for entry in outline:
        if isinstance(entry, list):
            current[1].extend(child.title for child in entry)
        else:
            current = (entry.title, [])
            tree.append(current)
    want = [(part.title, [c.title for c in guidebook.checklists_in(part)])
            for part in sorted(guidebook.parts, key=lambda p: p.order) if guidebook.checklists_in(part)]
    assert [t for t in tree if t[0] != "Contents"] == want


def contents_numbers(pdf: Path) -> dict[str, int]:
    """Title -> page number, from the contents on page 1 ("Title      4": the leader is drawn, not text)."""
    numbers = {}
    for line in page_text(pdf, 1, layout=True).splitlines():
        match = re.match(r"\s*(.+?)\s{2,}(\d+)\s*$", line)
        if match:
            numbers[norm(match.group(1))] = int(match.group(2))
    return numbers


def test_every_contents_page_number_points_to_the_page_with_that_title(packet, guidebook):
    pdf = packet[1]
    numbers = contents_numbers(pdf)
    titles = [p.title for p in guidebook.parts if guidebook.checklists_in(p)] + [c.title for c in guidebook.checklists]
    assert sorted(numbers) == sorted(norm(t) for t in titles), "the contents must list every part and checklist"
    for title in titles:
        number = numbers[norm(title)]
        assert 1 < number <= page_count(pdf), f"{title}: page {number}"
        assert norm(title) in norm(page_text(pdf, number)), f"the contents send {title!r} to page {number}"


def test_every_item_of_every_checklist_is_in_the_pdf_and_the_part_2_notice_once(packet, guidebook):
    pdf = packet[1]
    text = norm(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    for checklist, item in guidebook.items:
        assert expected(item.text) in text, f"{checklist.id}/{item.id}: item missing from the PDF"
        if item.details:
            assert expected(item.details) in text, f"{checklist.id}/{item.id}: details missing"
    for part in guidebook.parts:
        if part.notice:
            assert text.count(expected(part.notice)) == 1, f"{part.id}: the notice must be printed once"


def test_each_page_is_numbered(letter):
    total = page_count(letter)
    for number in range(1, total + 1):
        assert f"Page {number} of {total}" in page_text(letter, number)


@pytest.mark.build  # a build of its own, or slow: `make test` runs it, `make test-fast` does not
def test_each_checklist_shows_its_address_and_a_qr_code_that_opens_it(letter, site, guidebook, tmp_path):
    site_url = expected_site_url()
    numbers = contents_numbers(letter)
    for checklist in guidebook.checklists:
        address = public_address(site_url, site, checklist.id)
        number = numbers[norm(checklist.title)]
        assert address in norm(page_text(letter, number)), f"{checklist.id}: address not printed on page {number}"
    decoded = {n: decoded_qr_codes(letter, n, tmp_path) for n in range(1, page_count(letter) + 1)}
    for checklist in guidebook.checklists:
        address = public_address(site_url, site, checklist.id)
        assert address in decoded[numbers[norm(checklist.title)]], f"{checklist.id}: no QR code with {address}"
    assert site_url in decoded[1], "the cover's QR code opens the guidebook"


def test_packet_page_links_the_pdfs_with_true_figures(site):
    page = (site / "packet" / "index.html").read_text(encoding="utf-8")
    links = dict(re.findall(r'<a href="([^"]+\.pdf)" download>([^<]+)</a>', page))
    assert len(links) == len(PACKET_FILES), links
    for href, label in links.items():
        pdf = (site / "packet" / href).resolve()
        assert pdf.is_file(), href
        pages, kb = re.search(r"\(PDF, (\d+) pages, (\d+) KB\)", label).groups()
        assert int(pages) == page_count(pdf)
        assert int(kb) == round(pdf.stat().st_size / 1024)
    assert "Download the packet (PDF," in page


@pytest.mark.build  # a build of its own, or slow: `make test` runs it, `make test-fast` does not
def test_preview_builds_skip_the_pdf_and_say_so(tmp_path):
    """`make serve` (mkdocs serve) skips the PDF; GUIDEBOOK_PDF=skip does the same for a build."""
    from tests.support import ROOT
    site = tmp_path / "site"
    result = build(ROOT, site, {"GUIDEBOOK_PDF": "skip"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert not list(site.rglob("*.pdf"))
    page = (site / "packet" / "index.html").read_text(encoding="utf-8")
    assert "The PDF of the packet is not made while previewing" in page
    assert ".pdf" not in page


def test_offline_edition_ships_the_pdf(offline_edition):
    site = offline_edition["site"]
    page = (site / "packet.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'<a href="([^"]+\.pdf)" download>', page)
    assert hrefs and all((site / href).is_file() for href in hrefs), hrefs


def structure_roles(node, found: list[tuple[str, object]]) -> list[tuple[str, object]]:
    """(role, alt text) of every element of a tagged PDF's structure tree, in reading order."""
    node = node.get_object()
    if not hasattr(node, "get"):
        return found
    if node.get("/S"):
        found.append((str(node["/S"]), node.get("/Alt")))
    kids = node.get("/K")
    for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
        structure_roles(kid, found)
    return found


def test_tags_give_headings_tables_and_qr_codes_with_alt_text(letter, site, guidebook):
    roles = structure_roles(PdfReader(letter).trailer["/Root"]["/StructTreeRoot"], [])
    names = [role for role, _ in roles]
    parts = [p for p in guidebook.parts if guidebook.checklists_in(p)]
    assert names.count("/H1") == 1 and names.count("/H2") == len(parts) + 1  # the parts and "Contents"
    assert names.count("/H3") == len(guidebook.checklists)
    windows = any(c.phase and c.phase.due_within_hours for c in guidebook.checklists)  # the police part's windows
    assert names.count("/Table") == sum(c.layout == "roster" for c in guidebook.checklists) + windows, "a roster is a table"
    site_url = expected_site_url()
    alts = [str(alt) for role, alt in roles if role == "/Figure"]
    assert alts == [f"QR code: {site_url}"] + [f"QR code: {public_address(site_url, site, c.id)}"
                                               for p in parts for c in guidebook.checklists_in(p)]


# ---- PDF/UA structure, walked with pypdf (tests/pdfread.py) --------------------------------------

def test_table_headers_have_a_scope_and_every_table_a_caption(packet):
    tree = structure(packet[1])
    headers = [tag for tag in tree.walk() if tag.role == "TH"]
    assert headers, "no table header at all"
    for header in headers:
        scope = str(header.attributes.get("/Scope"))
        in_head = header.parent.parent.role == "THead"
        assert scope == ("/Column" if in_head else "/Row"), f"a TH {'in a head row' if in_head else 'in a body row'}: {scope}"
    for table in (tag for tag in tree.walk() if tag.role == "Table"):
        assert any(kid.role == "Caption" for kid in table.kids), "a table without a caption"


def test_contents_entries_are_one_link_each_and_the_leaders_are_not_text(packet, guidebook):
    pdf = packet[1]
    contents = page_text(pdf, 1)
    assert not re.search(r"(\.\s*){4,}", contents), "the contents' leader dots are text (a screen reader reads them)"
    links = [tag for tag in structure(pdf).walk() if tag.role == "Link"]
    nested = [link for link in links if any(kid.role == "Link" for kid in link.walk() if kid is not link)]
    assert nested == [], "a link inside a link"
    entries = [p for p in guidebook.parts if guidebook.checklists_in(p)] + guidebook.checklists
    assert len(contents_numbers(pdf)) == len(entries)
    in_the_page = [link for link in links if link.annotations and "/Dest" in link.annotations[0]]  # not /URI
    items_to_checklists = sum(text.count("](#") for _, item in guidebook.items for text in (item.text, item.details or ""))
    assert len(in_the_page) == len(entries) + items_to_checklists, "one link per contents entry"


def test_every_link_tag_has_its_annotation_and_every_figure_alt_text(packet):
    tree = structure(packet[1])
    links = [tag for tag in tree.walk() if tag.role == "Link"]
    assert links and all(len(link.annotations) == 1 for link in links), \
        [" > ".join(link.path()) for link in links if len(link.annotations) != 1]
    figures = [tag for tag in tree.walk() if tag.role == "Figure"]
    assert figures and all(figure.alt for figure in figures)


def test_lists_hold_list_items_and_the_details_are_label_value_pairs(packet, guidebook):
    tree = structure(packet[1])
    for tag in tree.walk():
        if tag.role == "L":
            assert {kid.role for kid in tag.kids} <= {"LI", "L", "Caption"}, f"a list holds {[k.role for k in tag.kids]}"
        if tag.role == "LI":
            assert tag.parent.role == "L", " > ".join(tag.path())
            assert {kid.role for kid in tag.kids} <= {"Lbl", "LBody"}, " > ".join(tag.path())
    pairs = [body for body in tree.walk() if body.role == "LBody"
             and [kid.role for kid in body.kids][:2] == ["Span", "Span"]]
    assert len(pairs) >= 2 * len(guidebook.checklists), "the details are not label/value pairs in one list item each"


def test_every_item_is_numbered_and_every_checklist_has_completed_by_and_the_windows(packet, guidebook):
    """The PDF's paper is the packet page's: items numbered as on the checklist's page, "Completed by",
    a line for notes, and under the police part the incident line and the suggested windows."""
    text = norm(subprocess.run(["pdftotext", str(packet[1]), "-"], capture_output=True, text=True, check=True).stdout)
    at = 0
    for checklist in guidebook.checklists:
        for number, item in enumerate(checklist.items, start=1):
            at = text.index(f"{number}. {expected(item.text)}", at)
    assert text.count(norm(word("print.completed_by"))) == len(guidebook.checklists)
    assert text.count(word("checklist.notes")) >= len(guidebook.checklists)
    assert text.count(norm(word("print.incident_blank"))) == 1
    assert text.count(norm(word("print.phase_windows"))) == 1
    for phase in (p for p in guidebook.phases if p.due_within_hours):
        assert norm(phase.name) in text


def test_a_pdf_ua_validator_finds_nothing(packet):
    """page-validation (PyPI, pinned in requirements-test.txt) checks the machine-checkable rules of
    PDF/UA-1 (104 of them in 0.11.0; veraPDF, a Java program, is not in the registries we reach). Not a
    statement of conformance: the rules a person must judge (reading order, alt text that says enough)
    are not machine-checkable."""
    import page

    report = page.validate_pdf(packet[1], profile="ua1")
    failures = [f"{failure.rule_id}: {failure.message}" for failure in report.failures]
    print(f"\n{packet[0]}: {report.rules.passed} of {report.rules.total} PDF/UA-1 rules pass")
    assert failures == [] and report.is_compliant, failures


def test_the_part_2_notice_is_set_smaller_than_the_items(letter, guidebook):
    """The notice frames the police checklists; it must not outweigh their items (font sizes read back)."""
    part = next(p for p in guidebook.parts if p.notice)
    first_item = guidebook.checklists_in(part)[0].items[0]
    notice, item = expected(part.notice)[:40], expected(first_item.text)[:40]
    for number in range(page_count(letter)):
        runs = text_sizes(letter, number)
        text = norm(" ".join(run for _, run in runs))
        if notice in text and item in text:
            notice_size, item_size = size_of(runs, notice[:20]), size_of(runs, item[:20])
            assert notice_size < item_size, f"notice {notice_size} pt, items {item_size} pt"
            return
    raise AssertionError("the notice and the first police item are not on one page")
