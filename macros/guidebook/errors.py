"""Problems found in the data, reported with file, line and field."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    file: str            # path as an editor knows it, e.g. data/checklists/x.yml
    line: int | None     # 1-based line, where the YAML has one
    field: str | None    # e.g. items[3].text (items counted from 1)
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f", line {self.line}"
        if self.field:
            where += f", field {self.field}"
        return f"{where}: {self.message}"


class DataError(Exception):
    """One or more problems in the guidebook data; the build must stop."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line or 0, p.field or ""))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"The guidebook data has {count} problem{'s' if count != 1 else ''}; the site was not built:"
        return "\n".join([head] + [f"  - {p}" for p in self.problems])
