"""Compare: two to four cards side by side, field by field (/vergelijken/).

The page holds every card's column as finished HTML, hidden; docs/assets/vergelijken.js
lays the chosen ones side by side in a table. The choice lives in the address
(``?kaart=a&kaart=b``), so a reload or a bookmark keeps it, and works from file:// too.
People choose on this page, on the overview ("Vergelijk" on each entry) and on each card
("Vergelijk met…"). Without JavaScript the page says so and points to the card set.

The fields are the facts every card has (place, partners and their roles, themes, target
groups, start, status, evidence), then three of its texts:

- "Aanpak in het kort" is the card's summary. Every card has one, of at most 400 characters,
  written to stand on its own; the section "Aanpak" is a list of a hundred words or more, and
  cutting it short would drop whatever comes after the cut, such as who says so. The card's
  own page is one click away for the whole approach.
- "Resultaten" is the card's section of that name, whole: what is known and who reported it
  belong together (the evidence label says how far the results were checked).
- "Bronnen" are the card's sources, as on its page.

A card's section is taken from the rendering made for its page, which knows where each
section of the card's text lies (``sitemodel.markdown.Rendering.sections``), and filled in for
this page (``Rendering.html_for``), as the card set does: no card text is rendered or read twice.
"""

from __future__ import annotations

from collections.abc import Callable

from ..licence import ATTRIBUTION
from ..content.models import Practice
from ..sitemodel.source import PageSource, html_block
from ..content.taxonomy import Taxonomy
from ..urls import SiteAddress
from .card import _facet_links, evidence_badge_long, sources_list
from .cardset import CARDSET_SRC
from .listing import PRACTICES_FOLDER, card_src_uri, place_line
from .markup import NOT_IN_SEARCH, attr, escaped, html_link

COMPARE_FOLDER = "vergelijken"
COMPARE_SRC = f"{COMPARE_FOLDER}/index.md"
COMPARE_TITLE = "Praktijken vergelijken"
MOST = 4  # columns side by side that stay readable, on a screen and on A4
MOST_WORD = "vier"  # MOST, as the text says it

# (key, row label): the rows of the table, in this order. vergelijken.js reads the labels
# from the page, so this is the one list.
FIELDS = (
    ("plaats", "Plaats"),
    ("partners", "Partners en hun rol"),
    ("themas", "Thema's"),
    ("doelgroepen", "Doelgroepen"),
    ("gestart", "Gestart"),
    ("status", "Status"),
    ("onderbouwing", "Onderbouwing"),
    ("aanpak", "Aanpak in het kort"),
    ("resultaten", "Resultaten"),
    ("bronnen", "Bronnen"),
)
RESULTS_HEADING = "Resultaten"

def _cells(practice: Practice, taxonomy: Taxonomy, results: str, address: SiteAddress) -> dict[str, str]:
    src = COMPARE_SRC
    place = escaped(place_line(practice, taxonomy))
    if practice.place.also_in:
        place += "<br>Ook in: " + escaped(", ".join(practice.place.also_in))
    partners = "<br>".join(
        f"{escaped(p.name)} ({_facet_links('partner_roles', (p.role,), taxonomy, src, address)})"
        for p in practice.partners)
    return {
        "plaats": place,
        "partners": partners,
        "themas": _facet_links("themes", practice.themes, taxonomy, src, address),
        "doelgroepen": _facet_links("target_groups", practice.target_groups, taxonomy, src, address),
        "gestart": str(practice.started) if practice.started else "onbekend",
        "status": _facet_links("status", (practice.status,), taxonomy, src, address),
        "onderbouwing": evidence_badge_long(practice, taxonomy, named=False),
        "aanpak": f"<p>{escaped(practice.summary)}</p>",
        "resultaten": results or "<p>De kaart noemt geen resultaten.</p>",
        "bronnen": sources_list(practice),
    }


