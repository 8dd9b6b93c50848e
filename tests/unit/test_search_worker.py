"""Pointing a page's __config at our search worker (macros/search_worker.py), apart from any build."""
from __future__ import annotations

import json
import re

import pytest

from macros.search_worker import SearchWorkerError, point_search_at, worker_url

OURS = "assets/javascripts/workers/search-on-demand.0123456789.js"
PARAMS = "?worker=search.a7633da7.min.js&docs=../../../search/search_docs.json"


def page(config: dict) -> str:
    body = json.dumps(config).replace("<", "\\u003c")
    return f'<html><head><script id="__config" type="application/json">{body}</script></head><body></body></html>'


def config_of(html: str) -> dict:
    found = re.search(r'<script id="__config" type="application/json">(.*?)</script>', html)
    assert found
    return json.loads(found.group(1))


@pytest.mark.parametrize("material, expected", [
    ("../../assets/javascripts/workers/search.a7633da7.min.js", "../../assets/javascripts/workers/"),
    ("assets/javascripts/workers/search.a7633da7.min.js", "assets/javascripts/workers/"),
    ("/cares/assets/javascripts/workers/search.a7633da7.min.js", "/cares/assets/javascripts/workers/"),
])
def test_our_worker_sits_beside_materials_and_is_told_its_name_and_the_full_index(material, expected):
    assert worker_url(material, OURS) == expected + "search-on-demand.0123456789.js" + PARAMS


@pytest.mark.parametrize("material, ours", [
    ("../../assets/javascripts/search.a7633da7.min.js", OURS),  # Material moved its worker
    ("assets/javascripts/workers/search.js?v=1", OURS),
    ("assets/javascripts/workers/search.a7633da7.min.js", "assets/javascripts/search-on-demand.js"),
])
def test_an_unexpected_layout_stops_the_build_with_both_names(material, ours):
    with pytest.raises(SearchWorkerError, match="assets/javascripts/workers/"):
        worker_url(material, ours)


def test_only_search_changes_and_the_json_stays_safe_in_a_script():
    config = {"base": "../..", "search": "../../assets/javascripts/workers/search.a7633da7.min.js",
              "translations": {"search.result.none": "No </script><b>matching</b> documents"}, "version": None}
    html = point_search_at(page(config), OURS)
    assert html.count("</script>") == 1, "the rewritten JSON cannot end its element"
    assert config_of(html) == {**config, "search": "../../assets/javascripts/workers/search-on-demand.0123456789.js" + PARAMS}


def test_a_page_without_config_or_search_is_unchanged():
    assert point_search_at("<html><body>redirecting</body></html>", OURS) == "<html><body>redirecting</body></html>"
    assert point_search_at(page({"base": "."}), OURS) == page({"base": "."})
