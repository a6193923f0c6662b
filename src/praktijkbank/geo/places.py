"""Finding where a practice is: its own coordinates, or its municipality in a gazetteer.

The sources of our cards name a municipality, not a position. Rather than invent
coordinates, the map puts a practice at the populated place that carries the
municipality's name in the card's province, as listed by GeoNames (CC BY 4.0).
Coordinates on the card itself, when a source gives them, come first.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from ..models import Practice
from ..text_folding import strip_accents
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
        self._names: dict[str, list[str]] = {}
        # Most populous first, so that of two places with one name the larger one wins.
        for name, province, lat, lon, population, geonameid, alternates in sorted(rows, key=lambda r: -r[4]):
            place = GazetteerPlace(name, province, lat, lon, population, geonameid)
            self._by_name.setdefault((normalise(name), province), place)
            self._names.setdefault(province, []).append(name)
            for alternate in alternates:
                self._by_alternate.setdefault((normalise(alternate), province), place)

    def find(self, name: str, province: str) -> GazetteerPlace | None:
        """The place called ``name`` in ``province`` (a taxonomy key); its own name before alternates."""
        key = (normalise(name), province)
        return self._by_name.get(key) or self._by_alternate.get(key)

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
