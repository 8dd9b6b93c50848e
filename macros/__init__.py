"""mkdocs-macros adapter: the only code that knows about MkDocs.

mkdocs.yml names this package as the macros module. It loads the guidebook
from data/ (paths relative to this file), fails the build on any data problem,
and exposes the macros the pages call:

    {{ checklist("police-within-24-hours") }}   one checklist, with its heading
    {{ packet() }}                                cover, contents and every checklist, for printing
    {{ contents() }}                              every part and checklist, linked
    {{ progress_overview() }}                     "My progress": role picker, counts, reset, export, import
    {{ packet() }}                                every checklist in one printable document
    {{ sources() }}                               the source publications
    {{ checklist_addresses() }}                   every checklist's public address (the link page)
    {{ link_snippet() }}                          a ready-made link for partner sites

It also gives every page its public address as canonical URL (derived from
`site_url`, so the offline edition names the public pages too) and a
description, and, in the offline edition, serves Material's Web Worker shim
from a local copy instead of a CDN.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError

from . import theme
from .guidebook import DataError, Problem, Renderer, load_guidebook
from .guidebook.inline import plain_text
from .guidebook.messages import load_words
from .guidebook.pages import check_pages, find_checklist_pages, relative_link, relative_url
from .guidebook.urls import base_url, public_url

ROOT = Path(__file__).resolve().parent.parent

# The offline edition: Material's offline plugin would load its Web Worker shim
# (iframe-worker, needed for search on file://) from a public CDN. We copy the
# same file from the npm package pinned in package.json (`npm ci`) into the site.
WORKER_SHIM_PACKAGE = ROOT / "node_modules" / "iframe-worker"
WORKER_SHIM_SOURCE = WORKER_SHIM_PACKAGE / "shim" / "index.js"
WORKER_SHIM_URL = "assets/javascripts/iframe-worker/shim.js"  # the name must contain "iframe-worker"


def offline_enabled(config) -> bool:
    plugin = config["plugins"].get("material/offline")
    return bool(plugin and plugin.config.enabled)


def use_local_worker_shim(config) -> None:
    """Replace the CDN shim that Material's offline plugin adds (or would add) with the local copy."""
    extra = config["extra"]
    polyfills = [p for p in extra.get("polyfills", []) if "iframe-worker" not in str(p)]
    extra["polyfills"] = polyfills + [WORKER_SHIM_URL]


def _fail(error: DataError):
    raise PluginError(error.report())  # MkDocs prints it as an ERROR and stops the build


def define_env(env):
    data_dir = ROOT / "data"
    docs_dir = Path(env.conf["docs_dir"])
    try:
        guidebook = load_guidebook(data_dir, display_root=ROOT)
        words = load_words(data_dir, env.conf["theme"]["language"], display_root=ROOT)
        calls = find_checklist_pages(docs_dir)
        problems = check_pages(guidebook, calls, docs_label=docs_dir.name)
        if problems:
            raise DataError(problems)
    except DataError as error:
        _fail(error)

    theme.install(env.conf, words)  # the `t` filter and our assets for the theme's templates
    renderer = Renderer(guidebook, words)
    pages = {ident: places[0][0] for ident, places in calls.items()}
    env.variables["guidebook"] = guidebook
    site_url = base_url(env.conf["site_url"])
    if offline_enabled(env.conf):
        use_local_worker_shim(env.conf)

    @env.macro
    def packet() -> str:
        return renderer.packet(urls_here())

    def current_page() -> str:
        return env.page.file.src_uri

    def links_here() -> dict[str, str]:
        """checklist id -> Markdown link to its page, from the current page."""
        here = current_page()
        return {ident: relative_link(here, page) for ident, page in pages.items()}

    def urls_here() -> dict[str, str]:
        """checklist id -> URL of its built page, from the current page (for raw HTML)."""
        here, directory_urls = current_page(), env.conf["use_directory_urls"]
        return {ident: relative_url(here, page, directory_urls) for ident, page in pages.items()}

    def checklist_urls() -> dict[str, str]:
        return {ident: public_url(site_url, page) for ident, page in pages.items()}

    @env.macro
    def checklist(checklist_id: str, heading_level: int = 1) -> str:
        found = guidebook.checklist(checklist_id)
        if found is None:  # find_checklist_pages reads literal ids; this catches computed ones
            _fail(DataError([Problem(f"{docs_dir.name}/{current_page()}", None, "checklist",
                                     f"there is no checklist with the id '{checklist_id}'")]))
        env.page.meta.setdefault("description", escape(plain_text(found.summary)))  # unless the page sets one
        return renderer.checklist(found, heading_level, urls=urls_here())

    @env.macro
    def contents(heading_level: int = 2) -> str:
        return renderer.contents(links_here(), heading_level)

    @env.macro
    def progress_overview() -> str:
        return renderer.progress_overview(links_here(), urls_here())

    @env.macro
    def sources() -> str:
        return renderer.sources()

    @env.macro
    def checklist_addresses(heading_level: int = 3) -> str:
        return renderer.addresses(checklist_urls(), public_url(site_url, "index.md"), heading_level)

    @env.macro
    def link_snippet() -> str:
        return renderer.snippet(public_url(site_url, "index.md"))

    @env.macro
    def item_address_example() -> str:
        first = guidebook.checklists[0]
        return public_url(site_url, pages[first.id], first.items[0].id)


def on_pre_page_macros(env):
    """Before each page: its public address as canonical URL, and a description safe for any template."""
    page = env.page.file.page  # env.page is a copy: its meta dict is shared, its attributes are not
    page.canonical_url = public_url(env.conf["site_url"], page.file.src_uri)
    description = page.meta.get("description")
    if description is not None and not isinstance(description, Markup):
        # Material prints the description unescaped: escape it once, here.
        page.meta["description"] = escape(" ".join(str(description).split()))


def on_post_build(env):
    """In the offline edition, copy the Web Worker shim from the npm package into the site, and drop
    404.html (only a web server shows it; its links are absolute and do not open from disk).
    Our own script and stylesheet are written by theme.ThemeSupport."""
    if not offline_enabled(env.conf):
        return
    (Path(env.conf["site_dir"]) / "404.html").unlink(missing_ok=True)
    if not WORKER_SHIM_SOURCE.is_file():
        raise PluginError(f"The offline edition needs {WORKER_SHIM_SOURCE.relative_to(ROOT)}: "
                          "run `npm ci` first (`make offline` does).")
    target = Path(env.conf["site_dir"]) / WORKER_SHIM_URL
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(WORKER_SHIM_SOURCE, target)
    shutil.copyfile(WORKER_SHIM_PACKAGE / "LICENSE", target.parent / "LICENSE")
