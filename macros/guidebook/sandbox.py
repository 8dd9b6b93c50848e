"""The template layer of the pages in docs/: a Jinja sandbox that knows the guidebook's macros only.

mkdocs-macros renders every page with its own Jinja environment, which can reach
Python internals (`{{ cycler.__init__.__globals__.os.popen("id").read() }}`
runs a command). `install` swaps it for a `PageSandbox`:

- Jinja's SandboxedEnvironment: no attribute that starts with an underscore,
  no unsafe callables;
- attributes only of the guidebook view below, of text and of numbers;
- in a page, only the guidebook's own macros (functions of the `macros`
  package), the view `guidebook` and the plain values of the page's front
  matter: not the plugin, the MkDocs config or mkdocs-macros' own helpers.

Anything else stops the build with a named message and no traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote

from jinja2 import Undefined, UndefinedError, defaults
from jinja2.environment import Template
from jinja2.sandbox import SandboxedEnvironment, SecurityError
from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs_macros.errors import format_error

from .inline import escape_text
from .model import Guidebook

OUR_PACKAGE = "macros"
PLAIN_VALUES = (str, int, float, bool)


def _safe_url(url: str) -> Markup:
    """A checked https address, safe as the target of a Markdown link."""
    return Markup(quote(url, safe="/:?#=&%;@!$+,.-~"))


class PageSource:
    """What a page may read of the guidebook's source publication."""

    def __init__(self, title: str, url: str):
        self.title = escape_text(title)
        self.url = _safe_url(url)


class PageGuidebook:
    """What a page may read of the guidebook: its plain-text fields, escaped for HTML and Markdown."""

    def __init__(self, guidebook: Guidebook):
        self.title = escape_text(guidebook.title)
        self.subtitle = escape_text(guidebook.subtitle or "")
        self.publisher = escape_text(guidebook.publisher)
        self.released = escape_text(guidebook.released)
        self.source = PageSource(guidebook.source.title, guidebook.source.url)


SAFE_OBJECTS = (PageGuidebook, PageSource, *PLAIN_VALUES)


class PageTemplateError(Exception):
    """A page's template failed: it reached for something the sandbox does not allow, or a macro refused."""

    def __init__(self, reason: str, allowed: bool):
        super().__init__(reason.rstrip("."))
        self.forbidden = not allowed


class PageTemplate(Template):
    """A page template that sees only the names its environment allows."""

    environment: PageSandbox

    def render(self, *args: Any, **kwargs: Any) -> str:
        allowed = self.environment.allowed_context(dict(*args, **kwargs))
        try:
            return super().render(allowed)
        except (SecurityError, UndefinedError) as error:
            raise PageTemplateError(str(error), allowed=False) from None
        except (PluginError, ValueError, LookupError, TypeError, ArithmeticError) as error:
            # a macro's own message (e.g. an unknown checklist id) or a wrong call: say it, no traceback
            raise PageTemplateError(str(error), allowed=True) from None


class PageSandbox(SandboxedEnvironment):
    template_class = PageTemplate

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return isinstance(obj, SAFE_OBJECTS) and super().is_safe_attribute(obj, attr, value)

    def allowed_context(self, context: Mapping[str, Any]) -> dict[str, Any]:
        """The guidebook view, our macros and plain front-matter values: nothing that reaches Python."""
        return {
            name: value
            for name, value in context.items()
            if isinstance(value, (PageGuidebook, *PLAIN_VALUES)) or _is_ours(value)
        }


def _is_ours(value: Any) -> bool:
    return callable(value) and str(getattr(value, "__module__", "")).split(".")[0] == OUR_PACKAGE


def _ours(functions: Mapping[str, Callable[..., Any]]) -> dict[str, Callable[..., Any]]:
    return {name: f for name, f in functions.items() if _is_ours(f)}


def sandbox_like(env: Any) -> PageSandbox:
    """A PageSandbox with the loader, undefined and delimiters of mkdocs-macros' environment `env`."""
    options = {
        name: getattr(env, name)
        for name in (
            "block_start_string",
            "block_end_string",
            "variable_start_string",
            "variable_end_string",
            "comment_start_string",
            "comment_end_string",
        )
    }
    sandbox = PageSandbox(loader=env.loader, undefined=env.undefined or Undefined, **options)
    sandbox.globals.update(_ours(env.globals))
    sandbox.filters = {**defaults.DEFAULT_FILTERS, **_ours(env.filters)}
    return sandbox


def install(plugin: Any) -> None:
    """Render the pages of this build in the sandbox (once; mkdocs-macros builds its environment late)."""
    if not isinstance(plugin.env, PageSandbox):
        plugin._env = sandbox_like(plugin.env)


@format_error.register
def _named(error: PageTemplateError, markdown: str, page: Any) -> str:
    where = f"docs/{page.file.src_path}"
    if not error.forbidden:
        return f"{where}: the page could not be rendered: {error}"
    return (
        f"{where}: the page's template is not allowed to do this: {error}. Pages may call only the "
        "guidebook's macros (see macros/__init__.py) and read guidebook.title, .subtitle, .publisher, "
        ".released and .source."
    )
