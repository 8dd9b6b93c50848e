"""A Content Security Policy for every built page, as a <meta http-equiv> tag.

The policy allows scripts from the site itself and, by their sha256 hash, the
inline scripts of that page only (Material's and ours), so it works on any
server, GitHub Pages included, without headers. Styles may be inline (Material
sets style attributes); nothing may come from another origin. Material's search
runs in a Web Worker loaded from the site ('self').
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

_INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc\s*=)([^>]*)>(.*?)</script\s*>", re.DOTALL | re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)
# Script types the browser runs; a data block such as Material's <script type="application/json"> never
# runs, so it needs no hash.
_RUN = {"", "text/javascript", "application/javascript", "module"}
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
MARKER = 'http-equiv="Content-Security-Policy"'

BASE_POLICY = (
    "default-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
)


def script_hashes(html: str) -> list[str]:
    """'sha256-...' of every inline script of the page the browser runs, in order, each once."""
    hashes = []
    for attributes, body in _INLINE_SCRIPT.findall(html):
        kind = _TYPE.search(attributes)
        if kind and kind[1].lower() not in _RUN:
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii")
        if f"'sha256-{digest}'" not in hashes:
            hashes.append(f"'sha256-{digest}'")
    return hashes


def policy(html: str) -> str:
    script_src = " ".join(["script-src 'self'", *script_hashes(html)])
    return "; ".join([BASE_POLICY[0], script_src, *BASE_POLICY[1:]])


def add_policy(html: str) -> str:
    """The page with its policy as the first tag after <meta charset> (before any script runs)."""
    if MARKER in html:
        return html
    tag = f'<meta {MARKER} content="{policy(html)}">'
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        return html
    return html[: anchor.end()] + "\n    " + tag + html[anchor.end() :]


def add_policies(site_dir: Path) -> int:
    """Add the policy to every HTML page of a built site; returns how many pages have one."""
    count = 0
    for page in sorted(Path(site_dir).rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        updated = add_policy(html)
        if updated != html:
            page.write_text(updated, encoding="utf-8")
        count += MARKER in updated
    return count
