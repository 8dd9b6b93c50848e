"""mkdocs-macros adapter: the only code that knows about MkDocs.

mkdocs.yml names this package as the macros module. It loads the guidebook
from data/ (paths relative to this file), fails the build on any data problem,
and wires the data into MkDocs:

- one generated page per checklist, at the checklist's `address` (MkDocs'
  `File.generated` in the `on_files` event; nothing is written into docs/);
- the navigation: each `checklists of <part-id>` entry of mkdocs.yml's `nav:`
  becomes that part's checklist pages, in their `order`;
- the macros the pages call:

    {{ checklist("police-within-24-hours") }}   one checklist, with its heading (each generated page)
    {{ packet() }}                                cover, contents and every checklist, for printing
    {{ packet_download() }}                       links to the PDF packets (made by the build, not by serve)
    {{ contents() }}                              every part and checklist, linked
    {{ way_in() }}                                the home page's "Responding right now?" and "Preparing ahead"
    {{ progress_overview() }}                     "My progress": role picker, counts, reset, export, import
    {{ sources() }}                               the source publications
    {{ incident_record() }}                       the incident record: log, open items, exports, archive, handover
    {{ checklist_addresses() }}                   every checklist's public address (the link page)
    {{ link_snippet() }}                          a ready-made link for partner sites
    {{ item_address_example() }}                  the public address of one item

It also gives every page its public address as canonical URL (derived from
`site_url`, so the offline edition names the public pages too) and a
description, and, in the offline edition, serves Material's Web Worker shim
from a local copy instead of a CDN. The logic lives in plain Python in macros/guidebook/.
"""
from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from . import command, theme
from .guidebook import DataError, Problem, Renderer
from .guidebook.build_cache import cache_dir
from .guidebook.cards import default_cache_dir
from .guidebook.check import check_data
from .guidebook.csp import add_policies
from .guidebook.inline import plain_text
from .guidebook.messages import Words
from .guidebook.model import Guidebook
from .guidebook.pages import check_addresses, navigation, page_markdown, page_source, unknown_checklist_calls
from .guidebook.pdf import Packets, pdf_wanted
from .guidebook.sandbox import PageGuidebook, install
from .guidebook.search_index import rewrite_site_index
from .guidebook.urls import MissingSiteUrl, base_url, public_url
from .link_cards import PreviewCards
from .offline_app import PLUGIN_NAME as OFFLINE_APP
from .offline_app import OfflineApp
from .search_worker import PLUGIN_NAME as SEARCH_WORKER_PLUGIN
from .search_worker import SearchOnDemand

log = logging.getLogger("mkdocs.plugins.guidebook")

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
STATE = "guidebook_site"  # the name under which this build's state sits in env.variables

# The offline edition: Material's offline plugin would load its Web Worker shim
# (iframe-worker, needed for search on file://) from a public CDN. We copy the
# same file from the npm package pinned in package.json (`npm ci`) into the site.
WORKER_SHIM_PACKAGE = ROOT / "node_modules" / "iframe-worker"
WORKER_SHIM_SOURCE = WORKER_SHIM_PACKAGE / "shim" / "index.js"
WORKER_SHIM_URL = "assets/javascripts/iframe-worker/shim.js"  # the name must contain "iframe-worker"


@dataclass
class SiteState:
    """What one build knows: the guidebook, its renderer, and the generated page of each checklist."""
    guidebook: Guidebook
    words: Words
    renderer: Renderer
    site_url: str
    docs_label: str
    packets: Packets  # the PDF packets, made from the data once per build (not under `mkdocs serve`)
    pages: dict[str, File] = field(default_factory=dict)  # checklist id -> its generated page
    cards: PreviewCards | None = None  # link preview cards: `mkdocs build` of the served site only
    record_texts: str | None = None  # the served module of the item texts (the record page names it); None offline


def offline_enabled(config) -> bool:
    plugin = config["plugins"].get("material/offline")
    return bool(plugin and plugin.config.enabled)


