"""The template layer of docs/ pages: the documented macros work, nothing reaches Python internals."""

from __future__ import annotations

import jinja2
import pytest

from macros.guidebook import load_guidebook
from macros.guidebook.sandbox import PageGuidebook, PageSandbox, PageTemplateError, install
from tests.support import ROOT


def checklist(checklist_id: str) -> str:
    return f"<checklist {checklist_id}>"


checklist.__module__ = "macros"  # as if defined in macros/__init__.py, like every documented macro


class FakePlugin:
    """What `install` needs of mkdocs-macros' plugin: its environment, built late, with its own helpers."""

    def __init__(self) -> None:
        self._env = jinja2.Environment(undefined=jinja2.StrictUndefined)
        self._env.globals.update({"checklist": checklist, "macros_info": lambda: "everything"})
        self._env.filters["pretty"] = lambda value: repr(value)

    @property
    def env(self) -> jinja2.Environment:
        return self._env


@pytest.fixture(scope="module")
def render():
    plugin = FakePlugin()
    install(plugin)
    install(plugin)  # once is enough: a second call keeps the same sandbox
    assert isinstance(plugin.env, PageSandbox)
    book = PageGuidebook(load_guidebook(ROOT / "data", display_root=ROOT))
    context = {
        "guidebook": book,
        "config": {"site_name": "x"},
        "plugin": plugin,
        "title": "Home",
        "environment": {"python": "3.11"},
        "macros_info": lambda: "everything",
    }

    def render(page: str) -> str:
        return plugin.env.from_string(page).render(**context)

    return render


def test_documented_macros_and_guidebook_fields_work(render):
    assert render('{{ checklist("police-long-term") }}') == "<checklist police-long-term>"
    assert render("{{ guidebook.title }}").startswith("Responding to Racial Tension")
    assert render("{{ guidebook.source.url }}").startswith("https://")
    assert render("# {{ title }}") == "# Home"


@pytest.mark.parametrize(
    "page",
    [
        '{{ cycler.__init__.__globals__.os.popen("id").read() }}',
        "{{ joiner.__init__.__globals__ }}",
        "{{ lipsum.__globals__ }}",
        "{{ namespace.__init__.__globals__ }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ guidebook.__class__.__init__.__globals__ }}",
        "{{ guidebook.source.__dict__ }}",
        "{{ config.site_name }}",  # the MkDocs config is not given to pages
        "{{ plugin.env.globals }}",  # nor the plugin
        "{{ environment }}",
        "{{ macros_info() }}",  # nor mkdocs-macros' own helpers
        "{{ 'x' | pretty }}",
        "{{ range.__self__ }}",
        "{{ checklist.__globals__ }}",
        "{{ cycler('a').next() }}",
        "{% for x in ().__class__.__base__.__subclasses__() %}{{ x }}{% endfor %}",
    ],
)
def test_everything_else_stops_the_page(render, page):
    with pytest.raises((PageTemplateError, jinja2.TemplateSyntaxError)):  # syntax: an unknown filter
        render(page)


def test_a_macro_that_refuses_is_named_without_a_traceback(render):
    with pytest.raises(PageTemplateError) as caught:
        render("{{ checklist(none_such) }}")
    assert caught.value.forbidden

    def refuse(checklist_id: str) -> str:
        raise ValueError(f"there is no checklist with the id '{checklist_id}'")

    refuse.__module__ = "macros"
    plugin = FakePlugin()
    plugin._env.globals["checklist"] = refuse
    install(plugin)
    with pytest.raises(PageTemplateError) as caught:
        plugin.env.from_string('{{ checklist("x") }}').render(checklist=refuse)
    assert not caught.value.forbidden and "no checklist with the id 'x'" in str(caught.value)
