"""What the cards know: the page "Wat weten we?" and a card's figures in words.

"Wat weten we?" counts the cards per theme and per kind of evidence, so a reader sees at a
glance where the field has research behind it and where it has only the partners' own word.
It is finished HTML; the site wires it in with a function that gives each theme page's address.

The figures of a card (scale and money, each with its source) are written here too, for the
facts panel: "565 woningen (2017, bron 2)".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from html import escape

from ..content.models import Figure, Practice
from ..sitemodel.source import PageSource, html_block
from ..urls import SiteAddress
from ..content.schema import MONEY_FIGURES, RESEARCH_EVIDENCE
from ..content.taxonomy import Taxonomy
from .facets import FACET_BY_VOCABULARY

TITLE = "Wat weten we?"


# -- numbers and figures ----------------------------------------------------------------------------


def dutch_number(value: float | int) -> str:
    """2500000 as '2.500.000' and 2.5 as '2,5': a point between thousands, a comma before decimals."""
    if float(value).is_integer():
        text = f"{int(value):,}"
    else:
        text = f"{value:,}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def _word(what: str, taxonomy: Taxonomy) -> str:
    """'woningen' or 'budget': the kind's label in lower case, without a note in brackets."""
    return re.sub(r"\s*\([^)]*\)", "", taxonomy["figure_kinds"].label_of(what)).strip().lower()


def figure_text(figure: Figure, taxonomy: Taxonomy) -> str:
    """'565 woningen (2017, bron 2)' or 'budget € 2.500.000 (bron 1)', with its note after a dash."""
    number, word = dutch_number(figure.value), _word(figure.what, taxonomy)
    main = f"{word} € {number}" if figure.what in MONEY_FIGURES else f"{number} {word}"
    details = ([str(figure.year)] if figure.year else []) + [f"bron {figure.source}"]
    text = f"{main} ({', '.join(details)})"
    return f"{text} – {figure.note}" if figure.note else text


def figure_texts(practice: Practice, taxonomy: Taxonomy) -> list[str]:
    """Every figure of the card, in its order, as plain text; then a line for each kind and year on
    which the sources give different numbers (both numbers are shown, each with its source)."""
    lines = [figure_text(figure, taxonomy) for figure in practice.figures]
    values: dict[tuple[str, int | None], set[float]] = {}
    for figure in practice.figures:
        values.setdefault((figure.what, figure.year), set()).add(float(figure.value))
    for (what, year), found in values.items():
        if len(found) > 1:
            about = f"het {_word(what, taxonomy)}" if what in MONEY_FIGURES else f"het aantal {_word(what, taxonomy)}"
            lines.append(f"De bronnen noemen een ander getal voor {about}{f' in {year}' if year else ''}.")
    return lines


# -- the page "Wat weten we?" -----------------------------------------------------------------------


def evidence_counts(practices: Sequence[Practice], taxonomy: Taxonomy) -> dict[str, dict[str, int]]:
    """theme -> evidence -> number of cards with both, for every theme and evidence of the taxonomy."""
    counts = {theme: dict.fromkeys(taxonomy["evidence"].values, 0) for theme in taxonomy["themes"].values}
    for practice in practices:
        for theme in dict.fromkeys(practice.themes):
            if theme in counts and practice.evidence in counts[theme]:
                counts[theme][practice.evidence] += 1
    return counts


def _cards(count: int) -> str:
    return "1 kaart" if count == 1 else f"{count} kaarten"


def _summary(practices: Sequence[Practice], taxonomy: Taxonomy) -> str:
    """The honest paragraph: how much of the field rests on research, in the cards' own numbers."""
    total = len(practices)
    if total == 0:
        return "<p>Er staan nog geen praktijken in de Praktijkbank, dus hier is nog niets te tellen.</p>"
    by_evidence = {key: sum(1 for p in practices if p.evidence == key) for key in taxonomy["evidence"].values}
    research = sum(by_evidence.get(key, 0) for key in RESEARCH_EVIDENCE)
    independent = by_evidence.get("onafhankelijk-onderzoek", 0)
    own_word = by_evidence.get("zelf-gerapporteerd", 0) + by_evidence.get("geen-resultaten-bekend", 0)
    if research == 0:
        on_research = "rust er nog geen enkele op onderzoek."
    else:
        on_research = (f"{'rust' if research == 1 else 'rusten'} er {research} op onderzoek, en daarvan "
                       f"{independent or 'geen enkele'} op onafhankelijk onderzoek.")
    return (
        f"<p>Van de {_cards(total)} in de Praktijkbank {on_research} Bij {own_word} weten we alleen wat de "
        "partners er zelf over zeggen, of zijn er nog geen resultaten. Dat is geen oordeel over die "
        "praktijken: het zegt hoe weinig er in dit veld onderzocht wordt. Waar een kolom leeg blijft, weet "
        "het veld weinig, en dat laten we hier zien in plaats van het te verbergen.</p>"
    )


