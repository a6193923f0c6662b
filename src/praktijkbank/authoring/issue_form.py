"""The GitHub issue form "Praktijkvoorbeeld aanmelden", derived from the card schema and taxonomy.

For people who cannot make a change on GitHub themselves: they fill in the same fields a card
has, choosing from the same vocabularies, and ``praktijkbank formulier --issue`` (run by the
workflow .github/workflows/aanmelding.yml) turns the issue into a card. Dropdowns show the Dutch
labels of taxonomy.yml; partners, sources and figures are asked as numbered blocks of fields
("Partner 1 naam", "Partner 1 soort", …), not as one line per entry to split on semicolons.

The form is a list of ``Question``s (and Markdown notes between them): the form file is made
from it, and ``praktijkbank formulier`` reads an issue body back with the same questions, so
both always agree on labels, options and the card field each answer belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from ..content.schema import HEADINGS, PRACTICE, Field, label
from ..content.taxonomy import Taxonomy

ISSUE_FORM_PATH = ".github/ISSUE_TEMPLATE/praktijkvoorbeeld-aanmelden.yml"
ISSUE_LABEL = "praktijkvoorbeeld"

# Fields an editor fills in while making the card, not the person who reports a practice.
MAINTAINER_FIELDS = {
    "coordinates": "de ligging zoekt de redactie op in een bron",
    "related": "verbanden met andere kaarten legt de redactie",
    "last_reviewed": "de datum van nakijken zet de redactie",
}

# Lists of groups asked as numbered blocks of fields: the word before the number, and how many blocks.
NUMBERED = {"partners": ("Partner", 8), "sources": ("Bron", 6), "figures": ("Cijfer", 4)}
# Short names of the fields inside a numbered block ("Partner 1 soort", "Bron 1 adres").
ITEM_LABELS = {
    ("partners", "name"): "naam", ("partners", "role"): "soort",
    ("sources", "title"): "titel", ("sources", "url"): "adres", ("sources", "publisher"): "uitgever",
    ("sources", "date"): "datum", ("sources", "research"): "onderzoek",
    ("figures", "what"): "soort", ("figures", "value"): "getal", ("figures", "year"): "jaar",
    ("figures", "source"): "bron", ("figures", "note"): "toelichting",
}
# The form's own help where the schema's help speaks to people who write the card file.
FORM_HELP = {
    ("partners", "name"): "Naam van de organisatie.",
    ("partners", "role"): "Wat voor organisatie het is.",
    ("sources", "title"): "Titel van het artikel, rapport of de webpagina.",
    ("sources", "url"): "Het volledige webadres van de pagina waar het staat, beginnend met https://.",
    ("sources", "date"): "Datum van de bron, als die bekend is, geschreven als JJJJ-MM-DD: 9 februari 2022 "
                         "is 2022-02-09.",
    ("sources", "research"): "Kies 'Ja' als deze bron het onderzoek zelf is (het rapport van de onderzoekers). "
                             "Nodig bij de onderbouwing 'Onafhankelijk onderzoek' of 'Onderzoek in opdracht "
                             "van of samen met de partners'.",
    ("figures", "what"): "Waar het cijfer over gaat (een budget is in euro).",
    ("figures", "source"): "De bron hierboven die het cijfer noemt.",
    ("status",): "Hoe het er nu voor staat; kies 'Niet bekend' als de bronnen het niet zeggen.",
    ("evidence",): "Wie zegt dat het werkt? Kies 'Onafhankelijk onderzoek' of 'Onderzoek in opdracht van of "
                   "samen met de partners' alleen als er een onderzoeksrapport is; geef dat rapport dan "
                   "als bron op, met 'Ja' bij onderzoek.",
}
HEADING_HELP = {
    "Werkzame elementen": "Wat maakte volgens de bronnen het verschil? Zeggen de bronnen het niet, laat dit "
                          "veld dan leeg.",
}
YES, NO = "Ja", "Nee"
NO_ANSWER = "_No response_"  # how GitHub writes an empty answer in the issue

# Texts longer than this get a multi-line box.
_LONG_TEXT = 300


@dataclass(frozen=True)
class Question:
    """One field of the form, and where its answer goes on the card.

    ``path`` is the card field (``("place", "scope")``, ``("partners", 0, "name")``), or
    ``("heading", title)`` for a part of the card's text.
    """

    id: str
    label: str
    type: str  # 'input', 'textarea' or 'dropdown'
    path: tuple
    description: str
    required: bool = False
    field: Field | None = None
    options: tuple[str, ...] = ()
    multiple: bool = False
    placeholder: str = ""
    default: int | None = None

    def element(self) -> dict[str, Any]:
        attributes: dict[str, Any] = {"label": self.label, "description": self.description}
        if self.multiple:
            attributes["multiple"] = True
        if self.options:
            attributes["options"] = list(self.options)
        if self.default is not None:
            attributes["default"] = self.default
        if self.placeholder:
            attributes["placeholder"] = self.placeholder
        element: dict[str, Any] = {"type": self.type, "id": self.id, "attributes": attributes}
        if self.required:
            element["validations"] = {"required": True}
        return element


@dataclass(frozen=True)
class Note:
    """Markdown shown between the questions (it does not come back in the issue)."""

    text: str

    def element(self) -> dict[str, Any]:
        return {"type": "markdown", "attributes": {"value": self.text}}


def plain_help(text: str) -> str:
    """The schema's help as a person filling in a form reads it: no file names or YAML."""
    text = re.sub(r",? uit taxonomy\.yml", "", text)
    text = re.sub(r" ?Bij 'onafhankelijk-onderzoek'.*$", "", text)
    return text.replace("onder sources", "hierboven")


