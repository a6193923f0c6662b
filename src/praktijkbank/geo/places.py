"""Finding where a practice is: its own coordinates, or its municipality in a gazetteer.

The sources of our cards name a municipality, not a position. Rather than invent
coordinates, the map puts a practice at the populated place that carries the
municipality's name in the card's province, as listed by GeoNames (CC BY 4.0).
Coordinates on the card itself, when a source gives them, come first.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..content.models import Place, Practice
from ..content.text_folding import strip_accents
from . import load_data
from .rd import to_rd

# How a position was found; shown to readers so nobody mistakes a town for an address.
FROM_CARD = "kaart"
FROM_MUNICIPALITY = "gemeente"


@dataclass(frozen=True)
class GazetteerPlace:
    name: str
    province: str
    lat: float
    lon: float
    population: int
    geonameid: int


@dataclass(frozen=True)
class Location:
    lat: float
    lon: float
    basis: str  # FROM_CARD or FROM_MUNICIPALITY
    place: GazetteerPlace | None = None

    @property
    def rd(self) -> tuple[float, float]:
        return to_rd(self.lat, self.lon)


def normalise(name: str) -> str:
    """'Súdwest-Fryslân ' and 'sudwest-fryslan' compare equal; so do ’ and '."""
    return " ".join(strip_accents(name.replace("\u2019", "'")).casefold().split())


class Gazetteer:
    def __init__(self, rows: list[list], about: dict) -> None:
        self.about = about
        self._by_name: dict[tuple[str, str], GazetteerPlace] = {}
        self._by_alternate: dict[tuple[str, str], GazetteerPlace] = {}
        # A name in any province, most populous first: for "Ook in" towns, which have no province.
        self._anywhere: dict[str, GazetteerPlace] = {}
        self._anywhere_alternate: dict[str, GazetteerPlace] = {}
        self._names: dict[str, list[str]] = {}
        # Most populous first, so that of two places with one name the larger one wins.
        for name, province, lat, lon, population, geonameid, alternates in sorted(rows, key=lambda r: -r[4]):
            place = GazetteerPlace(name, province, lat, lon, population, geonameid)
            self._by_name.setdefault((normalise(name), province), place)
            self._anywhere.setdefault(normalise(name), place)
            self._names.setdefault(province, []).append(name)
            for alternate in alternates:
                self._by_alternate.setdefault((normalise(alternate), province), place)
                self._anywhere_alternate.setdefault(normalise(alternate), place)

    def find(self, name: str, province: str) -> GazetteerPlace | None:
        """The place called ``name`` in ``province`` (a taxonomy key); its own name before alternates."""
        key = (normalise(name), province)
        return self._by_name.get(key) or self._by_alternate.get(key)

    def find_anywhere(self, name: str, prefer: str | None = None) -> GazetteerPlace | None:
        """The place called ``name`` in whichever province: its own name in ``prefer`` (the card's
        province), then its own name anywhere (the most populous), then an alternate name likewise.
        'IJsselstein' is the town in Utrecht by its own name, not Ysselsteyn (Limburg) by an alternate."""
        key = normalise(name)
        return ((self._by_name.get((key, prefer)) if prefer else None) or self._anywhere.get(key)
                or (self._by_alternate.get((key, prefer)) if prefer else None) or self._anywhere_alternate.get(key))

    def names_in(self, province: str) -> list[str]:
        return sorted(set(self._names.get(province, ())))


@functools.cache
def load_gazetteer() -> Gazetteer:
    raw = load_data("places.json")
    return Gazetteer(raw["places"], raw["about"])


def locate(practice: Practice, gazetteer: Gazetteer | None = None) -> Location | None:
    """Where the map puts ``practice``: None for a national approach or an unknown municipality."""
    if practice.coordinates is not None:
        return Location(practice.coordinates.lat, practice.coordinates.lon, FROM_CARD)
    place = practice.place
    if place.is_national or not place.municipality or not place.province:
        return None
    found = (gazetteer or load_gazetteer()).find(place.municipality, place.province)
    if found is None:
        return None
    return Location(found.lat, found.lon, FROM_MUNICIPALITY, found)


@dataclass(frozen=True)
class AlsoIn:
    """A town the card names under ``place.also_in``, found in the gazetteer."""

    name: str  # as the card writes it
    place: GazetteerPlace

    @property
    def province(self) -> str:
        return self.place.province

    @property
    def rd(self) -> tuple[float, float]:
        return to_rd(self.place.lat, self.place.lon)


@functools.cache
def also_in_places(place: Place, gazetteer: Gazetteer | None = None) -> tuple[AlsoIn, ...]:
    """The "Ook in" towns of a card that the gazetteer knows, in the card's order.

    A town it cannot find is left out (the map and the province filters cannot place
    it), and reported nowhere: ``also_in`` is free text and the card still names it.
    """
    gazetteer = gazetteer or load_gazetteer()
    found = []
    for name in place.also_in:
        hit = gazetteer.find_anywhere(name, prefer=place.province)
        if hit is not None:
            found.append(AlsoIn(name, hit))
    return tuple(found)


def provinces_of(place: Place) -> tuple[str, ...]:
    """The card's own province, then the provinces of its "Ook in" towns, each once."""
    own = (place.province,) if place.province else ()
    return tuple(dict.fromkeys(own + tuple(town.province for town in also_in_places(place))))
