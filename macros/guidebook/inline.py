"""The one rule for text from the data: what an editor may write, and how it is shown.

Two kinds of text field (data/schema/*.json marks each with "x-kind"):

- plain text (titles, names, the guidebook's title, subtitle and publisher):
  words only, no Markdown, no HTML, no line breaks;
- inline text (summaries, notes, items): words with *emphasis*, **strong** and
  inline links [words](https://...) or [words](mailto:...), or [words](#checklist-id)
  to another checklist of the guidebook (the loader checks that it exists), nothing else.

`plain_problems` and `inline_problems` say what breaks the rule (the loader
stops the build with them); `escape_text` and `render_inline` turn checked text
into HTML. Their output is safe in raw HTML *and* inside Markdown that MkDocs
renders again: every character Markdown would act on is an HTML entity.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from html import escape, unescape
from html.parser import HTMLParser

import markdown
from markupsafe import Markup
from markupsafe import escape as escape_html

from .errors import Kind

# Characters that are markup in a plain-text field: Markdown, HTML, attribute lists, templates.
_PLAIN_MARKUP = re.compile(r"[*_`\[\]{}<>\\|~]|[\x00-\x1f\x7f\u2028\u2029]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Characters Markdown acts on inside a line, written as entities in everything we output.
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]{}|~]")
# Inline constructs an editor might try, each named in the message that refuses it.
_FORBIDDEN_INLINE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"!\["), "an image (![...](...))"),
    (re.compile(r"<[A-Za-z/!?]"), "HTML or an <address> in angle brackets"),
    (re.compile(r"[{}]"), "curly braces { } (attribute lists and templates)"),
    (re.compile(r"\]\s*\["), "a reference link ([words][name])"),
    (re.compile(r"\[[^\]]*\]:"), "a link definition ([name]: address)"),
    (re.compile(r"`"), "a code span (`...`)"),
    (re.compile(r"\n\s*\n"), "a blank line (a second paragraph)"),
]
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
# A link written inside the words of another: [a [b](#x)](#y).
_NESTED_LINK = re.compile(r"\[[^\[\]]*\[[^\[\]]*\]\([^)]*\)[^\[\]]*\]\(")
# Characters a reader cannot see that are not spaces: format characters (bidi controls U+202A-U+202E and
# U+2066-U+2069, zero-width space and joiners, the byte order mark, tags...), line and paragraph
# separators, and the letters that show as blanks (Hangul fillers).
_INVISIBLE_CATEGORIES = {"Cf", "Zl", "Zp"}
_INVISIBLE_LETTERS = {"\u115f", "\u1160", "\u3164", "\uffa0"}
_SAFE_TARGET = re.compile(
    r"\A(?:https?://[!-~]+|mailto:[^\s:/]+@[!-~]+|#[a-z0-9]+(?:-[a-z0-9]+)*)\Z", re.ASCII
)
# A link to another checklist of the guidebook: [its title](#its-id) (the loader checks the id exists).
_CHECKLIST_LINK = re.compile(r"\]\(\s*#([a-z0-9]+(?:-[a-z0-9]+)*)\s*\)", re.ASCII)
_ALLOWED_TAGS = {"em": set(), "strong": set(), "a": {"href"}, "p": set()}
_TAG_NAMES = {
    "code": "a code span",
    "img": "an image",
    "br": "a line break",
    "hr": "a rule",
    "ul": "a list",
    "ol": "a list",
    "li": "a list",
    "blockquote": "a quotation",
    **{f"h{n}": "a heading" for n in range(1, 7)},
}


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    """Python-Markdown without the constructs the rule refuses (refused before rendering as well)."""
    md = markdown.Markdown(extensions=[], output_format="html")
    for name in (
        "reference",
        "image_link",
        "image_reference",
        "short_reference",
        "short_image_ref",
        "autolink",
        "automail",
        "html",
        "linebreak",
        "backtick",
    ):
        md.inlinePatterns.deregister(name)
    md.parser.blockprocessors.deregister("reference")
    return md


def _markdown_safe(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(lambda m: f"&#{ord(m.group())};", text)


def escape_text(text: object) -> Markup:
    """Plain text as HTML that Markdown leaves alone: HTML escaped, Markdown's characters as entities."""
    if isinstance(text, Markup):
        return text
    return Markup(_markdown_safe(str(escape_html(str(text)))))


