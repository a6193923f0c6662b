"""The kinds of field a schema declares, each with all the tools need to know about it.

This is the one registry of field kinds. The check, the JSON Schema, the pages
"Open data" and "Velden van een kaart", the blank card, the issue form and the
open data exports ask a field's kind (``field.kind.expected``,
``field.kind.json_schema(field, taxonomy)``, ``field.kind.check(...)``) instead
of comparing it with a list of kinds, so a new kind of value is one entry at the
bottom of this module, not an edit in each of them.

Groups (``MAPPING``) and lists (``LIST``) hold other fields. The tools walk into
them themselves (``kind.is_mapping``, ``kind.is_list``): that walk is the shape of
every document and derived file, so they keep it; their words and messages live here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from .localtime import _LOCAL as LOCAL_TIME  # the one pattern of a Dutch local time or date
from .localtime import EXAMPLE as LOCAL_EXAMPLE, LocalTimeError, parse_local
from ..checks.did_you_mean import closest

if TYPE_CHECKING:
    from .schema import Field
    from .taxonomy import Taxonomy
    from .yaml_tree import FieldPath

INVALID = object()  # what a check returns for a value it reported and that cannot be used
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
URL_PATTERN = re.compile(r"^https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$", re.IGNORECASE)
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Checker(Protocol):
    """What a kind's check needs of the checker of a document (``validate.FieldChecker``)."""

    taxonomy: Taxonomy
    today: dt.date

    def problem(self, path: FieldPath, message: str, allowed: str = "", suggestion: str = "") -> None: ...

    def warning(self, path: FieldPath, message: str, allowed: str) -> None: ...


Check = Callable[[Checker, "Field", Any, "FieldPath"], Any]
JsonSchema = Callable[["Field", "Taxonomy"], dict[str, Any]]


def _keep(value: Any) -> Any:
    return value


def _read(value: Any) -> Any:
    return None if value is None or value == "" else value


def _typed(field: Field, value: Any) -> str:
    return str(value)


def _form_text(field: Field, value: Any, taxonomy: Taxonomy) -> str:
    return str(value)


@dataclass(frozen=True, eq=False)
class Kind:
    """One kind of field. Every field of ``schema.py`` has one; compare kinds by identity, or better, not at all."""

    name: str  # in code and in messages for developers: 'text', 'year', ...
    expected: str  # Dutch, what the check says a value must be: "moet {expected} zijn"
    word: str  # Dutch, the kind in the table of fields on the page "Open data"
    # The value cleaned (a date as ``date``, a number as ``float``), or INVALID after reporting it.
    # None for groups and lists, which the checker walks into.
    check: Check | None = None
    # The JSON Schema of one value, without title or description; None for groups and lists.
    json_schema: JsonSchema | None = None
    # Open data: the JSON-ready value of a model's value (not None), and back (absent: None or "").
    dump: Callable[[Any], Any] = _keep
    load: Callable[[Any], Any] = _read
    # A value as a person types it in a card (the examples of the blank card and of "Velden van een kaart").
    typed: Callable[[Field, Any], str] = _typed
    # A value as a person types it in the issue form (the form's examples).
    form_text: Callable[[Field, Any, Taxonomy], str] = _form_text
    form_answer: str = ""  # how to answer it on a line of the issue form, if not in words ("ja of nee")
    describe_with: Callable[[Field, Taxonomy], str] | None = None  # a ``word`` that needs the field
    # Checked as text: has a length limit, is once at most in a list, and one text where a list
    # belongs gets the advice to write [text].
    is_text: bool = False
    from_vocabulary: bool = False  # a key from a vocabulary of taxonomy.yml (``field.vocabulary``)
    is_list: bool = False  # holds ``field.item``, many times
    is_mapping: bool = False  # holds ``field.fields``

    def describe(self, field: Field, taxonomy: Taxonomy) -> str:
        """The kind of the field in Dutch words, for the documentation of the open data."""
        return self.describe_with(field, taxonomy) if self.describe_with else self.word

    def __repr__(self) -> str:
        return f"Kind({self.name!r})"


# --- what the check says a value is ----------------------------------------------


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


