"""The PDF packet's pieces apart from MkDocs: the HTML it is made from (escaping), the
fetcher that fetches nothing, the switch that skips it under `mkdocs serve`, the links."""
from __future__ import annotations

import http.server
import subprocess
import threading

import pytest

from macros.guidebook import pdf as pdf_module
from macros.guidebook.messages import load_words
from macros.guidebook.model import Guidebook, Item
from macros.guidebook.pdf import PacketPdf, Packets, packet_html, pdf_wanted, render_pdf
from tests.pdfread import structure
from tests.unit.test_render import PART, PHASE, SOURCE, make_checklist

HOSTILE = '<script>alert(1)</script><img src="http://127.0.0.1:9/x.png">'


def make_book(checklist) -> Guidebook:
    return Guidebook(version=1, title="Book <b>title</b>", subtitle=None, publisher="CCM & co", released="2022-06-22",
                     source=SOURCE, parts=[PART], audiences=list(checklist.audiences), phases=[PHASE],
                     sources=[SOURCE], checklists=[checklist])


def test_every_text_from_the_data_is_escaped_in_the_pdf_html():
    checklist = make_checklist(title=f"Title {HOSTILE}", summary=f"Summary {HOSTILE}", note=f"Note {HOSTILE}",
                               items=(Item(id="one", text=f"Item {HOSTILE}", details=f"Details {HOSTILE}"),
                                      Item(id="two", text="Read [the guide](https://example.org/guide).")))
    html = packet_html(make_book(checklist), {checklist.id: "https://example.org/a/"}, "https://example.org/")
    assert "<script" not in html and '<img src="http://' not in html
    # the title (in the contents and as a heading), summary, note, item text and details, each shown as text
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 6
    assert "<title>Book &lt;b&gt;title&lt;/b&gt;: the checklists</title>" in html
    assert '<a href="https://example.org/guide">the guide</a>' in html, "inline Markdown links still work"


def test_the_pdf_engine_fetches_nothing():
    """Images, stylesheets and fonts from another address (or from disk) are refused, not requested."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            requests.append(self.path)
            self.send_response(404)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    here = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        pdf = render_pdf(f"""<html lang="en"><head><title>T</title>
            <link rel="stylesheet" href="{here}/style.css">
            <style>@import url("{here}/import.css"); @font-face {{ font-family: X; src: url("{here}/font.woff"); }}
            body {{ background: url("{here}/bg.png"); font-family: X; }}</style></head>
            <body><p>Text</p><img src="{here}/image.png" alt="i"><img src="file:///etc/hostname" alt="f"></body></html>""")
    finally:
        server.shutdown()
    assert requests == []
    assert pdf.pages == 1 and pdf.data.startswith(b"%PDF")


@pytest.mark.parametrize("serving, environ, wanted", [
    (False, {}, True),
    (True, {}, False),
    (False, {"GUIDEBOOK_PDF": "skip"}, False),
    (True, {"GUIDEBOOK_PDF": "build"}, True),
    (False, {"GUIDEBOOK_PDF": "nonsense"}, True),
])
def test_the_pdf_is_made_by_builds_and_skipped_by_serve(serving, environ, wanted):
    assert pdf_wanted(serving, environ) is wanted


def made_packets(**made) -> Packets:
    checklist = make_checklist()
    packets = Packets(make_book(checklist), {}, "https://example.org/")
    packets.__dict__["made"] = made  # as if made (the cached property's value)
    return packets


@pytest.mark.parametrize("page_url, href", [
    ("packet/", "guidebook-packet.pdf"),            # a web server: packet/index.html
    ("packet.html", "packet/guidebook-packet.pdf"),  # the offline edition
    ("print/packet/", "../../packet/guidebook-packet.pdf"),
])
def test_download_link_is_relative_to_the_page_and_gives_pages_and_size(page_url, href):
    packets = made_packets(letter=PacketPdf("letter", b"x" * 90_000, 9))
    html = packets.download_html(page_url)
    assert f'<a href="{href}" download>Download the packet (PDF, 9 pages, 88 KB)</a>' in html


def test_without_the_pdf_the_packet_page_says_so():
    html = made_packets().download_html("packet/")
    assert "not made while previewing" in html and "<a" not in html


def test_a_checklist_longer_than_a_page_breaks_between_items_with_its_title_repeated(tmp_path):
    """A checklist of many long items on Letter paper: it breaks between items, never inside one, and
    each following page's running header repeats its title (string-set; Chromium cannot, the packet
    page's help says so)."""
    import subprocess

    long_text = "Talk with each group in turn about what it needs and who speaks for it. " * 4
    items = tuple(Item(id=f"item-{n}", text=f"Item {n}: {long_text}") for n in range(1, 31))
    checklist = make_checklist(title="A very long checklist", items=items)
    html = packet_html(make_book(checklist), {checklist.id: "https://example.org/a/"}, "https://example.org/")
    pdf = tmp_path / "long.pdf"
    made = render_pdf(html)
    pdf.write_bytes(made.data)
    pages = [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True, text=True,
                            check=True).stdout for n in range(1, made.pages + 1)]
    holding = [n for n, text in enumerate(pages) if "Item " in text]
    assert len(holding) > 1, "the checklist fits on one page: make it longer"
    for n in holding:  # the running header is the page's first lines
        assert "A very long checklist" in pages[n][:200], f"page {n + 1} does not repeat the checklist's title"
    for item in items:
        whole = " ".join(item.text.split())
        assert any(whole in " ".join(text.split()) for text in pages), f"{item.id} is split across pages"


