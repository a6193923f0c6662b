"""The province outlines of the Netherlands, in RD New metres, and point-in-polygon."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from . import load_data

Point = tuple[float, float]
Ring = tuple[Point, ...]
Polygon = tuple[Ring, ...]  # outer ring first, then holes


@dataclass(frozen=True)
class Province:
    key: str  # as in taxonomy.yml
    detail: tuple[Polygon, ...]  # as published by Natural Earth
    coarse: tuple[Polygon, ...]  # simplified, for small maps

    def contains(self, point: Point) -> bool:
        # Only the polygons whose box holds the point: the ray from a point outside a box
        # crosses that polygon's rings an even number of times, so leaving them out keeps
        # the answer. The check asks this for every card with coordinates, twelve provinces each.
        x, y = point
        return inside(point, tuple(polygon for (left, bottom, right, top), polygon in self._boxed
                                   if left <= x <= right and bottom <= y < top))

    @functools.cached_property
    def _boxed(self) -> tuple[tuple[tuple[float, float, float, float], Polygon], ...]:
        """(box, polygon) for each polygon; the box a metre wider than its rings left and right.

        Above or below a box no edge counts; left or right of it every edge or none does,
        unless rounding moves a crossing (by far less than a metre).
        """
        boxed = []
        for polygon in self.detail:
            xs = [x for ring in polygon for x, _ in ring]
            ys = [y for ring in polygon for _, y in ring]
            boxed.append(((min(xs) - _BOX_MARGIN, min(ys), max(xs) + _BOX_MARGIN, max(ys)), polygon))
        return tuple(boxed)


_BOX_MARGIN = 1.0  # metres


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: drawings of it are cached
class Outlines:
    provinces: dict[str, Province]
    about: dict[str, str]

    def province_at(self, point: Point) -> str | None:
        """The key of the province whose outline holds ``point`` (RD metres), if any."""
        return next((key for key, province in self.provinces.items() if province.contains(point)), None)

    def bounds(self) -> tuple[float, float, float, float]:
        """(min x, min y, max x, max y) of the whole country."""
        xs = [x for p in self.provinces.values() for poly in p.detail for ring in poly for x, _ in ring]
        ys = [y for p in self.provinces.values() for poly in p.detail for ring in poly for _, y in ring]
        return min(xs), min(ys), max(xs), max(ys)


def inside(point: Point, polygons: tuple[Polygon, ...]) -> bool:
    """Even-odd rule over every ring: inside an outer ring and not in one of its holes."""
    x, y = point
    crossings = 0
    for polygon in polygons:
        for ring in polygon:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
                if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                    crossings += 1
    return crossings % 2 == 1


def _polygons(flat: list) -> tuple[Polygon, ...]:
    return tuple(
        tuple(tuple(zip(ring[0::2], ring[1::2])) for ring in polygon) for polygon in flat
    )


@functools.cache
def load_outlines() -> Outlines:
    raw = load_data("provinces.json")
    provinces = {
        key: Province(key, _polygons(value["detail"]), _polygons(value["coarse"]))
        for key, value in raw["provinces"].items()
    }
    return Outlines(provinces, raw["about"])
