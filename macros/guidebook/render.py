"""Render checklists to HTML with the Jinja templates in overrides/partials/."""
from __future__ import annotations

from pathlib import Path

import jinja2

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

    def checklist(self, checklist: Checklist, heading_level: int = 1) -> str:
        """Markdown heading plus an HTML block: the heading feeds MkDocs' page title and table of contents."""
        template = self.env.get_template("gb-checklist.html")
        return template.render(checklist=checklist, level=heading_level, guidebook=self.guidebook)

    def contents(self, links: dict[str, str], part_heading_level: int = 2) -> str:
        """Every part with its checklists, for the home page; `links` maps checklist ids to page paths."""
        template = self.env.get_template("gb-contents.html")
        return template.render(guidebook=self.guidebook, links=links, level=part_heading_level)

    def progress_overview(self, links: dict[str, str]) -> str:
        """The home page's "My progress" section, with the manifest the script needs for export and import."""
        book = self.guidebook
        manifest = {
            "title": book.title,
            "version": book.version,
            "checklists": [{"id": c.id, "title": c.title, "items": [i.id for i in c.items]} for c in book.checklists],
        }
        template = self.env.get_template("gb-progress.html")
        return template.render(guidebook=book, links=links, manifest=manifest)

    def sources(self) -> str:
        template = self.env.get_template("gb-sources.html")
        return template.render(guidebook=self.guidebook)
