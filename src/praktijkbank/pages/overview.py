"""The overview "Praktijken" and the facet pages that make it browsable without JavaScript.

The overview puts the results where a visitor looks. With JavaScript (docs/assets/filters.js):
on a wide screen the filters are a column beside the list; on a phone they fold into a panel
behind a button "Filters (n)". A bar with the live count, the sort and the choice between list
and map stays in view above the results. The map is a view of the same results, not a section
between filters and list.

Without JavaScript the page is the list, then the map, then the facet pages (one page per
value, "Bladeren per kenmerk"), which do what the filters do; filters.js folds that section
away, since the filters then repeat it.
"""

from __future__ import annotations

from ..content.models import Practice
from ..sitemodel.source import PageSource, html_block
from ..content.taxonomy import NO_CARD_YET, Taxonomy
from ..urls import SiteAddress
from .cardset import CARDSET_SRC
from .facets import FACETS, Facet
from .listing import PRACTICES_FOLDER, ListEntries, card_list
from .map import MAP_SECTION_ID, overview_map
from .markup import NOT_IN_SEARCH, attr, escaped, link, text

CONTRIBUTE_SRC = "bijdragen/index.md"

OVERVIEW_SRC = f"{PRACTICES_FOLDER}/index.md"

# The sorts filters.js offers: (value in the address and the select, label). The first is the
# order the build writes, and so the order without JavaScript. What each means: listing.sort_attributes.
SORTS = (
    ("naam", "Naam"),
    ("plaats", "Plaats"),
    ("nieuw", "Nieuwste eerst"),  # by the year the practice started
    ("nagekeken", "Laatst nagekeken"),
)


def _count_words(count: int) -> str:
    return f"{count} praktijk" if count == 1 else f"{count} praktijken"


def filter_form(practices: list[Practice], taxonomy: Taxonomy) -> str:
    """Checkbox groups per facet. Hidden until the script runs: without it, the facet pages serve."""
    groups = []
    for facet in FACETS:
        vocabulary = taxonomy[facet.vocabulary]
        counts = facet.count(practices)
        options = "\n".join(
            f'<label class="pb-option"><input type="checkbox" name="{facet.segment}" value="{attr(key)}"> '
            f'<span class="pb-option-label">{attr(label)}</span> '
            f'<span class="pb-count" data-count-for="{attr(key)}">({counts.get(key, 0)})</span></label>'
            for key, label in vocabulary.values.items()
            if counts.get(key)
        )
        if options:
            groups.append(
                f'<fieldset class="pb-facet" data-facet="{facet.segment}">\n'
                f"<legend>{attr(vocabulary.label)}</legend>\n{options}\n</fieldset>"
            )
    return (
        '<form class="pb-filters" id="pb-filters" aria-labelledby="pb-filters-title" hidden>\n'
        '<div class="pb-filters-head"><h2 class="pb-filters-title" id="pb-filters-title">Filters</h2>\n'
        '<button type="reset" class="pb-reset">Alle filters wissen</button></div>\n'
        + "\n".join(groups)
        + '\n<button type="button" class="md-button md-button--primary pb-filters-done" id="pb-filters-done">'
        "Toon de praktijken</button>\n</form>\n"
    )


def toolbar(total: int) -> str:
    """The bar above the results: the live count always; the rest only with the script, which works it."""
    sorts = "".join(f'<option value="{value}">{escaped(label)}</option>' for value, label in SORTS)
    return (
        '<div class="pb-toolbar" id="pb-toolbar">\n'
        f'<p class="pb-result" id="pb-result" role="status" aria-live="polite" data-total="{total}">'
        f"{_count_words(total)}</p>\n"
        '<button type="button" class="md-button pb-filter-toggle" id="pb-filter-toggle" aria-expanded="false" '
        'aria-controls="pb-filters" hidden>Filters</button>\n'
        '<div class="pb-sort" id="pb-sort-wrap" hidden><label for="pb-sort">Sorteren op</label> '
        f'<select id="pb-sort">{sorts}</select></div>\n'
        '<div class="pb-views" id="pb-views" role="group" aria-label="Weergave" hidden>'
        '<button type="button" class="pb-view" data-view="lijst" aria-pressed="true">Lijst</button>'
        '<button type="button" class="pb-view" data-view="kaart" aria-pressed="false">Kaart</button></div>\n'
        "</div>\n"
    )


