"""Walk a built site and report every internal link, asset or anchor that does not resolve.

The pages come from the built site itself (every *.html file, every *.css file),
never from a hand-made list. A reference is internal when, resolved against the
address of the page that holds it, it falls under the site's base address; it
must then name a file of the site (a folder's index.html where the site uses
directory URLs) and, if it has a #fragment, an element with that id on the
target page. References that resolve outside the base address but on the same
host (e.g. "/assets/..." on a site served under a sub-path) are broken too.
"""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

# Attributes that load or link to something.
REFERENCES = {
    "a": ("href",), "link": ("href",), "area": ("href",), "script": ("src",), "img": ("src", "srcset"),
    "source": ("src", "srcset"), "iframe": ("src",), "video": ("src", "poster"), "audio": ("src",),
    "embed": ("src",), "object": ("data",), "form": ("action",), "use": ("href", "xlink:href"),
}
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "blob:", "about:")
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+?)['"]?\s*\)""")
META_REFRESH = re.compile(r"^\s*\d+\s*;\s*url\s*=\s*(.+?)\s*$", re.IGNORECASE)


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str]] = []   # (tag.attribute, value)
        self.ids: set[str] = set()
        self._config = False
        self.config_text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(key):
                self.ids.add(attrs[key])
        for attr in REFERENCES.get(tag, ()):
            self._add_references(tag, attr, attrs.get(attr))
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            match = META_REFRESH.match(attrs.get("content") or "")
            if match:
                self.refs.append(("meta.refresh", match.group(1).strip("'\"")))
        if tag == "script" and attrs.get("id") == "__config":
            self._config = True

    def _add_references(self, tag: str, attr: str, value: str | None) -> None:
        if value is None:
            return
        if attr != "srcset":
            self.refs.append((f"{tag}.{attr}", value))
            return
        for candidate in value.split(","):
            if candidate.strip():
                self.refs.append((f"{tag}.{attr}", candidate.strip().split()[0]))

    def handle_data(self, data):
        if self._config:
            self.config_text += data

    def handle_endtag(self, tag):
        if tag == "script":
            self._config = False


class SiteChecker:
    def __init__(self, site: Path, base: str, directory_urls: bool = True):
        """`site`: the built folder; `base`: the address it is served at (ending in /)."""
        self.site = Path(site)
        self.base = base if base.endswith("/") else base + "/"
        self.directory_urls = directory_urls
        self._parsed: dict[Path, _Page] = {}

    def pages(self) -> list[Path]:
        return sorted(self.site.rglob("*.html"))

    def url_of(self, file: Path) -> str:
        rel = file.relative_to(self.site).as_posix()
        if self.directory_urls and (rel == "index.html" or rel.endswith("/index.html")):
            rel = rel[: -len("index.html")]
        return self.base + rel

    def parse(self, file: Path) -> _Page:
        if file not in self._parsed:
            page = _Page()
            page.feed(file.read_text(encoding="utf-8"))
            self._parsed[file] = page
        return self._parsed[file]

    def target(self, url: str) -> tuple[Path | None, str | None]:
        """The file an internal URL names (None if it names none) and why not."""
        path = unquote(urlsplit(url).path)
        base_path = unquote(urlsplit(self.base).path)
        rel = path[len(base_path):]
        if rel == "" or rel.endswith("/"):
            if not self.directory_urls:
                return None, "links to a folder, which does not open from disk"
            rel += "index.html"
        file = self.site / rel
        if file.is_dir():
            return None, "names a folder without a trailing slash"
        if not file.is_file():
            return None, "no such file in the site"
        return file, None

    def is_internal(self, url: str) -> bool:
        return url.split("#")[0].split("?")[0].startswith(self.base) or url.split("#")[0] + "/" == self.base

    def check_reference(self, where: str, page_url: str, kind: str, ref: str) -> str | None:
        ref = ref.strip()
        if not ref or ref.lower().startswith(SKIPPED_SCHEMES):
            return None
        resolved = urljoin(page_url, ref)
        split, base = urlsplit(resolved), urlsplit(self.base)
        if (split.scheme, split.netloc) != (base.scheme, base.netloc):
            return None  # another site
        if not self.is_internal(resolved):
            return f"{where}: {kind}={ref!r} resolves to {resolved}, outside the site ({self.base})"
        file, why = self.target(resolved)
        if file is None:
            return f"{where}: {kind}={ref!r} -> {resolved}: {why}"
        fragment = unquote(split.fragment)
        if fragment and file.suffix == ".html" and fragment not in self.parse(file).ids:
            return f"{where}: {kind}={ref!r}: no element with id {fragment!r} on {file.relative_to(self.site)}"
        return None

    def problems(self) -> list[str]:
        found: list[str] = []
        for file in self.pages():
            page_url = self.url_of(file)
            where = file.relative_to(self.site).as_posix()
            page = self.parse(file)
            for kind, ref in page.refs:
                problem = self.check_reference(where, page_url, kind, ref)
                if problem:
                    found.append(problem)
            if page.config_text.strip():  # Material's __config: the site's root and the search worker
                config = json.loads(page.config_text)
                root = urljoin(page_url, config["base"].rstrip("/") + "/")
                if root != self.base:
                    found.append(f"{where}: __config.base={config['base']!r} resolves to {root}, not {self.base}")
                problem = self.check_reference(where, page_url, "__config.search", config["search"])
                if problem:
                    found.append(problem)
        for css in sorted(self.site.rglob("*.css")):
            where = css.relative_to(self.site).as_posix()
            for ref in CSS_URL.findall(css.read_text(encoding="utf-8")):
                problem = self.check_reference(where, self.base + where, "url()", ref)
                if problem:
                    found.append(problem)
        return found

    def reference_count(self) -> int:
        return sum(len(self.parse(file).refs) for file in self.pages())
