"""Hostile input through the real MkDocs wiring, and built pages that carry no live markup.

The many kinds of bad data are cases of tests/unit/test_hostile_data.py (in-process, fast). Here:
one real build with a template payload in a page (the sandbox), one with a `</title><script>`
title (the data check in define_env), and checks of the session's built site: every inline script
is one the policy hashes, no event handler, no script address, nothing loaded from elsewhere.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from macros.guidebook import Renderer
from macros.guidebook.csp import script_hashes
from macros.guidebook.model import Item
from tests.support import ROOT, build, built_pages, copy_project, plain

PAYLOAD = '{{ cycler.__init__.__globals__.os.popen("echo PWNED-$((6*7))").read() }}'
TITLE = "</title><script>window.pwned=1</script>"


def _failed_build(tmp_path: Path, change) -> str:
    project = copy_project(tmp_path / "project")
    change(project)
    result = build(project, tmp_path / "site")
    log = result.stdout + result.stderr
    assert result.returncode != 0, f"the build should have failed:\n{log}"
    assert "Traceback" not in log, log
    assert not (tmp_path / "site" / "index.html").exists()
    return log


@pytest.mark.build  # a build of its own, or slow: `make test` runs it, `make test-fast` does not
def test_a_template_payload_in_a_page_stops_the_build_without_running(tmp_path):
    def change(project: Path) -> None:
        with (project / "docs" / "resources.md").open("a", encoding="utf-8") as page:
            page.write("\n" + PAYLOAD + "\n")

    log = _failed_build(tmp_path, change)
    assert "docs/resources.md: the page's template is not allowed to do this" in log
    assert "PWNED-42" not in log


@pytest.mark.build  # a build of its own, or slow: `make test` runs it, `make test-fast` does not
def test_a_title_that_closes_the_title_element_stops_the_build(tmp_path):
    def change(project: Path) -> None:
        path = project / "data" / "checklists" / "police-long-term.yml"
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^title: .*$", f"title: '{TITLE}'", text, count=1), encoding="utf-8")

    log = _failed_build(tmp_path, change)
    source = (ROOT / "data" / "checklists" / "police-long-term.yml").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(source, start=1) if text.startswith("title: "))
    assert f"data/checklists/police-long-term.yml, line {line}, field title: this is plain text" in log


class _Markup(HTMLParser):
    """Every script, event handler, address and embedded resource of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inline_scripts: list[str] = []
        self.handlers: list[str] = []
        self.addresses: list[str] = []
        self.embedded: list[str] = []
        self.policy = ""
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.handlers += [f"<{tag} {name}>" for name, _ in attrs if name.startswith("on")]
        self.addresses += [v or "" for k, v in attrs if k in ("href", "src", "action", "formaction")]
        if tag in ("img", "iframe", "embed", "object", "audio", "video", "source") and values.get("src"):
            self.embedded.append(values["src"] or "")
        if tag == "meta" and values.get("http-equiv") == "Content-Security-Policy":
            self.policy = values.get("content") or ""
        self._in_script = tag == "script" and "src" not in values
        if self._in_script:
            self.inline_scripts.append("")

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.inline_scripts[-1] += data

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False


def _parsed(site: Path, page: str) -> tuple[str, _Markup]:
    html = (site / (page or "index.html") if page.endswith(".html") else site / page / "index.html").read_text(
        encoding="utf-8"
    )
    parser = _Markup()
    parser.feed(html)
    return html, parser


@pytest.fixture(scope="module")
def pages(site) -> list[str]:
    return [*built_pages(site), "404.html"]


def test_every_page_has_a_policy_that_hashes_exactly_its_inline_scripts(site, pages):
    for page in pages:
        html, parsed = _parsed(site, page)
        assert parsed.policy, f"{page or 'home'}: no Content Security Policy"
        directives = dict(d.strip().split(" ", 1) for d in parsed.policy.split(";"))
        assert directives["script-src"].split() == ["'self'", *script_hashes(html)], page
        assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'"
        assert "http" not in parsed.policy and "*" not in parsed.policy, "no other origin, ever"
        assert html.index("Content-Security-Policy") < html.index("<script"), f"{page}: policy after a script"


def test_built_pages_carry_no_live_markup(site, pages, guidebook):
    # Links out: the sources, and the links written in the prose pages and the data (checked by the text rule).
    written = "".join(p.read_text(encoding="utf-8") for p in [*(ROOT / "docs").rglob("*.md"), *(ROOT / "data").rglob("*.yml")])
    allowed_elsewhere = {s.url for s in guidebook.sources} | set(re.findall(r"\]\((https?://[^)\s]+)\)", written))
    for page in pages:
        _, parsed = _parsed(site, page)
        assert parsed.handlers == [], f"{page}: event handlers {parsed.handlers}"
        scripted = [a for a in parsed.addresses if re.match(r"\s*(javascript|data|vbscript):", a, re.IGNORECASE)
                    and not a.startswith("data:image/png;base64,")]  # the QR codes: an <img> runs no script
        assert not scripted, page
        assert not [a for a in parsed.addresses if a.startswith("//")], f"{page}: protocol-relative address"
        assert not [e for e in parsed.embedded if re.match(r"([a-z]+:)?//", e)], f"{page}: embeds from elsewhere"
        links_out = {a for a in parsed.addresses if a.startswith("http") and "127.0.0.1" not in a}
        assert links_out <= allowed_elsewhere | {
            "https://github.com/squidfunk/mkdocs-material",
            "https://squidfunk.github.io/mkdocs-material/",
        }, page


TRICKY = "Q&A: 5 < 6 && 7 > 3, snake\\_case, 100% *sure*, [the guide](https://example.org/a_b?x=1&y=2)."
SHOWN = "Q&A: 5 < 6 && 7 > 3, snake_case, 100% sure, the guide."


def test_no_text_is_escaped_twice(site, pages):
    """Data text is escaped once: no entity shown as typed, e.g. an aria-label read out as 'Action&#39;s'."""
    for page in pages:
        html, _ = _parsed(site, page)
        assert not re.findall(r"&amp;(?:#\d+|#x[0-9a-f]+|amp|lt|gt|quot);", html, re.IGNORECASE), page


def test_allowed_but_tricky_text_is_shown_as_typed_after_markdown(guidebook):
    """The renderer's output, through the Markdown MkDocs runs (attr_list, md_in_html): inert, as typed."""
    first = guidebook.checklists[0]
    tricky = type(first)(
        **{**first.__dict__, "title": "Q&A: 'quoted' \"words\" #1", "items": (Item(id="tricky-item", text=TRICKY),)}
    )
    html = markdown.markdown(
        Renderer(guidebook).checklist(tricky), extensions=["attr_list", "md_in_html", "admonition", "toc"]
    )
    label = re.search(r'<label for="check-tricky-item">(.*?)</label>', html, re.DOTALL)
    assert label is not None
    parsed = _Markup()
    parsed.feed(label.group(1))
    assert parsed.addresses == ["https://example.org/a_b?x=1&y=2"] and parsed.handlers == []
    assert plain(label.group(1)) == "1. " + SHOWN
    heading = re.search(rf'<h1 id="{first.id}">(.*?)</h1>', html)
    assert heading is not None and plain(heading.group(1)) == tricky.title
