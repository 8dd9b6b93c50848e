"""Render the guidebook to HTML with the Jinja templates in templates/ beside this file
(our own Jinja environment; overrides/ holds only the Material theme's overrides).

Every value a template prints passes `escape_text` (the environment's finalize):
HTML escaped and Markdown's characters as entities, so text from the data is
shown as typed in raw HTML and in the Markdown MkDocs renders afterwards.
Inline text fields pass the `inline` filter (inline.render_inline) instead.

`urls` arguments map a checklist id to the URL of its page, relative to the
page being rendered (for links in raw HTML); `links` map it to the page's
Markdown source (for Markdown links, which MkDocs checks and rewrites).
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from .inline import escape_text, heading_text, plain_text, render_inline
from .messages import Words, load_words
from .model import Checklist, Guidebook, Role
from .qr import qr_data_uri

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
DATA_DIR = Path(__file__).resolve().parents[2] / "data"
# Past incidents a device keeps (the script's ARCHIVE_KEPT, saved.js; a test holds them equal): the record
# page says it, written by the build where this browser holds no record (gb-record.html).
ARCHIVE_KEPT = 20
_ANCHOR_LINK = re.compile(r'href="#([a-z0-9-]+)"')


def inline_linked(text: str, urls: dict[str, str] | None = None) -> Markup:
    """Inline Markdown, where a link to a checklist's id ("[its title](#its-id)") leads to that
    checklist's page when `urls` says where it is; without `urls` (the packet) it stays in the page."""
    html = str(render_inline(text))
    if urls:
        html = _ANCHOR_LINK.sub(lambda m: f'href="{escape(urls[m[1]])}#{m[1]}"' if m[1] in urls else m[0], html)
    return Markup(html)


