"""Whose edition this is: the footer of every page names the guidebook, its publisher and year, the
publications its checklists summarize (each linked) and CCM's official copy (linked), instead of
Material's "Made with Material for MkDocs" (mkdocs.yml: extra.generator: false).

Plain Python: the words come from data/messages/<language>.yml, every value from data/ is escaped.
"""
from __future__ import annotations

from markupsafe import Markup, escape

from .messages import Words
from .model import Guidebook, Source


def _link(url: str, label: str) -> Markup:
    return Markup('<a href="{}">{}</a>').format(url, label)  # format escapes both


def summarized_sources(guidebook: Guidebook) -> list[Source]:
    """The publications the printed guidebook's parts summarize, in the parts' order, each once."""
    found: list[Source] = []
    for part in sorted(guidebook.parts, key=lambda p: p.order):
        if part.source and part.source not in found and part.source != guidebook.source:
            found.append(part.source)
    return found


def edition_footer(guidebook: Guidebook, words: Words) -> Markup:
    """The footer's lines, as HTML (Material's .md-copyright holds them)."""
    official = guidebook.source
    sources = [words("footer.source", title=_link(s.url, s.title), publisher=s.publisher)
               for s in summarized_sources(guidebook)]
    lines = [words("footer.edition", title=guidebook.title, publisher=guidebook.publisher,
                   year=guidebook.released[:4])]
    if sources:
        lines.append(words("footer.summarizes", sources=Markup(escape(words.text("footer.between_sources"))).join(sources)))
    lines.append(words("footer.official_copy", link=_link(official.url, official.url_label)))
    return Markup("").join(Markup('<p class="gb-edition">{}</p>').format(line) for line in lines)


__all__ = ["edition_footer", "summarized_sources"]
