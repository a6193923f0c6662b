"""The page "Open data": the files, their fields and their licences.

Generated, not hand-written: the field list comes from the card schema and the
vocabularies from taxonomy.yml, and the map data's sources from the data files
themselves, so this page cannot drift from what the exports contain.
"""

from __future__ import annotations

from ..exports.formats import (FEED_FILE, FEED_SIZE, LIST_SEPARATOR, PRACTICES_CSV, PRACTICES_JSON,
                               SCHEMA_VERSION, WEBINAR_KEYS, WEBINARS_JSON)
from ..geo.places import load_gazetteer
from ..geo.shapes import load_outlines
from ..licence import ATTRIBUTION, CONTENT_LICENCE, CONTENT_LICENCE_URL
from ..content.schema import PRACTICE, Field
from ..content.taxonomy import Taxonomy
from ..urls import SiteAddress
from .markup import html_link, text
from .map import OPEN_DATA_SRC

def _cell(value: str) -> str:
    return text(value).replace("|", "\\|")


def _field_rows(field: Field, taxonomy: Taxonomy, prefix: str = "") -> list[str]:
    """One table row per key; nested keys as 'place.municipality', list items as 'partners[].name'."""
    key = prefix + field.name
    empty = "een lege lijst" if field.kind.is_list else "null"
    optional = "" if field.required else f" Mag ontbreken: dan {empty}."
    rows = [f"| `{key}` | {_cell(field.kind.describe(field, taxonomy))} | {_cell(field.description)}{optional} |"]
    children = field.fields or (field.item.fields if field.kind.is_list and field.item else ())
    child_prefix = key + ("[]." if field.kind.is_list else ".")
    for child in children:
        rows.extend(_field_rows(child, taxonomy, child_prefix))
    return rows


OPEN_DATA_META = {"title": "Open data", "description": "De praktijken en webinars als open data: "
                  "JSON, CSV en een Atom-feed, met uitleg van de velden en de licentie."}


