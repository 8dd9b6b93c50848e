"""Inline Markdown for item text: emphasis and links, never raw HTML."""
from __future__ import annotations

import re
from functools import lru_cache
from html import escape, unescape

import markdown
from markupsafe import Markup

# [text](target) and [text](target "title"): the targets an editor wrote.
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)")
_SAFE_TARGET = re.compile(r"^(https?://|mailto:|#|\.{0,2}/|[a-z0-9-]+/|[a-z0-9-]+\.md)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=[], output_format="html")


def unsafe_links(text: str) -> list[str]:
    """Link targets that are neither web, mail nor site-relative addresses (javascript:, data:, ...)."""
    return [t for t in _LINK_TARGET.findall(text) if not _SAFE_TARGET.match(t)]


def render_inline(text: str) -> Markup:
    """Markdown emphasis and links to HTML; any HTML the text contains is shown as text."""
    md = _converter()
    md.reset()
    html = md.convert(escape(text.strip(), quote=False))
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html)


_TAG = re.compile(r"<[^>]+>")


def plain_text(text: str) -> str:
    """The words of an inline Markdown text without any markup, e.g. for a page description."""
    return " ".join(unescape(_TAG.sub("", str(render_inline(text)))).split())
