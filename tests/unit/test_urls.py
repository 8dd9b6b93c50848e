"""Public addresses from a base address and a page's address, and plain-text descriptions."""
import pytest

from macros import directory_address, page_file
from macros.guidebook.inline import plain_text
from macros.guidebook.urls import MISSING_SITE_URL, MissingSiteUrl, base_url, public_url


@pytest.mark.parametrize("src, path", [
    ("index.md", ""),
    ("about.md", "about/"),
    ("police/within-24-hours.md", "police/within-24-hours/"),
    ("police/index.md", "police/"),
    ("link-to-this-guidebook.md", "link-to-this-guidebook/"),
])
def test_a_page_address_follows_mkdocs_directory_urls(src, path):
    assert directory_address(src) == path


@pytest.mark.parametrize("address, offline, expected", [
    ("police/within-24-hours/", False, "police/within-24-hours/"),      # the web: a folder
    ("police/within-24-hours/", True, "police/within-24-hours.html"),   # opened from disk: a file
    ("municipal/crisis-response/", True, "municipal/crisis-response.html"),
])
def test_the_manifest_gives_a_checklist_as_the_edition_serves_it(address, offline, expected):
    assert page_file(address, offline) == expected


def test_public_url_under_a_sub_path_with_an_item():
    assert public_url("https://example.org/cares/guidebook", "police/long-term/", "hold-a-debrief") == \
        "https://example.org/cares/guidebook/police/long-term/#hold-a-debrief"
    assert public_url("https://example.org/cares/guidebook/", "") == "https://example.org/cares/guidebook/"


@pytest.mark.parametrize("missing", [None, "", "  "])
def test_base_url_without_an_address_says_how_to_set_site_url(missing):
    with pytest.raises(MissingSiteUrl) as refused:
        base_url(missing)
    assert str(refused.value) == MISSING_SITE_URL
    assert "SITE_URL=https://" in MISSING_SITE_URL and "make build" in MISSING_SITE_URL
    assert "make serve" in MISSING_SITE_URL


def test_base_url_ends_with_a_slash():
    assert base_url("https://example.org") == "https://example.org/"


def test_plain_text_drops_markup_but_keeps_the_words():
    assert plain_text('Read *the* [guide](https://example.org) & say "hi" <b>') == 'Read the guide & say "hi" <b>'