def use_local_worker_shim(config) -> None:
    """Replace the CDN shim that Material's offline plugin adds (or would add) with the local copy."""
    extra = config["extra"]
    polyfills = [p for p in extra.get("polyfills", []) if "iframe-worker" not in str(p)]
    extra["polyfills"] = polyfills + [WORKER_SHIM_URL]


def page_file(address: str, offline: bool) -> str:
    """A checklist's address as the manifest gives it (from the site root, for the incident bar's link):
    its folder on the web ('police/within-24-hours/'); its file in the offline edition, whose pages are
    files opened from disk ('police/within-24-hours.html')."""
    return address.rstrip("/") + ".html" if offline else address


def _fail(problems: list[Problem]) -> NoReturn:
    raise PluginError(DataError(problems).report())  # MkDocs prints it as an ERROR and stops the build


def directory_address(src_uri: str) -> str:
    """A page's public address relative to the site, by MkDocs' own rule with directory URLs
    (also in the offline edition, whose files end in .html): 'about.md' -> 'about/', 'index.md' -> ''."""
    url = File(src_uri, src_dir=None, dest_dir="", use_directory_urls=True).url
    return "" if url == "./" else url


# ---- MkDocs events ---------------------------------------------------------------------------------

class ChecklistPages:
    """Adds one generated page per checklist to the site's files (MkDocs' `on_files` event)."""

    def __init__(self, state: SiteState):
        self.state = state

    @event_priority(100)  # before every other plugin (redirects checks its targets among the files)
    def on_files(self, files: Files, config) -> Files:
        taken = {directory_address(f.src_uri): f"{self.state.docs_label}/{f.src_uri}"
                 for f in files.documentation_pages()}
        problems = check_addresses(self.state.guidebook, taken, root=str(ROOT))
        if problems:
            _fail(problems)
        for checklist in self.state.guidebook.checklists:
            page = File.generated(config, page_source(checklist), content=page_markdown(checklist))
            files.append(page)
            self.state.pages[checklist.id] = page
        return files


def load_state(env) -> SiteState:
    """Load and check the data and the words, or stop the build with every problem listed."""
    try:  # `mkdocs serve` gives its own address; a build stops without SITE_URL
        site_url = base_url(env.conf["site_url"])
    except MissingSiteUrl as missing:
        raise PluginError(str(missing)) from None
    checked = check_data(DATA_DIR, ROOT, env.conf["theme"]["language"])  # the checks of `make check`
    if checked.problems or checked.guidebook is None or checked.words is None:
        _fail(checked.problems)
    guidebook, words = checked.guidebook, checked.words
    public_urls = {c.id: public_url(site_url, c.address) for c in guidebook.checklists}
    packets = Packets(guidebook, public_urls, site_url, wanted=pdf_wanted(command.serving()),
                      cache_dir=cache_dir(ROOT, "pdf"))
    return SiteState(guidebook, words, Renderer(guidebook, words, public_urls=public_urls), site_url,
                     Path(env.conf["docs_dir"]).name, packets)


