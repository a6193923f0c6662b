"""Fields named as the site and the form name them: the Dutch label, with the key in brackets for
whoever edits the YAML: ``Provincie (place.province)``, ``Doelgroep 2 (target_groups[2])``,
``Bron 1, webadres (sources[1].url)``.

The words come from the schema (``schema.LABELS`` and each list's ``item_label``), the one place
the site's facts panel, the form on the site and the issue form take them from.
"""

from __future__ import annotations

import functools
import re

from ..content.schema import PRACTICE, WEBINAR, Field, label

_PART = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)((?:\[\d+\])*)")


def _path(field: str) -> tuple | None:
    """'partners[2].role' -> ('partners', 1, 'role'); None for what is no key path."""
    path: list = []
    for part in field.split("."):
        match = _PART.fullmatch(part)
        if not match:
            return None
        path.append(match.group(1))
        path.extend(int(n) - 1 for n in re.findall(r"\[(\d+)\]", match.group(2)))
    return tuple(path)


@functools.lru_cache(maxsize=1)
def _shared_names() -> frozenset[str]:
    """Keys used in more than one place of the schemas (``url``, ``title``): inside a group they are
    named with the group ('Contact, webadres'); a key of one place only is named by itself ('Provincie')."""
    seen: dict[str, set[tuple]] = {}

    def walk(spec: Field, where: tuple) -> None:
        for child in spec.fields:
            seen.setdefault(child.name, set()).add(where + (child.name,))
            if child.kind.is_mapping:
                walk(child, where + (child.name,))
            elif child.kind.is_list and child.item is not None and child.item.kind.is_mapping:
                walk(child.item, where + (child.name,))

    for schema in (PRACTICE, WEBINAR):
        walk(schema, ())
    return frozenset(name for name, places in seen.items() if len(places) > 1)


def _words(root: Field, path: tuple) -> str | None:
    """The Dutch name of the field at ``path`` under ``root``; None where the schema has no such field."""
    spec: Field | None = root
    words: list[str] = []
    for index, part in enumerate(path):
        if spec is None:
            return None
        if isinstance(part, int):
            if not spec.kind.is_list or spec.item is None:
                return None
            name = spec.item_label or label(spec)
            words = words[:-1] + [f"{name} {part + 1}"]  # 'Doelgroepen' becomes 'Doelgroep 2'
            spec = spec.item
            continue
        if not spec.kind.is_mapping:
            return None
        child = spec.child(part)
        if child is None:
            return None
        own = label(child)
        in_entry = bool(words) and isinstance(path[index - 1], int)
        if in_entry or (words and child.name in _shared_names()):
            words.append(own[:1].lower() + own[1:] if not own[:2].isupper() else own)
        else:
            words = [own]
        spec = child
    return ", ".join(words) if words else None


@functools.lru_cache(maxsize=4096)
def describe(field: str) -> str:
    """How a message names ``field`` (a key path as ``field_name`` writes it); other names (bestand,
    kop, tekst) and keys the schemas do not know stay as they are."""
    path = _path(field)
    if not path:
        return field
    for root in (PRACTICE, WEBINAR):
        words = _words(root, path)
        if words:
            return f"{words} ({field})"
    return field
