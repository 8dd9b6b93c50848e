"""Where the words our script shows travel: with the module that shows them.

Every page carries, in its JSON block (gb-status.html), only the words named by the
modules every page runs: the entry (guidebook.js) and what it imports with import
statements, read from the sources. A module the page loads later with import()
carries its own words inside its file: the build hands esbuild one define per such
module, GB_WORDS_<module> (clock.js: GB_WORDS_clock), a JSON text of the words that
module names and the page does not carry, and the module's first line gives it to
words.js (`addWords(typeof GB_WORDS_clock === "string" && GB_WORDS_clock)`; in the
unit tests, which import the sources, no define exists and it adds nothing). A pure
module that gets `say` from its caller (duration.js, shift.js) has its words carried by
the modules that import it. So a module moved from the entry's imports to import()
takes its words along; one whose words nothing would carry stops the build.
See docs-maintainers/decisions/2026-12-07-words-travel-with-their-module.md.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .assets import STATIC_IMPORT, AssetError, Assets
from .guidebook.messages import ScriptNames, Words

DEFINE_PREFIX = "GB_WORDS_"
# STATIC_IMPORT (assets.py): an import statement's relative source, `import x from "./a.js"`, `import "./a.js"`,
# `export { y } from "./b.js"`; not import("./c.js"), which loads later; not a package ("qrcode-generator").
DYNAMIC_IMPORT = re.compile(r"""\bimport\(\s*["'](\.{1,2}/[^"']+\.js)["']""")


def define_name(module: str) -> str:
    """The define that carries a module's words: "guidebook/item-record.js" -> GB_WORDS_item_record."""
    return DEFINE_PREFIX + re.sub(r"\W", "_", Path(module).stem)


@dataclass(frozen=True)
class Module:
    """One source module: its name from the scripts folder ("guidebook/clock.js"), text and static imports."""
    name: str
    source: str
    imports: tuple[str, ...]
    loads: tuple[str, ...] = ()  # the modules it loads later, with import()

    @property
    def takes_words(self) -> bool:
        return define_name(self.name) in self.source


@dataclass
class ScriptWords:
    """The words of the page's block (`page`) and those each module loaded later carries (`modules`,
    module name -> words, none that the page carries); `static`: the modules every page runs."""
    page: dict[str, str]
    modules: dict[str, dict[str, str]] = field(default_factory=dict)
    static: list[str] = field(default_factory=list)

    def defines(self) -> dict[str, str]:
        """esbuild's --define values: GB_WORDS_<module> -> a JS string literal holding its words as JSON
        (a string, not an object: esbuild writes a string where it is used, in that module's chunk, but
        moves an object into a variable of a chunk it may share with the entry)."""
        return {define_name(name): json.dumps(json.dumps(words, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                                              ensure_ascii=False)
                for name, words in sorted(self.modules.items())}


def read_modules(scripts: Path, entry: str) -> dict[str, Module]:
    """The entry's folder's modules: `entry` ("guidebook.js") and those in the folder of its name
    (guidebook/), by name from `scripts`."""
    paths = [scripts / entry, *sorted((scripts / Path(entry).stem).rglob("*.js"))]
    modules = {}
    for path in paths:
        source = path.read_text(encoding="utf-8")
        name = path.relative_to(scripts).as_posix()
        modules[name] = Module(name, source, _named(scripts, path, STATIC_IMPORT.findall(source)),
                               _named(scripts, path, DYNAMIC_IMPORT.findall(source)))
    return modules


def _named(scripts: Path, importer: Path, sources: list[str]) -> tuple[str, ...]:
    """Relative import sources ("./dom.js") of `importer` as names from `scripts` ("guidebook/dom.js")."""
    return tuple((importer.parent / s).resolve().relative_to(scripts.resolve()).as_posix() for s in sources)


def static_closure(modules: dict[str, Module], entry: str) -> list[str]:
    """`entry` and every module it imports with import statements, and theirs in turn (each once)."""
    found = [entry]
    for name in found:  # grows as it goes
        if name not in modules:
            raise AssetError(f"{found[0]} imports {name}, which is not among the script's sources")
        found += [i for i in modules[name].imports if i not in found]
    return found


def script_words(scripts: Path, entry: str, words: Words) -> ScriptWords:
    """Which words the page carries and which each module loaded later carries, read from the sources in
    `scripts` (overrides/assets/javascripts) and the site's catalogue `words`."""
    modules = read_modules(Path(scripts), entry)
    static = static_closure(modules, entry)
    page = words.for_script(ScriptNames([modules[name].source for name in static]))
    result = ScriptWords(page, static=static)

    def own(names: list[str]) -> dict[str, str]:
        shown = ScriptNames([modules[name].source for name in names])
        return {k: v for k, v in words.for_script(shown).items() if k not in page}

    for name, module in modules.items():
        if name in static:
            continue
        if module.takes_words:
            result.modules[name] = own(_brought_along(modules, name, set(static)))
        elif own([name]) and not _carried(modules, name):
            raise AssetError(f"{name} shows words that pages do not carry ({', '.join(sorted(own([name]))[:3])}...): "
                             f"at its top, after the imports, add "
                             f'addWords(typeof {define_name(name)} === "string" && {define_name(name)});')
    _check_names(result)
    return result


def _brought_along(modules: dict[str, Module], name: str, static: set[str]) -> list[str]:
    """`name` and the modules it imports that carry no words of their own (and theirs in turn): their
    words come with it. Not those every page runs (the page carries their words)."""
    found = [name]
    for each in found:  # grows as it goes
        found += [i for i in modules[each].imports
                  if i not in found and i not in static and i in modules and not modules[i].takes_words]
    return found


def _carried(modules: dict[str, Module], name: str, seen: frozenset[str] = frozenset()) -> bool:
    """Whether a module that takes no words of its own has them carried wherever it runs: it is never
    loaded with import(), and every module importing it takes words or is carried in turn."""
    if name in seen or any(name in m.loads for m in modules.values()):
        return False
    importers = [m for m in modules.values() if name in m.imports]
    return bool(importers) and all(m.takes_words or _carried(modules, m.name, seen | {name}) for m in importers)


def _check_names(found: ScriptWords) -> None:
    seen: dict[str, str] = {}
    for name in found.modules:
        other = seen.setdefault(define_name(name), name)
        if other != name:
            raise AssetError(f"{other} and {name} would both take their words from {define_name(name)}: rename one")


def check_every_page_modules(assets: Assets, shown: ScriptWords, scripts: Path) -> None:
    """The modules esbuild put in the files every page loads are among those whose words the page carries:
    script_words reads the import statements itself, and a form of import it misses shows here."""
    mine = {(scripts / name).resolve() for name in shown.static}
    missed = [p for p in assets.every_page_sources if p.is_relative_to(scripts.resolve()) and p not in mine]
    if missed:
        names = ", ".join(p.relative_to(scripts.resolve()).as_posix() for p in missed)
        raise AssetError(f"every page loads {names}, which macros/script_words.py did not find among the imports "
                         "of the entry (import statements it does not read?)")
