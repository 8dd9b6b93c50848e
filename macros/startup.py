"""MkDocs hooks module, named under `hooks:` in mkdocs.yml, so that MkDocs calls its `on_startup` once
per process, before the build: it hands the command to macros/command.py, where the build asks for it.

MkDocs loads this file on its own (as "macros/startup.py", again at each rebuild under `mkdocs serve`,
which announces the command only once): the command is kept in the package module `macros.command`,
which stays loaded for the whole process. The project folder is put on the import path, as
mkdocs-macros does to import `macros`."""
from __future__ import annotations

import sys
from pathlib import Path

PROJECT = str(Path(__file__).resolve().parent.parent)
if PROJECT not in sys.path:
    sys.path.insert(0, PROJECT)

from macros import command as build_command  # noqa: E402  (the import path is set just above)


def on_startup(command: str, dirty: bool) -> None:
    build_command.remember(command)
