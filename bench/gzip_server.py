"""A static file server on loopback that gzips responses, as any production web server does; optionally
with the Cache-Control header a deploy gives (bench/slowphone.py: the README's nginx example), and
answering a browser's revalidation (If-Modified-Since) with 304."""
from __future__ import annotations

import functools
import gzip
import http.server
import io
import threading
from collections.abc import Callable
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map"}


class _CountingWriter:
    """Wraps the response stream and counts every byte sent (headers and body)."""

    def __init__(self, raw):
        self.raw, self.count = raw, 0

    def write(self, data):
        self.count += len(data)
        return self.raw.write(data)

    def __getattr__(self, name):
        return getattr(self.raw, name)


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    transfers: list  # (path, bytes sent), shared by the server's handlers
    cache_control: Callable[[str], str | None] | None = None  # the header for an address, if any

    def log_message(self, *args):
        pass

    def handle_one_request(self):
        self.wfile = writer = _CountingWriter(self.wfile.raw if isinstance(self.wfile, _CountingWriter) else self.wfile)
        super().handle_one_request()
        if writer.count and getattr(self, "path", None):
            self.transfers.append((self.path, writer.count))

    def end_headers(self):
        rule = type(self).cache_control
        header = rule(self.path.split("?")[0]) if rule else None
        if header:
            self.send_header("Cache-Control", header)
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()  # answers If-Modified-Since itself
        modified = int(path.stat().st_mtime)
        if self._unchanged_since(modified):
            self.send_response(304)
            self.end_headers()
            return None
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", formatdate(modified, usegmt=True))
        self.end_headers()
        return io.BytesIO(body)

    def _unchanged_since(self, modified: int) -> bool:
        since = self.headers.get("If-Modified-Since")
        if not since:
            return False
        try:
            return parsedate_to_datetime(since).timestamp() >= modified
        except (TypeError, ValueError):
            return False


def serve_gzip(directory, cache_control: Callable[[str], str | None] | None = None
               ) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `directory`; `server.transfers` lists (path, bytes sent) for every response; `cache_control`
    gives the Cache-Control header of an address (its path), or None for none."""
    transfers: list = []
    fields = {"transfers": transfers, "cache_control": staticmethod(cache_control) if cache_control else None}
    handler = functools.partial(type("Handler", (GzipHandler,), fields), directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.transfers = transfers  # type: ignore[attr-defined]  # read by the benchmarks
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
