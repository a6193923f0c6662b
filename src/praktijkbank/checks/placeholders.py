"""Placeholders left by ``praktijkbank nieuw``: an unfinished card must never pass the check.

Every value the contributor still has to write is ``INVULLEN``. Each one left is
reported once, with what belongs there; the value is then set aside (``REFUSED``)
so the schema check does not report the same line again as a wrong value.
"""

from __future__ import annotations

from typing import Any

from .body_text import headings
from ..content.reading import Document
from .problems import ProblemLog
from ..content.schema import Field, Heading
from ..content.taxonomy import Taxonomy
from ..content.yaml_tree import REFUSED, FieldPath, field_name, strings_in

PLACEHOLDER = "INVULLEN"


def field_at(root: Field, path: FieldPath) -> Field | None:
    """The schema field a value at ``path`` must match; None for a field the schema lacks."""
    field: Field | None = root
    for part in path:
        if field is None:
            return None
        if isinstance(part, int):
            field = field.item if field.kind.is_list else None
        else:
            field = field.child(part) if field.kind.is_mapping else None
    return field


def _hint(field: Field | None, taxonomy: Taxonomy) -> str:
    if field is None:
        return ""
    if field.vocabulary_field is not None:
        hint = taxonomy[field.vocabulary_field.vocabulary].allowed_text()
    else:
        hint = field.description.rstrip(".")
    return hint if field.required else f"{hint}; of haal de regel weg, want dit veld is optioneel"


def _set_aside(data: Any, path: FieldPath) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = REFUSED


def report_placeholders(doc: Document, root: Field, body_headings: tuple[Heading, ...],
                        taxonomy: Taxonomy, log: ProblemLog) -> list[tuple[FieldPath, str]]:
    """Report every ``INVULLEN`` in the front matter and the body of ``doc``.

    Returns the texts left in the front matter, as ``strings_in`` would now give them.
    """
    left = []
    for path, text in strings_in(doc.data):
        if PLACEHOLDER in text:
            log.add(doc.line_of(path), field_name(path), "nog niet ingevuld", _hint(field_at(root, path), taxonomy))
            _set_aside(doc.data, path)
        else:
            left.append((path, text))
    if PLACEHOLDER not in doc.body:
        return left
    guidance = {h.title.lower(): h.description for h in body_headings}
    sections = headings(doc.body, doc.body_first_line)
    for offset, line in enumerate(doc.body.split("\n")):
        if PLACEHOLDER not in line:
            continue
        number = doc.body_first_line + offset
        above = [text for _, heading_line, text in sections if heading_line < number]
        where = f" onder '## {above[-1]}'" if above else ""
        hint = guidance.get(above[-1].lower(), "") if above else ""
        log.add(number, "tekst", f"nog niet ingevuld{where}",
                (hint + " " if hint else "") + f"Vervang de regel met {PLACEHOLDER} door eigen tekst")
    return left
