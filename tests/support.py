"""Helpers shared by the tests: copy and build the project (tools.project), check data in-process, read pages."""
from __future__ import annotations

import functools
import html
import html.parser
import os
import re
import shutil
import subprocess
from pathlib import Path

from macros.guidebook import DataError, load_guidebook
from macros.guidebook.urls import base_url
from tools.project import ROOT, TEST_SITE_URL, build, copy_project
from tools.saved_progress import wait_for_progress, wait_for_saved

__all__ = ["ROOT", "build", "copy_project", "wait_for_progress"]

# The extra builds made by the session fixtures in tests/conftest.py.
SUBPATH_URL = "https://example.org/cares/guidebook/"
RENAMED_FROM, RENAMED_TO = "police/within-24-hours/", "police/first-24-hours/"


VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Elements whose start tag closes an open <p> (the HTML parsing rules): inside a <p>, the page nests otherwise.
CLOSES_A_P = {"address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset", "figcaption", "figure",
              "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav",
              "ol", "p", "pre", "section", "summary", "table", "ul"}


class _Nesting(html.parser.HTMLParser):
    """Reads a page and notes every end tag that does not close the element opened last, and every
    block (<div>, <ol>, ...) written inside a <p>, which the browser would close before it."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[tuple[str, int]] = []
        self.faults: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in CLOSES_A_P and self.open and self.open[-1][0] == "p":
            self.faults.append(f"line {self.getpos()[0]}: <{tag}> inside <p> of line {self.open[-1][1]}")
        if tag not in VOID_ELEMENTS:
            self.open.append((tag, self.getpos()[0]))

    def handle_endtag(self, tag):
        if self.open and self.open[-1][0] == tag:
            self.open.pop()
        elif tag not in VOID_ELEMENTS:
            last = f"<{self.open[-1][0]}> of line {self.open[-1][1]}" if self.open else "nothing"
            self.faults.append(f"line {self.getpos()[0]}: </{tag}> closes {last}")


def nesting_faults(page: str) -> list[str]:
    """Every end tag in `page` that does not close the element opened last, every block inside a <p>,
    and every element left open."""
    reader = _Nesting()
    reader.feed(page)
    reader.close()
    return reader.faults + [f"<{tag}> of line {line} is not closed" for tag, line in reader.open]


def expected_site_url() -> str:
    """The base address the session's normal build uses: SITE_URL, or the tests' own (tools/project.py)."""
    return base_url(os.environ.get("SITE_URL") or TEST_SITE_URL)


def built(project: Path, site: Path, extra_env: dict | None = None) -> Path:
    """`site`, once `project` has built into it without error."""
    result = build(project, site, extra_env)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def copy_content(dest: Path, overlay: Path | None = None) -> Path:
    """A copy of data/ and docs/ only (what `data_problems` reads), with `overlay`'s files laid over it."""
    for part in ("data", "docs"):
        shutil.copytree(ROOT / part, dest / part)
    if overlay is not None:
        shutil.copytree(overlay, dest, dirs_exist_ok=True)
    return dest


def data_problems(project: Path) -> str:
    """What the build would report about `project`'s data, found in-process (no MkDocs run): the loader's
    checks and the addresses of the checklist pages. '' when the data is good."""
    from macros import directory_address
    from macros.guidebook.pages import check_addresses, unknown_checklist_calls

    docs = project / "docs"
    taken = {directory_address(p.relative_to(docs).as_posix()): f"docs/{p.relative_to(docs).as_posix()}"
             for p in sorted(docs.rglob("*.md"))}
    try:
        guidebook = load_guidebook(project / "data", display_root=project)
        problems = check_addresses(guidebook, taken, root=str(project)) + unknown_checklist_calls(docs, guidebook)
        if problems:
            raise DataError(problems)
    except DataError as error:
        return error.report()
    return ""


_INLINE_TAG = re.compile(r"</?(?:a|em|strong|code|span|b|i|mark)\b[^>]*>")
_TAG = re.compile(r"<[^>]+>")


def plain(fragment: str) -> str:
    """Visible text of an HTML fragment, with whitespace collapsed (inline tags join, block tags separate)."""
    return " ".join(html.unescape(_TAG.sub(" ", _INLINE_TAG.sub("", fragment))).split())