def _vocabulary_labels(field: Field, taxonomy: Taxonomy) -> list[str]:
    labels = list(taxonomy[field.vocabulary].values.values())
    if len(set(labels)) != len(labels):
        raise ValueError(f"taxonomy.yml: labels of '{field.vocabulary}' must be unique for a dropdown")
    return labels


def _example_text(field: Field, taxonomy: Taxonomy) -> str:
    """An example as a person would type it: labels instead of keys, a list one item a line."""
    return "" if field.example is None else field.kind.form_text(field, field.example, taxonomy)


def _question(field: Field, taxonomy: Taxonomy, path: tuple, element_id: str, label_text: str,
              description: str, required: bool) -> Question:
    """The question for one field that holds a value or a list of values (not groups)."""
    common = {"id": element_id, "label": label_text, "path": path, "required": required, "field": field}
    vocabulary = field.vocabulary_field
    if vocabulary is not None:  # one value, or a list of them: a dropdown
        options = tuple(_vocabulary_labels(vocabulary, taxonomy))
        if field.kind.is_list:
            return Question(type="dropdown", description=description + " Kies er een of meer.", options=options,
                            multiple=True, **common)
        return Question(type="dropdown", description=description, options=options, **common)
    if field.kind.form_answer:  # a yes/no
        return Question(type="dropdown", description=description, options=(NO, YES), **common)
    if field.kind.is_list:
        return Question(type="textarea", description=description + " Eén per regel.",
                        placeholder=_example_text(field, taxonomy), **common)
    long_text = field.kind.is_text and (field.max_length or 0) >= _LONG_TEXT
    return Question(type="textarea" if long_text else "input", description=description,
                    placeholder=_example_text(field, taxonomy), **common)


def _numbered(field: Field, taxonomy: Taxonomy) -> list[Question | Note]:
    """A list of groups (partners, sources, figures) as numbered blocks of fields."""
    word, count = NUMBERED[field.name]
    intro = plain_help(field.description)
    if field.min_items:
        intro += f" Vul minstens {word.lower()} 1 in."
    intro += f" Zijn het er meer dan {count}? Noem de rest in de tekst van de kaart hieronder."
    items: list[Question | Note] = [Note(f"### {label(field)}\n\n{intro}")]
    for number in range(1, count + 1):
        for child in field.item.fields:
            short = ITEM_LABELS.get((field.name, child.name), label(child).lower())
            help_text = FORM_HELP.get((field.name, child.name), plain_help(child.description))
            required = number <= field.min_items and child.required
            question = _question(child, taxonomy, (field.name, number - 1, child.name),
                                 f"{field.name.replace('_', '-')}-{number}-{child.name.replace('_', '-')}",
                                 f"{word} {number} {short}", help_text, required)
            if field.name == "figures" and child.name == "source":  # the number of a source: pick it
                question = Question(id=question.id, label=question.label, type="dropdown", path=question.path,
                                    description=question.description, required=required, field=child,
                                    options=tuple(f"Bron {n}" for n in range(1, NUMBERED["sources"][1] + 1)))
            if number > 1 and question.placeholder:  # one example is enough
                question = Question(**{**question.__dict__, "placeholder": ""})
            items.append(question)
    return items


