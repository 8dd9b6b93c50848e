"""Adding a checklist is one new YAML file (EDITING.md's recipe, followed to the letter).

A copy of a police checklist, with new ids and a new address, is dropped into data/checklists/ of a
copy of the project; nothing else changes. The build must give it a page, a place in the navigation,
a section in the packet, search entries and a row among the public addresses.
"""
from __future__ import annotations

import re

import pytest

from macros.guidebook import load_guidebook
from macros.guidebook.search_index import read_full_index
from tests.support import built, copy_project, data_problems, expected_site_url, plain

SOURCE = "police-within-24-hours.yml"
ADDRESS = "police/within-48-hours/"


@pytest.fixture(scope="module")
def added(tmp_path_factory):
    """(the built site, the new checklist as loaded from the data)."""
    work = tmp_path_factory.mktemp("added")
    project = copy_project(work / "project")
    checklists = project / "data" / "checklists"
    text = (checklists / SOURCE).read_text(encoding="utf-8")
    text = re.sub(r"^(\s*(?:- )?id: )(\S+)", r"\1\2-copy", text, flags=re.M)
    text = re.sub(r"^address: .*$", f"address: {ADDRESS}", text, flags=re.M)
    text = re.sub(r"^title: .*$", "title: Within 48 hours (test copy)", text, flags=re.M)
    (checklists / "police-within-48-hours.yml").write_text(text, encoding="utf-8")
    assert data_problems(project) == ""
    new = load_guidebook(project / "data", display_root=project).checklist("police-within-24-hours-copy")
    assert new is not None and new.address == ADDRESS
    return built(project, work / "site"), new


@pytest.mark.build
def test_the_new_checklist_gets_its_page(added):
    site, new = added
    page = (site / ADDRESS / "index.html").read_text(encoding="utf-8")
    assert f'<h1 id="{new.id}">' in page
    assert re.findall(r'<li class="gb-item" id="([^"]+)">', page) == [item.id for item in new.items]


@pytest.mark.build
def test_the_new_checklist_is_in_the_navigation_of_its_part_in_order(added):
    site, new = added
    home = (site / "index.html").read_text(encoding="utf-8")
    nav = home[home.index('<nav class="md-nav md-nav--primary"'):]
    links = re.findall(r'<a href="(police/[^"]+)" class="md-nav__link', nav)
    position = links.index(ADDRESS)  # same `order` as "Within 24 hours": after it, by title
    assert links[position - 1] == "police/within-24-hours/", links
    assert new.title in plain(nav)


@pytest.mark.build
def test_the_new_checklist_is_in_the_packet_and_the_search_index(added):
    site, new = added
    packet = (site / "packet" / "index.html").read_text(encoding="utf-8")
    assert f'data-checklist="{new.id}"' in packet and f'href="#{new.id}"' in packet
    index = read_full_index(site)
    text = " ".join(plain(doc["title"] + " " + doc["text"])
                    for doc in index["docs"] if doc["location"].startswith(ADDRESS))
    for item in new.items:
        assert plain(item.text) in text, item.id


@pytest.mark.build
def test_the_new_checklist_is_among_the_public_addresses(added):
    site, _ = added
    page = (site / "link-to-this-guidebook" / "index.html").read_text(encoding="utf-8")
    url = expected_site_url() + ADDRESS
    assert f'<a class="gb-addresses__url" href="{url}">{url}</a>' in page
