"""The page script's modules read as a newcomer expects: no import cycle (static imports and import()
alike), and one list of the page hooks (guidebook/hooks.js) that matches both the templates and every
hook the script asks for."""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from tests.support import ROOT

SCRIPTS = ROOT / "overrides" / "assets" / "javascripts"
MODULES = sorted(SCRIPTS.rglob("*.js"))
HOOKS_MODULE = SCRIPTS / "guidebook" / "hooks.js"
TEMPLATES = sorted([*(ROOT / "macros" / "guidebook" / "templates").glob("*.html"), *(ROOT / "overrides").rglob("*.html")])
IMPORT = re.compile(r"""(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)["'](\.{1,2}/[^"']+\.js)["']""", re.M)
HOOK_CALL = re.compile(r"""\b(?:part|parts|find)\(\s*[^,()]+,\s*(?P<name>"[^"]*"|`[^`]*`|[^)\s]+)\s*\)""")
# Hook names the script computes, and the names they can take.
COMPUTED = {"`record-${field}`": {"record-who", "record-note"},  # item-record.js, for field of who, note
            "`record-${field}-label`": {"record-who-label", "record-note-label"},
            "`prep-${f}`": {"prep-name", "prep-position", "prep-agency"},  # forms.js, for f of FIELDS
            "`prep-${field}`": {"prep-name", "prep-position", "prep-agency"}}
# Hooks a module names as the keys of an object it fills the page from (forms.js: the ICS 214 sheet's blocks).
KEYED = re.compile(r'"(ics-[a-z0-9-]+)":')


def code(path: Path) -> str:
    """The module's text without its comments."""
    text = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
    return re.sub(r"(^|\s)//.*$", "", text, flags=re.M)


def import_graph() -> dict[Path, set[Path]]:
    return {module: {(module.parent / name).resolve() for name in IMPORT.findall(code(module))} for module in MODULES}


def cycles(graph: dict[Path, set[Path]]) -> list[list[Path]]:
    """Every import cycle (each found once, from the module where the walk met it)."""
    found: list[list[Path]] = []
    state: dict[Path, str] = {}

    def walk(node: Path, path: list[Path]) -> None:
        state[node] = "open"
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                found.append(path[path.index(target):] + [target])
            elif target not in state:
                walk(target, path + [target])
        state[node] = "done"

    for start in sorted(graph):
        if start not in state:
            walk(start, [start])
    return found


def test_no_import_cycles_among_the_script_modules():
    found = [" -> ".join(p.name for p in cycle) for cycle in cycles(import_graph())]
    assert found == [], f"import cycles: {found}"


def test_every_import_names_a_module_that_exists():
    missing = [(m.name, t.name) for m, targets in import_graph().items() for t in targets if not t.is_file()]
    assert missing == []


def test_the_cycle_check_finds_a_cycle():
    """incidentbar.js once imported on-demand.js, which loads incidentbar.js with import()."""
    a, b, c = Path("/a.js"), Path("/b.js"), Path("/c.js")
    assert cycles({a: {b}, b: {c}, c: {a}}) == [[a, b, c, a]]
    assert cycles({a: {b, c}, b: {c}, c: set()}) == []
    source = 'import { loadTransfer } from "./on-demand.js";\nconst x = () => import("./incidentbar.js");'
    assert IMPORT.findall(source) == ["./on-demand.js", "./incidentbar.js"]


# ---- the page hooks ------------------------------------------------------------------------------------

def listed_hooks() -> dict[str, set[str]]:
    """hooks.js: hook name -> the templates (or the module) that carry it."""
    text = code(HOOKS_MODULE)
    entries = re.findall(r'"([a-z0-9-]+)":\s*(\[[^\]]*\]|"[^"]*")', text)
    names = [name for name, _ in entries]
    assert len(names) == len(set(names)), f"listed twice: {sorted({n for n in names if names.count(n) > 1})}"
    return {name: set(re.findall(r'"([^"]+)"', where)) for name, where in entries}


def template_hooks() -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for template in TEMPLATES:
        for name in re.findall(r'data-gb="([^"]*)"', template.read_text(encoding="utf-8")):
            found[name].add(template.name)
    return found


def script_hooks() -> dict[str, set[str]]:
    """Every hook name the script asks for (part, parts, find, a [data-gb=...] selector, or makes one),
    -> the modules that use it."""
    used: dict[str, set[str]] = defaultdict(set)
    for module in MODULES:
        if module == HOOKS_MODULE:
            continue
        text = code(module)
        names = set(re.findall(r'data-gb="([a-z0-9-]+)"', text)) | set(re.findall(r'\bgb:\s*"([a-z0-9-]+)"', text))
        names |= set(KEYED.findall(text))
        for call in HOOK_CALL.finditer(text):
            names |= hook_names(call["name"], text, module)
        for name in names:
            used[name].add(module.name)
    return used


def hook_names(argument: str, text: str, module: Path) -> set[str]:
    if argument.startswith('"'):
        return {argument.strip('"')}
    if argument in COMPUTED:
        return COMPUTED[argument]
    # guidebook.js: where each part that cannot load says so; the region each part that waits waits in
    if argument in ("STATUS[name]", "WAITING[name]"):
        block = re.search(rf"const {argument.split('[')[0]} = \{{(.*?)\}};", text, flags=re.S)
        assert block, module.name
        return set(re.findall(r':\s*"([a-z0-9-]+)"', block[1]))
    if argument == "name":  # dom.js's own helpers pass the name on
        return set()
    raise AssertionError(f"{module.name}: a hook named by {argument}; add its names to COMPUTED in this test")


def test_every_hook_in_the_templates_is_listed_with_its_templates():
    listed = listed_hooks()
    for name, templates in template_hooks().items():
        assert name in listed, f"data-gb=\"{name}\" ({', '.join(sorted(templates))}) is not in guidebook/hooks.js"
        assert listed[name] == templates, f"{name}: hooks.js says {sorted(listed[name])}, the templates {sorted(templates)}"


def test_every_listed_hook_is_in_a_template_or_made_by_its_module():
    templates = template_hooks()
    for name, where in listed_hooks().items():
        if name in templates:
            continue
        assert where and all(w.endswith(".js") for w in where), f"{name}: in no template"
        for module in where:
            made = code(SCRIPTS / "guidebook" / module)  # gb: "name", dataset.gb = "name", or a maker given "name"
            assert f'"{name}"' in made, f"{module} does not make {name}"


def test_every_hook_the_script_asks_for_is_listed():
    listed = listed_hooks()
    missing = {name: sorted(modules) for name, modules in script_hooks().items() if name not in listed}
    assert missing == {}, f"hooks the script asks for that guidebook/hooks.js does not list: {missing}"


def test_every_listed_hook_is_used_by_the_script_or_the_tests():
    used = set(script_hooks())
    tests = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").rglob("*.py"))
    unused = [name for name in listed_hooks() if name not in used and f'data-gb="{name}"' not in tests]
    assert unused == []


def test_the_hook_scan_reads_every_way_the_script_names_a_hook():
    text = 'part(root, "a"); parts(bar, `record-${field}-label`); find(document, "b"); x.querySelector(\'[data-gb="c"]\')'
    names = {n for call in HOOK_CALL.finditer(text) for n in hook_names(call["name"], text, HOOKS_MODULE)}
    assert names == {"a", "b", "record-who-label", "record-note-label"}
    assert set(re.findall(r'data-gb="([a-z0-9-]+)"', text)) == {"c"}
