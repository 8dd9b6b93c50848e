"""Search on demand: each page names our search worker instead of Material's.

Material for MkDocs reads the search worker's URL from the page's __config JSON
(`<script id="__config" type="application/json">`, key "search") and starts it,
with the search index, on every page load. Material documents this setting as
the way to provide a custom worker. Ours (overrides/assets/javascripts/workers/
search-on-demand.js) answers at once and fetches the full index and Material's
own worker only when the reader first searches; the index the page loads keeps
only the config (macros/guidebook/search_index.py writes the documents apart).

The worker gets, as query parameters of its URL:
  worker=search.a7633da7.min.js     Material's worker, taken from the page's own
                                    __config (a Material upgrade needs no change)
  docs=../../../search/search_docs.json   the full index, relative to the worker

Not used in the offline edition, which Material already loads on demand from disk.
Registered from define_env as a small MkDocs plugin object (its on_post_page and
on_post_template run in the build).
"""
from __future__ import annotations

import json
import posixpath
from urllib.parse import urlencode

from mkdocs.exceptions import PluginError

from .guidebook.search_index import FULL_INDEX
from .theme import script_json

PLUGIN_NAME = "guidebook/search-on-demand"
CONFIG_START = '<script id="__config" type="application/json">'
CONFIG_END = "</script>"
WORKERS_DIR = "assets/javascripts/workers"  # Material's workers, in the site


class SearchWorkerError(Exception):
    """The page's __config is not what this step expects (e.g. after a Material upgrade)."""


def worker_url(material_url: str, ours: str) -> str:
    """The URL of our worker (`ours`, its site path) for a page whose __config names Material's worker at
    `material_url` (relative to that page, or absolute): the same folder, with our parameters."""
    folder, _, material_file = material_url.rpartition("/")
    if not (folder == WORKERS_DIR or folder.endswith("/" + WORKERS_DIR)) or "?" in material_file:
        raise SearchWorkerError(f"Material's search worker is not where expected ({WORKERS_DIR}/): {material_url}")
    if posixpath.dirname(ours) != WORKERS_DIR:
        raise SearchWorkerError(f"our search worker must sit beside Material's, in {WORKERS_DIR}/: {ours}")
    query = urlencode({"worker": material_file, "docs": posixpath.relpath(FULL_INDEX, WORKERS_DIR)}, safe="/")
    return f"{folder}/{posixpath.basename(ours)}?{query}"


def point_search_at(html: str, ours: str) -> str:
    """The page with its __config's "search" naming our worker; a page without __config is unchanged."""
    start = html.find(CONFIG_START)
    if start < 0:
        return html
    body_start = start + len(CONFIG_START)
    body_end = html.find(CONFIG_END, body_start)
    config = json.loads(html[body_start:body_end])  # tojson escapes <, so the JSON holds no </script>
    if "search" not in config:
        return html
    config["search"] = worker_url(config["search"], ours)
    return html[:body_start] + str(script_json(config)) + html[body_end:]


class SearchOnDemand:
    """A plugin object (MkDocs calls its on_* methods): every page's __config names our worker."""

    def __init__(self, worker: str):
        self.worker = worker  # its site path: assets/javascripts/workers/search-on-demand.<hash>.js

    def point(self, html: str, name: str) -> str:
        try:
            return point_search_at(html, self.worker)
        except (SearchWorkerError, ValueError) as error:
            raise PluginError(f"{name}: {error}") from None  # MkDocs prints it as an ERROR and stops the build

    def on_post_page(self, output: str, page, config) -> str:
        return self.point(output, page.file.src_uri)

    def on_post_template(self, output: str, template_name: str, config) -> str:
        """Static templates rendered with the theme: 404.html has a search box too."""
        return self.point(output, template_name) if template_name.endswith(".html") else output