@functools.lru_cache(maxsize=16)
def checklist_pages(site: Path) -> dict[str, Path]:
    """checklist id -> built page that shows it as its main content (one gb-checklist per page).
    Read once per built site (a site never changes after its build); do not modify the result."""
    found: dict[str, Path] = {}
    for page in sorted(site.rglob("index.html")):
        ids = re.findall(r'<div class="gb-checklist" data-checklist="([^"]+)"', page.read_text(encoding="utf-8"))
        if len(ids) == 1:
            found.setdefault(ids[0], page)
    return found


def named_scripts(html_text: str) -> list[tuple[str, str]]:
    """(attributes, "bundle" or "guidebook") of Material's and our script tags in `html_text`, in order
    (other scripts, such as the offline edition's worker shim, are left out)."""
    scripts = re.findall(r'<script ([^>]*)src="[^"]*?(bundle|guidebook)\.[^"/]+\.js"', html_text)
    return [(attributes.strip(), name) for attributes, name in scripts]


def page_path(site: Path, checklist_id: str) -> str:
    """Site-relative URL path of a checklist's page, e.g. 'police/long-term/'."""
    return checklist_pages(site)[checklist_id].parent.relative_to(site).as_posix() + "/"


def built_pages(site: Path) -> list[str]:
    """Every HTML page of the built site, as site-relative URL paths ('' for the home page)."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        if rel == "404.html":
            continue
        pages.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return pages


@functools.cache
def catalogue(language: str = "en"):
    """The interface words of data/messages/<language>.yml (macros.guidebook.messages.Words)."""
    from macros.guidebook.messages import load_words
    return load_words(ROOT / "data", language, display_root=ROOT)


def word(key: str, **values) -> str:
    """The English words named `key` ("count.done"), with values filled in, as the reader sees them."""
    return catalogue().text(key, **values)


def saved_progress_control(page, key: str):
    """The button named `key` ("overview.export") of the home page's "Manage saved progress" control, which
    is closed by default: opened first by a click on its summary, as a reader would."""
    manage = page.locator('details[data-gb="manage"]')
    if manage.get_attribute("open") is None:
        manage.get_by_text(word("wayin.manage"), exact=True).click()
    return manage.get_by_role("button", name=word(key))


def wait_for_record_page(page) -> None:
    """The incident record page shows what this browser holds: its modules (record.js, handover.js) loaded
    with import() and drew the record, or, where the browser holds no record, the empty record the build
    wrote is shown and the modules wait for the first use of the page (first-use.js)."""
    from tools.browser import wait_until

    wait_until(page, """document.querySelector('[data-gb="record-page"]').classList.contains('gb-shown')""")


def first_use_of_record_page(page) -> None:
    """Where this browser holds no record, the record page's modules wait for its first use (first-use.js):
    the reader puts the focus in the incident's name, as a tap or Tab would."""
    wait_for_record_page(page)
    page.locator('[data-gb="record-name"]').focus()


def wait_for_incident_start(page) -> None:
    """The incident's start is saved. Where the incident clock waited for its first use (first-use.js), a tap
    on "It started now" is held until clock.js runs and then pressed again: leave the page only after that."""
    wait_for_saved(page, "incident?.start != null")


def hold_requests(page, pattern: str) -> list:
    """Hold back the requests matching `pattern`; the returned list fills with their routes (held_route)."""
    held: list = []
    page.route(pattern, lambda route: held.append(route))
    return held


def held_route(page, held: list, seconds: float = 10):
    """The last request `hold_requests` has held, once the page has made one (within `seconds`)."""
    for _ in range(int(seconds * 20)):
        if held:
            return held[-1]
        page.wait_for_timeout(50)
    raise AssertionError(f"no request was held in {seconds} s")


def wait_for_packet(page) -> None:
    """The packet page's choice is ready: packet.js loads with import(), then says what the packet holds."""
    from tools.browser import wait_until

    wait_until(page, """document.querySelector('[data-gb="packet-status"]').textContent !== ''""")


def letter_pages(page, pdf: Path) -> list[str]:
    """The page printed to `pdf` on US Letter, as the text of each sheet (pdftotext), spaces folded."""
    page.pdf(path=str(pdf), format="Letter", print_background=True)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [" ".join(p.split()) for p in text.split("\f") if p.strip()]
