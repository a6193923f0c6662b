"""Pages for contributors and maintainers, made from the schema and the cards.

"Velden van een kaart" documents every field from the same declarations the check
uses; "Te herzien" lists the cards due for their yearly review, oldest first; the
JSON Schemas are served beside them. All live under /bijdragen/ and /schemas/.
"""

from __future__ import annotations

import datetime as dt

from ..checks.freshness import age_text, due_for_review
from ..authoring.json_schema import all_json_schemas, schema_path
from ..content.models import Practice, Source
from ..content.schema import HEADINGS, PRACTICE, SCHEMAS, Field, label
from ..content.taxonomy import Taxonomy, Vocabulary
from ..checks.fields import source_warnings
from ..sitemodel.source import Html, PageSource, RawFile
from ..urls import SiteAddress
from .listing import card_src_uri
from .markup import NOT_IN_SEARCH, dutch_date, escaped, html_link, html_table, link, text

CONTRIBUTING_FOLDER = "bijdragen"
FIELDS_SRC = f"{CONTRIBUTING_FOLDER}/velden.md"
REVIEW_SRC = f"{CONTRIBUTING_FOLDER}/te-herzien.md"


def _cell(value: str) -> str:
    """Text made safe for a Markdown table cell (a '|' would end the cell)."""
    return text(value).replace("|", "\\|")


def _vocabulary_anchor(vocabulary: str) -> str:
    return f"woordenlijst-{vocabulary.replace('_', '-')}"


def _example(field: Field) -> str:
    example = field.example
    if example is None:
        return ""
    if field.kind.is_list:  # the items as a person types them, without the brackets
        shown = ", ".join(field.item.kind.typed(field.item, item) for item in example)
    else:
        shown = field.kind.typed(field, example)
    return f"`{shown}`" if "`" not in shown else _cell(shown)


def _field_rows(field: Field, taxonomy: Taxonomy, path: str) -> list[str]:
    explanation = f"**{_cell(label(field))}.** {_cell(field.description)}"
    if field.kind.is_text and field.max_length:
        explanation += f" Hoogstens {field.max_length} tekens."
    vocabulary_field = field.vocabulary_field
    if vocabulary_field is not None:
        plural = taxonomy[vocabulary_field.vocabulary].plural
        explanation += f" Kies uit de woordenlijst [{_cell(plural)}](#{_vocabulary_anchor(vocabulary_field.vocabulary)})."
    rows = [f"| `{path}` | {explanation} | {'ja' if field.required else 'nee'} | {_example(field)} |"]
    if field.kind.is_mapping:
        for child in field.fields:
            rows += _field_rows(child, taxonomy, f"{path}.{child.name}")
    elif field.holds_groups:
        for child in field.item.fields:
            rows += _field_rows(child, taxonomy, f"{path}[].{child.name}")
    return rows


def _fields_table(root: Field, taxonomy: Taxonomy) -> str:
    rows = ["| Veld | Uitleg | Verplicht | Voorbeeld |", "|---|---|---|---|"]
    for field in root.fields:
        rows += _field_rows(field, taxonomy, field.name)
    return "\n".join(rows) + "\n"


def _vocabularies(taxonomy: Taxonomy) -> str:
    used: list[str] = []

    def collect(field: Field) -> None:  # in the order the fields come, as in the tables above
        if field.vocabulary and field.vocabulary not in used:
            used.append(field.vocabulary)
        for inner in (*field.fields, *([field.item] if field.item else [])):
            collect(inner)

    for root in SCHEMAS.values():
        collect(root)
    parts = ["## Woordenlijsten\n",
             "In een bestand schrijft u de waarde uit de linkerkolom; de site toont de rechterkolom. "
             "De lijsten staan in `taxonomy.yml`.\n"]
    for name in used:
        parts.append(vocabulary_section(taxonomy[name]))
    return "\n".join(parts)


