"""Public addresses of the guidebook's pages, derived from the site's base address.

Plain Python (no MkDocs): a page whose address is `police/within-24-hours/` is published at
`<site_url>police/within-24-hours/`, an item on it at `...#<item-id>`. These are the
addresses the README promises to partners; the offline edition (which links to
`.html` files on disk) still names these public addresses in its canonical links.

The rule for a build without SITE_URL (decision record 2026-12-07-site-url-required): a build
stops with MISSING_SITE_URL; only `mkdocs serve` (`make serve`), whose pages never leave the
machine, runs without it, at its own local address. No local address is ever written into a
site that is printed, scanned, shared or downloaded.
"""
from __future__ import annotations

from urllib.parse import urljoin

EXAMPLE_SITE_URL = "https://example.org/cares/guidebook/"
MISSING_SITE_URL = (
    "SITE_URL is not set. The build writes the site's public address into every QR code, the printed "
    "'Online:' lines, the PDF packets, canonical links, link previews, sitemap.xml and the page 'Link to "
    "this guidebook', so it needs the address where the site will be published. Set it for the command, "
    f"for example: SITE_URL={EXAMPLE_SITE_URL} make build (or make offline). "
    "To look at the site on this computer, run make serve (no SITE_URL needed)."
)


class MissingSiteUrl(ValueError):
    """A build (not `mkdocs serve`) without the site's public address."""

    def __init__(self) -> None:
        super().__init__(MISSING_SITE_URL)


def base_url(site_url: str | None) -> str:
    """The site's base address, always ending in a slash; MissingSiteUrl when there is none."""
    url = (site_url or "").strip()
    if not url:
        raise MissingSiteUrl()
    return url if url.endswith("/") else url + "/"


def public_url(site_url: str | None, address: str, anchor: str | None = None) -> str:
    """The public address of a page, given relative to the site ('' for the home page, 'police/long-term/'),
    and optionally of an anchor on it."""
    url = urljoin(base_url(site_url), address.removeprefix("./"))
    return f"{url}#{anchor}" if anchor else url
