"""The map's geography: RD projection, province outlines, gazetteer, placing a card, map warnings."""

from __future__ import annotations

import dataclasses
import math

import pytest

from praktijkbank.geo.places import FROM_CARD, FROM_MUNICIPALITY, load_gazetteer, locate, normalise
from praktijkbank.geo.rd import to_rd, to_wgs84
from praktijkbank.geo.shapes import inside, load_outlines
from praktijkbank.content.models import Coordinates, Place
from praktijkbank.content.cards import load_practices
from praktijkbank.urls import SiteAddress
from support import ROOT, TODAY, VALID_CARD, line_of

# RD New coordinates computed with PROJ 9 (EPSG:4326 -> EPSG:28992), rounded to the metre.
PROJ_REFERENCE = [
    ((51.765, 5.51806), (164033, 419599)),      # Oss
    ((52.09083, 5.12222), (136840, 455874)),    # Utrecht
    ((53.21917, 6.56667), (233781, 582040)),    # Groningen
    ((52.21833, 6.89583), (258090, 471100)),    # Enschede
    ((50.76, 5.9), (191185, 307910)),           # south of Maastricht
    ((51.37, 3.4), (16633, 377531)),            # Zeeuws-Vlaanderen, far west
]

KNOWN_PLACES = [
    ("Oss", "noord-brabant"),
    ("Utrecht", "utrecht"),
    ("Groningen", "groningen"),
    ("Enschede", "overijssel"),
    ("Amsterdam", "noord-holland"),
    ("Den Haag", "zuid-holland"),
    ("Maastricht", "limburg"),
    ("Leeuwarden", "friesland"),
    ("Assen", "drenthe"),
    ("Lelystad", "flevoland"),
    ("Arnhem", "gelderland"),
    ("Middelburg", "zeeland"),
]


@pytest.mark.parametrize(("wgs84", "expected"), PROJ_REFERENCE)
def test_rd_projection_matches_proj_within_a_metre(wgs84, expected):
    x, y = to_rd(*wgs84)
    assert math.dist((x, y), expected) < 1.0


def test_rd_origin_is_amersfoort_and_the_inverse_returns_the_same_place():
    assert to_rd(52.15517440, 5.38720621) == pytest.approx((155000, 463000))
    for (lat, lon), _ in PROJ_REFERENCE:
        back = to_wgs84(*to_rd(lat, lon))
        assert back == pytest.approx((lat, lon), abs=1e-5)  # about a metre


def test_outlines_have_exactly_the_twelve_provinces_of_the_taxonomy(taxonomy):
    outlines = load_outlines()
    assert set(outlines.provinces) == set(taxonomy["provinces"].values)
    for province in outlines.provinces.values():
        assert province.detail and province.coarse
    assert "Natural Earth" in outlines.about["source"] and "Publiek domein" in outlines.about["licence"]


@pytest.mark.parametrize(("name", "province"), KNOWN_PLACES)
def test_known_places_fall_inside_their_own_province_polygon(name, province):
    """Gazetteer position -> RD -> point in polygon, in the detailed and in the simplified outline."""
    place = load_gazetteer().find(name, province)
    assert place is not None, name
    point = to_rd(place.lat, place.lon)
    outlines = load_outlines()
    assert outlines.province_at(point) == province
    assert inside(point, outlines.provinces[province].coarse)
    others = [key for key, p in outlines.provinces.items() if key != province and p.contains(point)]
    assert others == []


def test_points_outside_the_netherlands_are_in_no_province():
    outlines = load_outlines()
    for lat, lon in [(52.52, 13.40), (50.85, 4.35), (51.23, 6.78), (52.8, 3.6)]:  # Berlin, Brussels, Düsseldorf, North Sea
        assert outlines.province_at(to_rd(lat, lon)) is None


def test_point_in_polygon_respects_holes():
    square = ((0, 0), (10, 0), (10, 10), (0, 10))
    hole = ((4, 4), (6, 4), (6, 6), (4, 6))
    polygons = ((square, hole),)
    assert inside((2, 2), polygons)
    assert not inside((5, 5), polygons)
    assert not inside((12, 5), polygons)


