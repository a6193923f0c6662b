"""JSON Schema (draft 2020-12) for every entry of ``schema.SCHEMAS``, derived, never hand-written.

Editors and tools validate front matter with these files; they are committed under
``schemas/`` and served on the site. A JSON Schema describes one file at a time, so
what needs the other cards or today's date (a ``related`` card that exists, a date
not in the future, a municipality unless the scope is national) stays with
``praktijkbank check``. Optional fields may be empty (``null``), as the check allows.
"""

from __future__ import annotations

import json
from typing import Any

from ..content.schema import SCHEMAS, Field, label
from ..content.taxonomy import Taxonomy

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMAS_DIR = "schemas"
REGENERATE = "praktijkbank schema --write"


def schema_path(name: str) -> str:
    """Where the schema lives, in the repository and on the site."""
    return f"{SCHEMAS_DIR}/{name}.schema.json"


def _allowed_values(field: Field, taxonomy: Taxonomy) -> str:
    vocabulary = taxonomy[field.vocabulary]
    text = "Toegestaan: " + ", ".join(f"{key} ({name})" for key, name in vocabulary.values.items()) + "."
    if vocabulary.renamed:
        text += " Oude waarden, die nog werken maar niet meer gebruikt worden: " + ", ".join(
            f"{old} (heet nu {new})" for old, new in vocabulary.renamed.items()) + "."
    return text


def _node(field: Field, taxonomy: Taxonomy) -> dict[str, Any]:
    """The schema of one value, without title or description; a single value's comes from its kind."""
    if field.kind.is_mapping:
        return {
            "type": "object",
            "properties": {child.name: _property(child, taxonomy) for child in field.fields},
            "required": [child.name for child in field.fields if child.required],
            "additionalProperties": False,
        }
    if field.kind.is_list:
        node: dict[str, Any] = {"type": "array", "items": _node(field.item, taxonomy)}
        if field.min_items:
            node["minItems"] = field.min_items
        if field.item.kind.is_text:  # the check refuses a text twice in a list
            node["uniqueItems"] = True
        return node
    return field.kind.json_schema(field, taxonomy)


def _property(field: Field, taxonomy: Taxonomy) -> dict[str, Any]:
    """A named field: its title, description and example around the value's schema."""
    description = field.description
    if field.vocabulary_field is not None:
        description += " " + _allowed_values(field.vocabulary_field, taxonomy)
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
        "$comment": f"Gemaakt uit src/praktijkbank/content/schema.py en taxonomy.yml met `{REGENERATE}`; "
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
