"""JSON Schema (draft 2020-12) for every entry of ``schema.SCHEMAS``, derived, never hand-written.

Editors and tools validate front matter with these files; they are committed under
``schemas/`` and served on the site. A JSON Schema describes one file at a time, so
what needs the other cards or today's date (a ``related`` card that exists, a date
not in the future, a municipality unless the scope is national) stays with
``praktijkbank check``. Optional fields may be empty (``null``), as the check allows.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .localtime import _LOCAL as LOCAL_TIME  # the one pattern of a Dutch local time or date
from .schema import (BOOLEAN, DATE, DATETIME, INTEGER, LIST, MAPPING, NUMBER, SCHEMAS, SLUG, TEXT, URL,
                     VOCAB, YEAR, Field, label)
from .taxonomy import Taxonomy
from .validate import ISO_DATE, SLUG_PATTERN, URL_PATTERN

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMAS_DIR = "schemas"
REGENERATE = "praktijkbank schema --write"

# Item kinds of which a list may hold each value once (the check refuses repeats).
_UNIQUE_ITEM_KINDS = (TEXT, URL, VOCAB, SLUG)


def schema_path(name: str) -> str:
    """Where the schema lives, in the repository and on the site."""
    return f"{SCHEMAS_DIR}/{name}.schema.json"


def ecma_pattern(regex: re.Pattern) -> str:
    """A Python pattern as a JSON Schema (ECMA-262) pattern, which has no flags.

    Case-insensitivity is written out letter by letter; our patterns use only the
    syntax both dialects share (``\\d``, ``\\s``, ``(?:…)``, classes).
    """
    if not regex.flags & re.IGNORECASE:
        return regex.pattern
    out: list[str] = []
    in_class = escaped = False
    for char in regex.pattern:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        elif char == "[":
            in_class = True
            out.append(char)
        elif char == "]":
            in_class = False
            out.append(char)
        elif char.isascii() and char.isalpha():
            if in_class:
                raise ValueError(f"letters in a character class of {regex.pattern!r} need both cases written out")
            out.append(f"[{char.lower()}{char.upper()}]")
        else:
            out.append(char)
    return "".join(out)


def _allowed_values(field: Field, taxonomy: Taxonomy) -> str:
    vocabulary = taxonomy[field.vocabulary]
    text = "Toegestaan: " + ", ".join(f"{key} ({name})" for key, name in vocabulary.values.items()) + "."
    if vocabulary.renamed:
        text += " Oude waarden, die nog werken maar niet meer gebruikt worden: " + ", ".join(
            f"{old} (heet nu {new})" for old, new in vocabulary.renamed.items()) + "."
    return text


def _node(field: Field, taxonomy: Taxonomy) -> dict[str, Any]:
    """The schema of one value, without title or description."""
    kind = field.kind
    if kind == MAPPING:
        return {
            "type": "object",
            "properties": {child.name: _property(child, taxonomy) for child in field.fields},
            "required": [child.name for child in field.fields if child.required],
            "additionalProperties": False,
        }
    if kind == LIST:
        node: dict[str, Any] = {"type": "array", "items": _node(field.item, taxonomy)}
        if field.min_items:
            node["minItems"] = field.min_items
        if field.item.kind in _UNIQUE_ITEM_KINDS:
            node["uniqueItems"] = True
        return node
    if kind == TEXT:
        node = {"type": "string", "pattern": r"\S"}
        if field.max_length:
            node["maxLength"] = field.max_length
        return node
    if kind == URL:
        return {"type": "string", "format": "uri", "pattern": ecma_pattern(URL_PATTERN)}
    if kind == VOCAB:  # an old, renamed key still passes, as in the check (which warns)
        vocabulary = taxonomy[field.vocabulary]
        return {"type": "string", "enum": [*vocabulary.values, *vocabulary.renamed]}
    if kind == SLUG:
        return {"type": "string", "pattern": ecma_pattern(SLUG_PATTERN)}
    if kind == DATE:
        return {"type": "string", "format": "date", "pattern": ecma_pattern(ISO_DATE)}
    if kind == DATETIME:
        return {"type": "string", "pattern": ecma_pattern(LOCAL_TIME)}
    if kind == YEAR:
        node = {"type": "integer"}
        if field.minimum is not None:
            node["minimum"] = int(field.minimum)
        return node
    if kind == INTEGER:
        node = {"type": "integer"}
        if field.minimum is not None:
            node["minimum"] = int(field.minimum)
        if field.maximum is not None:
            node["maximum"] = int(field.maximum)
        return node
    if kind == NUMBER:
        node = {"type": "number"}
        if field.minimum is not None:
            node["minimum"] = field.minimum
        if field.maximum is not None:
            node["maximum"] = field.maximum
        return node
    if kind == BOOLEAN:
        return {"type": "boolean"}
    raise ValueError(f"json_schema.py does not know field kind {kind!r} (field {field.name!r}); add it to _node")


def _property(field: Field, taxonomy: Taxonomy) -> dict[str, Any]:
    """A named field: its title, description and example around the value's schema."""
    description = field.description
    vocabulary_field = field.item if field.kind == LIST and field.item.kind == VOCAB else field
    if vocabulary_field.kind == VOCAB:
        description += " " + _allowed_values(vocabulary_field, taxonomy)
    annotated: dict[str, Any] = {"title": label(field), "description": description}
    node = _node(field, taxonomy)
    if field.required:
        annotated.update(node)
    else:
        annotated["anyOf"] = [node, {"type": "null"}]
    if field.example is not None:
        annotated["examples"] = [field.example]
    return annotated


def json_schema(name: str, root: Field, taxonomy: Taxonomy) -> dict[str, Any]:
    document = {
        "$schema": DIALECT,
        "$comment": f"Gemaakt uit src/praktijkbank/schema.py en taxonomy.yml met `{REGENERATE}`; "
                    "niet met de hand bewerken.",
        "title": f"Praktijkbank: {name}",
        "description": root.description + " Dit schema beschrijft de kop (front matter) van het "
                       "Markdown-bestand. Wat alleen met de andere bestanden of de datum van vandaag "
                       "te controleren is, controleert `praktijkbank check`.",
    }
    document.update(_node(root, taxonomy))
    return document


def json_schema_text(name: str, root: Field, taxonomy: Taxonomy) -> str:
    """The file as committed and served: stable key order, UTF-8, a final newline."""
    return json.dumps(json_schema(name, root, taxonomy), ensure_ascii=False, indent=2) + "\n"


def all_json_schemas(taxonomy: Taxonomy) -> dict[str, str]:
    """Path -> text of the JSON Schema of every registered schema."""
    return {schema_path(name): json_schema_text(name, root, taxonomy) for name, root in SCHEMAS.items()}
