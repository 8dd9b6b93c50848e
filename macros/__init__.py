"""mkdocs-macros adapter: the only code that knows about MkDocs.

mkdocs.yml names this package as the macros module. It loads the guidebook
from data/ (paths relative to this file), fails the build on any data problem,
and exposes the macros the pages call:

    {{ checklist("police-within-24-hours") }}   one checklist, with its heading
    {{ packet() }}                                cover, contents and every checklist, for printing
    {{ contents() }}                              every part and checklist, linked
    {{ sources() }}                               the source publications
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError

from .guidebook import DataError, Problem, Renderer, load_guidebook
from .guidebook.pages import check_pages, find_checklist_pages, relative_link

ROOT = Path(__file__).resolve().parent.parent


def _fail(error: DataError):
    raise PluginError(error.report())  # MkDocs prints it as an ERROR and stops the build


def define_env(env):
    data_dir = ROOT / "data"
    docs_dir = Path(env.conf["docs_dir"])
    try:
        guidebook = load_guidebook(data_dir, display_root=ROOT)
        calls = find_checklist_pages(docs_dir)
        problems = check_pages(guidebook, calls, docs_label=docs_dir.name)
        if problems:
            raise DataError(problems)
    except DataError as error:
        _fail(error)

    renderer = Renderer(guidebook)
    pages = {ident: places[0][0] for ident, places in calls.items()}
    env.variables["guidebook"] = guidebook

    @env.macro
    def packet() -> str:
        return renderer.packet()

    def current_page() -> str:
        return env.page.file.src_uri

    @env.macro
    def checklist(checklist_id: str, heading_level: int = 1) -> str:
        found = guidebook.checklist(checklist_id)
        if found is None:  # find_checklist_pages reads literal ids; this catches computed ones
            _fail(DataError([Problem(f"{docs_dir.name}/{current_page()}", None, "checklist",
                                     f"there is no checklist with the id '{checklist_id}'")]))
        return renderer.checklist(found, heading_level)

    @env.macro
    def contents(heading_level: int = 2) -> str:
        here = current_page()
        links = {ident: relative_link(here, page) for ident, page in pages.items()}
        return renderer.contents(links, heading_level)

    @env.macro
    def sources() -> str:
        return renderer.sources()