def define_env(env) -> None:
    """mkdocs-macros calls this once per build, in MkDocs' `on_config` event."""
    state = load_state(env)
    nav, problems = navigation(env.conf["nav"], state.guidebook)
    problems += unknown_checklist_calls(Path(env.conf["docs_dir"]), state.guidebook)
    if problems:
        _fail(problems)
    env.conf["nav"] = nav
    offline = offline_enabled(env.conf)
    addresses = {c.id: page_file(c.address, offline) for c in state.guidebook.checklists}
    manifests = theme.Manifests(state.renderer.manifest(addresses), state.renderer.summary(addresses))
    # the `t` filter, page titles and our assets (built now: before anything is written); offline, one classic script
    state.record_texts = theme.install(env.conf, state.words, manifests, state.guidebook, modules=not offline,
                                       record_texts=state.renderer.record_texts())
    # mkdocs-macros has no `on_files`: register a small plugin object for that event (MkDocs'
    # plugin collection picks up its on_* methods when it is added, as it does for `hooks:` modules).
    env.conf.plugins["guidebook/checklist-pages"] = ChecklistPages(state)
    env.variables["guidebook"] = PageGuidebook(state.guidebook)  # the plain-text fields pages may print, escaped
    env.variables[STATE] = state  # pages never see it: the sandbox passes only the view, our macros, plain values
    if not offline and not command.serving():
        state.cards = PreviewCards(state.guidebook, state.words, state.site_url, default_cache_dir(ROOT))
    # the service worker, the web app manifest and its icons, made last (none in the offline edition)
    env.conf.plugins[OFFLINE_APP] = OfflineApp(state.words, Path(env.conf["docs_dir"]), command.serving(), offline)
    assets = env.conf.plugins[theme.PLUGIN_NAME].assets
    if offline:
        use_local_worker_shim(env.conf)
        del assets.files[assets.search_worker]  # from disk, Material already loads search when it opens
    else:  # every page names our search worker, which loads Material's and the index on the first search
        env.conf.plugins[SEARCH_WORKER_PLUGIN] = SearchOnDemand(assets.search_worker)
    for macro in MACROS:
        env.macro(bound(macro, env), macro.__name__)


def bound(macro: Callable[..., str], env) -> Callable[..., str]:
    """`macro` with this build's `env` as its first argument. A function of this package, so that the
    page sandbox (guidebook/sandbox.py) lets pages call it."""
    def call(*args: Any, **kwargs: Any) -> str:
        return macro(env, *args, **kwargs)
    call.__name__ = call.__qualname__ = macro.__name__
    return call


def on_pre_page_macros(env) -> None:
    """Before each page: its public address as canonical URL, and a description safe for any template.
    The page is rendered in the sandbox (macros/guidebook/sandbox.py)."""
    install(env)
    page = env.page.file.page  # env.page is a copy: its meta dict is shared, its attributes are not
    page.canonical_url = public_url(env.conf["site_url"], directory_address(page.file.src_uri))
    cards = _state(env).cards
    page.gb_card = cards.for_page(page, directory_address(page.file.src_uri)) if cards else None  # gb-meta.html
    description = page.meta.get("description")
    if description is not None and not isinstance(description, Markup):
        # Material prints the description unescaped: escape it once, here.
        page.meta["description"] = escape(" ".join(str(description).split()))


def on_post_build(env) -> None:
    """Rewrite the search index (content only; outside the offline edition, its documents apart) and write
    the PDF packets. Outside the offline edition, give every page its Content Security Policy; in the offline
    edition, copy the Web Worker shim from the npm package into the site, and drop 404.html (only a web server
    shows it; its links are absolute and do not open from disk). Our own script and stylesheet are written
    by theme.ThemeSupport."""
    site_dir = Path(env.conf["site_dir"])
    offline = offline_enabled(env.conf)
    # content only, per item; outside the offline edition the documents load on the first search
    rewrite_site_index(site_dir, _state(env).guidebook, env.conf["use_directory_urls"], docs_apart=not offline)
    packets = _state(env).packets
    if packets.write(site_dir):
        log.info("PDF packets: %d laid out, %d from the cache (%s)", packets.laid_out, packets.reused, packets.cache_dir)
    cards = _state(env).cards
    if cards:
        cards.write(site_dir)  # the link preview cards (macros/link_cards.py)
    if not offline:
        if not command.serving():  # `mkdocs serve` injects an inline live-reload script per request
            add_policies(site_dir)  # a Content Security Policy per page (guidebook/csp.py)
        return
    (Path(env.conf["site_dir"]) / "404.html").unlink(missing_ok=True)
    if not WORKER_SHIM_SOURCE.is_file():
        raise PluginError(f"The offline edition needs {WORKER_SHIM_SOURCE.relative_to(ROOT)}: "
                          "run `npm ci` first (`make offline` does).")
    target = Path(env.conf["site_dir"]) / WORKER_SHIM_URL
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(WORKER_SHIM_SOURCE, target)
    shutil.copyfile(WORKER_SHIM_PACKAGE / "LICENSE", target.parent / "LICENSE")


