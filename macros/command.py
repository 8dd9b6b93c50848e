"""Which MkDocs command runs this build: "build", "serve" or "gh-deploy", the one way the site knows.

MkDocs says it once per process, in the `on_startup` event, and only to what mkdocs.yml names at
startup: the hooks module macros/startup.py passes it here. Every part that behaves differently under
`mkdocs serve` asks `serving()`: the script is not minified (macros/theme.py), the PDF packets are
not made (macros/guidebook/pdf.py) and no Content Security Policy is written, since the live-reload
script MkDocs injects into each page is inline (macros/__init__.py). `mkdocs serve --clean` is
announced as "build" and injects no live-reload script. A build that MkDocs did not start (a test
calling the adapter in-process) counts as "build".
"""
from __future__ import annotations

_command: str | None = None


def remember(command: str) -> None:
    """The command MkDocs announced (macros/startup.py)."""
    global _command
    _command = command


def current() -> str:
    return _command or "build"


def serving() -> bool:
    """Whether this is `mkdocs serve` (with its live-reload server)."""
    return current() == "serve"
