"""A link from one checklist to another ("[its title](#its-id)") leads to that checklist's page."""
from __future__ import annotations

from macros.guidebook.render import inline_linked

URLS = {"community-stakeholders": "../stakeholders/", "police-long-term": "../../police/long-term/"}


def test_a_link_to_a_checklist_id_leads_to_its_page():
    html = inline_linked("See [Engaging community stakeholders](#community-stakeholders).", URLS)
    assert html == 'See <a href="../stakeholders/#community-stakeholders">Engaging community stakeholders</a>.'


def test_without_urls_the_link_stays_in_the_page():
    """The packet holds every checklist, so the anchor is on the same page."""
    html = inline_linked("[Long term](#police-long-term)")
    assert html == '<a href="#police-long-term">Long term</a>'


def test_other_links_and_unknown_anchors_are_left_alone():
    text = "[an item](#not-a-checklist), [NLC](https://www.nlc.org/) and *emphasis*"
    assert inline_linked(text, URLS) == inline_linked(text)


def test_text_stays_escaped():
    assert "&lt;script&gt;" in inline_linked("<script>x</script> [a](#community-stakeholders)", URLS)