def vocabulary_section(vocabulary: Vocabulary) -> str:
    """One vocabulary as a table: key, label and, where taxonomy.yml gives them, explanations;
    below it the old keys that still work."""
    if vocabulary.descriptions:
        rows = "\n".join(f"| `{key}` | {_cell(shown)} | {_cell(vocabulary.descriptions.get(key, ''))} |"
                         for key, shown in vocabulary.values.items())
        table = f"| Waarde | Op de site | Betekenis |\n|---|---|---|\n{rows}\n"
    else:
        rows = "\n".join(f"| `{key}` | {_cell(shown)} |" for key, shown in vocabulary.values.items())
        table = f"| Waarde | Op de site |\n|---|---|\n{rows}\n"
    section = f"### {text(vocabulary.plural)} {{#{_vocabulary_anchor(vocabulary.name)}}}\n\n{table}"
    if vocabulary.renamed:
        renamed = "; ".join(f"`{old}` heet nu `{new}`" for old, new in vocabulary.renamed.items())
        section += (f"\nHernoemd: {renamed}. Een kaart met de oude waarde werkt nog, maar de controle "
                    "waarschuwt: schrijf de nieuwe.\n")
    return section


FIELDS_META = {"title": "Velden van een kaart",
               "description": "Alle velden van een praktijkkaart en een webinar, met uitleg en voorbeelden."}
# The maintainers' to-do list only repeats the cards' names: search finds the cards themselves.
REVIEW_META = {"title": "Te herzien", **NOT_IN_SEARCH,
               "description": "Praktijkkaarten die langer dan een jaar niet zijn nagekeken, en bronnen die "
                              "een beter adres of een datum nodig hebben."}


def fields_page(taxonomy: Taxonomy) -> str:
    """The page's Markdown (its meta data: ``FIELDS_META``)."""
    schema_links = " · ".join(link(f"{name}.schema.json", schema_path(name), FIELDS_SRC) for name in SCHEMAS)
    headings = "\n".join(f"{i}. **{text(h.title)}**: {text(h.description)}" for i, h in enumerate(HEADINGS, 1))
    sections = [
        "# Velden van een kaart\n",
        "Deze pagina wordt gemaakt uit het schema van de Praktijkbank, net als de controle "
        "(`praktijkbank check`), de lege kaart van `praktijkbank nieuw` en het aanmeldformulier. "
        "Wat hier staat, is dus precies wat de controle vraagt.\n",
        f"Voor editors en hulpmiddelen is er ook een JSON Schema: {schema_links}.\n",
        "## Praktijkkaart\n",
        "Een kaart is een bestand `practices/<naam>.md`. Bovenaan staat tussen twee regels `---` de kop "
        "met de velden hieronder; daaronder de tekst.\n",
        _fields_table(PRACTICE, taxonomy),
        "### Koppen in de tekst\n",
        "De tekst van elke kaart heeft deze koppen (`## …`), in deze volgorde, zodat kaarten naast "
        "elkaar te leggen zijn. Alleen een kop die 'Optioneel' zegt, mag ontbreken:\n",
        headings + "\n",
    ]
    for name, root in SCHEMAS.items():
        if root is not PRACTICE:
            sections += [f"## {text(name.capitalize())}\n", text(root.description) + "\n",
                         _fields_table(root, taxonomy)]
    sections.append(_vocabularies(taxonomy))
    return "\n".join(sections)


def sources_to_check(practices: list[Practice]) -> list[tuple[Practice, int, Source, list[str]]]:
    """(card, number of the source, source, reasons) for every source ``check`` warns about,
    by card title and then in the order of the card's sources."""
    found = []
    for practice in sorted(practices, key=lambda p: (p.title.casefold(), p.slug)):
        for number, source in enumerate(practice.sources, 1):
            reasons = [w.reason for w in source_warnings(source.url, source.date)]
            if reasons:
                found.append((practice, number, source, reasons))
    return found


