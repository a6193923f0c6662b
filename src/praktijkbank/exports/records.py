"""Practices as plain records (dicts, rows) and back, derived from the one card schema.

The open data files write what the schema declares, in its order and with its
field names, so a new field in schema.py appears in praktijken.json and
praktijken.csv without touching this module. Reading the records back gives
the very same ``Practice`` models: the tests hold the exports to that.
"""

from __future__ import annotations

from typing import Any

from ..content.models import Contact, Coordinates, Figure, Partner, Place, Practice, Source
from ..content.schema import PRACTICE, Field
from .formats import LIST_SEPARATOR

# The model class of every mapping in the card schema, by field name.
_MODEL_OF = {"place": Place, "coordinates": Coordinates, "partners": Partner, "sources": Source, "contact": Contact,
             "figures": Figure}
# Besides the front matter: where the card lives and its text.
EXTRA_KEYS = ("slug", "source_path", "body")


def to_plain(field: Field, value: Any) -> Any:
    """A model value as JSON-ready data: dates as JJJJ-MM-DD, tuples as lists, models as dicts."""
    if value is None:
        return None
    if field.kind.is_mapping:
        return {sub.name: to_plain(sub, getattr(value, sub.name)) for sub in field.fields}
    if field.kind.is_list:
        return [to_plain(field.item, item) for item in value]
    return field.kind.dump(value)


def from_plain(field: Field, value: Any, name: str = "") -> Any:
    """The inverse of ``to_plain``: typed values and models again."""
    name = field.name or name
    if field.kind.is_list:
        return tuple(from_plain(field.item, item, name) for item in value or ())
    if field.kind.is_mapping:
        if value is None or value == "":
            return None
        return _MODEL_OF[name](**{sub.name: from_plain(sub, value.get(sub.name), sub.name) for sub in field.fields})
    return field.kind.load(value)  # None where the field was left out (a yes/no: false)


def practice_record(practice: Practice) -> dict[str, Any]:
    """A card's front matter as the schema declares it (absent fields as null), its file and text."""
    record: dict[str, Any] = {"slug": practice.slug}
    for field in PRACTICE.fields:
        record[field.name] = to_plain(field, getattr(practice, field.name))
    record["source_path"] = practice.source_path
    record["body"] = practice.body
    return record


def practice_from_record(record: dict[str, Any]) -> Practice:
    values = {field.name: from_plain(field, record.get(field.name)) for field in PRACTICE.fields}
    return Practice(slug=record["slug"], source_path=record["source_path"], body=record["body"], **values)


# --- one row per card: nested fields get dotted names, lists are joined --------------


def join_list(items: list[str]) -> str:
    """'a | b'; a '|' or '\\' inside an item is escaped with '\\' so the list splits back exactly."""
    return LIST_SEPARATOR.join(item.replace("\\", "\\\\").replace("|", "\\|") for item in items)


def split_list(text: str) -> list[str]:
    if text == "":
        return []
    items, current, chars = [], [], iter(text)
    for char in chars:
        if char == "\\":
            current.append(next(chars, ""))
        elif char == "|":
            items.append("".join(current)[:-1] if current and current[-1] == " " else "".join(current))
            current = []
            if next(chars, "") != " ":  # written as ' | '; anything else is not ours
                raise ValueError(f"lijst niet te lezen: {text!r}")
        else:
            current.append(char)
    items.append("".join(current))
    return items


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def columns() -> list[str]:
    """The CSV header: 'title', 'place.municipality', 'partners.name', ..."""
    names = ["slug"]
    for field in PRACTICE.fields:
        if field.kind.is_mapping or field.holds_groups:
            names.extend(f"{field.name}.{sub.name}" for sub in (field.fields or field.item.fields))
        else:
            names.append(field.name)
    return names + ["source_path", "body"]


def record_row(record: dict[str, Any]) -> dict[str, str]:
    """A plain record (``practice_record``) as one row of text cells."""
    row = {key: record[key] for key in EXTRA_KEYS}
    for field in PRACTICE.fields:
        value = record[field.name]
        if field.kind.is_mapping:
            for sub in field.fields:
                inner = None if value is None else value[sub.name]
                row[f"{field.name}.{sub.name}"] = join_list(inner) if sub.kind.is_list else _cell(inner)
        elif field.holds_groups:
            for sub in field.item.fields:  # aligned: the n-th item of each column is one partner, one source
                row[f"{field.name}.{sub.name}"] = join_list([_cell(item[sub.name]) for item in value])
        elif field.kind.is_list:
            row[field.name] = join_list([_cell(item) for item in value])
        else:
            row[field.name] = _cell(value)
    return row


def practice_from_row(row: dict[str, str]) -> Practice:
    record: dict[str, Any] = {key: row[key] for key in EXTRA_KEYS}
    for field in PRACTICE.fields:
        if field.kind.is_mapping:
            cells = {sub.name: row[f"{field.name}.{sub.name}"] for sub in field.fields}
            if all(cell == "" for cell in cells.values()):
                record[field.name] = None
            else:
                record[field.name] = {
                    sub.name: split_list(cells[sub.name]) if sub.kind.is_list else cells[sub.name]
                    for sub in field.fields
                }
        elif field.holds_groups:
            parts = {sub.name: split_list(row[f"{field.name}.{sub.name}"]) for sub in field.item.fields}
            count = max(len(items) for items in parts.values())
            record[field.name] = [
                {name: (items[i] if i < len(items) else "") for name, items in parts.items()} for i in range(count)
            ]
        elif field.kind.is_list:
            record[field.name] = split_list(row[field.name])
        else:
            record[field.name] = row[field.name]
    return practice_from_record(record)
