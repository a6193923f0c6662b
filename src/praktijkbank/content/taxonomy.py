"""The controlled vocabularies of ``taxonomy.yml``: keys in cards, labels on the site."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .yaml_tree import safe_load

# The vocabularies the schema refers to; taxonomy.yml must define each of them.
REQUIRED_VOCABULARIES = (
    "scope",
    "provinces",
    "themes",
    "target_groups",
    "partner_roles",
    "status",
    "evidence",
    "figure_kinds",
)


class TaxonomyError(Exception):
    """taxonomy.yml itself is broken: a maintainer's error, reported in Dutch."""


@dataclass(frozen=True)
class Vocabulary:
    name: str
    label: str
    plural: str
    values: dict[str, str]  # key -> Dutch label, in the order of taxonomy.yml
    # Old key -> the key it is now: still accepted in a card, which then gets the new key.
    renamed: dict[str, str] = field(default_factory=dict)
    # Key -> a one-line Dutch explanation, where taxonomy.yml gives one.
    descriptions: dict[str, str] = field(default_factory=dict)
    # Key -> a short label for tight places (a badge in a list), where taxonomy.yml gives one.
    short: dict[str, str] = field(default_factory=dict)

    def current(self, key: str) -> str:
        """The key as it is now called (an old, renamed key gives its new key)."""
        return self.renamed.get(key, key)

    def label_of(self, key: str) -> str:
        key = self.current(key)
        return self.values.get(key, key)

    def short_label_of(self, key: str) -> str:
        """The short label (``short:`` in taxonomy.yml), else the label."""
        key = self.current(key)
        return self.short.get(key) or self.label_of(key)

    def allowed_text(self, limit: int = 20) -> str:
        keys = list(self.values)
        shown = ", ".join(keys[:limit])
        if len(keys) > limit:
            shown += f", … ({len(keys)} in totaal, zie taxonomy.yml)"
        return "toegestaan: " + shown


@dataclass(frozen=True)
class Taxonomy:
    vocabularies: dict[str, Vocabulary]

    def __getitem__(self, name: str) -> Vocabulary:
        return self.vocabularies[name]

    @classmethod
    def from_mapping(cls, data: object, source: str = "taxonomy.yml") -> "Taxonomy":
        if not isinstance(data, dict):
            raise TaxonomyError(f"{source}: het bestand moet een lijst van woordenlijsten bevatten")
        vocabularies = {}
        for name in REQUIRED_VOCABULARIES:
            entry = data.get(name)
            if not isinstance(entry, dict) or not isinstance(entry.get("values"), dict):
                raise TaxonomyError(
                    f"{source}: woordenlijst '{name}' ontbreekt of heeft geen 'values'"
                )
            values = {str(k): str(v) for k, v in entry["values"].items()}
            if not values:
                raise TaxonomyError(f"{source}: woordenlijst '{name}' is leeg")
            vocabularies[name] = Vocabulary(
                name=name,
                label=str(entry.get("label", name)),
                plural=str(entry.get("plural", entry.get("label", name))),
                values=values,
                renamed=_renamed(entry.get("renamed"), name, values, source),
                descriptions=_per_value(entry.get("descriptions"), name, values, source, "descriptions", "uitleg"),
                short=_per_value(entry.get("short"), name, values, source, "short", "kort label"),
            )
        return cls(vocabularies)


def _renamed(data: object, name: str, values: dict[str, str], source: str) -> dict[str, str]:
    """``renamed:`` of a vocabulary: old key -> new key, the new one a current value, the old one not."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise TaxonomyError(f"{source}: 'renamed' van woordenlijst '{name}' moet 'oud: nieuw' per regel zijn")
    renamed = {str(old): str(new) for old, new in data.items()}
    for old, new in renamed.items():
        if new not in values:
            raise TaxonomyError(f"{source}: woordenlijst '{name}': '{old}' heet nu '{new}', "
                                f"maar '{new}' staat niet onder 'values'")
        if old in values:
            raise TaxonomyError(f"{source}: woordenlijst '{name}': '{old}' staat onder 'values' én onder "
                                "'renamed'; haal hem weg onder 'values'")
    return renamed


def _per_value(data: object, name: str, values: dict[str, str], source: str,
               field: str, what: str) -> dict[str, str]:
    """A mapping ``field:`` of a vocabulary (``descriptions``: one line of explanation; ``short``: a
    short label): key -> ``what``, for current keys only, whitespace folded."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise TaxonomyError(f"{source}: '{field}' van woordenlijst '{name}' moet 'sleutel: {what}' "
                            "per regel zijn")
    texts = {str(key): " ".join(str(text).split()) for key, text in data.items()}
    for key in texts:
        if key not in values:
            raise TaxonomyError(f"{source}: woordenlijst '{name}': {what} bij '{key}', "
                                "maar die waarde staat niet onder 'values'")
    return texts


def load_taxonomy(path: Path) -> Taxonomy:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise TaxonomyError(f"{path}: kan het bestand niet lezen ({exc.strerror})") from exc
    try:
        data = safe_load(text)
    except yaml.YAMLError as exc:
        raise TaxonomyError(f"{path}: geen geldige YAML ({exc})") from exc
    return Taxonomy.from_mapping(data, str(path))


# Where a value of a vocabulary has no card yet, the site says so and asks for one.
NO_CARD_YET = "Nog geen praktijk met dit kenmerk — kent u er een? Meld het aan."

# The vocabularies a reader browses by, each with what a card has of it.
_BROWSED: dict[str, Callable[[Any], Iterable[str]]] = {
    "themes": lambda practice: practice.themes,
    "target_groups": lambda practice: practice.target_groups,
    "partner_roles": lambda practice: (partner.role for partner in practice.partners),
}


def empty_values(practices: Iterable[Any], taxonomy: Taxonomy) -> dict[str, list[str]]:
    """For themes, target groups and partner roles: the keys no card has, in the order of taxonomy.yml.

    ``practices`` are ``Practice`` models (the valid cards); every vocabulary is in the result, an
    empty list where each value has a card.
    """
    practices = list(practices)
    empty = {}
    for name, values_of in _BROWSED.items():
        used = {key for practice in practices for key in values_of(practice)}
        empty[name] = [key for key in taxonomy[name].values if key not in used]
    return empty