def _sources_section(practices: list[Practice], address: SiteAddress) -> list[str | Html]:
    found = sources_to_check(practices)
    intro = ("## Bronnen om na te kijken\n\n"
             "Elk feit op een kaart komt uit een bron, en het adres van die bron wijst naar de pagina waar "
             "het feit staat. Bij deze bronnen wijst het adres naar de voorpagina van een website, of "
             "ontbreekt de datum. Zoek de pagina met het feit op en zet het adres erbij; noemt de pagina "
             "een datum, zet die dan bij `date`.\n")
    if not found:
        return [intro, "Alle bronnen hebben een eigen adres en een datum.\n"]
    cards = len({practice.slug for practice, *_ in found})
    count = (f"{len(found)} {'bron' if len(found) == 1 else 'bronnen'} op "
             f"{cards} {'kaart' if cards == 1 else 'kaarten'}.\n")
    rows = [(_card_link(practice, address), f"{number}. {escaped(source.title)} (<code>{escaped(source.url)}</code>)",
             escaped("; ".join(reasons)), f"<code>{escaped(practice.source_path)}</code>")
            for practice, number, source, reasons in found]
    return [intro, count, html_table(("Kaart", "Bron", "Wat er mist", "Bestand"), rows)]


def _card_link(practice: Practice, address: SiteAddress) -> str:
    return html_link(practice.title, address.relative(REVIEW_SRC, card_src_uri(practice.slug)))


def review_page(practices: list[Practice], today: dt.date, address: SiteAddress = SiteAddress()) -> PageSource:
    """The page: its prose in Markdown, its lists as finished HTML tables (thousands of rows with
    many sources to check: as a Markdown table that took two seconds to render at 1,000 cards)."""
    due = due_for_review(practices, today)
    intro = (
        "Elke kaart wordt minstens eens per jaar nagekeken: kloppen de feiten nog met de bronnen, "
        "en loopt de praktijk nog? Hier staan de kaarten die langer dan een jaar niet zijn "
        f"nagekeken, de oudste eerst, en daarna de bronnen die een beter adres of een datum nodig "
        f"hebben. Stand op {dutch_date(today)}.\n"
    )
    how = (
        "## Zo kijkt u een kaart na\n\n"
        "1. Open de kaart en lees de bronnen onderaan opnieuw.\n"
        "2. Pas aan wat niet meer klopt, en noem nieuwe bronnen onder `sources`.\n"
        "3. Zet `last_reviewed` op de datum van vandaag.\n"
        f"4. Stuur de wijziging in als pull request; zie {link('Bijdragen', f'{CONTRIBUTING_FOLDER}/index.md', REVIEW_SRC)}.\n"
    )
    if not due:
        listing: list[str | Html] = ["Alle kaarten zijn het afgelopen jaar nagekeken: er is nu geen kaart aan de beurt.\n"]
    else:
        rows = [(_card_link(p, address), escaped(p.place.label()), escaped(dutch_date(p.last_reviewed)),
                 escaped(age_text(p.last_reviewed, today)), f"<code>{escaped(p.source_path)}</code>") for p in due]
        count = "1 kaart" if len(due) == 1 else f"{len(due)} kaarten"
        listing = [f"{count} te herzien.\n",
                   html_table(("Kaart", "Plaats", "Laatst nagekeken", "Geleden", "Bestand"), rows)]
    return PageSource.of(REVIEW_SRC, REVIEW_META,
                         ["# Te herzien\n", intro, listing, how, _sources_section(practices, address)])


def contributor_pages(practices: list[Practice], taxonomy: Taxonomy, today: dt.date,
                      address: SiteAddress = SiteAddress()) -> list[PageSource | RawFile]:
    """The two pages, and the JSON Schemas as files of their own (MkDocs copies them as they are)."""
    pages: list[PageSource | RawFile] = [PageSource.of(FIELDS_SRC, FIELDS_META, [fields_page(taxonomy)]),
                                         review_page(practices, today, address)]
    pages += [RawFile(path, schema) for path, schema in all_json_schemas(taxonomy).items()]
    return pages