def browse_section(practices: list[Practice], taxonomy: Taxonomy, from_src: str, address: SiteAddress) -> str:
    """The facet pages, value by value: the way to filter without JavaScript. Open as the build writes
    it; filters.js closes it, since the filters do the same."""
    lines = []
    for facet in FACETS:
        vocabulary = taxonomy[facet.vocabulary]
        counts = facet.count(practices)
        values = ", ".join(
            f'<a href="{attr(address.relative(from_src, facet.src_uri(key)))}">{escaped(label)}</a> ({counts[key]})'
            for key, label in vocabulary.values.items()
            if counts.get(key)
        )
        heading = f'<a href="{attr(address.relative(from_src, facet.index_src_uri()))}">{escaped(vocabulary.plural)}</a>'
        lines.append(f"<li><strong>{heading}:</strong> {values or 'nog geen'}</li>")
    return (
        '<details class="pb-browse" id="pb-browse" open>\n'
        "<summary>Zonder JavaScript? Bladeren per kenmerk</summary>\n"
        '<div class="pb-browse-body" id="pb-browse-body">\n'
        '<p>Elk kenmerk heeft een eigen pagina met de praktijken die het hebben.</p>\n'
        f'<ul class="pb-browse-list">\n{chr(10).join(lines)}\n</ul>\n</div>\n</details>\n'
    )


def overview_page(practices: list[Practice], taxonomy: Taxonomy, address: SiteAddress | None = None,
                  entries: ListEntries | None = None) -> PageSource:
    total = len(practices)
    address = address or SiteAddress()
    entries = entries or ListEntries(taxonomy, address)
    meta = {"title": "Praktijken", "hide": ["toc"], **NOT_IN_SEARCH,
            "description": "Alle praktijkkaarten van de Praktijkbank, te filteren op kenmerk."}
    listing = card_list(practices, entries, OVERVIEW_SRC, with_data=True, list_id="pb-list").text
    overview = (
        '<div class="pb-overview" id="pb-overview">\n'
        + toolbar(total)
        + filter_form(practices, taxonomy)
        + '<div class="pb-results" id="pb-results">\n'
        '<h2 class="pb-sr" id="pb-results-title">Resultaten</h2>\n'
        + listing + "\n"
        '<p class="pb-empty" id="pb-empty" hidden>Geen praktijken gevonden met deze filters. '
        "Haal een vinkje weg of wis alle filters.</p>\n"
        '<div class="pb-map-view" id="pb-map-view">\n'
        + overview_map(practices, taxonomy, address, OVERVIEW_SRC)
        + "</div>\n"
        + browse_section(practices, taxonomy, OVERVIEW_SRC, address)
        + "</div>\n</div>\n"
    )
    return PageSource.of(OVERVIEW_SRC, meta, [
        "# Praktijken\n",
        "Alle praktijkvoorbeelden in de Praktijkbank. Filter op thema, doelgroep, provincie, onderbouwing "
        "en meer.\n",
        html_block(overview, anchors=("pb-overview", "pb-toolbar", "pb-filters", "pb-result", "pb-results",
                                      "pb-list", "pb-empty", "pb-map-view", MAP_SECTION_ID, "pb-browse")),
        "## Op papier\n",
        f"De {link('kaartenset', CARDSET_SRC, OVERVIEW_SRC)}{{: .pb-cardset-link }} zet de kaarten klaar om af "
        "te drukken, elke kaart op een eigen A4: alle kaarten, of met de filters hierboven alleen de gekozen.\n",
    ])


def facet_value_page(facet: Facet, key: str, practices: list[Practice], taxonomy: Taxonomy,
                     address: SiteAddress | None = None, entries: ListEntries | None = None) -> PageSource:
    vocabulary = taxonomy[facet.vocabulary]
    label = vocabulary.label_of(key)
    src = facet.src_uri(key)
    matching = [p for p in practices if key in facet.values_of(p)]
    address_or = address or SiteAddress()
    entries = entries or ListEntries(taxonomy, address_or)
    listing = (card_list(matching, entries, src) if matching
               else html_block(f'<div class="pb-list"><p>{escaped(NO_CARD_YET.removesuffix(" Meld het aan."))} '
                               f'<a href="{attr(address_or.relative(src, CONTRIBUTE_SRC))}">Meld het aan</a>.</p></div>'))
    description = vocabulary.descriptions.get(key)
    return PageSource.of(src, {"title": f"{vocabulary.label}: {label}", "hide": ["toc"], **NOT_IN_SEARCH}, [
        f"# {text(vocabulary.label)}: {text(label)}\n",
        *([f"{text(description)}\n"] if description else []),
        f"{_count_words(len(matching))}. "
        f"{link('Alle ' + vocabulary.plural.lower(), facet.index_src_uri(), src)} · "
        f"{link('Alle praktijken, met filters', OVERVIEW_SRC, src)}\n",
        listing,
    ])


def facet_index_page(facet: Facet, practices: list[Practice], taxonomy: Taxonomy) -> PageSource:
    vocabulary = taxonomy[facet.vocabulary]
    src = facet.index_src_uri()
    counts = facet.count(practices)
    items = "\n".join(
        f"- {link(label, facet.src_uri(key), src)} ({counts.get(key, 0)})"
        for key, label in vocabulary.values.items()
    )
    return PageSource.of(src, {"title": vocabulary.plural, "hide": ["toc"], **NOT_IN_SEARCH}, [
        f"# {text(vocabulary.plural)}\n",
        f"Praktijken per {text(vocabulary.label.lower())}. "
        f"{link('Alle praktijken, met filters', OVERVIEW_SRC, src)}\n",
        items + "\n",
    ])