def counting_lay_out(calls: list[list[str]]):
    """A stand-in for WeasyPrint's layout that notes which papers it was asked for."""
    def lay_out(pages: dict[str, str]) -> dict[str, PacketPdf]:
        calls.append(sorted(pages))
        return {paper: PacketPdf(paper, f"%PDF {paper} {len(html)}".encode(), 3) for paper, html in pages.items()}
    return lay_out


def test_a_rebuild_with_nothing_changed_for_paper_lays_out_no_pdf(tmp_path, monkeypatch):
    calls: list[list[str]] = []
    monkeypatch.setattr(pdf_module, "lay_out", counting_lay_out(calls))
    checklist = make_checklist()
    addresses = {checklist.id: "https://example.org/a/"}

    def build(book: Guidebook) -> Packets:
        packets = Packets(book, addresses, "https://example.org/", cache_dir=tmp_path / "pdf")
        packets.made  # noqa: B018 (made on first use, as a build does)
        return packets

    first = build(make_book(checklist))
    assert calls == [["a4", "letter"]] and (first.laid_out, first.reused) == (2, 0)
    again = build(make_book(checklist))
    assert calls == [["a4", "letter"]], "the unchanged packets were laid out again"
    assert (again.laid_out, again.reused) == (0, 2)
    assert {paper: (pdf.data, pdf.pages) for paper, pdf in again.made.items()} == \
        {paper: (pdf.data, pdf.pages) for paper, pdf in first.made.items()}

    changed = build(make_book(make_checklist(title="A new title for paper")))
    assert calls[1:] == [["a4", "letter"]], "a change of the packet's content must lay the PDFs out again"
    assert (changed.laid_out, changed.reused) == (2, 0)


def test_a_damaged_cache_entry_is_laid_out_again(tmp_path, monkeypatch):
    calls: list[list[str]] = []
    monkeypatch.setattr(pdf_module, "lay_out", counting_lay_out(calls))
    checklist = make_checklist()
    book, addresses = make_book(checklist), {checklist.id: "https://example.org/a/"}
    Packets(book, addresses, "https://example.org/", cache_dir=tmp_path).made  # noqa: B018
    for sidecar in tmp_path.glob("*.json"):
        sidecar.write_text("{not json", encoding="utf-8")
    packets = Packets(book, addresses, "https://example.org/", cache_dir=tmp_path)
    assert set(packets.made) == {"letter", "a4"} and packets.laid_out == 2 and len(calls) == 2


