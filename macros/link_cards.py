"""Link preview cards in the build (the MkDocs side of guidebook/cards.py): which card each page gets,
and what its <head> says about it (og:image, its size and alt text; partials/gb-meta.html writes them).

Cards are made by `mkdocs build` for the served site only: not under `mkdocs serve` (its address is
local) and not in the offline edition (opened from disk, never crawled for a preview).
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .guidebook.cards import HEIGHT, WIDTH, Card, CardError, CardSet, without_abbreviation
from .guidebook.inline import plain_text
from .guidebook.messages import Words
from .guidebook.model import Guidebook
from .guidebook.pages import page_source
from .guidebook.urls import public_url

log = logging.getLogger("mkdocs.plugins.guidebook")


class PreviewCards:
    """The cards of one build: one per page, written into the site after the build."""

    def __init__(self, guidebook: Guidebook, words: Words, site_url: str, cache_dir: Path):
        self.guidebook, self.words, self.site_url = guidebook, words, site_url
        self.cards = CardSet(cache_dir)
        self.tagline = words.text("card.tagline", publisher=without_abbreviation(guidebook.publisher),
                                  title=guidebook.title)
        self.checklists = {page_source(c): c for c in guidebook.checklists}

    def card(self, page: Any) -> Card:
        """A checklist page shows its title and part; the home page the guidebook's title; any other page its own."""
        checklist = self.checklists.get(page.file.src_uri)
        if checklist is not None:
            return Card(plain_text(checklist.title), plain_text(checklist.part.title), self.tagline)
        title = self.guidebook.title if page.is_homepage else Markup(page.title or "").striptags()
        return Card(title or self.guidebook.title, "", self.tagline)

    def for_page(self, page: Any, address: str) -> dict[str, Any]:
        """Register the page's card; what its <head> names: the card's absolute address, size and alt text."""
        card = self.card(page)
        path = self.cards.add(address, card)
        alt = (self.words.text("card.alt", title=card.title, part=card.part, tagline=card.tagline) if card.part
               else self.words.text("card.alt_page", title=card.title, tagline=card.tagline))
        return {"url": public_url(self.site_url, path), "width": WIDTH, "height": HEIGHT, "alt": alt}

    def write(self, site_dir: Path) -> None:
        try:
            self.cards.write(site_dir)
        except CardError as error:
            from mkdocs.exceptions import PluginError
            raise PluginError(str(error)) from None
        log.info("Link preview cards: %d drawn, %d from the cache (%s)", self.cards.drawn, self.cards.reused,
                 self.cards.cache_dir)
