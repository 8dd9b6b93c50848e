"""Render checklists to HTML with the Jinja templates in overrides/partials/."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import jinja2
from markupsafe import Markup

from .inline import render_inline
from .model import Checklist, Guidebook

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "overrides" / "partials"


class Renderer:
    def __init__(self, guidebook: Guidebook, template_dir: Path = TEMPLATE_DIR):
        self.guidebook = guidebook
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(template_dir)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters["inline"] = render_inline

    def packet(self) -> str:
        """Every checklist in one printable document: a cover, a contents list, then each
        checklist in the guidebook's order, rendered like its own page at heading level 2."""
        released = date.fromisoformat(self.guidebook.released)
        template = self.env.get_template("gb-packet.html")
        return template.render(guidebook=self.guidebook,
                               released=f"{released:%B} {released.day}, {released.year}",
                               checklists=[Markup(self.checklist(c, heading_level=2)) for c in self.guidebook.checklists])

    def checklist(self, checklist: Checklist, heading_level: int = 1) -> str:
        """Markdown heading plus an HTML block: the heading feeds MkDocs' page title and table of contents."""
        template = self.env.get_template("gb-checklist.html")
        return template.render(checklist=checklist, level=heading_level, guidebook=self.guidebook)

    def contents(self, links: dict[str, str], part_heading_level: int = 2) -> str:
        """Every part with its checklists, for the home page; `links` maps checklist ids to page paths."""
        template = self.env.get_template("gb-contents.html")
        return template.render(guidebook=self.guidebook, links=links, level=part_heading_level)

    def sources(self) -> str:
        template = self.env.get_template("gb-sources.html")
        return template.render(guidebook=self.guidebook)
