"""The guidebook's content as plain, validated objects."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    short_title: str
    publisher: str
    url: str
    url_label: str
    year: int | None = None
    author: str | None = None


@dataclass(frozen=True)
class Audience:
    id: str
    name: str
    description: str | None = None


@dataclass(frozen=True)
class Role:
    id: str
    name: str
    audiences: tuple[Audience, ...]
    respond_with: str | None = None  # the id of the checklist this role opens first in an incident


@dataclass(frozen=True)
class Phase:
    id: str
    order: int
    name: str
    due_within_hours: int | None = None


@dataclass(frozen=True)
class Part:
    id: str
    order: int
    title: str
    summary: str
    source: Source | None = None
    notice: str | None = None
    short_title: str | None = None  # before its checklists' titles in browser tabs: "Police: Within 24 hours"


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    details: str | None = None
    former_ids: tuple[str, ...] = ()  # ids it had before a rename: links and saved progress still find it
    keywords: tuple[str, ...] = ()    # other words readers search with: searched, never shown


@dataclass(frozen=True)
class Checklist:
    id: str
    title: str
    part: Part
    order: int
    source: Source
    audiences: tuple[Audience, ...]
    summary: str
    items: tuple[Item, ...]
    file: str                       # the YAML file it came from
    address: str                    # its page, relative to the site: 'police/within-24-hours/'
    phase: Phase | None = None
    note: str | None = None
    layout: str = "list"
    scope: str = "incident"         # "incident": cleared for a new incident; "preparation": kept


@dataclass
class Guidebook:
    version: int
    title: str
    subtitle: str | None
    publisher: str
    released: str
    source: Source
    parts: list[Part]
    audiences: list[Audience]
    phases: list[Phase]
    sources: list[Source]
    checklists: list[Checklist] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)

    def checklist(self, checklist_id: str) -> Checklist | None:
        return next((c for c in self.checklists if c.id == checklist_id), None)

    def checklists_in(self, part: Part) -> list[Checklist]:
        return [c for c in self.checklists if c.part.id == part.id]

    def checklists_for(self, role: Role) -> list[Checklist]:
        wanted = {a.id for a in role.audiences}
        return [c for c in self.checklists if wanted & {a.id for a in c.audiences}]

    @property
    def renamed(self) -> dict[str, str]:
        """Every former item id -> the item's id now."""
        return {old: item.id for _, item in self.items for old in item.former_ids}

    @property
    def items(self) -> list[tuple[Checklist, Item]]:
        return [(c, i) for c in self.checklists for i in c.items]