def compare_column(practice: Practice, taxonomy: Taxonomy, results: str, address: SiteAddress) -> str:
    """One card's column, hidden until chosen: its title (a link to the card) and a cell per field.
    ``results``: the card's section "Resultaten" as HTML for this page ('' when it has none)."""
    cells = _cells(practice, taxonomy, results, address)
    link = address.relative(COMPARE_SRC, card_src_uri(practice.slug))
    return (
        f'<div class="pb-compare-card" data-kaart="{attr(practice.slug)}">\n'
        f'<div data-field="titel">{html_link(practice.title, link)}</div>\n'
        + "\n".join(f'<div data-field="{key}">{cells[key]}</div>' for key, _ in FIELDS)
        + "\n</div>"
    )


def _picker(practices: list[Practice], taxonomy: Taxonomy) -> str:
    options = "\n".join(
        f'<li><label class="pb-compare-option"><input type="checkbox" name="kaart" value="{attr(p.slug)}"> '
        f'<span class="pb-compare-name">{escaped(p.title)}</span> '
        f'<span class="pb-compare-place">{escaped(place_line(p, taxonomy))}</span></label></li>'
        for p in practices)
    return (
        '<form class="pb-compare-picker" id="pb-compare-picker" hidden>\n'
        f'<fieldset>\n<legend>Kies twee tot {MOST_WORD} praktijken</legend>\n'
        f'<ul class="pb-compare-options">\n{options}\n</ul>\n</fieldset>\n'
        '<button type="reset" class="md-button pb-compare-clear">Keuze wissen</button>\n'
        "</form>"
    )


def compare_page(practices: list[Practice], taxonomy: Taxonomy, card_section: Callable[[str, str], str],
                 address: SiteAddress | None = None) -> PageSource:
    """The page. ``card_section(slug, heading)``: the section of a card's own text under that
    heading, as HTML for this page (links re-aimed, ids made unique; '' when there is none)."""
    address = address or SiteAddress()
    cards = sorted(practices, key=lambda p: p.title.casefold())
    columns = "\n".join(compare_column(p, taxonomy, card_section(p.slug, RESULTS_HEADING), address) for p in cards)
    labels = "".join(f'<li data-field="{key}">{escaped(label)}</li>' for key, label in FIELDS)
    overview = address.relative(COMPARE_SRC, f"{PRACTICES_FOLDER}/index.md")
    cardset = address.relative(COMPARE_SRC, CARDSET_SRC)
    meta = {"title": COMPARE_TITLE, "hide": ["navigation", "toc"], **NOT_IN_SEARCH,
            "description": f"Twee tot {MOST_WORD} praktijken naast elkaar: plaats, partners, thema's, doelgroepen, "
                           "onderbouwing, aanpak, resultaten en bronnen."}
    return PageSource.of(COMPARE_SRC, meta, [
        f"# {COMPARE_TITLE}\n",
        html_block(
            f'<div class="pb-compare" id="pb-compare" data-most="{MOST}">\n'
            # On paper only; vergelijken.js puts in the day of printing.
            f'<p class="pb-print-header"><span class="pb-print-site">{escaped(ATTRIBUTION)}</span> · '
            '<span data-pb-print-date></span></p>\n'
            f'<p class="pb-compare-intro">Leg twee tot {MOST_WORD} praktijken naast elkaar: per kenmerk ziet u de '
            "verschillen. Kies ze hieronder, in het overzicht "
            f'{html_link("Praktijken", overview)} (bij elke praktijk "Vergelijk"), '
            'of op een kaart met "Vergelijk met…".</p>\n'
            '<div class="pb-compare-nojs" id="pb-compare-nojs">\n'
            "<p><strong>Vergelijken werkt alleen met JavaScript</strong>, en dat staat in deze browser uit. "
            f"Zonder JavaScript kunt u de praktijken bekijken in het {html_link('overzicht', overview)}, of de "
            f"{html_link('kaartenset', cardset)} afdrukken en de kaarten naast elkaar leggen: elke kaart heeft "
            "dezelfde kenmerken op dezelfde plaats.</p>\n</div>\n"
            '<p class="pb-compare-status" id="pb-compare-status" role="status"></p>\n'
            '<div class="pb-compare-view" id="pb-compare-view" hidden></div>\n'
            + _picker(cards, taxonomy) + "\n"
            f'<ul class="pb-compare-labels" hidden>{labels}</ul>\n'
            f'<div class="pb-compare-data" hidden>\n{columns}\n</div>\n'
            "</div>"),
    ])