def _range_text(spec: Field) -> str:
    def shown(number: float) -> str:
        return str(int(number)) if float(number).is_integer() else str(number)

    if spec.maximum is None:
        return f"{shown(spec.minimum)} of meer"
    if spec.minimum is None:
        return f"hoogstens {shown(spec.maximum)}"
    return f"tussen {spec.minimum} en {spec.maximum}"


# --- the checks of single values ---------------------------------------------------


def _as_text(checker: Checker, spec: Field, value: Any, path: FieldPath) -> Any:
    """The stripped text of a kind checked as text, or INVALID (not a text, or too long)."""
    if not isinstance(value, str):
        hint = "zet de waarde tussen aanhalingstekens" if isinstance(value, (int, float, bool, dt.date)) else ""
        checker.problem(path, f"moet {spec.kind.expected} zijn, maar is {dutch_type(value)}", hint)
        return INVALID
    text = value.strip()
    if spec.max_length and len(text) > spec.max_length:
        checker.problem(path, f"is te lang ({len(text)} tekens)", f"hoogstens {spec.max_length} tekens")
        return INVALID
    return text


def _check_url(checker: Checker, spec: Field, value: Any, path: FieldPath) -> Any:
    text = _as_text(checker, spec, value, path)
    if text is INVALID:
        return INVALID
    if not URL_PATTERN.match(text):
        if re.match(r"^[a-z][a-z0-9+.-]*:", text, re.IGNORECASE) and not text.lower().startswith("http"):
            message = f"'{text}' is geen webadres; alleen http- en https-adressen zijn toegestaan"
        else:
            message = f"'{text}' is geen volledig webadres"
        checker.problem(path, message, "begin met https:// of http://, zonder spaties")
        return INVALID
    if "…" in text:
        checker.problem(path, "het adres is afgekapt (bevat '…')", "gebruik het volledige adres")
        return INVALID
    return text


def _check_vocab(checker: Checker, spec: Field, value: Any, path: FieldPath) -> Any:
    text = _as_text(checker, spec, value, path)
    if text is INVALID:
        return INVALID
    vocabulary = checker.taxonomy[spec.vocabulary]
    if text in vocabulary.values:
        return text
    if text in vocabulary.renamed:  # an old key still works; the card gets the new one
        new = vocabulary.renamed[text]
        checker.warning(path, f"'{text}' heet nu '{new}'",
                        f"schrijf '{new}'; de oude waarde werkt nog, maar verdwijnt later")
        return new
    checker.problem(
        path,
        f"'{text}' staat niet in de woordenlijst '{vocabulary.plural.lower()}'",
        vocabulary.allowed_text(),
        closest(text, vocabulary.values),
    )
    return INVALID


def _check_slug(checker: Checker, spec: Field, value: Any, path: FieldPath) -> Any:
    text = _as_text(checker, spec, value, path)
    if text is not INVALID and not SLUG_PATTERN.match(text):
        checker.problem(path, f"'{text}' is geen kaartnaam", "kleine letters, cijfers en streepjes, zonder .md")
        return INVALID
    return text


def _check_year(checker: Checker, spec: Field, value: Any, path: FieldPath) -> Any:
    if isinstance(value, bool) or not isinstance(value, int):
        checker.problem(path, f"moet {spec.kind.expected} zijn, maar is {dutch_type(value)}")
        return INVALID
    if value > checker.today.year and not spec.future:
        checker.problem(path, f"{value} ligt in de toekomst", f"uiterlijk {checker.today.year}")
        return INVALID
    if spec.minimum is not None and value < spec.minimum:
        checker.problem(path, f"{value} is geen aannemelijk jaartal", f"vanaf {int(spec.minimum)}")
        return INVALID
    return value


def _check_date(checker: Checker, spec: Field, value: Any, path: FieldPath) -> Any:
    if isinstance(value, dt.datetime):
        checker.problem(path, "moet een datum zijn zonder tijd", "schrijf JJJJ-MM-DD")
        return INVALID
    if isinstance(value, str) and ISO_DATE.match(value.strip()):
        try:
            value = dt.date.fromisoformat(value.strip())
        except ValueError:
            checker.problem(path, f"'{value}' is geen bestaande datum", "schrijf JJJJ-MM-DD, bijvoorbeeld 2024-05-01")
            return INVALID
    if not isinstance(value, dt.date):
        shown = f"'{value}'" if isinstance(value, str) else dutch_type(value)
        checker.problem(path, f"{shown} is geen geldige datum", "schrijf JJJJ-MM-DD, bijvoorbeeld 2024-05-01")
        return INVALID
    if value > checker.today:
        checker.problem(path, f"{value.isoformat()} ligt in de toekomst",
                        f"uiterlijk vandaag, {checker.today.isoformat()}")
        return INVALID
    return value


