"""The overview "Praktijken" and the facet pages that make it browsable without JavaScript."""

from __future__ import annotations

from ..models import Practice
from ..sitemodel.source import PageSource, html_block
from ..taxonomy import NO_CARD_YET, Taxonomy
from ..urls import SiteAddress
from .cardset import CARDSET_SRC
from .facets import FACETS, Facet
from .listing import PRACTICES_FOLDER, ListEntries, card_list
from .map import MAP_SECTION_ID, overview_map
from .markup import NOT_IN_SEARCH, attr, escaped, link, text

CONTRIBUTE_SRC = "bijdragen/index.md"

OVERVIEW_SRC = f"{PRACTICES_FOLDER}/index.md"


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
        '<form class="pb-filters" id="pb-filters" aria-label="Filter de praktijken" hidden>\n'
        + "\n".join(groups)
        + '\n<button type="reset" class="md-button pb-reset">Alle filters wissen</button>\n</form>\n'
    )


def browse_section(practices: list[Practice], taxonomy: Taxonomy, from_src: str) -> str:
    lines = ["## Bladeren per kenmerk", ""]
    for facet in FACETS:
        vocabulary = taxonomy[facet.vocabulary]
        counts = facet.count(practices)
        values = ", ".join(
            f"{link(label, facet.src_uri(key), from_src)} ({counts[key]})"
            for key, label in vocabulary.values.items()
            if counts.get(key)
        )
        heading = link(vocabulary.plural, facet.index_src_uri(), from_src)
        lines.append(f"- **{heading}:** {values or 'nog geen'}")
    return "\n".join(lines) + "\n"


def overview_page(practices: list[Practice], taxonomy: Taxonomy, address: SiteAddress | None = None,
                  entries: ListEntries | None = None) -> PageSource:
    total = len(practices)
    address = address or SiteAddress()
    entries = entries or ListEntries(taxonomy, address)
    meta = {"title": "Praktijken", "hide": ["toc"], **NOT_IN_SEARCH,
            "description": "Alle praktijkkaarten van de Praktijkbank, te filteren op kenmerk."}
    return PageSource.of(OVERVIEW_SRC, meta, [
        "# Praktijken\n",
        "Alle praktijkvoorbeelden in de Praktijkbank. Kies hieronder wat voor u belangrijk is: "
        "thema, doelgroep, provincie, soort partner of status.\n",
        html_block(filter_form(practices, taxonomy)
                   + f'<p class="pb-result" id="pb-result" role="status" aria-live="polite" '
                   f'data-total="{total}">{_count_words(total)}</p>\n'
                   + overview_map(practices, taxonomy, address, OVERVIEW_SRC),
                   anchors=("pb-filters", "pb-result", MAP_SECTION_ID)),
        card_list(practices, entries, OVERVIEW_SRC, with_data=True, list_id="pb-list"),
        html_block('<p class="pb-empty" id="pb-empty" hidden>Geen praktijken gevonden met deze filters. '
                   "Haal een vinkje weg of wis alle filters.</p>", anchors=("pb-empty",)),
        browse_section(practices, taxonomy, OVERVIEW_SRC),
        "## Op papier\n",
        f"De {link('kaartenset', CARDSET_SRC, OVERVIEW_SRC)}{{: .pb-cardset-link }} zet de kaarten klaar om af "
        "te drukken, elke kaart op een eigen A4: alle kaarten, of met filters hierboven alleen de gekozen.\n",
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
    return PageSource.of(src, {"title": f"{vocabulary.label}: {label}", "hide": ["toc"], **NOT_IN_SEARCH}, [
        f"# {text(vocabulary.label)}: {text(label)}\n",
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
