"""Problems found in the data, reported with file, line and field.

Every problem has a kind (`Kind`); the kind chooses the words an editor reads,
never the text of a pattern or of a library's message.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(Enum):
    """Each kind of problem and its message; {names} are filled in from the details."""

    MISSING_FILE = "the file is missing"
    NO_CHECKLISTS = "no checklist files (*.yml) were found"
    NOT_A_FILE = "this is not a regular file ({what}): every data file must be a plain YAML file inside data/"
    SYMLINK = "this is a symbolic link: every data file must be a plain YAML file inside data/, not a link"
    TOO_LARGE = "the file is {size} bytes; a data file may hold at most {limit} bytes"
    NOT_UTF8 = "the file is not UTF-8 text ({reason})"
    EMPTY_FILE = "the file is empty"
    BAD_YAML = "this is not valid YAML: {what}. Check the indentation and the quotes around text that contains a colon."
    ANCHOR = "YAML anchors (&{name}) are not allowed: write the value out in full where it is needed"
    ALIAS = "YAML aliases (*{name}) are not allowed: write the value out in full where it is needed"
    MERGE_KEY = "YAML merge keys (<<) are not allowed: write every field out in full"
    TAG = "YAML tags ({tag}) are not allowed: write plain text, numbers, lists and fields"
    TOO_DEEP = "the data is nested more than {limit} levels deep here"
    TEXT_TOO_LONG = "this text is {length} characters long; a value may hold at most {limit}"
    COMPLEX_KEY = "a field name must be plain text, not a list or a set of fields"
    BAD_VALUE = "this value cannot be read: {reason}"
    DUPLICATE_KEY = "the field '{key}' appears twice here; keep one"
    NOT_A_MAPPING = "the file should hold a set of fields (like 'id: ...'), not {found}"
    UNKNOWN_FIELD = "unknown field '{key}'.{tip}"
    REQUIRED = "the required field '{key}' is missing: add a line '{key}: ...' here"
    WRONG_TYPE = "this should be {want}, not {found}{tip}"
    BAD_ID = (
        "'{value}' is not a valid id: use lowercase letters (a-z) and digits (0-9) in words joined by single "
        "hyphens (kebab-case), for example 'review-crowd-management-policy'"
    )
    EMPTY_TEXT = "this text is empty: write the words, or remove the line if the field is optional"
    BAD_ADDRESS = (
        "'{value}' is not a valid address: use lowercase words joined by hyphens, folders separated by '/', "
        "ending with '/', for example 'police/within-24-hours/'"
    )
    BAD_DATE = "write the date as \"YYYY-MM-DD\" in quotes, a real day of the calendar, not '{value}'"
    BAD_URL = "'{value}' is not a full https:// address (no spaces, quotes or angle brackets)"
    NOT_ALLOWED_VALUE = "{found} is not one of the allowed values: {options}"
    TOO_SMALL = "{value} is too small: the least allowed here is {limit}"
    TOO_LARGE_NUMBER = "{value} is too large: the most allowed here is {limit}"
    EMPTY_LIST = "this list is empty: name at least one entry"
    TOO_MANY = "this list holds {count} entries; the most allowed here is {limit}: split it, or leave some out"
    EMPTY_FIELDS = "this holds no fields: add at least one (a name, a colon and its words), or remove it"
    REPEATED_ENTRY = "this list names the same entry twice: keep one"
    OTHER_SCHEMA = "this does not match the schema: {detail}"
    DUPLICATE_ID = (
        "the id '{ident}' is already used in {where}; every id must be unique across the whole site: "
        "give this one a new id (and never reuse the id of a removed item)"
    )
    UNKNOWN_REFERENCE = "there is no {what} with the id '{ident}' in {defined_in} (known {what}s: {known})"
    MARKUP_IN_PLAIN_TEXT = (
        "this is plain text: it cannot hold Markdown, HTML or line breaks (found {found}): write the words only"
    )
    MARKUP_NOT_ALLOWED = (
        "{found} is not allowed here: text may use only *emphasis*, **strong** and links "
        "written [words](https://...) or [words](mailto:...)"
    )
    UNSAFE_LINK = (
        "the link to '{target}' is not allowed: links must start with https://, http:// or mailto: "
        "and be written [words](address); to link another checklist, write [its title](#its-id)"
    )
    STYLESHEET = "every rule must be inside one `@media print {{ ... }}` block"
    INVISIBLE_CHARACTER = (
        "this text holds an invisible character, {name} (U+{code}), which can hide or reorder the words "
        "readers see: delete it (if you cannot find it, retype the words around it)"
    )
    YAML_WORD = (
        "YAML reads {word} as {meaning}, not as the word '{word}': to write the word, put it in quotes ('{word}')"
    )
    YAML_WORD_KEY = (
        "YAML reads the field name {word} as {meaning}: put it in quotes ('{word}':), or use another name"
    )
    UNKNOWN_PLACEHOLDER = (
        "{{{name}}} is not filled in here: readers would see '{{{name}}}' as typed. Names in braces these "
        "words may use: {allowed}"
    )
    MISSING_PLACEHOLDER = (
        "the name {{{name}}} is missing: the guidebook fills it in here, and readers would miss it. "
        "Keep it in the words (names in braces here: {allowed})"
    )
    STRAY_BRACE = (
        "'{found}' is not a name in braces: write a name exactly as the English words have it, such as "
        "{{count}} (no spaces inside), and no other braces"
    )
    NESTED_LINK = (
        "a link inside the words of another link ([a [b](...)](...)) is not allowed: write two separate links, "
        "[a](...) and [b](...)"
    )
    BAD_CHECKLIST_LINK = (
        "'{target}' is not a checklist's id: to link another checklist, write [its title](#its-id), with the "
        "checklist's id (lowercase words joined by hyphens) right after '#', for example [Within 24 hours]"
        "(#police-within-24-hours)"
    )
    CUT_BY_COMMENT = (
        "YAML reads ' {comment}' as a comment (a space then # starts one), so this text stops at '...{end}': "
        "put the whole text in quotes (\"...\"), or write the link with no space after '(': [words](#its-id)"
    )
    EMPTY_LINK = (
        "this link has no address: write [words](https://...), or [its title](#its-id) to link another checklist"
    )

    def text(self, **details: object) -> str:
        return self.value.format(**details)


@dataclass(frozen=True)
class Problem:
    file: str  # path as an editor knows it, e.g. data/checklists/x.yml
    line: int | None  # 1-based line, where the YAML has one
    field: str | None  # e.g. items[3].text (items counted from 1)
    message: str
    kind: Kind | None = None

    @classmethod
    def of(cls, kind: Kind, file: str, line: int | None = None, field: str | None = None, **details: object) -> Problem:
        """A problem of `kind`, worded by its kind."""
        return cls(file, line, field, kind.text(**details), kind)

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
