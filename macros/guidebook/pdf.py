"""The downloadable PDF packet: every checklist, from the data alone, made with WeasyPrint.

Plain Python (no MkDocs). The PDF is tagged to PDF/UA-1, with its language and
title set; its headings give it bookmarks (parts, then checklists), its contents
page gives page numbers (CSS target-counter), and each checklist shows its
public address with a QR code beside its title. It follows the packet page's
design for paper (numbers, "Completed by", notes lines, the windows table) and
takes its words from the same catalogue (data/messages/). Text from the YAML is
escaped by the template engine; item text passes through the site's inline renderer.
WeasyPrint writes no Scope on table headers: `scope_table_headers` adds it.

WeasyPrint needs Debian's Pango (scripts/install-system-packages.sh); it is
imported only when a PDF is made, so a build that skips the PDF does not need it.
Nothing is fetched: the only images are data: URIs, and any other address is refused.

Each PDF is kept in the build cache (build_cache.py), named by a hash of what makes it: the packet's
HTML (content, words, template, stylesheet, addresses), this module's code, WeasyPrint's and pydyf's
versions and the installed fonts. A rebuild with nothing changed for paper copies the PDFs from the
cache and lays out none (decision record 2026-12-07-pdf-cache).

Memory: WeasyPrint holds a whole document while laying it out, about 2 MB a page (214 MB for 100
checklists, 65 Letter pages). A guidebook of more than VOLUME_SIZE checklists is printed in volumes of at
most VOLUME_SIZE checklists, each a whole tagged document of its own (cover, contents, bookmarks) laid out
in a process of its own, at most LAYOUT_PROCESSES at a time; a guidebook of VOLUME_SIZE or fewer (the
guidebook has 10) is one PDF per paper, as before (decision record 2026-12-07-bounded-pdf-builds).
"""
from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import posixpath
import re
from concurrent.futures import ProcessPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import date
from functools import cache, cached_property
from importlib import metadata
from pathlib import Path

import jinja2
from markupsafe import Markup

from . import page_references
from .build_cache import store
from .inline import render_inline
from .messages import load_words
from .model import Checklist, Guidebook, Part
from .qr import qr_data_uri

HERE = Path(__file__).resolve().parent
DATA_DIR = HERE.parents[1] / "data"
TEMPLATE, STYLESHEET = "packet-pdf.html", "packet-pdf.css"
PAPERS = {"letter": "letter", "a4": "A4"}  # name -> CSS page size
PACKET_FILES = {"letter": "packet/guidebook-packet.pdf", "a4": "packet/guidebook-packet-a4.pdf"}  # in the site
VOLUME_SIZE = 100  # checklists in one PDF at most: 214 MB to lay out (bench/budget.py's 10x packet)
LAYOUT_PROCESSES = 2  # PDFs laid out at the same time (the two papers of a guidebook in one volume)
SWITCH = "GUIDEBOOK_PDF"  # "skip" or "build"; unset: made by `mkdocs build`, skipped by `mkdocs serve`
_CHECKLIST_ANCHOR = re.compile(r'href="#([a-z0-9-]+)"')  # a link to a checklist, as render_inline writes it
_WEB_LINK = re.compile(r'(<a href="(https?://[^"]+)">.*?</a>)')  # a link to the web, as render_inline writes it
# Where fontconfig finds fonts (Debian's fonts-liberation lands in the first): the packet's fonts are among them.
FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts",
             Path.home() / ".local" / "share" / "fonts")


@dataclass(frozen=True)
class Volume:
    """One volume of a guidebook too big for one PDF: the `number`-th of `count`, its checklists (the
    `first`-th to the `last`-th of `total`, in the packet's order)."""
    number: int
    count: int
    checklists: tuple[Checklist, ...]
    first: int
    last: int
    total: int


