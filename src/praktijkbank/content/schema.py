"""The one schema of a practice card: the single source of truth.

The validator, the typed models, the contributor template and the published
JSON Schema are all derived from the declarations below, so they cannot drift
apart. Field names are English (they are also the open-data keys); every
description is Dutch, because contributors read them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

# The kinds of field, and what each means to every tool, are declared in field_kinds.py.
from .field_kinds import BOOLEAN, DATE, DATETIME, INTEGER, LIST, MAPPING, NUMBER, SLUG, TEXT, URL, VOCAB, YEAR, Kind

# The European Netherlands, Wadden islands and the coast of Zeeland included.
NL_LATITUDE = (50.70, 53.70)
NL_LONGITUDE = (3.20, 7.30)


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
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
    future: bool = False  # a YEAR that may lie ahead (a budget for next year); else at most this year
    # A list: the Dutch word for one of its values, as the site and the form number them ("Doelgroep 2").
    item_label: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.kind, Kind):
            raise TypeError(f"field {self.name!r}: kind must be one of field_kinds.KINDS, not {self.kind!r}")

    def child(self, name: str) -> "Field | None":
        return next((f for f in self.fields if f.name == name), None)

    @property
    def vocabulary_field(self) -> "Field | None":
        """The field whose vocabulary this field's values come from: itself, the item of its list, or None."""
        if self.kind.from_vocabulary:
            return self
        if self.kind.is_list and self.item is not None and self.item.kind.from_vocabulary:
            return self.item
        return None

    @property
    def holds_groups(self) -> bool:
        """A list of groups of fields, such as partners and sources."""
        return self.kind.is_list and self.item is not None and self.item.kind.is_mapping


def _text(name: str, description: str, required: bool = True, max_length: int = 200, example: Any = None) -> Field:
    return Field(name, TEXT, description, required=required, max_length=max_length, example=example)


def _vocab_list(name: str, vocabulary: str, description: str, example: list[str], item_label: str) -> Field:
    return Field(
        name, LIST, description, vocabulary=vocabulary, min_items=1, example=example, item_label=item_label,
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
              item=Field("", TEXT, "Naam van een gemeente.", max_length=80), example=["Zwolle"],
              item_label="Andere gemeente"),
    ),
)