def heading_text(text: object) -> Markup:
    """Plain text for a Markdown heading: as `escape_text`, but quotes stay quotes. MkDocs takes the page
    title from the heading and Material escapes it again in attributes (`aria-label="Next: ..."`), where an
    entity such as &#39; would be read out as typed."""
    return Markup(_markdown_safe(escape(str(text), quote=False)))


def checklist_links(text: str) -> list[str]:
    """The checklist ids that `text` links to with [words](#checklist-id)."""
    return _CHECKLIST_LINK.findall(text)


def is_invisible(char: str) -> bool:
    return unicodedata.category(char) in _INVISIBLE_CATEGORIES or char in _INVISIBLE_LETTERS


def invisible_problems(text: str) -> list[tuple[Kind, dict[str, object]]]:
    """Each invisible character of `text`, once, named: [(Kind.INVISIBLE_CHARACTER, {"name": ..., "code": ...})]."""
    found = dict.fromkeys(c for c in text if is_invisible(c))
    return [(Kind.INVISIBLE_CHARACTER, {"name": unicodedata.name(c, "an unnamed character"), "code": f"{ord(c):04X}"})
            for c in found]


def plain_problems(text: str) -> list[tuple[Kind, dict[str, object]]]:
    """What makes `text` more than plain text, e.g. [(Kind.MARKUP_IN_PLAIN_TEXT, {"found": "'<'"})]."""
    invisible = invisible_problems(text)
    found = sorted(set(_PLAIN_MARKUP.findall(text)) - {c for c in text if is_invisible(c)})
    if not found:
        return invisible
    shown = ", ".join(repr(c) if c.isprintable() else "a line break or control character" for c in found)
    return [*invisible, (Kind.MARKUP_IN_PLAIN_TEXT, {"found": shown})]


def _link_problem(target: str) -> tuple[Kind, dict[str, object]]:
    if not target:
        return Kind.EMPTY_LINK, {}
    if target.startswith("#"):
        return Kind.BAD_CHECKLIST_LINK, {"target": target}
    return Kind.UNSAFE_LINK, {"target": target}


class _OutputCheck(HTMLParser):
    """Every tag and attribute of rendered inline text, against the allowlist."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[Kind, dict[str, object]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        allowed = _ALLOWED_TAGS.get(tag)
        if allowed is None:
            self.found.append((Kind.MARKUP_NOT_ALLOWED, {"found": _TAG_NAMES.get(tag, f"<{tag}>")}))
            return
        for name, value in attrs:
            if name not in allowed:
                self.found.append((Kind.MARKUP_NOT_ALLOWED, {"found": f"a link {name}"}))
            elif not _SAFE_TARGET.match(value or ""):
                self.found.append((Kind.UNSAFE_LINK, {"target": value}))


def inline_problems(text: str) -> list[tuple[Kind, dict[str, object]]]:
    """What in `text` breaks the inline rule: refused constructs, unsafe links, any other markup."""
    found = invisible_problems(text)
    if _CONTROL.search(text):
        found.append((Kind.MARKUP_NOT_ALLOWED, {"found": "a control character"}))
    found += [(Kind.MARKUP_NOT_ALLOWED, {"found": what}) for pattern, what in _FORBIDDEN_INLINE if pattern.search(text)]
    if _NESTED_LINK.search(text):
        found.append((Kind.NESTED_LINK, {}))
    found += [_link_problem(t) for t in _LINK_TARGET.findall(text) if not _SAFE_TARGET.match(t)]
    if found:
        return found
    check = _OutputCheck()
    check.feed(_to_html(text))
    check.close()
    if str(_to_html(text)).count("<p>") > 1:
        check.found.append((Kind.MARKUP_NOT_ALLOWED, {"found": "a second paragraph"}))
    return [entry for n, entry in enumerate(check.found) if entry not in check.found[:n]]


def _to_html(text: str) -> str:
    md = _converter()
    md.reset()
    html: str = md.convert(escape(" ".join(text.split()), quote=False))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return html


_TEXT_BETWEEN_TAGS = re.compile(r"(<[^>]*>)")


def render_inline(text: str) -> Markup:
    """Checked inline Markdown to HTML: emphasis, strong, links; every other character shown as typed."""
    parts = _TEXT_BETWEEN_TAGS.split(_to_html(str(text)))
    return Markup("".join(part if part.startswith("<") else _markdown_safe(part) for part in parts))


_TAG = re.compile(r"<[^>]+>")


def plain_text(text: str) -> str:
    """The words of an inline Markdown text without any markup, e.g. for a page description."""
    return " ".join(unescape(_TAG.sub("", _to_html(str(text)))).split())
