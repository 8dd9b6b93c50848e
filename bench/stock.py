"""The stock anchor of the budget: the same pages and items on stock Material.

`make budget` compares this site with a plain Material for MkDocs site built in
the same run from the same texts, so the ratios it prints are always current:

- every checklist becomes a Markdown page at the same address, with its title,
  summary and items (an ordered list, details under each item);
- every prose page keeps its Markdown, with the guidebook's variables filled in
  and our macros left out (they draw the widgets stock Material does not have);
- the theme is stock Material (same version, same palette, search on, fonts
  off), with no custom_dir, no extra CSS or JavaScript and no macros.
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import jinja2
import yaml

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))

from macros.guidebook import load_guidebook  # noqa: E402
from macros.guidebook.inline import plain_text  # noqa: E402
from macros.guidebook.model import Checklist, Guidebook  # noqa: E402


class _Blank(jinja2.Undefined):
    """Any macro or variable the stock site does not have renders as nothing."""

    def __call__(self, *args: Any, **kwargs: Any) -> str:  # type: ignore[override]
        return ""

    def __getattr__(self, name: str) -> _Blank:
        return self

    __str__ = lambda self: ""  # noqa: E731


def checklist_markdown(checklist: Checklist) -> str:
    """A checklist as stock Markdown: title, summary, numbered items with their details."""
    lines = [f"# {plain_text(checklist.title)}", "", checklist.summary, ""]
    for number, item in enumerate(checklist.items, start=1):
        lines.append(f"{number}. {item.text}")
        if item.details:
            lines += ["", f"    {item.details}", ""]
    return "\n".join(lines) + "\n"


def packet_markdown(guidebook: Guidebook) -> str:
    """The packet's stock counterpart: every checklist on one page, one heading level down."""
    return "\n".join("#" + checklist_markdown(c) for c in guidebook.checklists)


def prose_markdown(source: str, guidebook: Guidebook) -> str:
    """A prose page's Markdown with the guidebook's variables filled in and our macros left out
    (except the packet, whose checklists stock Material shows as plain lists)."""
    env = jinja2.Environment(undefined=_Blank, autoescape=False)
    env.globals["packet"] = lambda: packet_markdown(guidebook)
    return env.from_string(source).render(guidebook=guidebook)


def stock_config(site_name: str) -> dict[str, Any]:
    """mkdocs.yml of the anchor: stock Material with the settings this site shares with it."""
    ours = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    palette = yaml.load(ours, Loader=_EnvLoader)["theme"]["palette"]
    return {
        "site_name": site_name,
        "site_url": "http://127.0.0.1:8000/",
        "theme": {"name": "material", "language": "en", "font": False, "palette": palette,
                  "features": ["navigation.sections", "navigation.top", "navigation.footer",
                               "search.highlight", "toc.follow"]},
        "plugins": ["search"],
        "markdown_extensions": ["attr_list", "md_in_html", "admonition", {"toc": {"permalink": False}}],
    }


class _EnvLoader(yaml.SafeLoader):
    """Reads our mkdocs.yml, whose !ENV tags stand for their default values here."""


_EnvLoader.add_constructor("!ENV", lambda loader, node: None)


def write_stock_project(dest: Path, project: Path = ROOT) -> Path:
    """Write the anchor of `project` into `dest`: each checklist at its address, the same prose pages."""
    guidebook = load_guidebook(project / "data", display_root=project)
    docs = dest / "docs"
    for checklist in guidebook.checklists:
        page = docs / checklist.address.rstrip("/")
        page.parent.mkdir(parents=True, exist_ok=True)
        page.with_suffix(".md").write_text(checklist_markdown(checklist), encoding="utf-8")
    for prose in sorted((project / "docs").rglob("*.md")):
        target = docs / prose.relative_to(project / "docs")
        if target.exists():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(prose_markdown(prose.read_text(encoding="utf-8"), guidebook), encoding="utf-8")
    config = stock_config(guidebook.title)
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return dest
