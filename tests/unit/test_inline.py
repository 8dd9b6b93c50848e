"""The one rule for text from the data: source in, expected HTML or refusal out."""

import pytest

from macros.guidebook.errors import Kind
from macros.guidebook.inline import escape_text, inline_problems, plain_problems, plain_text, render_inline


@pytest.mark.parametrize(
    "source, expected",
    [
        ("Stick to the facts.", "Stick to the facts."),
        ('Do not say *"no comment"*.', 'Do not say <em>"no comment"</em>.'),
        ("**Host a convening**: talk.", "<strong>Host a convening</strong>: talk."),
        ("See [the guide](https://www.nlc.org/x).", 'See <a href="https://www.nlc.org/x">the guide</a>.'),
        ("Write to [us](mailto:info@example.org).", 'Write to <a href="mailto:info@example.org">us</a>.'),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("Fish & chips < 5", "Fish &amp; chips &lt; 5"),
        ("  padded  ", "padded"),
        ("snake\\_case and 2\\*3", "snake&#95;case and 2&#42;3"),  # shown as typed, never Markdown again
    ],
)
def test_render_inline(source, expected):
    assert str(render_inline(source)) == expected


def test_escaped_text_is_inert_in_html_and_in_markdown():
    assert str(escape_text("</title><script>*x*{ onclick=y } [a](b)")) == (
        "&lt;/title&gt;&lt;script&gt;&#42;x&#42;&#123; onclick=y &#125; &#91;a&#93;(b)"
    )


ALLOWED_INLINE = [
    "Plain words.",
    "*emphasis* and **strong**",
    "[a link](https://example.org/a?b=1&c=2)",
    "[mail](mailto:chief@example.org)",
    "a < b and c > d",
    "Fish & chips",
    'It\'s "quoted".',
]


@pytest.mark.parametrize("text", ALLOWED_INLINE)
def test_the_documented_inline_markdown_is_allowed(text):
    assert inline_problems(text) == []


@pytest.mark.parametrize(
    "text, kind, words",
    [
        ("[x](javascript:alert(1))", Kind.UNSAFE_LINK, "javascript:alert(1"),
        ("[x](JavaScript:alert(1))", Kind.UNSAFE_LINK, "JavaScript:"),
        ("[x](data:text/html,hi)", Kind.UNSAFE_LINK, "data:text/html"),
        ("[x](//other.example/page)", Kind.UNSAFE_LINK, "//other.example/page"),
        ("[x](../police/long-term.md)", Kind.UNSAFE_LINK, "../police/long-term.md"),
        ("[x](#Anchor)", Kind.BAD_CHECKLIST_LINK, "#Anchor"),
        ("[x](#a b)", Kind.UNSAFE_LINK, "#a"),
        ("[here][r]\n\n[r]: javascript:alert(1)", Kind.MARKUP_NOT_ALLOWED, "reference link"),
        ("[r]: https://example.org", Kind.MARKUP_NOT_ALLOWED, "link definition"),
        ("![t](https://example.org/pixel.png)", Kind.MARKUP_NOT_ALLOWED, "an image"),
        ("*x*{ onmouseover=alert(1) }", Kind.MARKUP_NOT_ALLOWED, "curly braces"),
        ("{: .class }", Kind.MARKUP_NOT_ALLOWED, "curly braces"),
        ("<b>bold</b>", Kind.MARKUP_NOT_ALLOWED, "HTML"),
        ("<https://example.org>", Kind.MARKUP_NOT_ALLOWED, "HTML"),
        ("<!-- note -->", Kind.MARKUP_NOT_ALLOWED, "HTML"),
        ("use `code`", Kind.MARKUP_NOT_ALLOWED, "code span"),
        ("- a list", Kind.MARKUP_NOT_ALLOWED, "a list"),
        ("# A heading", Kind.MARKUP_NOT_ALLOWED, "a heading"),
        ("One.\n\nTwo.", Kind.MARKUP_NOT_ALLOWED, "blank line"),
        ('[x](https://example.org "title")', Kind.MARKUP_NOT_ALLOWED, "a link title"),
        ("bell\x07", Kind.MARKUP_NOT_ALLOWED, "control character"),
    ],
)
def test_everything_else_is_refused_by_name(text, kind, words):
    found = inline_problems(text)
    assert found, f"{text!r} should be refused"
    assert any(k is kind and words in k.text(**details) for k, details in found), found


@pytest.mark.parametrize("text", ["Part 1: For municipal leaders", "CARES in Action's seven items", "A & B, 24/7"])
def test_plain_text_allows_words(text):
    assert plain_problems(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "</title><script>alert(1)</script>",
        "*x*",
        "**x**",
        "[x](https://a.org)",
        "x{ onclick=y }",
        "a\nb",
        "back\\slash",
        "`x`",
        "a_b_",
    ],
)
def test_plain_text_refuses_any_markup(text):
    assert [k for k, _ in plain_problems(text)] == [Kind.MARKUP_IN_PLAIN_TEXT]


def test_plain_text_of_inline_markdown():
    assert plain_text("Do **this** and [that](https://a.org) & more.") == "Do this and that & more."
