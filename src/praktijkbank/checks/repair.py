"""``praktijkbank check --herstel``: write back what can be fixed for certain, and nothing else.

A repair edits the text of the file where the value stands (the line the reader's
line map gives, the exact characters PyYAML's marks give); it never writes the YAML
out again, so comments, order and quoting stay as they were. What it fixes:

* a vocabulary value in other capitals or with spaces around it, and an old, renamed
  key: the key as taxonomy.yml has it now;
* a date it can read one way only (``2024-5-3``, ``2024/05/03``, ``3 mei 2024``):
  JJJJ-MM-DD. A date with the day and month both as numbers in front
  (``03-05-2024``, ``05/03/2024``) may be 3 May or 5 March: it is refused, and said so;
* spaces at the end of a line (not a Markdown line break in the text, nor in a code block);
* a missing ``last_reviewed``: today.

Everything else is left for a person; the check that follows says what.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..content.reading import FENCE, decode, parse_document
from ..content.schema import RESEARCH_EVIDENCE, Field
from ..content.taxonomy import Taxonomy
from ..content.yaml_tree import FieldPath
from .fields import canonical_key, field_label
from .problems import ProblemLog

DUTCH_MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "mar": 3, "april": 4, "apr": 4,
    "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9, "sep": 9,
    "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_YEAR_FIRST = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$")
_IN_WORDS = re.compile(r"^(\d{1,2})\.?\s+([a-z]+)\.?\s+(\d{4})$", re.IGNORECASE)


@dataclass(frozen=True)
class Change:
    """One line of the report: a fix made, or a thing left alone and why."""

    path: str
    line: int
    text: str  # "status: 'Lopend' → 'lopend'"
    done: bool = True

    def report(self) -> str:
        return f"{self.path}:{self.line}: {self.text}"


class DateRefused(ValueError):
    """A date that cannot be read one way only; the message says why, in Dutch."""


def read_date(text: str) -> dt.date | None:
    """The date a person meant with ``text``, when it can mean only one; None when it is no date
    this knows; ``DateRefused`` when it could be two (day and month both numbers) or does not exist."""
    text = text.strip()
    match = _YEAR_FIRST.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
        return _existing(year, month, day, text)
    match = _IN_WORDS.match(text)
    if match:
        month = DUTCH_MONTHS.get(match.group(2).lower())
        if month is None:
            return None
        return _existing(int(match.group(3)), month, int(match.group(1)), text)
    if _DAY_MONTH_YEAR.match(text):
        raise DateRefused(f"'{text}' kan twee datums zijn (dag en maand zijn allebei een getal)")
    return None


def _existing(year: int, month: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise DateRefused(f"'{text}' is geen bestaande datum") from None


# -- finding the characters of each value -----------------------------------------------------------


def _scalar_nodes(front: str) -> dict[FieldPath, yaml.ScalarNode]:
    """Every scalar of the front matter by its field path, with PyYAML's marks (positions in ``front``)."""
    found: dict[FieldPath, yaml.ScalarNode] = {}

    def walk(node: yaml.Node, path: FieldPath) -> None:
        if isinstance(node, yaml.ScalarNode):
            found.setdefault(path, node)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    walk(value, path + (str(key.value),))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, path + (index,))

    try:
        root = yaml.compose(front, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    if root is not None:
        walk(root, ())
    return found


def _values(spec: Field, value: Any, path: FieldPath):
    """(field, value, path) for every single value of the front matter that the schema knows."""
    if spec.kind.is_mapping:
        if isinstance(value, dict):
            for child in spec.fields:
                if child.name in value:
                    yield from _values(child, value[child.name], path + (child.name,))
    elif spec.kind.is_list:
        if isinstance(value, list) and spec.item is not None:
            for index, item in enumerate(value):
                yield from _values(spec.item, item, path + (index,))
    else:
        yield spec, value, path


def _field_text(path: FieldPath) -> str:
    return field_label(path)  # as the check names fields


# -- repairing one file -------------------------------------------------------------------------------


@dataclass
class _Edit:
    start: int
    end: int
    new: str


def repair_text(text: str, display: str, schema: Field, taxonomy: Taxonomy,
                today: dt.date) -> tuple[str, list[Change]]:
    """``text`` (a whole file, '\\n' line ends) with every certain fix made, and the report of each."""
    log = ProblemLog(display)
    doc = parse_document(text, display, log)
    changes: list[Change] = []
    if doc is None:
        return text, changes  # the check says why it cannot be read; nothing is certain here
    front_start = text.find("\n") + 1
    nodes = _scalar_nodes(text[front_start:_closing_start(text, doc.closing_line)])
    edits: list[_Edit] = []
    for spec, value, path in _values(schema, doc.data, ()):
        node = nodes.get(path)
        if node is None or not isinstance(node, yaml.ScalarNode) or node.style in ("|", ">"):
            continue
        new, refusal = _better(spec, value, node, taxonomy)
        if new in RESEARCH_EVIDENCE and path == ("evidence",) and not _marks_research(doc.data):
            # The old key passes with a warning; the new one needs the research among the sources.
            refusal = (f"'{value}' heet nu '{new}', maar dan moet een bron 'research: true' hebben; zet dat bij "
                       "de bron met het onderzoek en herstel dan opnieuw")
        line = text.count("\n", 0, front_start + node.start_mark.index) + 1
        if refusal:
            changes.append(Change(display, line, f"{_field_text(path)}: {refusal}; niet aangepast", done=False))
            continue
        if new is None:
            continue
        quote = node.style if node.style in ("'", '"') else ""
        edits.append(_Edit(front_start + node.start_mark.index, front_start + node.end_mark.index,
                           f"{quote}{new}{quote}"))
        changes.append(Change(display, line, f"{_field_text(path)}: '{node.value}' → '{new}'"))
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[:edit.start] + edit.new + text[edit.end:]
    text, spaces = _trailing_spaces(text, display, doc.body_first_line)
    changes.extend(spaces)
    if "last_reviewed" not in doc.data and schema.child("last_reviewed") is not None:
        at = _closing_start(text, doc.closing_line)
        text = text[:at] + f"last_reviewed: {today.isoformat()}\n" + text[at:]
        changes.append(Change(display, doc.closing_line,
                              f"{_field_text(('last_reviewed',))}: ontbrak → {today.isoformat()} (vandaag)"))
    return text, sorted(changes, key=lambda c: c.line)


def _marks_research(data: dict) -> bool:
    sources = data.get("sources")
    return isinstance(sources, list) and any(isinstance(s, dict) and s.get("research") is True for s in sources)


def _closing_start(text: str, closing_line: int) -> int:
    """Where the closing '---' line begins in ``text``."""
    position = 0
    for _ in range(closing_line - 1):
        position = text.index("\n", position) + 1
    return position


def _better(spec: Field, value: Any, node: yaml.ScalarNode, taxonomy: Taxonomy) -> tuple[str | None, str]:
    """(the value as it should be written, or None; why it is left alone, or '')."""
    if spec.kind.from_vocabulary and isinstance(value, str):
        vocabulary = taxonomy[spec.vocabulary]
        key = canonical_key(vocabulary, value)
        if key is None:
            return None, ""
        new = vocabulary.current(key)
        return (new if new != value else None), ""
    if spec.kind.name == "date":
        if isinstance(value, dt.datetime):
            return None, ""
        if isinstance(value, dt.date):  # read by YAML already: only its writing may differ
            return (value.isoformat() if node.value != value.isoformat() else None), ""
        if isinstance(value, str):
            try:
                date = read_date(value)
            except DateRefused as refused:
                return None, f"{refused}; schrijf zelf JJJJ-MM-DD"
            if date is None or date.isoformat() == value:
                return None, ""
            return date.isoformat(), ""
    return None, ""


_FENCE_LINE = re.compile(r"^ {0,3}(```|~~~)")


def _trailing_spaces(text: str, display: str, body_first_line: int) -> tuple[str, list[Change]]:
    """Spaces and tabs at line ends taken off, except a Markdown line break (two spaces or more before
    a line of the same paragraph) and inside a fenced code block, where they may mean something."""
    lines = text.split("\n")
    changes = []
    in_code = False
    for index, line in enumerate(lines):
        number = index + 1
        in_body = number >= body_first_line
        if in_body and _FENCE_LINE.match(line):
            in_code = not in_code
        stripped = line.rstrip(" \t")
        if stripped == line or in_code:
            continue
        if in_body and stripped and line.endswith("  ") and index + 1 < len(lines) and lines[index + 1].strip():
            continue  # a line break in the text
        lines[index] = stripped
        changes.append(Change(display, number, "spaties aan het eind van de regel weggehaald"))
    return "\n".join(lines), changes


def repair_file(path: Path, display: str, schema: Field, taxonomy: Taxonomy, today: dt.date) -> list[Change]:
    """Repair one file in place (only when something changed), keeping its byte order mark and
    line ends; the report of every fix and of every refusal."""
    raw = path.read_bytes()
    text = decode(raw, ProblemLog(display))
    if text is None or not text.startswith(FENCE):
        return []
    repaired, changes = repair_text(text, display, schema, taxonomy, today)
    if repaired != text:
        newline = "\r\n" if raw.count(b"\r\n") == raw.count(b"\n") > 0 else "\n"
        out = repaired.replace("\n", newline).encode("utf-8")
        if raw.startswith(b"\xef\xbb\xbf"):
            out = b"\xef\xbb\xbf" + out
        path.write_bytes(out)
    return changes
