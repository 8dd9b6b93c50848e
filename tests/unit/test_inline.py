"""Inline Markdown of item text: source in, expected HTML out."""
import pytest

from macros.guidebook.inline import render_inline, unsafe_links


@pytest.mark.parametrize("source, expected", [
    ("Stick to the facts.", "Stick to the facts."),
    ("Do not say *\"no comment\"*.", "Do not say <em>\"no comment\"</em>."),
    ("**Host a convening**: talk.", "<strong>Host a convening</strong>: talk."),
    ("See [the guide](https://www.nlc.org/x).", 'See <a href="https://www.nlc.org/x">the guide</a>.'),
    ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    ('<img src=x onerror="alert(1)">', '&lt;img src=x onerror="alert(1)"&gt;'),
    ("Fish & chips < 5", "Fish &amp; chips &lt; 5"),
    ("  padded  ", "padded"),
])
def test_render_inline(source, expected):
    assert str(render_inline(source)) == expected


def test_two_paragraphs_stay_paragraphs():
    assert str(render_inline("One.\n\nTwo.")) == "<p>One.</p>\n<p>Two.</p>"


@pytest.mark.parametrize("text, bad", [
    ("[x](javascript:alert(1))", ["javascript:alert(1"]),
    ("[x](data:text/html,hi)", ["data:text/html,hi"]),
    ("[x](https://example.org) and [y](mailto:a@b.org)", []),
    ("[x](../police/long-term.md#item)", []),
    ("no links", []),
])
def test_unsafe_links(text, bad):
    assert unsafe_links(text) == bad
