"""Load data/guidebook.yml and data/checklists/*.yml into a validated Guidebook.

Every problem in every file is collected before the load gives up, so an editor
sees them all at once; nothing is dropped silently. The steps, one method each
of `GuidebookLoader`: read (safe YAML, then the schema, which also checks every
text and link against the text rule of inline.py), claim ids, resolve
references, assemble.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any, TypeVar

from .errors import DataError, Kind, Problem
from .inline import checklist_links
from .model import Audience, Checklist, Guidebook, Item, Part, Phase, Role, Source
from .schema import check
from .yamlsource import FieldPath, YamlDocument, file_problem, format_field, read_yaml

GUIDEBOOK_FILE = "guidebook.yml"
CHECKLIST_DIR = "checklists"
BOOK_FILE = "data/" + GUIDEBOOK_FILE
T = TypeVar("T")


def _display(path: Path, root: Path) -> str:
    """The path as an editor knows it, relative to the project; links are not followed."""
    try:
        return path.absolute().relative_to(root.absolute()).as_posix()
    except ValueError:
        return path.as_posix()


def _index(doc: YamlDocument, key: str, cls: type[T]) -> dict[str, T]:
    fields = cls.__dataclass_fields__  # type: ignore[attr-defined]
    return {entry["id"]: cls(**{k: v for k, v in entry.items() if k in fields}) for entry in doc.data.get(key, [])}


class GuidebookLoader:
    """One load of the data folder; `problems` collects what is wrong, in every file."""

    def __init__(self, data_dir: Path, display_root: Path | None = None):
        self.data_dir = Path(data_dir)
        self.root = Path(display_root) if display_root else self.data_dir.parent
        self.problems: list[Problem] = []
        self.seen: dict[str, tuple[str, int | None]] = {}
        # the id of every checklist file that could be read, even one refused: a link or a role that names
        # it is not reported again while its own file is wrong
        self.named: set[str] = set()

    def name(self, path: Path) -> str:
        return _display(path, self.root)

    # -- read ---------------------------------------------------------------------------------
    def read(self, path: Path, schema: str) -> YamlDocument | None:
        """The document at `path` if it is safe YAML that passes its schema; else None, problems noted."""
        doc, found = read_yaml(path, self.name(path))
        self.problems.extend(found)
        if doc is not None and isinstance(doc.data, dict) and isinstance(doc.data.get("id"), str):
            self.named.add(doc.data["id"])
        schema_path = self.data_dir / "schema" / schema
        schema_file = file_problem(schema_path, self.name(schema_path))
        if schema_file and schema_file not in self.problems:
            self.problems.append(schema_file)
        if doc is None or schema_file:
            return None
        schema_problems = check(doc, schema_path)
        self.problems.extend(schema_problems)
        return None if schema_problems or found else doc

    def checklist_paths(self) -> list[Path]:
        """The YAML files in data/checklists/, whatever the letter case of .yml/.yaml ('x.YML' is read, never
        skipped; links and non-files are read, and refused, by read_yaml)."""
        folder = self.data_dir / CHECKLIST_DIR
        try:
            mode = folder.lstat().st_mode
        except FileNotFoundError:
            mode = 0
        if not stat.S_ISDIR(mode):
            kind = Kind.SYMLINK if stat.S_ISLNK(mode) else Kind.NO_CHECKLISTS
            self.problems.append(Problem.of(kind, self.name(folder)))
            return []
        paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".yml", ".yaml"))
        if not paths:
            self.problems.append(Problem.of(Kind.NO_CHECKLISTS, self.name(folder)))
        return paths

    # -- claim ids ------------------------------------------------------------------------------
    def claim(self, doc: YamlDocument, path: FieldPath) -> None:
        """Ids are unique across the whole site: any id can be a page anchor and a key of saved progress."""
        ident, line = doc.value_at(path), doc.line_of(path)
        if ident in self.seen:
            first_file, first_line = self.seen[ident]
            where = first_file + (f", line {first_line}" if first_line else "")
            self.problems.append(
                Problem.of(Kind.DUPLICATE_ID, doc.name, line, format_field(path), ident=ident, where=where)
            )
        else:
            self.seen[ident] = (doc.name, line)

    def claim_book_ids(self, book: YamlDocument) -> None:
        for key in ("parts", "sources", "audiences", "phases", "roles"):
            for n, _ in enumerate(book.data.get(key, [])):
                self.claim(book, (key, n, "id"))

    def claim_checklist_ids(self, doc: YamlDocument) -> None:
        self.claim(doc, ("id",))
        for n, item in enumerate(doc.data["items"]):
            self.claim(doc, ("items", n, "id"))
            for k, _ in enumerate(item.get("former_ids", [])):
                self.claim(doc, ("items", n, "former_ids", k))  # an old id stays taken: links still lead to it

    # -- resolve references ---------------------------------------------------------------------
    def ref(self, doc: YamlDocument, path: FieldPath, table: dict[str, T], what: str) -> T | None:
        ident = doc.value_at(path)
        if ident in table:
            return table[ident]
        known = ", ".join(sorted(table)) or "none"
        self.problems.append(
            Problem.of(
                Kind.UNKNOWN_REFERENCE,
                doc.name,
                doc.line_of(path),
                format_field(path),
                what=what,
                ident=ident,
                defined_in=BOOK_FILE,
                known=known,
            )
        )
        return None

    def resolve_book(self, book: YamlDocument) -> dict[str, Any]:
        """The guidebook's tables, with every reference inside guidebook.yml resolved."""
        sources = _index(book, "sources", Source)
        audiences = _index(book, "audiences", Audience)
        parts = {}
        for n, entry in enumerate(book.data["parts"]):
            source = self.ref(book, ("parts", n, "source"), sources, "source") if "source" in entry else None
            parts[entry["id"]] = Part(**{**entry, "source": source})
        roles = [
            Role(
                id=entry["id"],
                name=entry["name"],
                respond_with=entry.get("respond_with"),
                audiences=tuple(
                    a
                    for k in range(len(entry["audiences"]))
                    if (a := self.ref(book, ("roles", n, "audiences", k), audiences, "audience"))
                ),
            )
            for n, entry in enumerate(book.data.get("roles", []))
        ]
        return {
            "sources": sources,
            "audiences": audiences,
            "phases": _index(book, "phases", Phase),
            "parts": parts,
            "roles": roles,
            "source": self.ref(book, ("source",), sources, "source"),
        }

    def resolve_checklist(self, doc: YamlDocument, tables: dict[str, Any]) -> Checklist | None:
        d = doc.data
        audiences = [
            self.ref(doc, ("audiences", n), tables["audiences"], "audience") for n in range(len(d["audiences"]))
        ]
        resolved = {
            "part": self.ref(doc, ("part",), tables["parts"], "part"),
            "source": self.ref(doc, ("source",), tables["sources"], "source"),
            "phase": self.ref(doc, ("phase",), tables["phases"], "phase") if "phase" in d else None,
        }
        if (
            None in (resolved["part"], resolved["source"])
            or None in audiences
            or ("phase" in d and resolved["phase"] is None)
        ):
            return None
        items = tuple(_item(entry) for entry in d["items"])
        return Checklist(**{**d, **resolved, "audiences": tuple(audiences), "items": items, "file": doc.name})

    def check_checklist_links(self, docs: list[YamlDocument], checklists: list[Checklist]) -> None:
        """Every [words](#checklist-id) in a checklist's text names a checklist of the guidebook."""
        known = {c.id for c in checklists} | self.named
        for doc in docs:
            for path, text in _text_fields(doc.data):
                for ident in checklist_links(text):
                    if ident not in known:
                        self.problems.append(Problem.of(
                            Kind.UNKNOWN_REFERENCE, doc.name, doc.line_of(path), format_field(path),
                            what="checklist", ident=ident, defined_in="data/checklists/",
                            known=", ".join(sorted(known)) or "none"))

    def check_role_checklists(self, book: YamlDocument, roles: list[Role], checklists: list[Checklist]) -> None:
        """A role's `respond_with` names a checklist of the guidebook."""
        known = {c.id for c in checklists} | self.named
        for n, role in enumerate(roles):
            if role.respond_with and role.respond_with not in known:
                path = ("roles", n, "respond_with")
                self.problems.append(Problem.of(
                    Kind.UNKNOWN_REFERENCE, book.name, book.line_of(path), format_field(path),
                    what="checklist", ident=role.respond_with, defined_in="data/checklists/",
                    known=", ".join(sorted(known)) or "none"))

    # -- the whole load -------------------------------------------------------------------------
    def load(self) -> Guidebook:
        book_path = self.data_dir / GUIDEBOOK_FILE
        book = self.read(book_path, "guidebook.schema.json")
        docs = [doc for doc in (self.read(p, "checklist.schema.json") for p in self.checklist_paths()) if doc]
        if book is None:
            raise DataError(self.problems)
        self.claim_book_ids(book)
        tables = self.resolve_book(book)
        checklists = []
        for doc in docs:
            self.claim_checklist_ids(doc)
            checklist = self.resolve_checklist(doc, tables)
            if checklist:
                checklists.append(checklist)
        self.check_checklist_links([book, *docs], checklists)
        self.check_role_checklists(book, tables["roles"], checklists)
        if self.problems:
            raise DataError(self.problems)
        return self.assemble(book, tables, checklists)

    @staticmethod
    def assemble(book: YamlDocument, tables: dict[str, Any], checklists: list[Checklist]) -> Guidebook:
        parts = sorted(tables["parts"].values(), key=lambda p: p.order)
        part_order = {p.id: p.order for p in parts}
        checklists.sort(key=lambda c: (part_order[c.part.id], c.order, c.title))
        data = book.data
        return Guidebook(
            version=data["version"],
            title=data["title"],
            subtitle=data.get("subtitle"),
            publisher=data["publisher"],
            released=data["released"],
            source=tables["source"],
            parts=parts,
            audiences=list(tables["audiences"].values()),
            phases=sorted(tables["phases"].values(), key=lambda p: p.order),
            sources=list(tables["sources"].values()),
            checklists=checklists,
            roles=tables["roles"],
        )


def _item(entry: dict[str, Any]) -> Item:
    lists: dict[str, tuple[str, ...]] = {key: tuple(entry[key]) for key in ("former_ids", "keywords") if key in entry}
    return Item(**{**entry, **lists})


def _text_fields(data: Any, path: FieldPath = ()) -> list[tuple[FieldPath, str]]:
    """Every string of a checklist file with its field path."""
    if isinstance(data, str):
        return [(path, data)]
    if isinstance(data, dict):
        return [found for key, value in data.items() for found in _text_fields(value, (*path, key))]
    if isinstance(data, list):
        return [found for n, value in enumerate(data) for found in _text_fields(value, (*path, n))]
    return []


def load_guidebook(data_dir: Path, display_root: Path | None = None) -> Guidebook:
    """Read and validate everything under `data_dir`; raise DataError listing every problem."""
    return GuidebookLoader(data_dir, display_root).load()