def test_gazetteer_matches_names_loosely_but_only_in_the_given_province():
    gazetteer = load_gazetteer()
    assert gazetteer.find("den haag", "zuid-holland").name == "The Hague"  # an alternate name
    assert gazetteer.find("'s-Hertogenbosch", "noord-brabant") is not None
    assert gazetteer.find("’s-Hertogenbosch", "noord-brabant") is not None  # a typographic apostrophe
    assert gazetteer.find("Oss", "utrecht") is None
    assert gazetteer.find("Bestaat Niet", "utrecht") is None
    assert normalise(" Súdwest-Fryslân ") == "sudwest-fryslan"
    assert "CC BY 4.0" in gazetteer.about["licence"]


def _practice(**changes):
    result = load_practices([ROOT / "practices" / "proeftuin-ruwaard.md"],
                            _taxonomy(), TODAY, root=ROOT,
                            known_slugs={p.stem for p in (ROOT / "practices").glob("*.md")})
    return dataclasses.replace(result.practices[0], **changes)


def _taxonomy():
    from praktijkbank.content.taxonomy import load_taxonomy

    return load_taxonomy(ROOT / "taxonomy.yml")


def test_locate_uses_the_cards_own_coordinates_first():
    practice = _practice(coordinates=Coordinates(51.77, 5.55))
    location = locate(practice)
    assert (location.lat, location.lon, location.basis) == (51.77, 5.55, FROM_CARD)


def test_locate_puts_a_card_at_its_municipality_and_never_a_national_one():
    location = locate(_practice())
    assert location.basis == FROM_MUNICIPALITY and location.place.name == "Oss"
    assert locate(_practice(place=Place(scope="landelijk"))) is None
    unknown = Place(scope="gemeente", municipality="Nergenshuizen", province="utrecht")
    assert locate(_practice(place=unknown)) is None


def _check(tmp_path, card: str):
    (tmp_path / "practices").mkdir()
    path = tmp_path / "practices" / "voorbeeld.md"
    path.write_text(card, encoding="utf-8")
    return load_practices([path], _taxonomy(), TODAY, root=tmp_path)


def test_unknown_municipality_is_a_warning_with_line_field_and_suggestion(tmp_path):
    card = VALID_CARD.replace("municipality: Oss", "municipality: Osss")
    result = _check(tmp_path, card)
    assert result.practices, "a warning does not drop the card"
    [problem] = result.problems
    assert not problem.is_error
    assert (problem.path, problem.line, problem.field) == ("practices/voorbeeld.md", line_of(card, "municipality:"),
                                                           "place.municipality")
    assert "niet op de kaart" in problem.message and problem.suggestion == "Oss"
    assert problem.text().startswith(f"practices/voorbeeld.md:{problem.line}: Gemeente (place.municipality): let op: 'Osss' staat")


def test_coordinates_in_another_province_are_a_warning(tmp_path):
    card = VALID_CARD.replace("themes:", "coordinates:\n  lat: 52.09\n  lon: 5.12\nthemes:")
    result = _check(tmp_path, card)
    assert result.practices
    [problem] = result.problems
    assert (problem.field, problem.line, problem.is_error) == ("coordinates", line_of(card, "coordinates:"), False)
    assert "in Utrecht, niet in Noord-Brabant" in problem.message


def test_coordinates_in_the_right_province_and_a_national_card_give_no_warning(tmp_path):
    card = VALID_CARD.replace("themes:", "coordinates:\n  lat: 51.77\n  lon: 5.55\nthemes:")
    assert _check(tmp_path, card).problems == []


@pytest.mark.parametrize("directory_urls", [True, False])
def test_site_address_links_like_mkdocs_lays_out_pages(directory_urls):
    address = SiteAddress("https://example.org/pb/", directory_urls)
    card, overview, home = "praktijken/x.md", "praktijken/index.md", "index.md"
    if directory_urls:
        assert address.relative(overview, card) == "x/"
        assert address.relative(card, overview) == "../"
        assert address.relative(card, home) == "../../"
        assert address.relative_file("open-data.md", "praktijken.json") == "../praktijken.json"
        assert address.absolute_page(card) == "https://example.org/pb/praktijken/x/"
    else:
        assert address.relative(overview, card) == "x.html"
        assert address.relative(card, overview) == "index.html"
        assert address.relative(card, home) == "../index.html"
        assert address.relative_file("open-data.md", "praktijken.json") == "praktijken.json"
        assert address.absolute_page(card) == "https://example.org/pb/praktijken/x.html"
    assert SiteAddress(None).absolute("feed.xml") is None
