"""Checking plain front matter values against the schema, every problem collected.

``check_fields`` returns the cleaned values (dates as ``date``, numbers as
``float``) for what is valid, and ``INVALID`` where a value cannot be used;
problems go to the document's log with the line of the offending field.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, NamedTuple
from urllib.parse import urlsplit

from .documents import Document
from .localtime import EXAMPLE as LOCAL_EXAMPLE, LocalTimeError, parse_local
from .problems import ProblemLog
from .schema import BOOLEAN, DATE, DATETIME, INTEGER, LIST, MAPPING, NUMBER, SLUG, TEXT, URL, VOCAB, YEAR, Field
from .suggest import closest
from .taxonomy import Taxonomy
from .yaml_tree import REFUSED, FieldPath, field_name

INVALID = object()
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL_PATTERN = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$", re.IGNORECASE)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def dutch_type(value: Any) -> str:
    if value is None:
        return "leeg"
    if isinstance(value, bool):
        return "een ja/nee-waarde"
    if isinstance(value, (int, float)):
        return "een getal"
    if isinstance(value, dt.datetime):
        return "een datum met tijd"
    if isinstance(value, dt.date):
        return "een datum"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een groep velden"
    return "tekst"


_EXPECTED = {
    TEXT: "tekst",
    URL: "een webadres (tekst)",
    VOCAB: "één waarde uit de woordenlijst",
    SLUG: "de naam van een kaart",
    YEAR: "een jaartal, zoals 2016",
    DATE: "een datum (JJJJ-MM-DD)",
    NUMBER: "een getal",
    MAPPING: "een groep velden ('naam: waarde' op de regels eronder)",
    LIST: "een lijst (regels die beginnen met '- ', of [a, b])",
    DATETIME: "een datum met tijd (JJJJ-MM-DDTUU:MM)",
    BOOLEAN: "true of false",
    INTEGER: "een heel getal",
}


class FieldChecker:
    def __init__(self, doc: Document, log: ProblemLog, taxonomy: Taxonomy, today: dt.date) -> None:
        self.doc = doc
        self.log = log
        self.taxonomy = taxonomy
        self.today = today

    def problem(self, path: FieldPath, message: str, allowed: str = "", suggestion: str = "") -> None:
        self.log.add(self.doc.line_of(path), field_name(path), message, allowed, suggestion)

    def check(self, spec: Field, value: Any, path: FieldPath) -> Any:
        if value is REFUSED:  # already reported where it was read
            return INVALID
        if spec.kind == MAPPING:
            return self._mapping(spec, value, path)
        if spec.kind == LIST:
            return self._list(spec, value, path)
        return self._scalar(spec, value, path)

    # -- containers -------------------------------------------------------
    def _mapping(self, spec: Field, value: Any, path: FieldPath) -> Any:
        if not isinstance(value, dict):
            self.problem(path, f"moet {_EXPECTED[MAPPING]} zijn, maar is {dutch_type(value)}")
            return INVALID
        known, known_set = _field_names(spec)
        result: dict[str, Any] = {}
        if not known_set.issuperset(value):
            for key in value:
                if key not in known_set:
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
                    self.log.add(
                        self.doc.line_of(child_path),
                        field_name(child_path),
                        f"verplicht veld {where}",
                        child.description.rstrip("."),
                    )
                    result[child.name] = INVALID
                continue
            result[child.name] = self.check(child, item, path + (child.name,))
        return result

    def _list(self, spec: Field, value: Any, path: FieldPath) -> Any:
        if not isinstance(value, list):
            if spec.item and spec.item.kind in (TEXT, VOCAB, SLUG) and isinstance(value, str):
                self.problem(path, f"moet {_EXPECTED[LIST]} zijn, maar is één tekst",
                             f"schrijf [{value}]")
            else:
                self.problem(path, f"moet {_EXPECTED[LIST]} zijn, maar is {dutch_type(value)}")
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

    # -- scalars ----------------------------------------------------------
    def _scalar(self, spec: Field, value: Any, path: FieldPath) -> Any:
        if spec.kind not in _TEXT_KINDS:  # one test for the many texts of a card
            if spec.kind == YEAR:
                return self._year(spec, value, path)
            if spec.kind == DATE:
                return self._date(value, path)
            if spec.kind == NUMBER:
                return self._number(spec, value, path)
            if spec.kind == DATETIME:
                return self._local_time(value, path)
            if spec.kind == BOOLEAN:
                return self._boolean(value, path)
            if spec.kind == INTEGER:
                return self._integer(spec, value, path)
        if not isinstance(value, str):
            hint = "zet de waarde tussen aanhalingstekens" if isinstance(value, (int, float, bool, dt.date)) else ""
            self.problem(path, f"moet {_EXPECTED[spec.kind]} zijn, maar is {dutch_type(value)}", hint)
            return INVALID
        text = value.strip()
        if spec.max_length and len(text) > spec.max_length:
            self.problem(path, f"is te lang ({len(text)} tekens)", f"hoogstens {spec.max_length} tekens")
            return INVALID
        if spec.kind == URL:
            return self._url(text, path)
        if spec.kind == VOCAB:
            return self._vocab(spec, text, path)
        if spec.kind == SLUG and not SLUG_PATTERN.match(text):
            self.problem(path, f"'{text}' is geen kaartnaam",
                         "kleine letters, cijfers en streepjes, zonder .md")
            return INVALID
        return text

    def _url(self, text: str, path: FieldPath) -> Any:
        if not URL_PATTERN.match(text):
            if re.match(r"^[a-z][a-z0-9+.-]*:", text, re.IGNORECASE) and not text.lower().startswith("http"):
                message = f"'{text}' is geen webadres; alleen http- en https-adressen zijn toegestaan"
            else:
                message = f"'{text}' is geen volledig webadres"
            self.problem(path, message, "begin met https:// of http://, zonder spaties")
            return INVALID
        if "…" in text:
            self.problem(path, "het adres is afgekapt (bevat '…')", "gebruik het volledige adres")
            return INVALID
        return text

    def _vocab(self, spec: Field, text: str, path: FieldPath) -> Any:
        vocabulary = self.taxonomy[spec.vocabulary]
        if text in vocabulary.values:
            return text
        if text in vocabulary.renamed:  # an old key still works; the card gets the new one
            new = vocabulary.renamed[text]
            self.log.warn(self.doc.line_of(path), field_name(path), f"'{text}' heet nu '{new}'",
                          f"schrijf '{new}'; de oude waarde werkt nog, maar verdwijnt later")
            return new
        self.problem(
            path,
            f"'{text}' staat niet in de woordenlijst '{vocabulary.plural.lower()}'",
            vocabulary.allowed_text(),
            closest(text, vocabulary.values),
        )
        return INVALID

    def _year(self, spec: Field, value: Any, path: FieldPath) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(path, f"moet {_EXPECTED[YEAR]} zijn, maar is {dutch_type(value)}")
            return INVALID
        if value > self.today.year and not spec.future:
            self.problem(path, f"{value} ligt in de toekomst", f"uiterlijk {self.today.year}")
            return INVALID
        if spec.minimum is not None and value < spec.minimum:
            self.problem(path, f"{value} is geen aannemelijk jaartal", f"vanaf {int(spec.minimum)}")
            return INVALID
        return value

    def _date(self, value: Any, path: FieldPath) -> Any:
        if isinstance(value, dt.datetime):
            self.problem(path, "moet een datum zijn zonder tijd", "schrijf JJJJ-MM-DD")
            return INVALID
        if isinstance(value, str) and ISO_DATE.match(value.strip()):
            try:
                value = dt.date.fromisoformat(value.strip())
            except ValueError:
                self.problem(path, f"'{value}' is geen bestaande datum", "schrijf JJJJ-MM-DD, bijvoorbeeld 2024-05-01")
                return INVALID
        if not isinstance(value, dt.date):
            shown = f"'{value}'" if isinstance(value, str) else dutch_type(value)
            self.problem(path, f"{shown} is geen geldige datum", "schrijf JJJJ-MM-DD, bijvoorbeeld 2024-05-01")
            return INVALID
        if value > self.today:
            self.problem(path, f"{value.isoformat()} ligt in de toekomst",
                         f"uiterlijk vandaag, {self.today.isoformat()}")
            return INVALID
        return value

    def _local_time(self, value: Any, path: FieldPath) -> Any:
        """A Dutch wall-clock time (naive ``datetime``) or a bare ``date``; which one a field
        needs is a rule of the document (a webinar without a known time has only a date)."""
        if not isinstance(value, (str, dt.date)):  # '14:30' alone is a number to YAML 1.1
            self.problem(path, f"moet {_EXPECTED[DATETIME]} zijn, maar is {dutch_type(value)}", LOCAL_EXAMPLE)
            return INVALID
        try:
            return parse_local(value)
        except LocalTimeError as error:
            self.problem(path, error.message, error.allowed)
            return INVALID

    def _boolean(self, value: Any, path: FieldPath) -> Any:
        if not isinstance(value, bool):
            shown = f"'{value}'" if isinstance(value, str) else dutch_type(value)
            self.problem(path, f"moet {_EXPECTED[BOOLEAN]} zijn, maar is {shown}", "schrijf true of false, zonder aanhalingstekens")
            return INVALID
        return value

    def _number(self, spec: Field, value: Any, path: FieldPath) -> Any:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(path, f"moet {_EXPECTED[NUMBER]} zijn, maar is {dutch_type(value)}",
                         "gebruik een punt als decimaalteken, zoals 51.76")
            return INVALID
        number = float(value)
        if (spec.minimum is not None and number < spec.minimum) or (
            spec.maximum is not None and number > spec.maximum
        ):
            message = f"{value} {spec.range_message or 'valt buiten het bereik'}"
            self.problem(path, message, _range_text(spec))
            return INVALID
        return number

    def _integer(self, spec: Field, value: Any, path: FieldPath) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            hint = "zonder aanhalingstekens" if isinstance(value, str) and value.strip().isdigit() else ""
            self.problem(path, f"moet {_EXPECTED[INTEGER]} zijn, maar is {dutch_type(value)}", hint)
            return INVALID
        if (spec.minimum is not None and value < spec.minimum) or (
            spec.maximum is not None and value > spec.maximum
        ):
            self.problem(path, f"{value} {spec.range_message or 'valt buiten het bereik'}", _range_text(spec))
            return INVALID
        return value


def _range_text(spec: Field) -> str:
    def shown(number: float) -> str:
        return str(int(number)) if float(number).is_integer() else str(number)

    if spec.maximum is None:
        return f"{shown(spec.minimum)} of meer"
    if spec.minimum is None:
        return f"hoogstens {shown(spec.maximum)}"
    return f"tussen {spec.minimum} en {spec.maximum}"


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
# Kinds checked as text: every kind but these goes through a check of its own first.
_TEXT_KINDS = frozenset((TEXT, URL, VOCAB, SLUG))
_NAMES: dict[int, tuple[Field, list[str], frozenset[str]]] = {}


def _field_names(spec: Field) -> tuple[list[str], frozenset[str]]:
    """The names of a mapping's fields, in order and as a set; worked out once per schema field."""
    known = _NAMES.get(id(spec))
    if known is None or known[0] is not spec:  # the Field kept alongside: an id is only unique while it lives
        known = _NAMES[id(spec)] = (spec, [f.name for f in spec.fields], frozenset(f.name for f in spec.fields))
    return known[1], known[2]
