"""Warnings for the map: a card the map cannot place, or coordinates in another province.

Warnings, not errors: the card is valid and shows on the site, but a contributor
should know why it is missing from the map or lands somewhere unexpected.
"""

from __future__ import annotations

from typing import Any

from ..content.reading import Document
from ..checks.problems import ProblemLog, Severity
from ..checks.did_you_mean import closest
from ..content.taxonomy import Taxonomy
from .places import load_gazetteer
from .rd import to_rd
from .shapes import load_outlines


def check_map_place(doc: Document, data: Any, log: ProblemLog, taxonomy: Taxonomy) -> None:
    """Run on a card whose front matter passed the schema (``data`` holds checked values)."""
    if not isinstance(data, dict) or log.has_errors:
        return
    place, coordinates = data.get("place") or {}, data.get("coordinates")
    province, municipality = place.get("province"), place.get("municipality")
    if place.get("scope") == "landelijk" or not province:
        return
    province_label = taxonomy["provinces"].label_of(province)
    if coordinates:
        found = load_outlines().province_at(to_rd(coordinates["lat"], coordinates["lon"]))
        if found != province:
            where = f"in {taxonomy['provinces'].label_of(found)}" if found else "buiten de provincies"
            log.add(doc.line_of(("coordinates",)), "coordinates",
                    f"deze plek ligt volgens de kaart {where}, niet in {province_label}",
                    "controleer lat, lon en place.province", severity=Severity.WARNING)
    elif municipality and load_gazetteer().find(municipality, province) is None:
        gazetteer = load_gazetteer()
        log.add(doc.line_of(("place", "municipality")), "place.municipality",
                f"'{municipality}' staat niet als plaats in {province_label} in de plaatsenlijst van de kaart "
                "(GeoNames), dus komt de praktijk niet op de kaart",
                "de naam van een plaats in die provincie, of coordinates als een bron die geeft",
                closest(municipality, gazetteer.names_in(province)), severity=Severity.WARNING)