@dataclass(frozen=True)
class PacketPdf:
    paper: str
    data: bytes
    pages: int
    volume: Volume | None = None  # None: the whole packet in one PDF

    @property
    def kilobytes(self) -> int:
        return round(len(self.data) / 1024)

    @property
    def file(self) -> str:
        """Its path in the site: PACKET_FILES[paper], or for volume 2 'packet/guidebook-packet-2.pdf'."""
        whole = PACKET_FILES[self.paper]
        return whole if self.volume is None else whole.replace(".pdf", f"-{self.volume.number}.pdf")


def pdf_wanted(serving: bool, environ: dict[str, str] | None = None) -> bool:
    """Whether this build makes the PDF: GUIDEBOOK_PDF=build|skip decides, else every command but `serve`
    (`serving`: macros/command.py)."""
    switch = (os.environ if environ is None else environ).get(SWITCH, "").strip().lower()
    if switch in ("skip", "build"):
        return switch == "build"
    return not serving


def _parts(guidebook: Guidebook) -> list[tuple[Part, list[Checklist]]]:
    ordered = sorted(guidebook.parts, key=lambda part: part.order)
    return [(part, guidebook.checklists_in(part)) for part in ordered if guidebook.checklists_in(part)]


def volumes(guidebook: Guidebook, size: int | None = None) -> list[Volume | None]:
    """The PDFs of one paper: [None] (the whole packet) for `size` (VOLUME_SIZE) checklists or fewer, else
    consecutive runs of at most `size` checklists in the packet's order (parts in order, each part's checklists)."""
    size = size or VOLUME_SIZE
    ordered = [checklist for _, listed in _parts(guidebook) for checklist in listed]
    if len(ordered) <= size:
        return [None]
    runs = [ordered[start:start + size] for start in range(0, len(ordered), size)]
    return [Volume(n, len(runs), tuple(run), (n - 1) * size + 1, (n - 1) * size + len(run), len(ordered))
            for n, run in enumerate(runs, start=1)]


def pdf_inline(text: str) -> Markup:
    """Inline text for the PDF, where a link to another checklist ([its title](#its-id)) leads to that
    checklist's heading in the document (id="checklist-<id>"), and a link to the web is followed by its
    address: on paper a link leads nowhere. The address stands after the link, not inside it (a CSS
    ::after would be tagged as a second link inside the first)."""
    html = _CHECKLIST_ANCHOR.sub(r'href="#checklist-\1"', str(render_inline(text)))
    return Markup(_WEB_LINK.sub(r'\1<span class="address"> (\2)</span>', html))


