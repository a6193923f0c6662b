"""The registry of field kinds: every tool asks a field's kind, none compares it.

A new kind of value must be one entry in field_kinds.py: the last test declares one
here, in the test, and every tool (check, JSON Schema, documentation, blank card,
issue form, open data) handles it without a change of its own.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from praktijkbank.content.reading import parse_document
from praktijkbank.exports.records import from_plain, to_plain
from praktijkbank.content.field_kinds import (BOOLEAN, DATE, INTEGER, KINDS, LIST, MAPPING, NUMBER, SLUG, TEXT,
                                      URL, VOCAB, YEAR, Kind)
from praktijkbank.authoring.issue_form import _elements
from praktijkbank.authoring.json_schema import json_schema
from praktijkbank.pages.contributing import _fields_table
from praktijkbank.pages.open_data import _field_rows
from praktijkbank.checks.problems import ProblemLog
from praktijkbank.authoring.scaffold import _CardWriter
from praktijkbank.content.schema import PRACTICE, SCHEMAS, Field
from praktijkbank.content.taxonomy import load_taxonomy
from praktijkbank.checks.fields import INVALID, FieldChecker
from support import ROOT, TODAY


@pytest.fixture(scope="module")
def taxonomy():
    return load_taxonomy(ROOT / "taxonomy.yml")


def every_field(field: Field):
    yield field
    for inner in (*field.fields, *([field.item] if field.item else [])):
        yield from every_field(inner)


def test_every_field_of_every_schema_has_a_registered_kind():
    for root in SCHEMAS.values():
        for field in every_field(root):
            assert field.kind in KINDS, f"{field.name or root.description}: {field.kind!r}"


def test_the_registry_holds_every_kind_once_with_words_for_people():
    assert len({kind.name for kind in KINDS}) == len(KINDS) == 12
    for kind in KINDS:
        assert kind.expected and kind.word, kind
        containers = kind.is_list or kind.is_mapping
        # a single value is checked and described by its kind; groups and lists are walked by the tools
        assert (kind.check is None and kind.json_schema is None) == containers, kind


def test_a_kind_is_an_object_not_a_name():
    with pytest.raises(TypeError, match="kind must be one of field_kinds.KINDS"):
        Field("titel", "text", "Een titel.")


@pytest.mark.parametrize("field, words", [
    (Field("t", TEXT, ""), "tekst"),
    (Field("y", YEAR, ""), "jaartal"),
    (Field("d", DATE, ""), "datum (JJJJ-MM-DD)"),
    (Field("u", URL, ""), "webadres"),
    (Field("n", NUMBER, ""), "getal"),
    (Field("i", INTEGER, ""), "heel getal"),
    (Field("b", BOOLEAN, ""), "true of false"),
    (Field("m", MAPPING, ""), "onderdelen"),
    (Field("s", VOCAB, "", vocabulary="status"), "sleutel uit de woordenlijst 'Statussen'"),
    (Field("l", LIST, "", item=Field("", SLUG, "")), "lijst van slug"),
    (Field("l", LIST, "", item=Field("", MAPPING, "")), "lijst van onderdelen"),
    (Field("l", LIST, "", item=Field("", TEXT, "")), "lijst van tekst"),
])
def test_the_open_data_page_names_each_kind_as_before(field, words, taxonomy):
    if field.kind is VOCAB:
        words = words.replace("Statussen", taxonomy["status"].plural)
    assert field.kind.describe(field, taxonomy) == words


def test_the_open_data_values_go_out_and_come_back_as_each_kind_wants():
    assert DATE.dump(dt.date(2024, 5, 1)) == "2024-05-01"
    assert DATE.load("2024-05-01") == dt.date(2024, 5, 1)
    assert YEAR.load("2016") == 2016 and INTEGER.load("2") == 2 and NUMBER.load("2.5") == 2.5  # CSV cells
    assert [kind.load(absent) for kind in (TEXT, DATE, YEAR, NUMBER, URL) for absent in (None, "")] == [None] * 10
    assert [BOOLEAN.load(v) for v in (None, "", "true", " TRUE ", True, "false", False)] == [
        False, False, True, True, True, False, False]  # a yes/no that is not there is no


def test_examples_are_shown_as_a_person_types_them(taxonomy):
    research = Field("research", BOOLEAN, "")
    themes = PRACTICE.child("themes")
    assert BOOLEAN.typed(research, True) == "true"
    assert LIST.typed(themes, ["a", "b"]) == "[a, b]"
    scope = PRACTICE.child("place").child("scope")
    assert VOCAB.form_text(scope, "wijk", taxonomy) == taxonomy["scope"].label_of("wijk")
    assert LIST.form_text(PRACTICE.child("keywords"), ["a", "b"], taxonomy) == "a\nb"


def test_the_vocabulary_of_a_field_is_its_own_or_its_items():
    place = PRACTICE.child("place")
    assert place.child("scope").vocabulary_field is place.child("scope")
    themes = PRACTICE.child("themes")
    assert themes.vocabulary_field is themes.item
    assert PRACTICE.child("title").vocabulary_field is None and PRACTICE.child("partners").vocabulary_field is None
    assert PRACTICE.child("partners").holds_groups and not themes.holds_groups and not place.holds_groups


def test_no_tool_compares_field_kinds():
    """Every module that reads the schema asks the kind; only field_kinds.py knows the kinds apart."""
    comparison = re.compile(r"\bkind\s*(==|!=|is\b|(not\s+)?in\s)|\b(TEXT|YEAR|DATE|DATETIME|URL|VOCAB|SLUG|NUMBER|"
                            r"INTEGER|BOOLEAN|MAPPING|LIST)\s*(==|!=)")
    offenders = []
    for path in sorted((ROOT / "src" / "praktijkbank").rglob("*.py")):
        text = path.read_text("utf-8")
        if path.name == "field_kinds.py" or not re.search(r"from \.+(schema|field_kinds) import", text):
            continue
        offenders += [f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
                      for number, line in enumerate(text.split("\n"), 1) if comparison.search(line)]
    assert not offenders, "\n".join(offenders)


# -- a new kind is one entry ---------------------------------------------------------------------

POSTCODE_PATTERN = re.compile(r"^[1-9][0-9]{3} ?[A-Z]{2}$")


def _check_postcode(checker, spec, value, path):
    if not isinstance(value, str) or not POSTCODE_PATTERN.match(value.strip()):
        checker.problem(path, f"moet {spec.kind.expected} zijn", "vier cijfers en twee hoofdletters")
        return INVALID
    return value.strip().replace(" ", "")


POSTCODE = Kind("postcode", "een postcode, zoals 5348 AB", "postcode", check=_check_postcode,
                json_schema=lambda field, taxonomy: {"type": "string", "pattern": POSTCODE_PATTERN.pattern},
                is_text=True)
OFFICE = Field("", MAPPING, "Een kantoor.", fields=(
    Field("postcode", POSTCODE, "De postcode van het kantoor.", example="5348 AB"),
    Field("postcodes", LIST, "Andere postcodes.", required=False, item=Field("", POSTCODE, "Een postcode."),
          example=["1011 AB"]),
))


def test_a_new_kind_needs_no_change_in_any_tool(taxonomy):
    field, many = OFFICE.fields
    log = ProblemLog("kantoor.md")
    doc = parse_document("---\npostcode: 5348 AB\npostcodes: 12\n---\n", "kantoor.md", log)
    checked = FieldChecker(doc, log, taxonomy, TODAY).check(OFFICE, doc.data, ())
    assert checked["postcode"] == "5348AB" and checked["postcodes"] is INVALID
    assert [p.text() for p in log.items] == [
        "kantoor.md:3: postcodes: moet een lijst (regels die beginnen met '- ', of [a, b]) zijn, maar is een getal"]
    log = ProblemLog("kantoor.md")
    doc = parse_document("---\npostcode: Oss\npostcodes: 1011 AB\n---\n", "kantoor.md", log)
    FieldChecker(doc, log, taxonomy, TODAY).check(OFFICE, doc.data, ())
    assert [p.text() for p in log.items] == [
        "kantoor.md:2: postcode: moet een postcode, zoals 5348 AB zijn (vier cijfers en twee hoofdletters)",
        "kantoor.md:3: postcodes: moet een lijst (regels die beginnen met '- ', of [a, b]) zijn, maar is één tekst "
        "(schrijf [1011 AB])"]

    schema = json_schema("kantoor", OFFICE, taxonomy)
    assert schema["properties"]["postcode"]["pattern"] == POSTCODE_PATTERN.pattern
    assert schema["properties"]["postcodes"]["anyOf"][0]["uniqueItems"] is True
    assert _field_rows(field, taxonomy)[0].startswith("| `postcode` | postcode |")
    assert "| `postcodes` | lijst van postcode |" in _field_rows(many, taxonomy)[0]
    row = "| `postcode` | **postcode.** De postcode van het kantoor. | ja | `5348 AB` |"
    assert row in _fields_table(OFFICE, taxonomy)
    assert _elements(field, taxonomy)[0]["attributes"]["placeholder"] == "5348 AB"
    assert _elements(many, taxonomy)[0]["attributes"]["placeholder"] == "1011 AB"
    writer = _CardWriter(taxonomy, {})
    assert "Bijvoorbeeld: [1011 AB]" in " ".join(writer.field(many, ""))
    assert from_plain(field, to_plain(field, "5348AB")) == "5348AB"
