"""The one schema of a practice card: the single source of truth.

The validator, the typed models, the contributor template and the published
JSON Schema are all derived from the declarations below, so they cannot drift
apart. Field names are English (they are also the open-data keys); every
description is Dutch, because contributors read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Kinds of field the validator knows.
TEXT, YEAR, DATE, URL, VOCAB, SLUG, NUMBER, MAPPING, LIST = (
    "text", "year", "date", "url", "vocab", "slug", "number", "mapping", "list",
)

# The European Netherlands, Wadden islands and the coast of Zeeland included.
NL_LATITUDE = (50.70, 53.70)
NL_LONGITUDE = (3.20, 7.30)


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    description: str
    required: bool = True
    vocabulary: str | None = None
    item: "Field | None" = None
    fields: tuple["Field", ...] = ()
    min_items: int = 0
    max_length: int | None = None
    minimum: float | None = None
    maximum: float | None = None
    range_message: str = ""
    example: Any = None

    def child(self, name: str) -> "Field | None":
        return next((f for f in self.fields if f.name == name), None)


def _text(name: str, description: str, required: bool = True, max_length: int = 200, example: Any = None) -> Field:
    return Field(name, TEXT, description, required=required, max_length=max_length, example=example)


def _vocab_list(name: str, vocabulary: str, description: str, example: list[str]) -> Field:
    return Field(
        name, LIST, description, vocabulary=vocabulary, min_items=1, example=example,
        item=Field("", VOCAB, description, vocabulary=vocabulary),
    )


PLACE = Field(
    "place", MAPPING, "Waar de praktijk plaatsvindt.",
    fields=(
        Field("scope", VOCAB, "De schaal: een wijk, een gemeente, meerdere gemeenten of landelijk.",
              vocabulary="scope", example="wijk"),
        _text("municipality", "De gemeente (verplicht, behalve bij een landelijke aanpak).",
              required=False, max_length=80, example="Oss"),
        _text("neighbourhood", "De wijk of buurt, als die er is.", required=False, max_length=80,
              example="Ruwaard"),
        Field("province", VOCAB, "De provincie (verplicht, behalve bij een landelijke aanpak).",
              vocabulary="provinces", required=False, example="noord-brabant"),
        Field("also_in", LIST, "Andere gemeenten waar de praktijk ook loopt.", required=False,
              item=Field("", TEXT, "Naam van een gemeente.", max_length=80), example=["Zwolle"]),
    ),
)

COORDINATES = Field(
    "coordinates", MAPPING, "Optioneel: de ligging op de kaart, alleen als een bron die geeft.",
    required=False,
    fields=(
        Field("lat", NUMBER, "Breedtegraad (WGS84), bijvoorbeeld 51.76.", minimum=NL_LATITUDE[0],
              maximum=NL_LATITUDE[1], range_message="ligt buiten Nederland"),
        Field("lon", NUMBER, "Lengtegraad (WGS84), bijvoorbeeld 5.53.", minimum=NL_LONGITUDE[0],
              maximum=NL_LONGITUDE[1], range_message="ligt buiten Nederland"),
    ),
)

PARTNER = Field(
    "", MAPPING, "Een partner en zijn rol.",
    fields=(
        _text("name", "Naam van de organisatie.", max_length=120, example="Gemeente Oss"),
        Field("role", VOCAB, "Soort partner, uit taxonomy.yml.", vocabulary="partner_roles",
              example="gemeente"),
    ),
)

SOURCE = Field(
    "", MAPPING, "Een bron waar de feiten op de kaart vandaan komen.",
    fields=(
        _text("title", "Titel van het artikel of de pagina.", max_length=250,
              example="Over Proeftuin Ruwaard"),
        Field("url", URL, "Volledig webadres, beginnend met https:// of http://.",
              example="https://proeftuinruwaard.nl/over-proeftuin-ruwaard"),
        _text("publisher", "Wie de bron uitgaf.", max_length=150, example="Proeftuin Ruwaard"),
        Field("date", DATE, "Datum van de bron (JJJJ-MM-DD), als die bekend is.", required=False,
              example="2022-02-09"),
    ),
)

CONTACT = Field(
    "contact", MAPPING, "Een organisatie om contact mee op te nemen; nooit gegevens van een persoon.",
    fields=(
        _text("organisation", "Naam van de organisatie.", max_length=120, example="Proeftuin Ruwaard"),
        Field("url", URL, "Website van de organisatie.", required=False,
              example="https://proeftuinruwaard.nl"),
    ),
)

PRACTICE = Field(
    "", MAPPING, "Een praktijkkaart.",
    fields=(
        _text("title", "Naam van de praktijk.", max_length=120, example="Proeftuin Ruwaard"),
        _text("summary", "Een of twee zinnen: wat is het en wat maakt het bijzonder?", max_length=400,
              example="In de Osse wijk Ruwaard werken gemeente, zorgverzekeraars en organisaties "
                      "samen vanuit één wijkbudget."),
        PLACE,
        COORDINATES,
        _vocab_list("themes", "themes", "Thema's uit taxonomy.yml (minstens één).", ["wijkaanpak"]),
        _vocab_list("target_groups", "target_groups", "Doelgroepen uit taxonomy.yml (minstens één).",
                    ["wijkbewoners"]),
        Field("partners", LIST, "De samenwerkende organisaties met hun rol (minstens één).",
              item=PARTNER, min_items=1),
        Field("started", YEAR, "Het jaar waarin de praktijk begon, als een bron het noemt.",
              required=False, minimum=1900, example=2016),
        Field("status", VOCAB, "Hoe het er nu voor staat; 'onbekend' als de bronnen het niet zeggen.",
              vocabulary="status", example="lopend"),
        Field("evidence", VOCAB, "Wie zegt dat het werkt: de onderbouwing van de resultaten.",
              vocabulary="evidence", example="zelf-gerapporteerd"),
        Field("sources", LIST, "Bronnen van alle feiten op de kaart (minstens één).", item=SOURCE,
              min_items=1),
        CONTACT,
        Field("keywords", LIST, "Andere namen en zoekwoorden, zoals 'Majella Wonen'.", required=False,
              item=Field("", TEXT, "Een zoekwoord.", max_length=80), example=["Ruwaard"]),
        Field("related", LIST, "Verwante kaarten, met hun bestandsnaam zonder .md.", required=False,
              item=Field("", SLUG, "Bestandsnaam van een kaart zonder .md."),
              example=["gemengd-wonen-majella-wonen"]),
        Field("last_reviewed", DATE, "Wanneer de kaart voor het laatst is nagekeken (JJJJ-MM-DD).",
              example="2026-11-22"),
    ),
)

# Level-2 headings every card body has, in this order, so cards compare side by side.
REQUIRED_HEADINGS = ("In het kort", "Aanpak", "Wie werken samen", "Resultaten", "Lessen")