COORDINATES = Field(
    "coordinates", MAPPING, "Optioneel: de ligging op de kaart, alleen als een bron die geeft.",
    required=False,
    fields=(
        Field("lat", NUMBER, "Breedtegraad (WGS84), bijvoorbeeld 51.76.", minimum=NL_LATITUDE[0],
              maximum=NL_LATITUDE[1], range_message="ligt buiten Nederland", example=51.76),
        Field("lon", NUMBER, "Lengtegraad (WGS84), bijvoorbeeld 5.53.", minimum=NL_LONGITUDE[0],
              maximum=NL_LONGITUDE[1], range_message="ligt buiten Nederland", example=5.53),
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

# A card's sources also say which of them is the research its evidence rests on.
RESEARCH_EVIDENCE = ("onafhankelijk-onderzoek", "onderzoek-met-partners")
CARD_SOURCE = replace(SOURCE, fields=SOURCE.fields + (
    Field("research", BOOLEAN,
          "Zet 'research: true' als deze bron het onderzoek zelf is (het rapport of de publicatie van de "
          "onderzoekers). Verplicht bij minstens één bron als de onderbouwing 'onafhankelijk-onderzoek' of "
          "'onderzoek-met-partners' is.",
          required=False, example=True),
))

# Figure kinds that are sums of money (in euro), shown as "budget € 2.500.000".
MONEY_FIGURES = ("budget",)

FIGURE = Field(
    "", MAPPING, "Een cijfer over de omvang of het geld, met de bron die het noemt.",
    fields=(
        Field("what", VOCAB, "Waar het cijfer over gaat, uit taxonomy.yml (budget is in euro).",
              vocabulary="figure_kinds", example="woningen"),
        Field("value", NUMBER, "Het getal zelf, zonder punten of eenheid: 565 of 1250000 (een decimaal "
              "met een punt: 2.5).", minimum=0, range_message="is kleiner dan 0", example=565),
        Field("year", YEAR, "Het jaar waar het cijfer over gaat, als de bron het zegt.", required=False,
              minimum=1900, future=True, example=2017),
        Field("source", INTEGER, "Het nummer van de bron onder sources die het cijfer noemt "
              "(1 is de eerste bron).", minimum=1, example=2),
        _text("note", "Korte toelichting, als dat nodig is.", required=False, max_length=120,
              example="studio's en kamers"),
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
        _vocab_list("themes", "themes", "Thema's uit taxonomy.yml (minstens één).", ["wijkaanpak"], "Thema"),
        _vocab_list("target_groups", "target_groups", "Doelgroepen uit taxonomy.yml (minstens één).",
                    ["wijkbewoners"], "Doelgroep"),
        Field("partners", LIST, "De samenwerkende organisaties met hun rol (minstens één). Alleen wie "
              "meedoet aan de praktijk: onderzoekers, geldgevers en commentatoren horen hier niet.",
              item=PARTNER, min_items=1, item_label="Partner"),
        Field("researchers", LIST, "Wie de praktijk onderzochten (organisaties of onderzoeksgroepen), als "
              "een bron het noemt.", required=False,
              item=Field("", TEXT, "Naam van een onderzoeker of onderzoeksbureau.", max_length=120),
              example=["Verwey-Jonker Instituut"], item_label="Onderzoeker"),
        Field("funders", LIST, "Wie de praktijk betalen of subsidiëren, als ze geen partner zijn.",
              required=False, item=Field("", TEXT, "Naam van een geldgever.", max_length=120),
              example=["Fonds Zorg en Welzijn"], item_label="Geldgever"),
        Field("started", YEAR, "Het jaar waarin de praktijk begon, als een bron het noemt.",
              required=False, minimum=1900, example=2016),
        Field("status", VOCAB, "Hoe het er nu voor staat; 'onbekend' als de bronnen het niet zeggen.",
              vocabulary="status", example="lopend"),
        Field("evidence", VOCAB, "Wie zegt dat het werkt: de onderbouwing van de resultaten. Bij "
              "'onafhankelijk-onderzoek' en 'onderzoek-met-partners' krijgt de bron met het onderzoek "
              "'research: true'.",
              vocabulary="evidence", example="zelf-gerapporteerd"),
        Field("sources", LIST, "Bronnen van alle feiten op de kaart (minstens één). Het webadres wijst naar "
              "de pagina waar het feit staat, niet naar de voorpagina van een website.", item=CARD_SOURCE,
              min_items=1, item_label="Bron"),
        Field("figures", LIST, "Cijfers over de omvang en het geld, elk met het nummer van zijn bron. "
              "Zeggen bronnen iets anders, geef dan beide cijfers, elk met zijn eigen bron.",
              required=False, item=FIGURE, item_label="Cijfer"),
        CONTACT,
        Field("keywords", LIST, "Andere namen en zoekwoorden, zoals 'Majella Wonen'.", required=False,
              item=Field("", TEXT, "Een zoekwoord.", max_length=80), example=["Ruwaard"], item_label="Zoekwoord"),
        Field("related", LIST, "Verwante kaarten, met hun bestandsnaam zonder .md.", required=False,
              item=Field("", SLUG, "Bestandsnaam van een kaart zonder .md."),
              example=["gemengd-wonen-majella-wonen"], item_label="Verwante kaart"),
        Field("last_reviewed", DATE, "Wanneer de kaart voor het laatst is nagekeken (JJJJ-MM-DD).",
              example="2026-11-22"),
    ),
)


@dataclass(frozen=True)
class Heading:
    title: str
    description: str  # what belongs under it: shown in the scaffold, the issue form and the docs
    required: bool = True


# Level-2 headings of a card body, in this order, so cards compare side by side; all required but
# "Werkzame elementen", which a card has only where its sources say what made the difference.
HEADINGS = (
    Heading("In het kort", "Wat is de praktijk, waar speelt ze en sinds wanneer? Twee tot vijf zinnen."),
    Heading("Aanpak", "Hoe werkt het? Wat doen de partners anders dan gewoonlijk?"),
    Heading("Wie werken samen", "Welke organisaties en bewoners doen mee, en wat doet ieder van hen?"),
    Heading("Resultaten", "Wat levert het op, en wie zegt dat? Schrijf erbij als de partners de "
                          "resultaten zelf melden."),
    Heading("Werkzame elementen", "Optioneel: wat maakte volgens de bronnen het verschil? Zeggen de bronnen "
                                  "het niet, haal de kop dan weg.", required=False),
    Heading("Lessen", "Wat kunnen anderen hiervan leren?"),
)
REQUIRED_HEADINGS = tuple(h.title for h in HEADINGS if h.required)
OPTIONAL_HEADINGS = tuple(h.title for h in HEADINGS if not h.required)

WEBINAR = Field(
    "", MAPPING, "Een webinar: één bestand per sessie, webinars/<JJJJ-MM-DD>-<naam>.md.",
    fields=(
        _text("title", "Titel van het webinar.", max_length=150,
              example="Zo DOEN we dat! – Gemengd Wonen in Utrecht"),
        Field("start", DATETIME,
              "Begin, in Nederlandse tijd (Europe/Amsterdam) zonder tijdzone: JJJJ-MM-DDTUU:MM, "
              "bijvoorbeeld 2022-03-22T14:30. Noemt de bron geen tijd, schrijf dan alleen de datum "
              "(JJJJ-MM-DD) en zet time_known op false: de site toont dan 'tijd onbekend'.",
              example="2022-03-22T14:30"),
        Field("end", DATETIME,
              "Einde, in Nederlandse tijd: JJJJ-MM-DDTUU:MM, na het begin en op dezelfde dag. "
              "Verplicht als de tijd bekend is; weglaten als time_known false is.",
              required=False, example="2022-03-22T15:30"),
        Field("time_known", BOOLEAN,
              "Alleen nodig als de bron geen tijd noemt: zet dan 'time_known: false'. Nooit een tijd "
              "verzinnen of 00:00 invullen.",
              required=False, example=False),
        Field("organisers", LIST, "Wie het webinar organiseren, als de bron dat zegt.", required=False,
              min_items=1, item=Field("", TEXT, "Naam van een organisatie.", max_length=120),
              example=["Divosa", "Valente"], item_label="Organisator"),
        Field("practices", LIST, "De praktijk(en) waar het webinar over gaat: bestandsnamen van kaarten "
              "zonder .md (minstens één).", min_items=1,
              item=Field("", SLUG, "Bestandsnaam van een kaart zonder .md."),
              example=["gemengd-wonen-majella-wonen"], item_label="Praktijk"),
        _text("description", "Korte beschrijving: waar gaat het over, voor wie, wat is er bekend.",
              max_length=600, example="Tweede webinar van de reeks, over Gemengd Wonen in Utrecht."),
        Field("registration", URL, "Optioneel: adres om u aan te melden (https:// of http://).",
              required=False, example="https://example.org/aanmelden"),
        Field("recording", URL, "Optioneel: adres van de opname (https:// of http://).",
              required=False, example="https://example.org/opname"),
        Field("sources", LIST, "Bronnen van de gegevens van het webinar (minstens één).", item=SOURCE,
              min_items=1, item_label="Bron"),
        Field("last_reviewed", DATE, "Wanneer de gegevens voor het laatst zijn nagekeken of gewijzigd "
              "(JJJJ-MM-DD). Zet bij elke wijziging de datum van vandaag: agenda's die het webinar al "
              "hebben, nemen de wijziging dan over.", example="2026-11-22"),
    ),
)

# Every schema by the name tools use for it (the JSON Schema export reads this).
SCHEMAS = {"praktijkkaart": PRACTICE, "webinar": WEBINAR}

# Short Dutch names of the fields, for forms, documentation and the JSON Schema titles.
# A key means the same everywhere (``url`` is always a web address), so one word per key
# serves every schema; tests/test_scaffold.py fails when a field has no label.
LABELS = {
    "title": "Titel",
    "summary": "Samenvatting",
    "place": "Plaats",
    "scope": "Schaal",
    "municipality": "Gemeente",
    "neighbourhood": "Wijk of buurt",
    "province": "Provincie",
    "also_in": "Ook in",
    "coordinates": "Ligging op de kaart",
    "lat": "Breedtegraad",
    "lon": "Lengtegraad",
    "themes": "Thema's",
    "target_groups": "Doelgroepen",
    "partners": "Partners",
    "name": "Naam",
    "role": "Soort partner",
    "started": "Gestart in",
    "status": "Status",
    "evidence": "Onderbouwing",
    "sources": "Bronnen",
    "url": "Webadres",
    "publisher": "Uitgever",
    "date": "Datum",
    "contact": "Contact",
    "organisation": "Organisatie",
    "keywords": "Zoekwoorden",
    "related": "Verwante kaarten",
    "last_reviewed": "Laatst nagekeken",
    "start": "Begin",
    "end": "Einde",
    "time_known": "Tijd bekend",
    "organisers": "Organisatoren",
    "practices": "Praktijken",
    "description": "Beschrijving",
    "registration": "Aanmelden",
    "recording": "Opname",
    "research": "Onderzoek",
    "researchers": "Onderzoekers",
    "funders": "Geldgevers",
    "figures": "Cijfers",
    "what": "Soort cijfer",
    "value": "Getal",
    "year": "Jaar",
    "source": "Bron",
    "note": "Toelichting",
}


def label(field: Field) -> str:
    return LABELS.get(field.name, field.name)
