"""Messages name fields as the site and the form do: the Dutch label, the key in brackets."""

from __future__ import annotations

import json

import pytest

from praktijkbank.checks.field_labels import describe
from praktijkbank.checks.problems import Problem, problems_as_json
from praktijkbank.content.schema import PRACTICE, WEBINAR


@pytest.mark.parametrize(("field", "shown"), [
    ("place.province", "Provincie (place.province)"),
    ("target_groups[2]", "Doelgroep 2 (target_groups[2])"),
    ("last_reviewed", "Laatst nagekeken (last_reviewed)"),
    ("partners[1].role", "Partner 1, soort partner (partners[1].role)"),
    ("sources[2].url", "Bron 2, webadres (sources[2].url)"),
    ("contact.url", "Contact, webadres (contact.url)"),  # 'url' alone could be any address
    ("contact.organisation", "Organisatie (contact.organisation)"),
    ("figures[1].what", "Cijfer 1, soort cijfer (figures[1].what)"),
    ("place.also_in[2]", "Andere gemeente 2 (place.also_in[2])"),
    ("start", "Begin (start)"),  # a webinar's
    ("practices[1]", "Praktijk 1 (practices[1])"),
    # No key of a card or webinar: as it is.
    ("kop", "kop"), ("tekst", "tekst"), ("bestandsnaam", "bestandsnaam"), ("place.gemeente", "place.gemeente"),
    ("kleur", "kleur"), ("Titel", "Titel"),
])
def test_a_field_is_named_by_its_label_with_the_key(field, shown):
    assert describe(field) == shown


def test_every_list_has_a_word_for_one_of_its_values():
    def lists(spec):
        for child in spec.fields:
            if child.kind.is_list:
                yield child
                if child.item.kind.is_mapping:
                    yield from lists(child.item)
            elif child.kind.is_mapping:
                yield from lists(child)

    for schema in (PRACTICE, WEBINAR):
        for field in lists(schema):
            assert field.item_label, field.name


def test_json_keeps_the_key_as_field_and_adds_the_label():
    report = json.loads(problems_as_json([Problem("p.md", 3, "place.province", "x")], 1))
    [problem] = report["problems"]
    assert problem["field"] == "place.province"
    assert problem["label"] == "Provincie (place.province)"
    assert problem["text"] == "p.md:3: Provincie (place.province): x"