def packet_html(guidebook: Guidebook, addresses: dict[str, str], home: str, paper: str = "letter",
                volume: Volume | None = None) -> str:
    """The packet as one HTML document with its stylesheet inlined; `addresses` maps checklist id -> public
    address. With a `volume`, only its checklists (and their parts), and the cover says which volume it is."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE)), autoescape=True,
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["inline"] = pdf_inline
    env.filters["qr_data_uri"] = qr_data_uri
    env.filters["t"] = load_words(DATA_DIR)
    css = (HERE / STYLESHEET).read_text(encoding="utf-8").replace("size: letter;", f"size: {PAPERS[paper]};")
    released = date.fromisoformat(guidebook.released)
    parts = _parts(guidebook)
    if volume is not None:
        inside = {checklist.id for checklist in volume.checklists}
        parts = [(part, kept) for part, listed in parts if (kept := [c for c in listed if c.id in inside])]
    return env.get_template(TEMPLATE).render(
        guidebook=guidebook, parts=parts, addresses=addresses, home=home, volume=volume,
        released=f"{released:%B} {released.day}, {released.year}", css=Markup(css))


def render_pdf(html: str, paper: str = "letter") -> PacketPdf:
    """HTML -> tagged PDF/UA-1 bytes, fetching nothing but data: URIs."""
    try:
        from weasyprint import HTML, URLFetcher  # needs Pango: only when a PDF is made
    except OSError as error:  # WeasyPrint found no Pango library
        raise RuntimeError(f"The PDF packet needs Debian's Pango ({error}): run `make install`, "
                           f"or build without the PDF with {SWITCH}=skip.") from error

    page_references.install()  # pydyf's page list once per page, not once per tagged element
    fetcher = URLFetcher(allowed_protocols=("data",))
    document = HTML(string=html, base_url=str(HERE), url_fetcher=fetcher).render()
    data = document.write_pdf(pdf_variant="pdf/ua-1", finisher=scope_table_headers)
    return PacketPdf(paper, data, len(document.pages))


def _object(pdf, reference) -> dict:
    """The pydyf object a reference (b"12 0 R") names, in the PDF being written."""
    number = int(bytes(reference).split()[0]) if not isinstance(reference, int) else reference
    return pdf.objects[number]


def scope_table_headers(_document, pdf) -> None:
    """PDF/UA: each table header cell (TH) says what it heads, /Scope /Column in a table's head row,
    /Row elsewhere (the template's scope="col" and scope="row"). WeasyPrint 70 links cells to their
    headers but writes no Scope; this WeasyPrint finisher adds it to each TH's table attributes."""
    for element in pdf.objects:
        if not isinstance(element, dict) or element.get("S") != "/TH":
            continue
        row = _object(pdf, element["P"])
        group = _object(pdf, row["P"])
        element["A"]["Scope"] = "/Column" if group.get("S") == "/THead" else "/Row"  # A: WeasyPrint's {O: /Table}


class Packets:
    """The PDF packets of one build (Letter and A4), each made once, on first use: from the cache in
    `cache_dir` when it holds one made from the same inputs, else laid out by WeasyPrint (and kept there).
    `laid_out` and `reused` count them once made."""

    def __init__(self, guidebook: Guidebook, addresses: dict[str, str], home: str, wanted: bool = True,
                 cache_dir: Path | None = None):
        self.guidebook, self.addresses, self.home, self.wanted = guidebook, addresses, home, wanted
        self.cache_dir = cache_dir
        self.laid_out = self.reused = 0

    @cached_property
    def made(self) -> dict[str, PacketPdf]:
        """Each PDF by name ('letter', 'a4'; in volumes 'letter-1', 'a4-1', ...), from the cache or laid
        out (see lay_out)."""
        if not self.wanted:
            return {}
        wanted = {_name(paper, volume): (paper, volume) for paper in PAPERS for volume in volumes(self.guidebook)}
        pages = {name: packet_html(self.guidebook, self.addresses, self.home, paper, volume)
                 for name, (paper, volume) in wanted.items()}
        keys = {name: packet_key(html) for name, html in pages.items()}
        made = {name: pdf for name in wanted if (pdf := self._from_cache(name, keys[name])) is not None}
        missing = {name: html for name, html in pages.items() if name not in made}
        for name, pdf in (lay_out(missing) if missing else {}).items():
            self._keep(keys[name], pdf)
            made[name] = pdf
        self.laid_out, self.reused = len(missing), len(pages) - len(missing)
        return {name: replace(made[name], paper=paper, volume=volume) for name, (paper, volume) in wanted.items()}

    def _from_cache(self, name: str, key: str) -> PacketPdf | None:
        if self.cache_dir is None:
            return None
        try:
            pages = json.loads((self.cache_dir / f"{key}.json").read_text(encoding="utf-8"))["pages"]
            return PacketPdf(name, (self.cache_dir / f"{key}.pdf").read_bytes(), int(pages))
        except (OSError, ValueError, KeyError, TypeError):  # not there, or damaged: lay it out again
            return None

    def _keep(self, key: str, pdf: PacketPdf) -> None:
        if self.cache_dir is not None:
            store(self.cache_dir / f"{key}.pdf", pdf.data)
            store(self.cache_dir / f"{key}.json", json.dumps({"pages": pdf.pages}).encode("utf-8"))  # written last

    def write(self, site_dir: Path) -> list[Path]:
        """Write the PDFs into the built site; returns the files written."""
        written = []
        for pdf in self.made.values():
            target = Path(site_dir) / pdf.file
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(pdf.data)
            written.append(target)
        return written

    def download_html(self, page_url: str) -> Markup:
        """The packet page's download links, relative to the built page at `page_url` (e.g. 'packet/')."""
        if not self.made:
            return Markup('<p class="gb-download gb-noprint">The PDF of the packet is not made while previewing '
                          "(<code>make serve</code>); <code>make build</code> makes it.</p>")
        here = posixpath.dirname(page_url) if not page_url.endswith("/") else page_url.rstrip("/")
        links = [_link(posixpath.relpath(pdf.file, here or "."), pdf) for pdf in self.made.values()]
        return Markup('<div class="gb-download gb-noprint">') + Markup("").join(links) + Markup("</div>")


def _name(paper: str, volume: Volume | None) -> str:
    return paper if volume is None else f"{paper}-{volume.number}"


def lay_out(pages: dict[str, str]) -> dict[str, PacketPdf]:
    """name -> its packet HTML, laid out by WeasyPrint, each in a process of its own (its memory goes back
    to the system when it ends), LAYOUT_PROCESSES at the same time: on a machine with two cores or more, the
    two papers side by side (the PDFs are most of a big guidebook's build). Those processes are forked from
    one small process started afresh ("spawn") that has imported WeasyPrint once, not from the build: a
    fork of the build would start with a copy of its memory (every page of a big guidebook). Every process
    is waited for, so the build's resource usage (time, peak memory) includes them."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as layout:
        return layout.submit(_lay_out_in_forks, pages).result()


def _lay_out_in_forks(pages: dict[str, str]) -> dict[str, PacketPdf]:
    """lay_out's work, in its small process: each PDF in a fork of it, sharing its WeasyPrint."""
    with suppress(OSError):  # no Pango: render_pdf says so
        import weasyprint  # noqa: F401 (imported once, here, for every fork)
    with multiprocessing.get_context("fork").Pool(min(len(pages), LAYOUT_PROCESSES), maxtasksperchild=1) as pool:
        made = pool.starmap(render_pdf, zip(pages.values(), pages.keys(), strict=True), chunksize=1)
        pool.close()
        pool.join()  # every fork waited for
    return dict(zip(pages, made, strict=True))


def packet_key(html: str) -> str:
    """The cache name of a packet: a hash of everything that makes its PDF."""
    recipe = {"html": hashlib.sha256(html.encode("utf-8")).hexdigest(), "code": _code_digest(),
              "weasyprint": metadata.version("weasyprint"), "pydyf": metadata.version("pydyf"),
              "fonts": _fonts_identity()}
    return hashlib.sha256(json.dumps(recipe, sort_keys=True).encode("utf-8")).hexdigest()[:32]


@cache
def _code_digest() -> str:
    """This module's source and page_references.py's (how the PDF is written, the finisher): a change to
    either lays out the PDFs again."""
    return hashlib.sha256(Path(__file__).read_bytes() + Path(page_references.__file__).read_bytes()).hexdigest()


@cache
def _fonts_identity() -> str:
    """Every installed font file, by path, size and time of change: a font installed, removed or updated
    lays out the PDFs again (the stylesheet names families; fontconfig picks the files)."""
    found = sorted(f"{path}:{path.stat().st_size}:{path.stat().st_mtime_ns}"
                   for folder in FONT_DIRS if folder.is_dir() for path in folder.rglob("*") if path.is_file())
    return hashlib.sha256("\n".join(found).encode("utf-8")).hexdigest()


LABELS = {"letter": "Download the packet", "a4": "Download the packet on A4 paper"}
VOLUME_LABELS = {"letter": "packet.download_volume", "a4": "packet.download_volume_a_four_paper"}  # data/messages/


def _label(pdf: PacketPdf) -> str:
    if pdf.volume is None:
        return LABELS[pdf.paper]
    return load_words(DATA_DIR)(VOLUME_LABELS[pdf.paper], number=pdf.volume.number, count=pdf.volume.count,
                                first=pdf.volume.first, last=pdf.volume.last)


def _link(href: str, pdf: PacketPdf) -> Markup:
    return Markup('<p><a href="{}" download>{} (PDF, {} pages, {} KB)</a></p>').format(
        href, _label(pdf), pdf.pages, pdf.kilobytes)
