"""The guidebook's content: load, validate and render the YAML in data/.

Plain Python with no dependency on MkDocs, so the rendering can move to another
site generator. `macros/__init__.py` is the thin MkDocs adapter; `sandbox.py`
is the one module here that knows mkdocs-macros (it replaces the plugin's
Jinja environment for pages with a sandbox).
"""
from .errors import DataError, Problem
from .loader import load_guidebook
from .render import Renderer

__all__ = ["DataError", "Problem", "Renderer", "load_guidebook"]
