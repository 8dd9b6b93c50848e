"""A quiet static web server on 127.0.0.1, in a thread, for a built site."""
from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    not_found: Path | None = None  # the page to send, with status 404, for an address the site does not have

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code != 404 or self.not_found is None or not self.not_found.is_file():
            super().send_error(code, message, explain)
            return
        body = self.not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve(directory: Path | str, not_found: str | None = None) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve `directory` on a free port; returns the server (call .shutdown()) and its base URL. With
    `not_found` (e.g. "404.html"), a missing address gets that page of the site, as web hosts do."""
    page = Path(directory) / not_found if not_found else None
    handler_class = type("Handler", (_QuietHandler,), {"not_found": page})
    handler = functools.partial(handler_class, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
