"""The README's nginx and Apache examples, read from its code blocks and applied as the servers do: nginx
takes the first regular-expression `location` that matches the address, else the prefix block; Apache
applies every <FilesMatch>/<Files> section that matches the file's name in order (the last Cache-Control
wins), then <If>. Used by tests/test_server_rules.py (the rules against the built files) and by
bench/slowphone.py (its server answers with the headers the README's nginx example gives)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PREFIX = "/cares/guidebook/"  # where the README's examples publish the site


def readme_block(language: str) -> str:
    found = re.findall(rf"^```{language}\n(.*?)^```", (ROOT / "README.md").read_text(encoding="utf-8"), re.M | re.S)
    assert len(found) == 1, f"README.md should hold one ```{language} block"
    return found[0]


def cache_control(body: str, directive: str) -> str | None:
    """The Cache-Control value a block's `add_header`/`Header set` line gives, if any."""
    found = re.search(rf'{directive}\s+Cache-Control\s+"([^"]+)"', body)
    return found[1] if found else None


@dataclass
class Nginx:
    prefix_cache: str | None
    regex_blocks: list[tuple[re.Pattern, str | None]]  # in order

    @classmethod
    def from_readme(cls) -> Nginx:
        blocks = re.findall(r'^location\s+(~\s+)?("[^"]+"|\S+)\s*\{\n(.*?)^\}', readme_block("nginx"), re.M | re.S)
        prefix = [body for regex, where, body in blocks if not regex and where == PREFIX]
        assert len(prefix) == 1, f"the nginx example has no `location {PREFIX}` block"
        regexes = [(re.compile(where.strip('"')), cache_control(body, "add_header"))
                   for regex, where, body in blocks if regex]
        assert regexes, "the nginx example has no regular-expression location"
        return cls(cache_control(prefix[0], "add_header"), regexes)

    def header(self, url: str) -> str | None:
        for pattern, value in self.regex_blocks:
            if pattern.search(url):
                return value
        return self.prefix_cache


@dataclass
class Apache:
    sections: list[tuple[re.Pattern, str | None]]  # on the file's name, in order
    conditions: list[tuple[re.Pattern, str | None]]  # <If "%{REQUEST_URI} =~ m#...#">, on the address

    @classmethod
    def from_readme(cls) -> Apache:
        text = readme_block("apache")
        sections = []
        for kind, name, body in re.findall(r'^<(FilesMatch|Files)\s+"([^"]+)">\n(.*?)^</\1>', text, re.M | re.S):
            pattern = re.compile(name) if kind == "FilesMatch" else re.compile(rf"^{re.escape(name)}$")
            sections.append((pattern, cache_control(body, "Header set")))
        conditions = [(re.compile(expr), cache_control(body, "Header set")) for expr, body in
                      re.findall(r'^<If\s+"%\{REQUEST_URI\}\s+=~\s+m#(.+?)#">\n(.*?)^</If>', text, re.M | re.S)]
        assert sections, "the Apache example has no <FilesMatch> or <Files> section"
        return cls(sections, conditions)

    def header(self, url: str, served_file: str) -> str | None:
        given = [v for p, v in self.sections if p.search(served_file)] + \
                [v for p, v in self.conditions if p.search(url)]
        return next((value for value in reversed(given) if value), None)  # the last one set wins