class Renderer:
    def __init__(self, guidebook: Guidebook, words: Words | None = None, template_dir: Path = TEMPLATE_DIR,
                 public_urls: dict[str, str] | None = None):
        """`public_urls` maps a checklist id to its public address: printed with a QR code on paper."""
        self.guidebook = guidebook
        self.words = words or load_words(DATA_DIR)
        self.public_urls = public_urls or {}
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(template_dir)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            finalize=escape_text,  # every value, not only text: data reaches HTML and Markdown as typed
        )
        self.env.filters["inline"] = inline_linked
        self.env.filters["heading"] = heading_text
        self.env.filters["plain"] = plain_text
        self.env.filters["qr_data_uri"] = qr_data_uri
        self.env.filters["t"] = self.words

    def _render(self, template: str, **context) -> str:
        for name in ("links", "urls"):  # addresses our code computed: printed as they are, HTML-escaped only
            if context.get(name) is not None:
                context[name] = {key: Markup(escape(value)) for key, value in context[name].items()}
        if "home" in context:
            context["home"] = Markup(escape(context["home"]))
        return self.env.get_template(template).render(guidebook=self.guidebook, **context)

    def manifest(self, urls: dict[str, str]) -> dict:
        """What the page script needs to know about the whole guidebook: ids, titles, phases (each with the
        address of its first checklist), roles, and each checklist's items."""
        book = self.guidebook
        return {
            "title": book.title,
            "version": book.version,
            "phases": [{"id": p.id, "name": p.name, "hours": p.due_within_hours, "url": self._phase_url(p.id, urls)}
                       for p in book.phases],
            "roles": [self._role(r, urls) for r in book.roles],
            "checklists": [{
                "id": c.id, "title": c.title,
                "phase": c.phase.id if c.phase else None,
                "scope": c.scope,
                "items": [i.id for i in c.items],
            } for c in book.checklists],
            "renamed": book.renamed,  # former item id -> id now: saved progress under an old id carries over
        }

    def _role(self, role: Role, urls: dict[str, str]) -> dict:
        """A role, with the checklist it opens first in an incident (its title and address from the site root):
        the "Responding right now?" entries that a search with no result offers (search-fallback.js)."""
        entry: dict = {"id": role.id, "name": role.name, "audiences": [a.id for a in role.audiences]}
        checklist = self.guidebook.checklist(role.respond_with) if role.respond_with else None
        if checklist and urls.get(checklist.id):
            entry["respond"] = {"title": checklist.title, "url": urls[checklist.id]}
        return entry

    def _phase_url(self, phase_id: str, urls: dict[str, str]) -> str:
        """The address of the phase's first checklist (from the site root), where the incident bar's "Now:"
        leads; "" if no checklist has the phase. Said once per phase, not once per checklist: every page
        carries the phases, and a page's bytes must not grow with every checklist added (issue 12)."""
        return next((urls[c.id] for c in self.guidebook.checklists
                     if c.phase and c.phase.id == phase_id and urls.get(c.id)), "")

    def summary(self, urls: dict[str, str]) -> dict:
        """The manifest of a page that shows one checklist or none (the home, record and packet pages get
        the whole one): which checklists an incident clears and which it keeps, and only the checklists of
        the phases (the clock counts what is still open in each phase, "Before an incident" too; the
        incident bar, in the phases that have a window): a window's checklist with its items' ids (the
        shift summary numbers them), a preparation checklist with its number of items."""
        full = self.manifest(urls)
        checklists = full["checklists"]
        # A checklist of a window carries its items' ids, in order: the shift summary of the bar's "Hand
        # over…" names items by their number (shift.js); a preparation checklist only its number of items.
        full["checklists"] = [{"id": c["id"], "title": c["title"], "phase": c["phase"],
                               **({"items": c["items"]} if c["scope"] == "incident" else {"total": len(c["items"])})}
                              for c in checklists if c["phase"]]
        # A new incident clears the checks of the "incident" checklists and keeps the others (scope.js):
        # these two lists give each checklist's scope, once (not again in the entries above).
        full["incident"] = [c["id"] for c in checklists if c["scope"] == "incident"]
        full["preparation"] = [{"id": c["id"], "title": c["title"]} for c in checklists if c["scope"] == "preparation"]
        return full

    def checklist(self, checklist: Checklist, heading_level: int = 1, urls: dict[str, str] | None = None) -> str:
        """Markdown heading plus an HTML block: the heading feeds MkDocs' page title and table of contents.

        With `urls`, a checklist that has a phase also gets the incident clock and timeline."""
        incident = urls is not None and checklist.phase is not None and checklist.scope == "incident"
        return self._render("gb-checklist.html", checklist=checklist, level=heading_level, incident=incident,
                            urls=urls or {}, address=self.public_urls.get(checklist.id))

    def packet(self) -> str:
        """Every checklist in one printable document: a cover, a contents list, then each
        checklist in the guidebook's order, rendered like its own page at heading level 2.
        The page's manifest lets a role view (?role=id) put that role's checklists first."""
        released = self.words.date(date.fromisoformat(self.guidebook.released))
        return self._render("gb-packet.html", released=released,
                            addresses=self.public_urls,
                            checklists=[(c, Markup(self.checklist(c, heading_level=2))) for c in self.guidebook.checklists])


    def contents(self, links: dict[str, str], part_heading_level: int = 2, urls: dict[str, str] | None = None) -> str:
        """Every part with its checklists, for the home page; `urls` lead a summary's link to a checklist."""
        return self._render("gb-contents.html", links=links, level=part_heading_level, urls=urls or {})

    def way_in(self, links: dict[str, str]) -> str:
        """The home page's first screen: "Responding right now?", one entry per role, then "Preparing ahead"."""
        by_id = {c.id: c for c in self.guidebook.checklists}
        entries = [(role, by_id[role.respond_with]) for role in self.guidebook.roles if role.respond_with]
        preparing = [c for c in self.guidebook.checklists if c.scope == "preparation"]
        return self._render("gb-way-in.html", links=links, entries=entries, preparing=preparing)

    def progress_overview(self, links: dict[str, str]) -> str:
        """The home page's "My progress" section: role picker, counts, reset, export and import."""
        return self._render("gb-progress.html", links=links)

    def record_texts(self) -> dict[str, dict[str, str]]:
        """The words of every item, without markup, for the record's log, open items and exports."""
        return {c.id: {i.id: plain_text(i.text) for i in c.items} for c in self.guidebook.checklists}

    def record(self, texts_src: str | None = None) -> str:
        """The incident record page: the page script fills it from the reader's browser. The item texts
        (record_texts) are in the module `texts_src` names, loaded with the record's modules; without it (the
        offline edition, opened from disk), in the page."""
        texts = None if texts_src else self.record_texts()
        return self._render("gb-record.html", texts=texts, texts_src=texts_src, role_checklists=self._role_checklists(),
                            others=self._open_others(), archive_kept=ARCHIVE_KEPT)

    def _open_others(self) -> list[str]:
        """What an empty record lists as open (record.js othersLine): every incident checklist, none used,
        as "Municipal crisis response (11 open)"."""
        return [self.words("record.open_other", title=c.title, count=len(c.items))
                for c in self.guidebook.checklists if c.scope == "incident" and c.items]

    def _role_checklists(self) -> dict[str, list[str]]:
        """Each role's incident checklists (those written for one of its audiences): the after-action record
        lists the open items of the checklists an incident used or whose roles it involved."""
        book = self.guidebook
        return {r.id: [c.id for c in book.checklists if c.scope == "incident"
                       and {a.id for a in c.audiences} & {a.id for a in r.audiences}] for r in book.roles}

    def now_list(self, urls: dict[str, str]) -> str:
        """The Now list: every incident checklist (the script shows those of the started windows and the
        reader's role), those with a time window first, earliest first; `urls` maps ids to their pages."""
        order = {p.id: index for index, p in enumerate(self.guidebook.phases)}
        checklists = sorted((c for c in self.guidebook.checklists if c.scope == "incident"),
                            key=lambda c: order[c.phase.id] if c.phase else len(order))
        return self._render("gb-now.html", checklists=checklists, urls=urls)

    def sources(self) -> str:
        return self._render("gb-sources.html")

    def addresses(self, urls: dict[str, str], home: str, part_heading_level: int = 3) -> str:
        """The public address of the guidebook and of every checklist, by part; `urls` maps checklist ids to addresses."""
        return self._render("gb-addresses.html", urls=urls, home=home, level=part_heading_level)

    def snippet(self, home: str) -> str:
        """A ready-made HTML link to the guidebook, shown as code for partner sites to paste."""
        link = self._render("gb-snippet.html", home=home).strip()
        return self._render("gb-snippet-block.html", code=link)
