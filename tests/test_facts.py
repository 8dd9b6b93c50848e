"""The key facts of the source notes (../shared/content/guidebook-sources.md) stay on the built site,
and the claims the notes corrected stay off it.

Officials act on this guidance: an order that the Department of Justice or NLC did not give is a
real harm. Each fact below is a short phrase from the notes, checked on the page that must show it.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from macros.guidebook.search_index import read_full_index
from tests.support import checklist_pages, plain

GUIDEBOOK_ON_ISSUU = "https://issuu.com/ccm_ct/docs/ccm_respondingracialtension_2022_web"
PRIVACY = "Saved only in this browser on this device; others on your team can't see it; clearing the browser erases it."

_HIDDEN = re.compile(r"<(script|style|template)\b.*?</\1>", re.S | re.I)


def text_of(page: Path) -> str:
    """What a reader sees (or a screen reader reads) on a built page: no scripts or styles."""
    return plain(_HIDDEN.sub(" ", page.read_text(encoding="utf-8")))


def page_text(site: Path, address: str) -> str:
    return text_of(site / address / "index.html")


def all_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


# (page address, phrases from the notes that the page must show)
FACTS_BY_PAGE = [
    ("about", [
        "June 22, 2022", "Connecticut Conference of Municipalities (CCM)", "first-ever checklist guidebook",
        "CARES in Action", "racial (or other) tensions", "advisory, not mandatory",
        "appointed town and city managers", "chief elected officials such as mayors and first selectmen",
        "Transparency", "Authenticity", "Consistency", "Empathy", "from page 5", "from page 12",
        "the key items of each printed checklist in plain words", "CCM keeps this edition current",
    ]),
    ("", ["racial (or other) tensions", "appointed town and city managers", "advisory, not mandatory"]),
    ("resources", [
        # ICMA's own list, complete
        "ICMA's list of resources on police-community relations", "Major Cities Chiefs Association",
        "President's Task Force on 21st Century Policing", "The Manager-Police Chief Relationship", "Rod Gould",
        "Spotlight on Police Culture", "The Police, the Community, and the Manager", "2015 ICMA conference",
        "Black Lives Matter, Blue Lives Matter", "2015 Municipal Yearbook", "Local Government Police Management",
        "4th edition", "Selecting a Police Chief: A Handbook for Local Government",
        "Guiding Principles on Use of Force", "How to Prepare for and Recover from Community Crisis",
        "Strengthening the City Manager-Police Chief Relationship", "Center for Public Safety Management",
        "before the 2016 conference (a past event, not a current offer)",
        "7 Ways City Leaders Can Address Racial Inequities", "knowledgenetwork@icma.org",
        # NLC REAL
        "Responding to Racial Tension in Your City: A Municipal Action Guide", "community conversations on race",
        # CCM CARES in Action
        "CARES in Action InfoKit", "monthly trainings on each action item", "periodic roundtables",
        "individual technical assistance", "an online forum", "monthly updates on each town's progress",
        "resource lists", "October 27, 2021", "December 1, 2021", "Helping Face Conflict and Respond to Hate",
        "May 17, 2022", "Guiding Constructive Public Discussions on Racial Equity", "Everyday Democracy",
        "August 31, 2022", "September 20, 2022", "Stratford", "CCM Training", "ccmtraining@ccm-ct.org",
    ]),
]

# (checklist id, phrases from the notes that its page must show)
FACTS_BY_CHECKLIST = [
    ("police-before-an-incident", [
        "strains a department's capacity", "keeps tasks from being missed", "not a complete list of steps nor a rigid timeline",
        "calm tensions and show good faith",
    ]),
    ("police-within-two-hours", [
        "Consider social media", "Address new information that contradicts earlier department statements.",
    ]),
    ("municipal-crisis-response", [
        "CCM highlights this step in its own description of the guidance",
        "to articulate a balanced message to law enforcement officials",
    ]),
    ("community-stakeholders", ["once you have identified a contact for it"]),
    ("nlc-real-steps", [
        "consider policy reforms that could work in your city",
        "reflections on his own department, not orders to city leaders", "Pittsburgh's police chief",
        "not only against what the law allows", "moral courage to apologize",
        "Office of Municipal Investigations", "Citizen Police Review Board",
        "Tell NLC what your city is doing", "share the best practices with other city leaders",
        "Annie E. Casey Foundation", "Project PEACE in Tacoma, Washington", "encouraged 100 such conversations",
        "community ambassadors (St. Paul)", "police-youth basketball (Roanoke)", "Books and Bears",
        "Leon T. Andrews Jr.",
    ]),
    ("cares-action-items", ["from CCM's InfoKit", "at their own pace"]),
]

# Steps the sources give as options ("consider", "could"): their items must say "Consider".
OPTIONS = [
    "consider-community-advisory-board", "use-social-media-as-incident-unfolds",
    "consider-each-audience-and-language", "consider-after-action-review", "survey-community-concerns",
    "review-policy-accountability-training", "consider-task-force", "assess-community-policing",
]

# Items the notes say come from CCM's own description of the guidance, not from NLC's list.
CCM_HIGHLIGHTS = ["form-internal-response-team", "update-whole-community-regularly"]

# Claims the corrected notes removed: none may appear in what any page shows (case-insensitive).
REMOVED_CLAIMS = [
    "command staff",                      # no source names this audience
    "elected officials (mayors, first selectmen, and town and city managers",  # managers are appointed
    "fifth",                              # CCM's four values are not a subset of NLC's five
    "not known to this edition",
    "police shooting",                    # the reporter's example, not CRS's
    "correct the record",                 # the source breaks off: the action is not known
    "legal minimum",                      # not in the source
    "keep in touch with other cities",    # it means telling NLC
    "Use social media to share",          # an option, not an order
    "Review the policies, accountability",
    "Assess the department's community policing",
    "Reform policy",
    "Think about what each audience needs",
    "progress stays in this browser",     # the privacy point is made once per page, in one sentence
    "nothing is sent anywhere",
]
TICK = re.compile(r"\btick(s|ed|ing)?\b", re.I)  # American readers check items off


@pytest.mark.parametrize("address, facts", FACTS_BY_PAGE, ids=[a or "home" for a, _ in FACTS_BY_PAGE])
def test_page_shows_the_facts_of_the_notes(site, address, facts):
    text = page_text(site, address)
    missing = [fact for fact in facts if fact not in text]
    assert not missing, f"{address or 'home'}/ lacks: {missing}"


@pytest.mark.parametrize("checklist_id, facts", FACTS_BY_CHECKLIST, ids=[c for c, _ in FACTS_BY_CHECKLIST])
def test_checklist_shows_the_facts_of_the_notes(site, checklist_id, facts):
    text = text_of(checklist_pages(site)[checklist_id])
    missing = [fact for fact in facts if fact not in text]
    assert not missing, f"{checklist_id} lacks: {missing}"


def test_options_stay_options(guidebook):
    items = {item.id: item for _, item in guidebook.items}
    for item_id in OPTIONS:
        assert items[item_id].text.startswith("Consider "), f"{item_id} is an option in the source: {items[item_id].text}"
    assert "consider policy reforms" in items["make-change"].text


def test_ccm_highlights_say_where_they_come_from(guidebook):
    items = {item.id: item for _, item in guidebook.items}
    for item_id in CCM_HIGHLIGHTS:
        assert items[item_id].details and items[item_id].details.startswith("CCM highlights this"), item_id


def test_no_removed_claim_on_any_page(site):
    for page in all_pages(site):
        text = text_of(page).lower()
        found = [claim for claim in REMOVED_CLAIMS if claim.lower() in text]
        assert not found, f"{page.relative_to(site)} still says {found}"


def test_no_removed_claim_in_the_search_index(site):
    index = json.dumps(read_full_index(site), ensure_ascii=False).lower()
    found = [claim for claim in REMOVED_CLAIMS if claim.lower() in index]
    assert not found, f"the search index still says {found}"


def test_pages_say_check_not_tick(site):
    for page in all_pages(site):
        html = _HIDDEN.sub(" ", page.read_text(encoding="utf-8"))
        words = set(TICK.findall(plain(html))) | set(TICK.findall(" ".join(re.findall(r'data-[\w-]+="([^"]*)"', html))))
        assert not words, f"{page.relative_to(site)} says 'tick' (shown text or a message the script shows)"


def test_crisis_response_links_the_stakeholder_checklist(site):
    """'Engage community stakeholders' leads to the checklist that says what a check means."""
    crisis = checklist_pages(site)["municipal-crisis-response"]
    details = re.search(r'id="details-engage-community-stakeholders">(.*?)</p>', crisis.read_text(encoding="utf-8"))
    link = details and re.search(r'href="([^"#]+)#community-stakeholders"', details.group(1))
    assert link, "no link from 'Engage community stakeholders' to the stakeholder checklist"
    assert (crisis.parent / link.group(1)).resolve() == checklist_pages(site)["community-stakeholders"].parent.resolve()


def test_guidebook_on_issuu_is_linked_where_the_printed_lists_are_longer(site):
    for address in ("about", "municipal/crisis-response"):
        assert f'href="{GUIDEBOOK_ON_ISSUU}"' in (site / address / "index.html").read_text(encoding="utf-8"), address


def test_doj_link_is_labelled_as_the_clearinghouse_record(site, guidebook):
    doj = next(source for source in guidebook.sources if source.id == "doj-crs-checklist")
    assert "clearinghouse" in doj.url_label and "introduction" in doj.url_label and "toolkit" in doj.url_label
    assert doj.url_label in page_text(site, "about")


def test_privacy_sentence_once_on_every_page_with_checkboxes(site):
    pages = [p for p in all_pages(site) if 'type="checkbox" class="gb-check"' in p.read_text(encoding="utf-8")]
    assert len(pages) >= len(checklist_pages(site)) + 1, "the checklist pages and the packet have checkboxes"
    for page in pages + [site / "index.html"]:
        assert text_of(page).count(PRIVACY) == 1, f"{page.relative_to(site)}: the privacy sentence once"
