"""The build step for our own files: print rules join the screen stylesheet, then all is minified.
Source in, expected output out, apart from any MkDocs build."""
import pytest

from macros.assets import bundle_print_rules, minify_js


def test_print_rules_follow_the_screen_rules_in_one_stylesheet():
    screen = "/* screen */\n.a { color: red; }\n"
    printed = "/* paper */\n@media print {\n  @page { margin: 1cm; }\n  .a { color: #000; }\n}\n"
    assert bundle_print_rules(screen, printed) == ".a{color:red}@media print{@page{margin:1cm}.a{color:#000}}"


@pytest.mark.parametrize("printed", [
    ".a { color: #000; }",                                        # not in @media print at all
    "@media print { .a { color: #000; } }\n.b { display: none; }",  # a rule after the block
    "@media screen { .a { color: #000; } }",
])
def test_a_print_rule_outside_media_print_is_refused(printed):
    with pytest.raises(ValueError, match=r"print\.css: every rule must be inside one `@media print"):
        bundle_print_rules(".a { color: red; }", printed)


def test_script_is_minified_with_local_names_shortened():
    source = "(function () {\n  // a comment\n  var longLocalName = 1;\n  window.keep = longLocalName;\n})();\n"
    assert minify_js(source) == "(function(){var a=1;window.keep=a;})();"