def _check_local_time(checker: Checker, spec: Field, value: Any, path: FieldPath) -> Any:
    """A Dutch wall-clock time (naive ``datetime``) or a bare ``date``; which one a field
    needs is a rule of the document (a webinar without a known time has only a date)."""
    if not isinstance(value, (str, dt.date)):  # '14:30' alone is a number to YAML 1.1
        checker.problem(path, f"moet {spec.kind.expected} zijn, maar is {dutch_type(value)}", LOCAL_EXAMPLE)
        return INVALID
    try:
        return parse_local(value)
    except LocalTimeError as error:
        checker.problem(path, error.message, error.allowed)
        return INVALID


def _check_boolean(checker: Checker, spec: Field, value: Any, path: FieldPath) -> Any:
    if not isinstance(value, bool):
        shown = f"'{value}'" if isinstance(value, str) else dutch_type(value)
        checker.problem(path, f"moet {spec.kind.expected} zijn, maar is {shown}",
                        "schrijf true of false, zonder aanhalingstekens")
        return INVALID
    return value


def _check_number(checker: Checker, spec: Field, value: Any, path: FieldPath) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        checker.problem(path, f"moet {spec.kind.expected} zijn, maar is {dutch_type(value)}",
                        "gebruik een punt als decimaalteken, zoals 51.76")
        return INVALID
    number = float(value)
    if (spec.minimum is not None and number < spec.minimum) or (
        spec.maximum is not None and number > spec.maximum
    ):
        message = f"{value} {spec.range_message or 'valt buiten het bereik'}"
        checker.problem(path, message, _range_text(spec))
        return INVALID
    return number


def _check_integer(checker: Checker, spec: Field, value: Any, path: FieldPath) -> Any:
    if isinstance(value, bool) or not isinstance(value, int):
        hint = "zonder aanhalingstekens" if isinstance(value, str) and value.strip().isdigit() else ""
        checker.problem(path, f"moet {spec.kind.expected} zijn, maar is {dutch_type(value)}", hint)
        return INVALID
    if (spec.minimum is not None and value < spec.minimum) or (
        spec.maximum is not None and value > spec.maximum
    ):
        checker.problem(path, f"{value} {spec.range_message or 'valt buiten het bereik'}", _range_text(spec))
        return INVALID
    return value


# --- JSON Schema of single values --------------------------------------------------


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


def _fixed(node: dict[str, Any]) -> JsonSchema:
    """The same JSON Schema for every field of a kind (a fresh copy each time)."""
    return lambda field, taxonomy: dict(node)


def _text_schema(field: Field, taxonomy: Taxonomy) -> dict[str, Any]:
    node: dict[str, Any] = {"type": "string", "pattern": r"\S"}
    if field.max_length:
        node["maxLength"] = field.max_length
    return node


def _vocab_schema(field: Field, taxonomy: Taxonomy) -> dict[str, Any]:
    # An old, renamed key still passes, as in the check (which warns).
    vocabulary = taxonomy[field.vocabulary]
    return {"type": "string", "enum": [*vocabulary.values, *vocabulary.renamed]}


def _year_schema(field: Field, taxonomy: Taxonomy) -> dict[str, Any]:
    node: dict[str, Any] = {"type": "integer"}
    if field.minimum is not None:
        node["minimum"] = int(field.minimum)
    return node


def _integer_schema(field: Field, taxonomy: Taxonomy) -> dict[str, Any]:
    node: dict[str, Any] = {"type": "integer"}
    if field.minimum is not None:
        node["minimum"] = int(field.minimum)
    if field.maximum is not None:
        node["maximum"] = int(field.maximum)
    return node


def _number_schema(field: Field, taxonomy: Taxonomy) -> dict[str, Any]:
    node: dict[str, Any] = {"type": "number"}
    if field.minimum is not None:
        node["minimum"] = field.minimum
    if field.maximum is not None:
        node["maximum"] = field.maximum
    return node


# --- open data, examples and words ----------------------------------------------


