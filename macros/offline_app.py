"""The guidebook as an app that works with no signal: the service worker, the web app manifest and its icons.

After every other file of the deployable site is written (this plugin's on_post_build runs last), it writes

  manifest.webmanifest        name, start address and scope at the site's base, standalone, colours, icons
  assets/images/app/*.png     the icons, drawn from our favicon with Pillow (guidebook/app_icons.py)
  sw.js                       the service worker, made by Workbox (service-worker.mjs, run with node):
                              it precaches the whole site, each file with a revision from its content

and gives the templates `gb_app` (partials/gb-app.html): the manifest, the icons and, for the page script,
the worker's address (guidebook/offline-worker.js registers it once the page is idle).

The offline edition (file://, where a page cannot have a service worker) gets none of it. Under `mkdocs serve`
the pages register no worker, and sw.js is one that steps aside: should a worker of a build served earlier
at the same address still be there, it is replaced by this one, which empties the caches, unregisters
itself and reloads its pages from the server, so a developer never sees stale pages.
"""
from __future__ import annotations

import json
import posixpath
import re
import shutil
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from .guidebook.app_icons import ICONS, IconError, app_icons
from .guidebook.messages import Words

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_NAME = "guidebook/offline-app"
WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
ICON_DIR = "assets/images/app"
FAVICON = "assets/images/favicon.svg"  # in docs/, as mkdocs.yml's theme.favicon names it
WORKBOX_SCRIPT = ROOT / "macros" / "service-worker.mjs"
WORKBOX_PACKAGE = ROOT / "node_modules" / "workbox-build" / "package.json"
# Material's indigo (mkdocs.yml's palette: primary indigo in both schemes): the header and the app's bar.
THEME_COLOURS = {"light": "#4051b5", "dark": "#303fa1"}
BACKGROUND = "#ffffff"
_CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.DOTALL)

STEP_ASIDE_WORKER = """\
// Written by `mkdocs serve` (macros/offline_app.py): no service worker while the site is being edited.
// Should a worker of a build served earlier at this address still be there, this one replaces it at once,
// empties its caches, unregisters itself and reloads its pages from the server.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil((async () => {
  for (const name of await caches.keys()) await caches.delete(name);
  await self.registration.unregister();
  for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url);
})()));
"""


def web_app_manifest(name: str, short_name: str, description: str, language: str) -> dict:
    """The manifest, its addresses relative to itself (at the site's base): the app is the whole site."""
    icons = [{"src": f"{ICON_DIR}/{file}", "sizes": f"{size}x{size}", "type": "image/png", "purpose": purpose}
             for file, (size, _maskable, purpose) in ICONS.items() if purpose]
    return {
        "name": name, "short_name": short_name, "description": description, "lang": language,
        "id": "./", "start_url": "./", "scope": "./", "display": "standalone",
        "theme_color": THEME_COLOURS["light"], "background_color": BACKGROUND, "icons": icons,
    }


def search_worker_address(site_dir: Path) -> list[str]:
    """The search worker's address as pages ask for it, from the site's base, parameters included (the home
    page's __config names it, relative to the home page); [] when the home page names none."""
    home = site_dir / "index.html"
    found = _CONFIG.search(home.read_text(encoding="utf-8")) if home.is_file() else None
    if not found:
        return []
    worker = json.loads(found[1]).get("search")
    return [posixpath.normpath(worker.split("?")[0]) + "?" + worker.split("?", 1)[1]] if worker and "?" in worker else []


def run_workbox(site_dir: Path) -> dict:
    """Make sw.js with Workbox (service-worker.mjs); returns its summary: files, bytes, warnings."""
    if not WORKBOX_PACKAGE.is_file():
        raise PluginError(f"The service worker is made with {WORKBOX_PACKAGE.parent.relative_to(ROOT)}: "
                          "run `npm ci` first (make build does).")
    node = shutil.which("node")
    if node is None:
        raise PluginError("The service worker is made with Node.js (node), which is not installed.")
    extra = json.dumps(search_worker_address(site_dir))
    result = subprocess.run([node, str(WORKBOX_SCRIPT), str(site_dir), extra], capture_output=True, text=True,
                            timeout=300, cwd=ROOT)
    if result.returncode != 0:
        raise PluginError(f"Workbox could not make the service worker ({WORKBOX_SCRIPT.name}):\n"
                          f"{result.stderr.strip()}")
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    if summary["warnings"]:
        raise PluginError("Workbox warned while making the service worker:\n" + "\n".join(summary["warnings"]))
    return summary


class OfflineApp:
    """A plugin object (MkDocs calls its on_* methods): the manifest, the icons and the service worker."""

    def __init__(self, words: Words, docs_dir: Path, serving: bool, offline: bool):
        self.words = words
        self.docs_dir = Path(docs_dir)
        self.serving = serving
        self.offline = offline  # the offline edition: nothing of this

    def on_env(self, env, config, files):
        env.globals["gb_app"] = None if self.offline else {
            "manifest": MANIFEST, "touch_icon": f"{ICON_DIR}/apple-touch-icon.png",
            "colours": THEME_COLOURS, "worker": None if self.serving else WORKER,
        }
        return env

    @event_priority(-100)  # after every other plugin has written its files: the worker precaches them all
    def on_post_build(self, config) -> None:
        if self.offline:
            return
        site = Path(config["site_dir"])
        try:
            icons = app_icons(self.docs_dir / FAVICON)
        except IconError as error:
            raise PluginError(str(error)) from None
        (site / ICON_DIR).mkdir(parents=True, exist_ok=True)
        for name, data in icons.items():
            (site / ICON_DIR / name).write_bytes(data)
        manifest = web_app_manifest(config["site_name"], self.words.text("app.short_name"),
                                    " ".join(str(config["site_description"] or "").split()),
                                    self.words.language)
        (site / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        if self.serving:
            (site / WORKER).write_text(STEP_ASIDE_WORKER, encoding="utf-8")
        else:
            run_workbox(site)
