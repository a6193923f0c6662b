"""The map on the overview (every practice, filtered with the list) and the small map on a card.

Both are raw HTML with an inline SVG: Markdown leaves raw HTML alone, so nothing in a
title can turn into markup, and the page needs no script to show the map. Links in
raw HTML are not rewritten by the site generator, so they come from ``SiteAddress``.
"""

from __future__ import annotations

from html import escape

from ..geo.places import FROM_CARD, Location, locate
from ..geo.shapes import load_outlines
from ..geo.svg import Marker, draw_map
from ..models import Practice
from ..structured_data import practice_json_ld_script
from ..taxonomy import Taxonomy
from ..urls import SiteAddress
from .listing import card_src_uri, facet_attributes

OPEN_DATA_SRC = "open-data.md"  # generated: pages/open_data.py
MAP_SECTION_ID = "op-de-kaart"


def _where(practice: Practice, taxonomy: Taxonomy) -> str:
    """'Ruwaard, Oss, Noord-Brabant': the place in words, for accessible names and captions."""
    parts = [practice.place.label()]
    if practice.province:
        parts.append(taxonomy["provinces"].label_of(practice.province))
    return ", ".join(p for p in parts if p)


def _basis(location: Location, practice: Practice) -> str:
    if location.basis == FROM_CARD:
        return "De stip staat op de coördinaten die de kaart zelf geeft."
    return (f"De stip staat in de plaats {location.place.name} (bron: GeoNames), "
            f"waar de gemeente {practice.place.municipality} naar heet; het is geen adres.")


def _entry_list(practices: list[Practice], taxonomy: Taxonomy, address: SiteAddress, from_src: str) -> str:
    items = "".join(
        f'<li class="pb-map-entry" data-slug="{escape(p.slug)}"'
        + "".join(f' {name}="{escape(value)}"' for name, value in facet_attributes(p).items())
        + f'><a href="{escape(address.relative(from_src, card_src_uri(p.slug)))}">{escape(p.title)}</a>'
        + (f' <span class="pb-map-where">({escape(_where(p, taxonomy))})</span>' if not p.place.is_national else "")
        + "</li>"
        for p in sorted(practices, key=lambda p: p.title.casefold())
    )
    return f'<ul class="pb-map-list">{items}</ul>'


def overview_map(practices: list[Practice], taxonomy: Taxonomy, address: SiteAddress, from_src: str) -> str:
    """The section 'Op de kaart': the map, national practices beside it, and any that have no place."""
    markers, national, unplaced = [], [], []
    for practice in practices:
        location = locate(practice)
        if location is not None:
            x, y = location.rd
            name = f"{practice.title} ({_where(practice, taxonomy)})"
            markers.append(Marker(practice.slug, x, y, name, address.relative(from_src, card_src_uri(practice.slug)),
                                  facet_attributes(practice)))
        elif practice.place.is_national:
            national.append(practice)
        else:
            unplaced.append(practice)
    svg = draw_map(load_outlines(), markers, label="Kaart van Nederland met de praktijken per gemeente")
    open_data = escape(address.relative(from_src, OPEN_DATA_SRC))
    aside = []
    if national:
        aside.append('<h3 class="pb-map-heading">Landelijk</h3>'
                     '<p class="pb-map-note">Deze aanpakken gelden voor heel Nederland.</p>'
                     + _entry_list(national, taxonomy, address, from_src))
    if unplaced:
        aside.append('<h3 class="pb-map-heading">Niet op de kaart</h3>'
                     '<p class="pb-map-note">Van deze praktijken is de plaats niet te vinden in de plaatsenlijst.</p>'
                     + _entry_list(unplaced, taxonomy, address, from_src))
    return (
        f'<h2 id="{MAP_SECTION_ID}">Op de kaart</h2>\n\n'
        '<div class="pb-map">'
        '<figure class="pb-map-figure">'
        f"{svg}"
        '<figcaption class="pb-map-caption">Elke stip is een praktijk: kies een stip om die praktijk te openen. '
        "Een stip staat in de plaats waar de gemeente naar heet, niet op een adres. "
        f'Kaartgegevens: Natural Earth en GeoNames (<a href="{open_data}">bronnen en licenties</a>).'
        "</figcaption></figure>"
        f'<div class="pb-map-aside">{"".join(aside)}</div>'
        "</div>\n"
    )


def card_location(practice: Practice, taxonomy: Taxonomy) -> str:
    """Where the practice is, for people (a small map) and for search engines (schema.org JSON-LD)."""
    location = locate(practice)
    script = practice_json_ld_script(practice, taxonomy, location)
    if location is None and not practice.province:
        return script + "\n"
    outlines = load_outlines()
    markers = []
    if location is not None:
        x, y = location.rd
        markers.append(Marker(practice.slug, x, y, practice.title))
        caption = f"{escape(_where(practice, taxonomy))}. {escape(_basis(location, practice))}"
    else:
        caption = (f"{escape(_where(practice, taxonomy))}. De plaats staat niet in de plaatsenlijst; "
                   "de kaart toont alleen de provincie.")
    svg = draw_map(outlines, markers, label=None, detailed=False,
                   highlight=practice.province, marker_radius=80, css_class="pb-map-svg pb-minimap-svg")
    return (
        '<figure class="pb-minimap">'
        f'{svg}<figcaption class="pb-map-caption">{caption}</figcaption>'
        "</figure>\n" + script + "\n"
    )
