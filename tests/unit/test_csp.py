"""The Content Security Policy's script hashes: every inline script the browser runs, and no data block."""
import pytest

from macros.guidebook.csp import script_hashes


@pytest.mark.parametrize("html, hashed", [
    ("<script>a()</script>", 1),
    ('<script type="module">a()</script>', 1),
    ("<script type=text/javascript>a()</script>", 1),
    ('<script id="__config" type="application/json">{"a": 1}</script>', 0),  # never runs
    ('<script src="x.js"></script>', 0),  # from the site: 'self'
    ("<script>a()</script><script>a()</script>", 1),  # each once
    ('<script>a()</script><script type="application/json">{}</script><script>b()</script>', 2),
])
def test_inline_scripts_that_run_are_hashed(html, hashed):
    assert len(script_hashes(html)) == hashed
