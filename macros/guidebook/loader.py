"""Load data/guidebook.yml and data/checklists/*.yml into a validated Guidebook.

Every problem in every file is collected before the load gives up, so an editor
sees them all at once; nothing is dropped silently.
"""
from __future__ import annotations

from pathlib import Path

from .errors import DataError, Problem
from .inline import unsafe_links
from .model import Audience, Checklist, Guidebook, Item, Part, Phase, Role, Source
from .schema import check
from .yamlsource import YamlDocument, format_field, read_yaml

GUIDEBOOK_FILE = "guidebook.yml"
CHECKLIST_DIR = "checklists"


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _index(doc: YamlDocument, key: str, cls) -> dict:
    fields = cls.__dataclass_fields__
    return {entry["id"]: cls(**{k: v for k, v in entry.items() if k in fields})
            for entry in doc.data.get(key, [])}


def load_guidebook(data_dir: Path, display_root: Path | None = None) -> Guidebook:
    """Read and validate everything under `data_dir`; raise DataError listing every problem."""
    data_dir = Path(data_dir)
    display_root = Path(display_root) if display_root else data_dir.parent
    schema_dir = data_dir / "schema"
    problems: list[Problem] = []

    def read(path: Path, schema: str) -> YamlDocument | None:
        doc, found = read_yaml(path, _display(path, display_root))
        problems.extend(found)
        if doc is None:
            return None
        schema_problems = check(doc, schema_dir / schema)
        problems.extend(schema_problems)
        return None if schema_problems or found else doc

    book_path = data_dir / GUIDEBOOK_FILE
    if not book_path.is_file():
        raise DataError([Problem(_display(book_path, display_root), None, None, "the file is missing")])
    book = read(book_path, "guidebook.schema.json")

    checklist_paths = sorted((data_dir / CHECKLIST_DIR).glob("*.y*ml"))
    if not checklist_paths:
        problems.append(Problem(_display(data_dir / CHECKLIST_DIR, display_root), None, None,
                                "no checklist files (*.yml) were found"))
    docs = [doc for doc in (read(p, "checklist.schema.json") for p in checklist_paths) if doc]

    if book is None:
        raise DataError(problems)

    # Ids are unique across the whole site: parts, sources, audiences, phases,
    # checklists and items share one namespace, so any id can be a page anchor.
    seen: dict[str, tuple[str, int | None]] = {}

    def claim(doc: YamlDocument, path: tuple, ident: str) -> None:
        line = doc.line_of(path)
        if ident in seen:
            first_file, first_line = seen[ident]
            where = first_file + (f", line {first_line}" if first_line else "")
            problems.append(Problem(doc.name, line, format_field(path),
                                    f"the id '{ident}' is already used in {where}; every id must be unique "
                                    "across the whole site"))
        else:
            seen[ident] = (doc.name, line)

    for key in ("parts", "sources", "audiences", "phases", "roles"):
        for n, entry in enumerate(book.data.get(key, [])):
            claim(book, (key, n, "id"), entry["id"])

    sources = _index(book, "sources", Source)
    audiences = _index(book, "audiences", Audience)
    phases = _index(book, "phases", Phase)

    def ref(doc: YamlDocument, path: tuple, table: dict, what: str, defined_in: str = "data/guidebook.yml"):
        ident = doc.data
        for step in path:
            ident = ident[step]
        if ident not in table:
            known = ", ".join(sorted(table)) or "none"
            problems.append(Problem(doc.name, doc.line_of(path), format_field(path),
                                    f"there is no {what} with the id '{ident}' in {defined_in} "
                                    f"(known {what}s: {known})"))
            return None
        return table[ident]

    parts = {}
    for n, entry in enumerate(book.data["parts"]):
        source = ref(book, ("parts", n, "source"), sources, "source") if "source" in entry else None
        parts[entry["id"]] = Part(**{**entry, "source": source})
    guide_source = ref(book, ("source",), sources, "source")
    roles = [Role(id=entry["id"], name=entry["name"],
                  audiences=tuple(ref(book, ("roles", n, "audiences", k), audiences, "audience")
                                  for k in range(len(entry["audiences"]))))
             for n, entry in enumerate(book.data.get("roles", []))]

    checklists: list[Checklist] = []
    for doc in docs:
        d = doc.data
        claim(doc, ("id",), d["id"])
        for n, item in enumerate(d["items"]):
            claim(doc, ("items", n, "id"), item["id"])
        resolved = {
            "part": ref(doc, ("part",), parts, "part"),
            "source": ref(doc, ("source",), sources, "source"),
            "audiences": tuple(ref(doc, ("audiences", n), audiences, "audience") for n in range(len(d["audiences"]))),
            "phase": ref(doc, ("phase",), phases, "phase") if "phase" in d else None,
        }
        if None in (resolved["part"], resolved["source"]) or None in resolved["audiences"] or \
                ("phase" in d and resolved["phase"] is None):
            continue
        for path in [(k,) for k in ("summary", "note") if k in d] + \
                [("items", n, k) for n, item in enumerate(d["items"]) for k in ("text", "details") if k in item]:
            text = d
            for step in path:
                text = text[step]
            for target in unsafe_links(text):
                problems.append(Problem(doc.name, doc.line_of(path), format_field(path),
                                        f"the link to '{target}' is not allowed: links must start with https://, "
                                        "http://, mailto: or point to a page of this site"))
        items = tuple(Item(**item) for item in d["items"])
        checklists.append(Checklist(**{**d, **resolved, "items": items, "file": doc.name}))

    if problems:
        raise DataError(problems)

    part_order = {p.id: p.order for p in parts.values()}
    checklists.sort(key=lambda c: (part_order[c.part.id], c.order, c.title))
    data = book.data
    return Guidebook(
        version=data["version"], title=data["title"], subtitle=data.get("subtitle"),
        publisher=data["publisher"], released=data["released"], source=guide_source,
        parts=sorted(parts.values(), key=lambda p: p.order),
        audiences=list(audiences.values()),
        phases=sorted(phases.values(), key=lambda p: p.order),
        sources=list(sources.values()),
        checklists=checklists,
        roles=roles,
    )
