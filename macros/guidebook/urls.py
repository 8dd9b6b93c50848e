"""Public addresses of the guidebook's pages, derived from the site's base address.

Plain Python (no MkDocs): a page whose address is `police/within-24-hours/` is published at
`<site_url>police/within-24-hours/`, an item on it at `...#<item-id>`. These are the
addresses the README promises to partners; the offline edition (which links to
`.html` files on disk) still names these public addresses in its canonical links.
"""
from __future__ import annotations

from urllib.parse import urljoin

DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


def base_url(site_url: str | None) -> str:
    """The site's base address, always ending in a slash."""
    url = (site_url or DEFAULT_SITE_URL).strip()
    return url if url.endswith("/") else url + "/"


def public_url(site_url: str | None, address: str, anchor: str | None = None) -> str:
    """The public address of a page, given relative to the site ('' for the home page, 'police/long-term/'),
    and optionally of an anchor on it."""
    url = urljoin(base_url(site_url), address.removeprefix("./"))
    return f"{url}#{anchor}" if anchor else url
