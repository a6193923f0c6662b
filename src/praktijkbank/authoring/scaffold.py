"""A new card to fill in, written from the schema: every field and heading, explained in Dutch.

Nothing here is a hand-kept template: labels, descriptions, limits, allowed values
and examples all come from ``schema.py`` and ``taxonomy.yml``, so the scaffold
cannot drift from what ``check`` demands. Each value still to write is
``INVULLEN``, which ``check`` refuses, so an unfinished card is never published.

Optional single values are written out too (fill them in or delete the line);
optional groups and lists are written commented out, to switch on when needed.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Any

import yaml

from ..checks.placeholders import PLACEHOLDER
from ..content.schema import HEADINGS, PRACTICE, Field, label
from ..content.taxonomy import Taxonomy

_WIDTH = 100

INTRO = f"""\
Nieuwe praktijkkaart. Vervang elke {PLACEHOLDER} door de juiste waarde.
Controleer de kaart met: praktijkbank check {{path}}
Regels die met # beginnen zijn uitleg; laten staan of weghalen mag allebei.
Elk feit op de kaart komt uit een bron die u onder 'sources' noemt.
Velden en woordenlijsten: zie CONTRIBUTING.md en taxonomy.yml."""


def yaml_value(value: Any) -> str:
    """One value as YAML on one line, quoted only where YAML needs it."""
    dumped = yaml.safe_dump([value], default_flow_style=True, allow_unicode=True, width=10**6)
    return dumped.strip()[1:-1]


def _comment(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, _WIDTH - len(indent) - 2, initial_indent=f"{indent}# ",
                         subsequent_indent=f"{indent}# ", break_on_hyphens=False)


def _choices(field: Field, taxonomy: Taxonomy, indent: str, many: bool) -> list[str]:
    vocabulary = taxonomy[field.vocabulary]
    width = max(len(key) for key in vocabulary.values)
    lines = [f"{indent}# Kies {'een of meer' if many else 'één'} uit (links de waarde, rechts wat de site toont):"]
    lines += [f"{indent}#   {key.ljust(width)}  {name}" for key, name in vocabulary.values.items()]
    return lines


def _explanation(field: Field, taxonomy: Taxonomy, indent: str, switched_off: bool) -> list[str]:
    text = f"{label(field)}: {field.description}"
    if field.required:
        text += " Verplicht."
    elif switched_off:
        optional = "" if field.description.startswith("Optioneel") else "Optioneel: "
        text += f" {optional}Haal '# ' weg aan het begin van de regels hieronder om het in te vullen."
    else:
        text += " Optioneel: vul in, of haal de regel weg."
    if field.kind.is_text and field.max_length:
        text += f" Hoogstens {field.max_length} tekens."
    if field.example is not None:  # as a person types it (a date needs no quotes in a card)
        text += f" Bijvoorbeeld: {field.kind.typed(field, field.example)}"
    lines = _comment(text, indent)
    if field.vocabulary_field is not None:
        lines += _choices(field.vocabulary_field, taxonomy, indent, many=field.kind.is_list)
    return lines


class _CardWriter:
    def __init__(self, taxonomy: Taxonomy, prefilled: dict[tuple, str]) -> None:
        self.taxonomy = taxonomy
        self.prefilled = prefilled  # field path -> value already known, as YAML

    def field(self, field: Field, indent: str, prefix: str = "", path: tuple = ()) -> list[str]:
        """The explanation and the YAML of one field; optional groups and lists switched off."""
        path = path + (field.name,)
        switched_off = not field.required and (field.kind.is_mapping or field.kind.is_list)
        comment_indent = indent + ("" if prefix in ("", "- ") else prefix)  # above the key it explains
        lines = _explanation(field, self.taxonomy, comment_indent, switched_off)
        block = self._yaml(field, indent, prefix, path)
        if switched_off:
            block = [f"{indent}# {line[len(indent):]}" for line in block]
        return lines + block

    def _yaml(self, field: Field, indent: str, prefix: str, path: tuple) -> list[str]:
        head = f"{indent}{prefix}{field.name}:"
        inner = indent + " " * len(prefix) + "  "
        if field.kind.is_mapping:
            return [head] + [line for child in field.fields for line in self.field(child, inner, path=path)]
        if field.holds_groups:
            lines = [head]
            for index, child in enumerate(field.item.fields):
                lines += self.field(child, inner, "- " if index == 0 else "  ", path + (0,))
            return lines
        if field.kind.is_list:
            return [f"{head} [{PLACEHOLDER}]"]
        return [f"{head} {self.prefilled.get(path, PLACEHOLDER)}"]


def scaffold_card(title: str | None, taxonomy: Taxonomy, today: dt.date | None,
                  path: str = "practices/<naam>.md") -> str:
    """The text of a new card named ``title``, reviewed ``today``, with every field and heading.

    Without a title or date (the template for people who edit on GitHub's website)
    those are placeholders too.
    """
    prefilled = {}
    if title is not None:
        prefilled[("title",)] = yaml_value(title)
    if today is not None:
        prefilled[("last_reviewed",)] = today.isoformat()
    writer = _CardWriter(taxonomy, prefilled)
    front = [line for part in INTRO.format(path=path).split("\n") for line in _comment(part, "")]
    for field in PRACTICE.fields:
        front += [""] + writer.field(field, "")
    body = [f"## {h.title}\n\n{PLACEHOLDER}: {h.description}\n" for h in HEADINGS]
    return "---\n" + "\n".join(front) + "\n---\n\n" + "\n".join(body)
