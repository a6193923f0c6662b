"""The map on the overview (every practice, filtered with the list) and the small map on a card.

Both are raw HTML with an inline SVG: Markdown leaves raw HTML alone, so nothing in a
title can turn into markup, and the page needs no script to show the map. Links in
raw HTML are not rewritten by the site generator, so they come from ``SiteAddress``.
"""

from __future__ import annotations

import math
from html import escape

from ..geo.places import FROM_CARD, Location, also_in_places, locate
from ..geo.shapes import load_outlines
from ..geo.svg import Marker, draw_map
from ..content.models import Practice
from ..structured_data import practice_json_ld_script
from ..content.taxonomy import Taxonomy
from ..urls import SiteAddress
from .listing import card_src_uri, facet_attributes, place_parts

OPEN_DATA_SRC = "open-data.md"  # generated: pages/open_data.py
MAP_SECTION_ID = "op-de-kaart"


def _where(practice: Practice, taxonomy: Taxonomy) -> str:
    """'Ruwaard, Oss, Noord-Brabant' (but 'Utrecht', not 'Utrecht, Utrecht'): the place in words,
    for accessible names and captions."""
    return ", ".join(place_parts(practice, taxonomy))


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


# "Ook in" towns of one practice closer than this to another of its "Ook in" towns, in the same
# province, share that town's marker (its name lists them): Leiden, Leiderdorp and Oegstgeest as one dot, not three
# fanned out into the sea.
SHARED_MARKER_METRES = 10_000


def _markers(practice: Practice, taxonomy: Taxonomy, href: str) -> list[Marker]:
    """The practice's own marker, if it can be placed, and one in each "Ook in" town the gazetteer knows.

    Every marker carries the card's filter data, but its own province: with the filter on
    Overijssel, Onder de Pannen shows in Zwolle, not in Amsterdam.
    """
    attributes = facet_attributes(practice)
    provinces = taxonomy["provinces"]
    # [x, y, province, towns under "Ook in" at this marker (empty for the card's own place)]
    spots: list[tuple[float, float, str, list[str]]] = []
    location = locate(practice)
    if location is not None:
        spots.append((*location.rd, practice.province or "", []))
    for town in also_in_places(practice.place):
        x, y = town.rd
        near = next((spot for spot in spots if spot[3] and spot[2] == town.province
                     and math.dist(spot[:2], (x, y)) < SHARED_MARKER_METRES), None)
        if near is not None:
            near[3].append(town.name)
        else:
            spots.append((x, y, town.province, [town.name]))
    markers = []
    for x, y, province, towns in spots:
        if not towns:
            label = f"{practice.title} ({_where(practice, taxonomy)})"
            own = {**attributes, "data-provincie": province}
        else:
            label = f"{practice.title} (ook in {', '.join(towns)}, {provinces.label_of(province)})"
            own = {**attributes, "data-provincie": province, "data-ook-in": ", ".join(towns)}
        markers.append(Marker(practice.slug, x, y, label, href, own))
    return markers


def overview_map(practices: list[Practice], taxonomy: Taxonomy, address: SiteAddress, from_src: str) -> str:
    """The section 'Op de kaart': the map, national practices beside it, and any that have no place.

    A practice that also runs elsewhere ("Ook in") has a marker in each of those towns too.
    """
    markers, national, unplaced = [], [], []
    for practice in practices:
        markers += _markers(practice, taxonomy, address.relative(from_src, card_src_uri(practice.slug)))
        if locate(practice) is None:
            (national if practice.place.is_national else unplaced).append(practice)
    svg = draw_map(load_outlines(), markers, label="Kaart van Nederland met de praktijken per gemeente")
    open_data = escape(address.relative(from_src, OPEN_DATA_SRC))
    aside = []
    if national:
        aside.append('<div class="pb-map-group"><h3 class="pb-map-heading">Landelijk</h3>'
                     '<p class="pb-map-note">Deze aanpakken gelden voor heel Nederland.</p>'
                     + _entry_list(national, taxonomy, address, from_src) + "</div>")
    if unplaced:
        aside.append('<div class="pb-map-group"><h3 class="pb-map-heading">Niet op de kaart</h3>'
                     '<p class="pb-map-note">Van deze praktijken is de plaats niet te vinden in de plaatsenlijst.</p>'
                     + _entry_list(unplaced, taxonomy, address, from_src) + "</div>")
    return (
        f'<h2 id="{MAP_SECTION_ID}">Op de kaart</h2>\n\n'
        '<div class="pb-map">'
        '<figure class="pb-map-figure">'
        f"{svg}"
        '<figcaption class="pb-map-caption">Elke stip is een praktijk: kies een stip om die praktijk te openen. '
        "Een stip staat in de plaats waar de gemeente naar heet, niet op een adres; "
        "een praktijk die ook elders loopt, heeft daar ook een stip. "
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
