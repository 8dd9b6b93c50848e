"""The record page's empty record, written by the build (gb-record.html, issue 34): the number of past
incidents a device keeps is the script's (saved.js ARCHIVE_KEPT), said in both."""
import re

from macros.guidebook.render import ARCHIVE_KEPT
from tests.support import ROOT


def test_the_build_and_the_script_keep_the_same_number_of_past_incidents():
    saved = (ROOT / "overrides/assets/javascripts/guidebook/saved.js").read_text(encoding="utf-8")
    found = re.search(r"^export const ARCHIVE_KEPT = (\d+);", saved, re.M)
    assert found, "saved.js: export const ARCHIVE_KEPT = <number>;"
    assert int(found[1]) == ARCHIVE_KEPT
