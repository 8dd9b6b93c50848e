"""Public addresses of the guidebook's pages, derived from the site's base address.

Plain Python (no MkDocs): a page `docs/police/within-24-hours.md` is published at
`<site_url>police/within-24-hours/`, an item on it at `...#<item-id>`. These are the
addresses the README promises to partners; the offline edition (which links to
`.html` files on disk) still names these public addresses in its canonical links.
"""
from __future__ import annotations

from urllib.parse import urljoin

from .pages import page_url

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


def base_url(site_url: str | None) -> str:
    """The site's base address, always ending in a slash."""
    url = (site_url or DEFAULT_SITE_URL).strip()
    return url if url.endswith("/") else url + "/"


def page_path(src_uri: str) -> str:
    """Path of a page's public address relative to the site, from its file under docs/.

    index.md -> "", about.md -> "about/", police/index.md -> "police/",
    police/within-24-hours.md -> "police/within-24-hours/".
    """
    return page_url(src_uri.replace("\\", "/"), directory_urls=True)


def public_url(site_url: str | None, src_uri: str, anchor: str | None = None) -> str:
    """The public address of a page (and optionally of an anchor on it)."""
    url = urljoin(base_url(site_url), page_path(src_uri))
    return f"{url}#{anchor}" if anchor else url