def open_data_page(taxonomy: Taxonomy, address: SiteAddress) -> str:
    def file_link(name: str) -> str:
        return html_link(name, address.relative_file(OPEN_DATA_SRC, name))

    rows = ["| sleutel | soort | toelichting |", "|---|---|---|",
            "| `slug` | tekst | De bestandsnaam van de kaart zonder .md; blijft gelijk. |",
            "| `path` | tekst | Waar de kaart op deze site staat, vanaf het begin van de site. |",
            "| `url` | webadres | Het volledige adres van de kaart (null als het adres van de site niet bekend is). |"]
    for field in PRACTICE.fields:
        rows.extend(_field_rows(field, taxonomy))
    rows += ["| `source_path` | tekst | Het bestand van de kaart in de broncode, zoals `practices/naam.md`. |",
             "| `body` | tekst | De tekst van de kaart in Markdown, met de vaste kopjes. |"]
    webinar_rows = ["| sleutel | toelichting |", "|---|---|"] + [
        f"| `{key}` | {_cell(description)} |" for key, description in WEBINAR_KEYS.items()
    ]
    vocabularies = []
    for name in ("scope", "provinces", "themes", "target_groups", "partner_roles", "status", "evidence",
                 "figure_kinds"):
        vocabulary = taxonomy[name]
        values = "; ".join(f"`{key}` {text(value)}" for key, value in vocabulary.values.items())
        renamed = "".join(f" (`{old}` heet nu `{new}`; oude bestanden kunnen die nog hebben, de open data "
                          "niet)" for old, new in vocabulary.renamed.items())
        vocabularies.append(f"- **{text(vocabulary.plural)}:** {values}{renamed}")
    evidence = taxonomy["evidence"]
    evidence_rows = ["| sleutel | naam | betekenis |", "|---|---|---|"] + [
        f"| `{key}` | {_cell(value)} | {_cell(evidence.descriptions.get(key, ''))} |"
        for key, value in evidence.values.items()
    ]
    outlines, places = load_outlines().about, load_gazetteer().about
    return "\n".join([
        "# Open data\n",
        "Alles wat op de praktijkkaarten staat, is ook los te gebruiken: voor onderzoek, in een eigen "
        "overzicht van een gemeente of op een andere website. De bestanden worden bij elke bouw van de "
        "site opnieuw gemaakt uit dezelfde kaarten als de pagina's, dus ze zijn altijd even actueel.\n",
        "## De bestanden\n",
        f"- {file_link(PRACTICES_JSON)}: alle praktijkkaarten, met alle velden, het adres van elke "
        "kaart en de tekst (JSON, UTF-8).",
        f"- {file_link(PRACTICES_CSV)}: dezelfde gegevens als tabel, één regel per kaart "
        "(CSV met komma's, UTF-8, eerste regel met de kolomnamen).",
        f"- {file_link(WEBINARS_JSON)}: alle webinars (JSON, UTF-8).",
        f"- {file_link(FEED_FILE)}: een Atom-feed met nieuwe en bijgewerkte praktijken, voor een "
        "feedlezer. Een kaart komt bovenaan zodra de datum 'laatst nagekeken' verandert; de feed "
        f"bevat de {FEED_SIZE} meest recente kaarten.\n",
        "Elke kaartpagina beschrijft de praktijk bovendien als gestructureerde gegevens "
        "(schema.org, JSON-LD), zodat zoekmachines en andere hulpmiddelen haar kunnen lezen.\n",
        "## Licentie\n",
        f"De teksten en gegevens van de Praktijkbank mag u gebruiken onder de licentie "
        f'{html_link("Creative Commons Naamsvermelding 4.0 (" + CONTENT_LICENCE + ")", CONTENT_LICENCE_URL)}: '
        "overnemen, bewerken en verspreiden mag, ook voor andere doelen, als u de bron noemt: "
        f"'{text(ATTRIBUTION)}', met een link naar de kaart.\n",
        "De bronnen waar een kaart naar verwijst (artikelen, rapporten, websites), houden hun eigen "
        "rechten. De Praktijkbank vat ze samen in eigen woorden en linkt ernaar; wie een bron zelf "
        "wil overnemen, vraagt toestemming aan de uitgever ervan.\n",
        "## Versie van het formaat\n",
        f"De JSON-bestanden noemen hun formaat in `schema_version` (nu {SCHEMA_VERSION}). Komt er een "
        "veld bij, dan gaat het getal achter de punt omhoog; verdwijnt of verandert een veld, dan het "
        "getal ervoor. Bovenin staan ook de licentie (`licence`), het adres van de site (`site_url`) "
        "en het aantal (`count`).\n",
        "## Velden van een praktijk\n",
        f"In {PRACTICES_JSON} is elke praktijk een object met deze sleutels. Een veld dat op de kaart "
        "ontbreekt, staat er als `null` (of als lege lijst) in, zodat elke praktijk dezelfde sleutels heeft.\n",
        "\n".join(rows) + "\n",
        f"In {PRACTICES_CSV} heet elke kolom naar dezelfde sleutel; onderdelen krijgen een punt "
        "(`place.municipality`). Een lijst staat in één cel, de delen gescheiden door "
        f"`{LIST_SEPARATOR.strip()}` met een spatie ervoor en erna; een `|` of `\\` in een waarde "
        "krijgt een `\\` ervoor. Bij partners, bronnen en cijfers hoort het zoveelste deel van de ene kolom bij "
        "het zoveelste deel van de andere: de tweede naam in `partners.name` heeft de tweede rol in "
        "`partners.role`. Een lege cel betekent dat het veld ontbreekt; `sources.research` is per bron "
        "`true` of `false`.\n",
        "## Onderbouwing\n",
        "Het veld `evidence` zegt wie zegt dat een praktijk werkt. Bij `onafhankelijk-onderzoek` en "
        "`onderzoek-met-partners` heeft minstens één bron `research: true`: dat is het onderzoek zelf. "
        "`researchers` noemt wie het onderzoek deed, `funders` wie de praktijk betaalt zonder partner te zijn; "
        "`figures` geeft cijfers over omvang en geld, elk met in `source` het nummer van de bron in "
        "`sources` (1 is de eerste).\n",
        "\n".join(evidence_rows) + "\n",
        "## Woordenlijsten\n",
        "Waar een veld een sleutel uit een woordenlijst heeft, staat in de bestanden de sleutel; op de "
        "site staat de naam erachter. De woordenlijsten (uit taxonomy.yml):\n",
        "\n".join(vocabularies) + "\n",
        "## Velden van een webinar\n",
        f"In {WEBINARS_JSON} is elk webinar een object met deze sleutels. Tijden staan in "
        "Nederlandse tijd met de afwijking van UTC erbij (`2022-03-22T14:30:00+01:00`).\n",
        "\n".join(webinar_rows) + "\n",
        "## De kaart van Nederland\n",
        "De kaart op de pagina Praktijken is bij het bouwen van de site getekend, zonder kaartdienst "
        "van buiten. De bronnen hebben hun eigen voorwaarden:\n",
        f"- **Provinciegrenzen:** {text(outlines['source'])}, {html_link('Natural Earth', outlines['source_url'])}; "
        f"{text(outlines['licence'])}. Uit het npm-pakket {text(outlines['package'])}.",
        f"- **Plaatsen:** {text(places['source'])}, {html_link('GeoNames', places['source_url'])}, licentie "
        f"{html_link(places['licence'], places['licence_url'])}. Uit het PyPI-pakket {text(places['package'])}.\n",
        "De bronnen van de kaarten noemen een gemeente, geen adres. Een stip staat daarom in de plaats "
        "die dezelfde naam heeft als de gemeente, in de provincie van de kaart. Geeft een kaart zelf "
        "coördinaten (`coordinates`), dan staat de stip daar. Een landelijke aanpak staat naast de kaart. "
        "De kaart gebruikt het Rijksdriehoekstelsel (RD), zodat Nederland er niet uitgerekt uitziet.\n",
    ])
