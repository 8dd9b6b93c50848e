"""The record page's summary table is served with its rows (issue 34: nothing moves when the script fills
them): the template's rows are record.js's summaryRows, the same words in the same order."""
from __future__ import annotations

import re

from macros.assets import ROOT

TEMPLATE = ROOT / "macros" / "guidebook" / "templates" / "gb-record.html"
RECORD_JS = ROOT / "overrides" / "assets" / "javascripts" / "guidebook" / "record.js"


def test_the_served_summary_rows_are_those_the_script_fills():
    template = TEMPLATE.read_text(encoding="utf-8")
    served = re.findall(r'"(record\.[a-z_]+)"', re.search(r"\{%- for key in \[(.*?)\] %\}", template)[1])
    script = RECORD_JS.read_text(encoding="utf-8")
    rows = re.search(r"export function summaryRows\(.*?\n  return \[(.*?)\n  \];", script, re.S)[1]
    # each row's label: its first say("..."); a row with two labels (archived or not) is served with the second
    labels = [re.findall(r'say\("([a-z_.]+)"\)', line) for line in rows.strip().splitlines()]
    assert served == [names[-1] if len(names) > 1 and names[0] == "record.archived_on" else names[0] for names in labels]