def _items(field: Field, taxonomy: Taxonomy, path: tuple = ()) -> list[Question | Note]:
    path = path + (field.name,)
    element_id = "-".join(path).replace("_", "-")
    description = FORM_HELP.get(path, plain_help(field.description))
    if field.kind.is_mapping:
        heading = Note(f"### {label(field)}\n\n{description}")
        return [heading, *(item for child in field.fields for item in _items(child, taxonomy, path))]
    if field.holds_groups:
        return _numbered(field, taxonomy)
    return [_question(field, taxonomy, path, element_id, label(field), description, field.required)]


def _elements(field: Field, taxonomy: Taxonomy) -> list[dict[str, Any]]:
    """The form elements that ask for one field of the schema."""
    return [item.element() for item in _items(field, taxonomy)]


INTRO = """\
Kent u een praktijk waar wonen, zorg en welzijn samenkomen? Vul dit formulier in. Er wordt
meteen een praktijkkaart van gemaakt en gecontroleerd: klopt er iets niet, dan leest u hier
wat u kunt verbeteren (pas dan uw aanmelding aan). Klopt alles, dan leest de redactie de kaart na.

- Noem alleen feiten die in een bron staan, en noem die bron.
- Noem organisaties, geen personen: geen namen, e-mailadressen of telefoonnummers van mensen.
- Weet u iets niet? Laat het veld dan leeg. Velden met een sterretje zijn verplicht.
"""


def form_items(taxonomy: Taxonomy) -> list[Question | Note]:
    """The whole form, in order: notes and questions."""
    items: list[Question | Note] = [Note(INTRO)]
    for field in PRACTICE.fields:
        if field.name not in MAINTAINER_FIELDS:
            items.extend(_items(field, taxonomy))
    items.append(Note("### De tekst van de kaart\n\nElke kaart heeft dezelfde onderdelen. Schrijf bij elk "
                      "onderdeel in uw eigen woorden wat de bronnen zeggen."))
    for index, heading in enumerate(HEADINGS, start=1):
        items.append(Question(id=f"heading-{index}", label=heading.title, type="textarea",
                              path=("heading", heading.title), required=heading.required,
                              description=HEADING_HELP.get(heading.title, heading.description)))
    return items


def form_questions(taxonomy: Taxonomy) -> list[Question]:
    return [item for item in form_items(taxonomy) if isinstance(item, Question)]


AGREEMENT_LABEL = "Controle"
AGREEMENT = (
    "Alle feiten komen uit de bronnen die ik hierboven noem.",
    "Ik noem alleen organisaties, geen gegevens van personen.",
)


def issue_form(taxonomy: Taxonomy) -> dict[str, Any]:
    body = [item.element() for item in form_items(taxonomy)]
    body.append({
        "type": "checkboxes",
        "id": "agreement",
        "attributes": {
            "label": AGREEMENT_LABEL,
            "options": [{"label": text, "required": True} for text in AGREEMENT],
        },
    })
    return {
        "name": "Praktijkvoorbeeld aanmelden",
        "description": "Meld een praktijk aan voor de Praktijkbank; er wordt meteen een kaart van gemaakt.",
        "title": "Praktijkvoorbeeld: ",
        "labels": [ISSUE_LABEL],
        "body": body,
    }


class _FormDumper(yaml.SafeDumper):
    """Multi-line texts as literal blocks (``|``), as people write issue forms by hand."""


def _text_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_FormDumper.add_representer(str, _text_representer)


def issue_form_text(taxonomy: Taxonomy) -> str:
    header = ("# Gemaakt uit src/praktijkbank/content/schema.py en taxonomy.yml met `praktijkbank schema --write`;\n"
              "# niet met de hand bewerken.\n")
    body = yaml.dump(issue_form(taxonomy), Dumper=_FormDumper, allow_unicode=True, sort_keys=False, width=100)
    return header + body