def _unless_absent(convert: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A value read back from the open data: None where the field was left out (null, or an empty cell)."""
    return lambda value: None if value is None or value == "" else convert(value)


def _load_boolean(value: Any) -> bool:
    # A yes/no that is not there is no: 'research' absent is false.
    return value is True or (isinstance(value, str) and value.strip().lower() == "true")


def _typed_boolean(field: Field, value: Any) -> str:
    return str(value).lower()


def _typed_list(field: Field, value: Any) -> str:
    return "[" + ", ".join(field.item.kind.typed(field.item, item) for item in value) + "]"


def _form_vocab(field: Field, value: Any, taxonomy: Taxonomy) -> str:
    return taxonomy[field.vocabulary].label_of(value)  # the label, as the dropdowns show it


def _form_list(field: Field, value: Any, taxonomy: Taxonomy) -> str:
    return "\n".join(field.item.kind.form_text(field.item, item, taxonomy) for item in value)  # one a line


def _describe_vocab(field: Field, taxonomy: Taxonomy) -> str:
    return f"sleutel uit de woordenlijst '{taxonomy[field.vocabulary].plural}'"


def _describe_list(field: Field, taxonomy: Taxonomy) -> str:
    return "lijst van " + field.item.kind.describe(field.item, taxonomy)


# --- the registry ---------------------------------------------------------------------

TEXT = Kind("text", expected="tekst", word="tekst", check=_as_text, json_schema=_text_schema, is_text=True)
URL = Kind("url", expected="een webadres (tekst)", word="webadres", check=_check_url, is_text=True,
           json_schema=_fixed({"type": "string", "format": "uri", "pattern": ecma_pattern(URL_PATTERN)}))
VOCAB = Kind("vocab", expected="één waarde uit de woordenlijst", word="sleutel uit een woordenlijst",
             describe_with=_describe_vocab, check=_check_vocab, json_schema=_vocab_schema, form_text=_form_vocab,
             is_text=True, from_vocabulary=True)
SLUG = Kind("slug", expected="de naam van een kaart", word="slug",  # 'slug': as the open data page always said
            check=_check_slug, json_schema=_fixed({"type": "string", "pattern": ecma_pattern(SLUG_PATTERN)}),
            is_text=True)
YEAR = Kind("year", expected="een jaartal, zoals 2016", word="jaartal", check=_check_year, json_schema=_year_schema,
            load=_unless_absent(int))
DATE = Kind("date", expected="een datum (JJJJ-MM-DD)", word="datum (JJJJ-MM-DD)", check=_check_date,
            json_schema=_fixed({"type": "string", "format": "date", "pattern": ecma_pattern(ISO_DATE)}),
            dump=dt.date.isoformat, load=_unless_absent(dt.date.fromisoformat))
# A local time in the Netherlands, or only a date (see localtime.py).
DATETIME = Kind("datetime", expected="een datum met tijd (JJJJ-MM-DDTUU:MM)",
                word="datum met tijd (JJJJ-MM-DDTUU:MM) of een datum", check=_check_local_time,
                json_schema=_fixed({"type": "string", "pattern": ecma_pattern(LOCAL_TIME)}))
NUMBER = Kind("number", expected="een getal", word="getal", check=_check_number, json_schema=_number_schema,
              load=_unless_absent(float))
# A whole number (such as the number of a source in the card's list).
INTEGER = Kind("integer", expected="een heel getal", word="heel getal", check=_check_integer,
               json_schema=_integer_schema, load=_unless_absent(int))
# A yes/no switch.
BOOLEAN = Kind("boolean", expected="true of false", word="true of false", check=_check_boolean,
               json_schema=_fixed({"type": "boolean"}), load=_load_boolean, typed=_typed_boolean,
               form_answer="ja of nee")
MAPPING = Kind("mapping", expected="een groep velden ('naam: waarde' op de regels eronder)", word="onderdelen",
               is_mapping=True)
LIST = Kind("list", expected="een lijst (regels die beginnen met '- ', of [a, b])", word="lijst",
            describe_with=_describe_list, typed=_typed_list, form_text=_form_list, is_list=True)

KINDS = (TEXT, URL, VOCAB, SLUG, YEAR, DATE, DATETIME, NUMBER, INTEGER, BOOLEAN, MAPPING, LIST)
