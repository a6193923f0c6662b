"""The controlled vocabularies of ``taxonomy.yml``: keys in cards, labels on the site."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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
)


class TaxonomyError(Exception):
    """taxonomy.yml itself is broken: a maintainer's error, reported in Dutch."""


@dataclass(frozen=True)
class Vocabulary:
    name: str
    label: str
    plural: str
    values: dict[str, str]  # key -> Dutch label, in the order of taxonomy.yml

    def label_of(self, key: str) -> str:
        return self.values.get(key, key)

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
            )
        return cls(vocabularies)


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