def evidence_overview_html(practices: Sequence[Practice], taxonomy: Taxonomy,
                           link_to_theme: Callable[[str], str]) -> str:
    """The body of the page "Wat weten we?" as finished HTML, starting with its <h1>.

    A table of themes (rows) against kinds of evidence (columns): each cell the number of cards
    with that theme and that evidence, linking to the theme's page where it is not 0.
    ``link_to_theme(theme_key)`` gives the relative address of a theme's page.
    """
    themes, evidence = taxonomy["themes"], taxonomy["evidence"]
    counts = evidence_counts(practices, taxonomy)
    header = "".join(f'<th scope="col">{escape(label)}</th>' for label in evidence.values.values())
    rows = []
    for theme, label in themes.values.items():
        cells = []
        for key, evidence_label in evidence.values.items():
            count = counts[theme][key]
            if count:
                name = f"{_cards(count)} over {label.lower()}: {evidence_label.lower()}"
                cells.append(f'<td><a href="{escape(link_to_theme(theme))}" aria-label="{escape(name)}">{count}</a></td>')
            else:
                cells.append("<td>0</td>")
        with_theme = sum(1 for p in practices if theme in p.themes)
        rows.append(f'<tr><th scope="row">{escape(label)}</th>{"".join(cells)}<td>{with_theme}</td></tr>')
    totals = "".join(f"<td>{sum(1 for p in practices if p.evidence == key)}</td>" for key in evidence.values)
    rows.append(f'<tr><th scope="row">Alle kaarten</th>{totals}<td>{len(practices)}</td></tr>')
    definitions = "\n".join(
        f"<dt>{escape(label)}</dt>\n<dd>{escape(evidence.descriptions.get(key, ''))}</dd>"
        for key, label in evidence.values.items()
    )
    return "\n".join([
        f"<h1>{TITLE}</h1>",
        "<p>Hoe weten we dat een praktijk werkt? Bij elke kaart staat wie dat zegt: de partners zelf, een "
        "evaluatie, of onderzoek. Deze tabel telt de kaarten per thema en per soort onderbouwing.</p>",
        _summary(practices, taxonomy),
        '<table class="pb-evidence">',
        "<caption>Aantal kaarten per thema en onderbouwing. Een kaart met meer thema's telt bij elk thema "
        "mee; de onderste regel telt elke kaart één keer.</caption>",
        f'<thead><tr><th scope="col">Thema</th>{header}<th scope="col">Alle onderbouwingen</th></tr></thead>',
        "<tbody>", *rows, "</tbody>",
        "</table>",
        "<h2>Wat de onderbouwingen betekenen</h2>",
        f"<dl>\n{definitions}\n</dl>",
    ])


EVIDENCE_OVERVIEW_SRC = "wat-weten-we.md"


def evidence_overview_page(practices: Sequence[Practice], taxonomy: Taxonomy, address: SiteAddress) -> PageSource:
    """The page "Wat weten we?" at /wat-weten-we/."""
    def link_to_theme(key: str) -> str:
        return address.relative(EVIDENCE_OVERVIEW_SRC, FACET_BY_VOCABULARY["themes"].src_uri(key))

    body = evidence_overview_html(practices, taxonomy, link_to_theme)
    return PageSource.of(EVIDENCE_OVERVIEW_SRC, {
        "title": TITLE, "hide": ["toc"],
        "description": "Hoeveel praktijken per thema welke onderbouwing hebben: waar het veld weinig weet, "
                       "staat dat er."}, [html_block(body)])
