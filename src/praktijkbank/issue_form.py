"""The GitHub issue form "Praktijkvoorbeeld aanmelden", derived from the card schema and taxonomy.

For people who cannot make a pull request: they fill in the same fields a card has,
choosing from the same vocabularies, and a maintainer turns the issue into a card.
Dropdowns show the Dutch labels of taxonomy.yml; the check points a maintainer who
types a label at its key.
"""

from __future__ import annotations

from typing import Any

import yaml

from .schema import HEADINGS, PRACTICE, Field, label
from .taxonomy import Taxonomy

ISSUE_FORM_PATH = ".github/ISSUE_TEMPLATE/praktijkvoorbeeld-aanmelden.yml"

# Fields a maintainer fills in while making the card, not the person who reports a practice.
MAINTAINER_FIELDS = {
    "coordinates": "de ligging zoekt de beheerder op in een bron",
    "related": "verbanden met andere kaarten legt de beheerder",
    "last_reviewed": "de datum van nakijken zet de beheerder",
}

# Texts longer than this get a multi-line box.
_LONG_TEXT = 300


def _vocabulary_labels(field: Field, taxonomy: Taxonomy) -> list[str]:
    labels = list(taxonomy[field.vocabulary].values.values())
    if len(set(labels)) != len(labels):
        raise ValueError(f"taxonomy.yml: labels of '{field.vocabulary}' must be unique for a dropdown")
    return labels


def _example_text(field: Field, taxonomy: Taxonomy) -> str:
    """An example as a person would type it: labels instead of keys, a list one item a line."""
    return "" if field.example is None else field.kind.form_text(field, field.example, taxonomy)


def _element(kind: str, element_id: str, attributes: dict[str, Any], required: bool) -> dict[str, Any]:
    element = {"type": kind, "id": element_id, "attributes": attributes}
    if required:
        element["validations"] = {"required": True}
    return element


def _item_description(item: Field, taxonomy: Taxonomy) -> tuple[str, str]:
    """How to write one entry of a list of groups (partners, sources) on one line, and an example."""
    parts, example = [], []
    for child in item.fields:
        part = label(child).lower() + ("" if child.required else " (als die bekend is)")
        if child.kind.form_answer:
            part = f"{label(child).lower()}: {child.kind.form_answer}"
        elif child.vocabulary_field is not None:
            part += " — kies uit: " + ", ".join(_vocabulary_labels(child.vocabulary_field, taxonomy))
        parts.append(part)
        if child.example is not None:
            example.append(_example_text(child, taxonomy))
    return "Eén per regel: " + "; ".join(parts) + ".", "; ".join(example)


def _elements(field: Field, taxonomy: Taxonomy, prefix: str = "") -> list[dict[str, Any]]:
    element_id = prefix + field.name.replace("_", "-")
    description = field.description
    if field.kind.is_mapping:
        heading = {"type": "markdown", "attributes": {"value": f"### {label(field)}\n\n{field.description}"}}
        children = [e for child in field.fields for e in _elements(child, taxonomy, element_id + "-")]
        return [heading, *children]
    if field.vocabulary_field is not None:  # one value, or a list of them: a dropdown
        options = _vocabulary_labels(field.vocabulary_field, taxonomy)
        if field.kind.is_list:
            attributes = {"label": label(field), "description": description + " Kies er een of meer.",
                          "multiple": True, "options": options}
        else:
            attributes = {"label": label(field), "description": description, "options": options}
        return [_element("dropdown", element_id, attributes, field.required)]
    if field.holds_groups:
        how, example = _item_description(field.item, taxonomy)
        attributes = {"label": label(field), "description": f"{description} {how}", "placeholder": example}
        return [_element("textarea", element_id, attributes, field.required)]
    if field.kind.is_list:
        attributes = {"label": label(field), "description": description + " Eén per regel.",
                      "placeholder": _example_text(field, taxonomy)}
        return [_element("textarea", element_id, attributes, field.required)]
    long_text = field.kind.is_text and (field.max_length or 0) >= _LONG_TEXT
    attributes = {"label": label(field), "description": description}
    example = _example_text(field, taxonomy)
    if example:
        attributes["placeholder"] = example
    return [_element("textarea" if long_text else "input", element_id, attributes, field.required)]


INTRO = """\
Ken je een praktijk waar wonen, zorg en welzijn samenkomen? Vul dit formulier in; een beheerder
maakt er een praktijkkaart van en vraagt je om te kijken of alles klopt.

- Noem alleen feiten die in een bron staan, en noem die bron onderaan.
- Noem organisaties, geen personen: geen namen, e-mailadressen of telefoonnummers van mensen.
- Weet je iets niet? Laat het veld dan leeg.

Kun je zelf een pull request maken? Gebruik dan `praktijkbank nieuw` (zie CONTRIBUTING.md).
"""


def issue_form(taxonomy: Taxonomy) -> dict[str, Any]:
    body: list[dict[str, Any]] = [{"type": "markdown", "attributes": {"value": INTRO}}]
    for field in PRACTICE.fields:
        if field.name not in MAINTAINER_FIELDS:
            body.extend(_elements(field, taxonomy))
    body.append({"type": "markdown", "attributes": {
        "value": "### De tekst van de kaart\n\nElke kaart heeft dezelfde koppen. Schrijf onder elke kop "
                 "wat je weet; een beheerder maakt er de tekst van."}})
    for index, heading in enumerate(HEADINGS, start=1):
        body.append(_element("textarea", f"heading-{index}",
                             {"label": heading.title, "description": heading.description}, False))
    body.append({
        "type": "checkboxes",
        "id": "agreement",
        "attributes": {
            "label": "Controle",
            "options": [
                {"label": "Alle feiten komen uit de bronnen die ik hierboven noem.", "required": True},
                {"label": "Ik noem alleen organisaties, geen gegevens van personen.", "required": True},
            ],
        },
    })
    return {
        "name": "Praktijkvoorbeeld aanmelden",
        "description": "Meld een praktijk aan voor de Praktijkbank; wij maken er een kaart van.",
        "title": "Praktijkvoorbeeld: ",
        "labels": ["praktijkvoorbeeld"],
        "body": body,
    }


class _FormDumper(yaml.SafeDumper):
    """Multi-line texts as literal blocks (``|``), as people write issue forms by hand."""


def _text_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_FormDumper.add_representer(str, _text_representer)


def issue_form_text(taxonomy: Taxonomy) -> str:
    header = ("# Gemaakt uit src/praktijkbank/schema.py en taxonomy.yml met `praktijkbank schema --write`;\n"
              "# niet met de hand bewerken.\n")
    body = yaml.dump(issue_form(taxonomy), Dumper=_FormDumper, allow_unicode=True, sort_keys=False, width=100)
    return header + body
