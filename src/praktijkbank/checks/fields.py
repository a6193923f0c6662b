"""Checking plain front matter values against the schema, every problem collected.

``FieldChecker.check`` returns the cleaned values (dates as ``date``, numbers as
``float``) for what is valid, and ``INVALID`` where a value cannot be used;
problems go to the document's log with the line of the offending field. It walks
groups and lists; each single value is checked by its kind (field_kinds.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from ..content.reading import Document
from ..content.field_kinds import INVALID, SLUG_PATTERN, URL_PATTERN, dutch_type  # noqa: F401 (SLUG_PATTERN: imported from here)
from .problems import ProblemLog
from ..content.schema import Field
from .did_you_mean import closest
from .field_labels import describe
from ..content.taxonomy import Taxonomy, Vocabulary
from ..content.yaml_tree import REFUSED, FieldPath, field_name


def field_label(path: FieldPath) -> str:
    """A field as messages name it: 'Provincie (place.province)' (see field_labels.py)."""
    return describe(field_name(path))


class FieldChecker:
    def __init__(self, doc: Document, log: ProblemLog, taxonomy: Taxonomy, today: dt.date) -> None:
        self.doc = doc
        self.log = log
        self.taxonomy = taxonomy
        self.today = today

    def problem(self, path: FieldPath, message: str, allowed: str = "", suggestion: str = "") -> None:
        self.log.add(self.doc.line_of(path), field_name(path), message, allowed, suggestion)

    def warning(self, path: FieldPath, message: str, allowed: str) -> None:
        self.log.warn(self.doc.line_of(path), field_name(path), message, allowed)

    def check(self, spec: Field, value: Any, path: FieldPath) -> Any:
        """The value cleaned (dates as ``date``, numbers as ``float``), or INVALID; its kind checks a
        single value (field_kinds.py), groups and lists are walked here."""
        if value is REFUSED:  # already reported where it was read
            return INVALID
        if spec.kind.is_mapping:
            return self._mapping(spec, value, path)
        if spec.kind.is_list:
            return self._list(spec, value, path)
        if spec.kind.from_vocabulary and isinstance(value, str):
            value = self._vocabulary_key(spec, value, path)
        return spec.kind.check(self, spec, value, path)

    def _vocabulary_key(self, spec: Field, value: str, path: FieldPath) -> str:
        """A vocabulary value written with other capitals or spaces around it ('Lopend', ' ouderen ')
        is its key, with a warning that says how to write it; anything else is returned as it is."""
        key = canonical_key(self.taxonomy[spec.vocabulary], value)
        if key is None or key == value:
            return value
        vocabulary = self.taxonomy[spec.vocabulary]
        if key in vocabulary.renamed:  # an old key in other capitals: the kind's check warns about the new name
            return key
        self.warning(path, f"'{value}' staat in de woordenlijst als '{key}'",
                     f"schrijf '{key}'; praktijkbank check --herstel doet dat voor u")
        return key

    # -- containers -------------------------------------------------------
    def _mapping(self, spec: Field, value: Any, path: FieldPath) -> Any:
        if not isinstance(value, dict):
            self.problem(path, f"moet {spec.kind.expected} zijn, maar is {dutch_type(value)}")
            return INVALID
        known = [f.name for f in spec.fields]
        result: dict[str, Any] = {}
        for key in value:
            if key not in known:
                self.problem(
                    path + (key,),
                    "onbekend veld",
                    "toegestaan: " + ", ".join(known),
                    closest(key, known),
                )
        for child in spec.fields:
            item = value.get(child.name, _ABSENT)
            if item is _ABSENT or _is_empty(item):
                if child.required:
                    child_path = path + (child.name,)
                    where = "ontbreekt" if item is _ABSENT else "is leeg"
                    help_text = child.description.rstrip(".")
                    if item is _ABSENT and not path and child.holds_groups:
                        help_text += ". Plak dit in de kop en vul het in:\n" + paste_snippet(child)
                    self.log.add(
                        self.doc.line_of(child_path),
                        field_name(child_path),
                        f"verplicht veld {where}",
                        help_text,
                    )
                    result[child.name] = INVALID
                continue
            result[child.name] = self.check(child, item, path + (child.name,))
        return result

    def _list(self, spec: Field, value: Any, path: FieldPath) -> Any:
        if not isinstance(value, list):
            if spec.item and spec.item.kind.is_text and isinstance(value, str):
                self.problem(path, f"moet {spec.kind.expected} zijn, maar is één tekst",
                             f"schrijf [{value}]")
            else:
                self.problem(path, f"moet {spec.kind.expected} zijn, maar is {dutch_type(value)}")
            return INVALID
        if len(value) < spec.min_items:
            self.problem(path, f"moet minstens {spec.min_items} waarde(n) bevatten")
        items = []
        seen: set = set()
        for index, item in enumerate(value):
            item_path = path + (index,)
            checked = self.check(spec.item, item, item_path)
            if checked is INVALID:
                continue
            if isinstance(checked, str):
                if checked in seen:
                    self.problem(item_path, f"'{checked}' staat twee keer in de lijst", "elke waarde één keer")
                    continue
                seen.add(checked)
            items.append(checked)
        return items


def canonical_key(vocabulary: Vocabulary, value: str) -> str | None:
    """The key (current or renamed) that ``value`` is, written without regard to capitals or spaces
    around it; None when it is none of them (a near-miss is the kind's check to report)."""
    if value in vocabulary.values or value in vocabulary.renamed:
        return value
    folded = value.strip().casefold()
    for key in (*vocabulary.values, *vocabulary.renamed):
        if key.casefold() == folded:
            return key
    return None


def paste_snippet(spec: Field) -> str:
    """A block to paste for a missing list of groups (``sources``): one entry with every field of a
    group to fill in, optional ones too, each ``INVULLEN`` (which the check reports until it is filled)."""
    from .placeholders import PLACEHOLDER

    fields = [f for f in spec.item.fields if f.kind.name != "boolean"]
    lines = [f"{spec.name}:"]
    for index, child in enumerate(fields):
        lines.append(("  - " if index == 0 else "    ") + f"{child.name}: {PLACEHOLDER}")
    return "\n".join(lines)


class SourceWarning(NamedTuple):
    """Something to look at in one source: the card still works (a warning, never an error)."""

    field: str  # the field of the source it is about: 'url' or 'date'
    message: str
    allowed: str
    reason: str  # in a few words, for a list of sources to look at (the page "Te herzien")


def is_home_page(url: str) -> bool:
    """A bare address of a website (https://trimbos.nl or https://trimbos.nl/): no page, no query."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return bool(parts.netloc) and parts.path in ("", "/") and not parts.query


def source_warnings(url: Any, date: Any) -> list[SourceWarning]:
    """What ``check`` warns about in a source with this ``url`` and ``date`` (None when it has none).

    One rule for the check and for the page "Te herzien", which lists the cards that have them.
    """
    found = []
    if isinstance(url, str) and URL_PATTERN.match(url.strip()) and is_home_page(url):
        found.append(SourceWarning("url", f"'{url.strip()}' is de voorpagina van een website, niet de pagina "
                                   "met het feit", "geef het adres van de pagina waar het feit staat",
                                   "het adres is de voorpagina van een website"))
    if date is None or (isinstance(date, str) and not date.strip()):
        found.append(SourceWarning("date", "de bron heeft geen datum",
                                   "zet date: JJJJ-MM-DD erbij als de pagina een datum noemt", "geen datum"))
    return found


def _is_empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, (list, dict)) and not value


_ABSENT = object()  # a field not in the front matter at all
