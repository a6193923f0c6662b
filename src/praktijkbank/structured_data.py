"""schema.org JSON-LD for a practice card, so search engines and tools understand the page.

The card is a ``CreativeWork`` about a ``Project`` (the practice itself): its name,
summary, where it is (with the same position as on the map), when the card was last
reviewed, and its sources as citations.
"""

from __future__ import annotations

from .geo.places import FROM_MUNICIPALITY, Location
from .licence import CONTENT_LICENCE_URL
from .content.models import Practice
from .safe_html import json_ld_script
from .content.taxonomy import Taxonomy


def _place(practice: Practice, taxonomy: Taxonomy, location: Location | None) -> dict:
    place = practice.place
    if place.is_national:
        node: dict = {"@type": "Country", "name": "Nederland"}
    else:
        address = {"@type": "PostalAddress", "addressCountry": "NL"}
        if place.municipality:
            address["addressLocality"] = place.municipality
        if place.province:
            address["addressRegion"] = taxonomy["provinces"].label_of(place.province)
        node = {"@type": "Place", "name": place.label(), "address": address}
    if location is None:
        return node
    geo = {"@type": "GeoCoordinates", "latitude": location.lat, "longitude": location.lon}
    if location.basis == FROM_MUNICIPALITY and place.neighbourhood:
        # The position is the town the municipality is named after, not the neighbourhood: say so.
        node["containedInPlace"] = {"@type": "Place", "name": place.municipality, "geo": geo}
    else:
        node["geo"] = geo
    return node


def practice_json_ld(practice: Practice, taxonomy: Taxonomy, location: Location | None) -> dict:
    where = _place(practice, taxonomy, location)
    project: dict = {
        "@type": "Project",
        "name": practice.title,
        "description": practice.summary,
        "location": where,
        "member": [{"@type": "Organization", "name": p.name} for p in practice.partners],
    }
    if practice.started:
        project["foundingDate"] = str(practice.started)
    if practice.keywords:
        project["alternateName"] = list(practice.keywords)
    return {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": practice.title,
        "description": practice.summary,
        "inLanguage": "nl",
        "dateModified": practice.last_reviewed.isoformat(),
        "keywords": [taxonomy["themes"].label_of(t) for t in practice.themes],
        "spatialCoverage": where,
        "about": project,
        "citation": [_citation(s) for s in practice.sources],
        "license": CONTENT_LICENCE_URL,
    }


def _citation(source) -> dict:
    node = {"@type": "CreativeWork", "name": source.title, "url": source.url,
            "publisher": {"@type": "Organization", "name": source.publisher}}
    if source.date:
        node["datePublished"] = source.date.isoformat()
    return node


def practice_json_ld_script(practice: Practice, taxonomy: Taxonomy, location: Location | None) -> str:
    return json_ld_script(practice_json_ld(practice, taxonomy, location))