def test_the_cache_name_follows_the_html_and_weasyprint(monkeypatch):
    key = pdf_module.packet_key("<p>one</p>")
    assert key == pdf_module.packet_key("<p>one</p>") and key != pdf_module.packet_key("<p>two</p>")
    real_version = pdf_module.metadata.version
    monkeypatch.setattr(pdf_module.metadata, "version", lambda name: "0.0" if name == "weasyprint" else real_version(name))
    assert pdf_module.packet_key("<p>one</p>") != key


def many_checklists(count: int) -> Guidebook:
    """A guidebook of `count` checklists, each with an id and address of its own."""
    checklists = [make_checklist(id=f"list-{n}", title=f"Checklist number {n}", order=n, address=f"list/{n}/",
                                 items=(Item(id=f"item-{n}", text=f"Item of checklist {n}."),))
                  for n in range(1, count + 1)]
    book = make_book(checklists[0])
    book.checklists[:] = checklists
    return book


def test_a_guidebook_longer_than_a_volume_is_printed_in_volumes_of_its_checklists_in_order(monkeypatch):
    """Bounded memory: past VOLUME_SIZE checklists, each paper is a set of PDFs of at most VOLUME_SIZE each."""
    calls: list[list[str]] = []
    monkeypatch.setattr(pdf_module, "lay_out", counting_lay_out(calls))
    monkeypatch.setattr(pdf_module, "VOLUME_SIZE", 3)
    book = many_checklists(7)
    assert [[c.id for c in v.checklists] for v in pdf_module.volumes(book) if v] == \
        [["list-1", "list-2", "list-3"], ["list-4", "list-5", "list-6"], ["list-7"]]
    packets = Packets(book, {c.id: f"https://example.org/{c.address}" for c in book.checklists}, "https://example.org/")
    made = packets.made
    assert calls == [sorted(made)] and len(made) == 6 and packets.laid_out == 6
    assert [pdf.file for pdf in made.values()] == [
        "packet/guidebook-packet-1.pdf", "packet/guidebook-packet-2.pdf", "packet/guidebook-packet-3.pdf",
        "packet/guidebook-packet-a4-1.pdf", "packet/guidebook-packet-a4-2.pdf", "packet/guidebook-packet-a4-3.pdf"]
    words = load_words(pdf_module.DATA_DIR)
    links = packets.download_html("packet/")
    label = words("packet.download_volume_a_four_paper", number=3, count=3, first=7, last=7)
    assert f'<a href="guidebook-packet-a4-3.pdf" download>{label} (PDF' in links
    assert links.count("<a ") == 6


def test_a_volume_is_a_tagged_pdf_of_its_own_checklists_with_a_cover_naming_it(tmp_path, monkeypatch):
    monkeypatch.setattr(pdf_module, "VOLUME_SIZE", 2)
    book = many_checklists(5)
    second = pdf_module.volumes(book)[1]
    html = packet_html(book, {c.id: f"https://example.org/{c.address}" for c in book.checklists}, "https://example.org/",
                       volume=second)
    path = tmp_path / "volume.pdf"
    path.write_bytes(render_pdf(html).data)
    text = " ".join(subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.split())
    words = load_words(pdf_module.DATA_DIR)
    assert words.text("packet.volume", number=2, count=3, first=3, last=4, total=5) in text
    assert "Checklist number 3" in text and "Checklist number 4" in text
    assert "Checklist number 2" not in text and "Checklist number 5" not in text
    headings = [tag for tag in structure(path).walk() if tag.role == "H3"]
    assert len(headings) == 2, "each checklist of the volume is a tagged heading"