# ---- addresses as seen from the page being rendered -------------------------------------------------

def _state(env) -> SiteState:
    return env.variables[STATE]


def urls_here(env) -> dict[str, str]:
    """checklist id -> URL of its built page, relative to the current page (for raw HTML)."""
    here = env.page.file.url
    return {ident: get_relative_url(page.url, here) for ident, page in _state(env).pages.items()}


def links_here(env) -> dict[str, str]:
    """checklist id -> Markdown link to its page's source, from the current page (MkDocs checks and rewrites it)."""
    here = env.page.file.src_uri
    return {ident: get_relative_url(page.src_uri, here) for ident, page in _state(env).pages.items()}


def public_addresses(env) -> dict[str, str]:
    """checklist id -> its public address."""
    state = _state(env)
    return {c.id: public_url(state.site_url, c.address) for c in state.guidebook.checklists}


# ---- the macros (each gets `env` first, bound in define_env) ----------------------------------------

def checklist(env, checklist_id: str, heading_level: int = 1) -> str:
    state = _state(env)
    found = state.guidebook.checklist(checklist_id)
    if found is None:  # unknown_checklist_calls reads literal ids before the build; this catches computed ones
        _fail([Problem(f"{state.docs_label}/{env.page.file.src_uri}", None, "checklist",
                       f"there is no checklist with the id '{checklist_id}'")])
    env.page.meta.setdefault("description", escape(plain_text(found.summary)))  # unless the page sets one
    return state.renderer.checklist(found, heading_level, urls=urls_here(env))


def packet(env) -> str:
    env.page.meta[theme.ALL_CHECKLISTS] = True  # the page gets the whole manifest (theme.ThemeSupport)
    env.page.meta[theme.PACKET_PAGE] = True  # and the packet's words and print rules
    return _state(env).renderer.packet()


def packet_download(env) -> str:
    return _state(env).packets.download_html(env.page.file.url)


def contents(env, heading_level: int = 2) -> str:
    return _state(env).renderer.contents(links_here(env), heading_level, urls=urls_here(env))


def way_in(env) -> str:
    return _state(env).renderer.way_in(links_here(env))


def progress_overview(env) -> str:
    env.page.meta[theme.ALL_CHECKLISTS] = True
    return _state(env).renderer.progress_overview(links_here(env))


def incident_record(env) -> str:
    # The page then gets the record's words too (theme.ThemeSupport). Not the whole manifest: the page names its
    # file (theme.manifest_file), which its modules load with them, and often not at all (first-use.js).
    env.page.meta[theme.RECORD_PAGE] = True
    state = _state(env)  # the item texts: a file the page names (served), or in the page (the offline edition)
    return state.renderer.record(state.record_texts and get_relative_url(state.record_texts, env.page.url))


def now_list(env) -> str:
    env.page.meta[theme.ALL_CHECKLISTS] = True  # the whole manifest: the roles' audiences, every window's items
    return _state(env).renderer.now_list(urls_here(env))


def sources(env) -> str:
    return _state(env).renderer.sources()


def checklist_addresses(env, heading_level: int = 3) -> str:
    state = _state(env)
    return state.renderer.addresses(public_addresses(env), public_url(state.site_url, ""), heading_level)


def link_snippet(env) -> str:
    state = _state(env)
    return state.renderer.snippet(public_url(state.site_url, ""))


def item_address_example(env) -> str:
    state = _state(env)
    first = state.guidebook.checklists[0]
    return public_url(state.site_url, first.address, first.items[0].id)


MACROS: tuple[Callable[..., Any], ...] = (
    checklist, packet, packet_download, contents, way_in, progress_overview, sources, checklist_addresses,
    link_snippet, item_address_example, incident_record, now_list,
)
